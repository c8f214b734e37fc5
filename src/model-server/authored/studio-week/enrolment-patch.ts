/**
 * The patch Anga writes for \`plan-week/fix-enrolment\`: the seven fixes of the registration
 * check, made with diff against a scratch copy of workflows/code, so it applies with
 * \`patch -p1\` from studio-desk's directory. Blank context lines are empty, as the CLI's Write
 * leaves them; patch reads them as context all the same.
 */
export const enrolmentPatch = `--- a/src/age.ts
+++ b/src/age.ts
@@ -1,7 +1,8 @@
 /** A person's age in completed years on the given day. */
 export function ageOn(birthDate: string, on: Date): number {
-  const born = new Date(birthDate);
-  return on.getFullYear() - born.getFullYear();
+  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
+  const hadBirthday = on.getMonth() + 1 > month || (on.getMonth() + 1 === month && on.getDate() >= day);
+  return on.getFullYear() - year - (hadBirthday ? 0 : 1);
 }

 /** True when the student's age on \`on\` is within [min, max]. */
--- a/src/booking.ts
+++ b/src/booking.ts
@@ -18,7 +18,7 @@
   if (age < cls.minAge || age > cls.maxAge) {
     return { status: 'rejected', reason: \`age \${age} is outside \${cls.minAge}-\${cls.maxAge}\` };
   }
-  if (cls.roster.length > cls.capacity) {
+  if (cls.roster.length >= cls.capacity) {
     cls.waitlist.push(student.id);
     return { status: 'waitlisted', position: cls.waitlist.length };
   }
@@ -37,7 +37,7 @@
     cls.waitlist = cls.waitlist.filter((id) => id !== studentId);
     return undefined;
   }
-  const next = cls.waitlist.pop();
+  const next = cls.waitlist.shift();
   if (next !== undefined) cls.roster.push(next);
   return next;
 }
--- a/src/server.ts
+++ b/src/server.ts
@@ -7,7 +7,7 @@
 import { familyInvoice } from './tuition.ts';

 const INVOICE_DIR = path.resolve('invoices');
-const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN ?? 'changeme';
+const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN;

 export const server = createServer((req, res) => {
   try {
@@ -17,7 +17,13 @@
     // e.g. /invoices/rodriguez-2026-11.txt
     if (url.pathname.startsWith('/invoices/')) {
       const name = decodeURIComponent(url.pathname.slice('/invoices/'.length));
-      const body = readFileSync(path.join(INVOICE_DIR, name));
+      const file = path.resolve(INVOICE_DIR, name);
+      if (path.dirname(file) !== INVOICE_DIR) {
+        res.writeHead(404);
+        res.end('not found');
+        return;
+      }
+      const body = readFileSync(file);
       res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
       res.end(body);
       return;
@@ -32,13 +38,13 @@
       const children = studio.students.filter((s) => s.familyId === familyId);
       const invoice = familyInvoice(familyId, month, children, classes);
       res.writeHead(200, { 'content-type': 'application/json' });
-      res.end(JSON.stringify({ ...invoice, children }));
+      res.end(JSON.stringify(invoice));
       return;
     }

     // Staff export the phone tree: /admin/contacts.csv with header x-admin-token.
     if (url.pathname === '/admin/contacts.csv') {
-      if (req.headers['x-admin-token'] != ADMIN_TOKEN) {
+      if (ADMIN_TOKEN === undefined || req.headers['x-admin-token'] !== ADMIN_TOKEN) {
         res.writeHead(403);
         res.end('forbidden');
         return;
--- a/src/tuition.ts
+++ b/src/tuition.ts
@@ -25,7 +25,7 @@
   classes: Map<string, DanceClass>,
 ): Invoice {
   const amounts = children.map((child) => studentTuition(child, classes));
-  const highest = [...amounts].sort().reverse()[0];
+  const highest = Math.max(...amounts);
   let fullPriceGiven = false;
   const lines: InvoiceLine[] = children.map((child, i) => {
     let amount = amounts[i]!;
`;
