/** Anga's registration-check.md on workflows/studio-week.swarm: what the commands print on workflows/code. */

export const registrationReport = `# Registration check: studio-desk for Wednesday 2 December

**No-go as the code stands. Go once the seven fixes below (four files, 25 changed lines) are
applied and the same checks re-run: about an hour.**

**Summary for the studio owner.** On the first day of the winter term the software counts every
child a year older than they are, so Liam, Ava and Noah would be refused their own classes when
registration opens on Wednesday. The Thompsons' invoice gives the sibling discount to the wrong
child: 219.40 a month instead of 232.80. And anyone who edits an invoice link can download every
child's name and birthdate and every parent's phone number, which matters this week because
parents will be opening invoice links.

Checked against the rules in README.md with the six students and four families in
data/studio.json and the winter start date, Monday 11 January 2027. Nothing in the code was
changed.

## What the real students and families get

Each student enrolled in each of their current classes (an empty copy of it), each family's
January invoice, then a full class and a full waitlist as registration day will have them:

\`\`\`
Emma   2015-03-14 age 12 ballet-3           enrolled
Emma   2015-03-14 age 12 jazz-2             enrolled
Mateo  2019-06-30 age 8 ballet-1           enrolled
Liam   2018-02-02 age 9 ballet-1           rejected age 9 is outside 6-8
Liam   2018-02-02 age 9 hiphop-kids        enrolled
Sofia  2012-08-21 age 15 ballet-5           enrolled
Sofia  2012-08-21 age 15 contemporary-teens enrolled
Ava    2016-05-09 age 11 ballet-2           rejected age 11 is outside 8-10
Ava    2016-05-09 age 11 jazz-2             enrolled
Noah   2021-07-02 age 6 creative-movement  rejected age 6 is outside 4-5
f-rodriguez  Emma 202, Mateo 93.60000000000001 total 295.6
f-chen       Liam 166 total 166
f-okafor     Sofia 234 total 234
f-thompson   Ava 167.4, Noah 52 total 219.4
ballet-1 at 14 of 14, one more: enrolled - roster now 15
adult-ballet full, waitlist a-hughes a-moreau a-nakamura - a place frees up, promoted: a-nakamura
prorate(202, 11 Jan 2027): 130.32258064516128
classes in data/studio.json: creative-movement ballet-1 ballet-2 ballet-3 ballet-5 jazz-2 hiphop-kids contemporary-teens adult-ballet
\`\`\`

**Wrongly refused** (every age printed is one year too high):

| Student | Class (ages) | Age on 11 Jan 2027 | studio-desk | Rule 1 |
|---|---|---:|---|---|
| Liam Chen, born 2 Feb 2018 | Ballet 1 (6–8) | 8 | rejected, "age 9" | enrolled |
| Ava Thompson, born 9 May 2016 | Ballet 2 (8–10) | 10 | rejected, "age 11" | enrolled |
| Noah Thompson, born 2 Jul 2021 | Creative Movement (4–5) | 5 | rejected, "age 6" | enrolled |

The other seven enrolments come out right only by luck: Emma is counted 12 (she is 11) and Sofia
15 (she is 14), still inside their ranges.

**Wrongly charged:**

| Family | studio-desk, January | Rules 3, 4 and 6 | Difference |
|---|---|---|---|
| Thompson | Ava 167.40 + Noah 52.00 = 219.40 | Ava 186.00 + Noah 46.80 = 232.80 | 13.40 a month too little |
| Rodriguez | Emma 202.00 + Mateo 93.60000000000001 = 295.60 | 202.00 + 93.60 = 295.60 | line not rounded; total right |
| Chen | Liam 166.00 | 166.00 | none |
| Okafor | Sofia 234.00 | 234.00 | none |

## Findings

| id | severity | file:line | fix before Wednesday? | title |
|----|----------|-----------|---|-------|
| W1 | high | src/age.ts:4 | yes | Age counts calendar years: Liam, Ava and Noah refused their own classes |
| W2 | high | src/tuition.ts:28 | yes | Sibling discount sorts amounts as text: Thompsons 13.40 a month short |
| W3 | high | src/booking.ts:21 | yes | A class at capacity takes one more (Ballet 1: a 15th of 14) |
| W4 | high this week | src/booking.ts:40 | yes | A freed place goes to the newest on the waitlist (a-nakamura, not a-hughes) |
| S1 | critical | src/server.ts:19–20 | yes | Path traversal: an edited invoice link returns data/studio.json |
| S2 | high | src/server.ts:10 | yes | Admin token defaults to "changeme": contacts export open |
| S3 | high | src/server.ts:35 | yes | /tuition returns children's names and birthdates without a login |
| S4 | high | src/server.ts:18 | no: before the next invoice e-mail | Invoice names are guessable |
| L1 | medium | src/tuition.ts:35, 39 | no: before the January invoices | Lines not rounded to the cent |
| L2 | high | src/tuition.ts:48–49 | no: before the January invoices | Proration: 130.32 instead of 136.84 for 202.00 from 11 January |

W4 is a medium bug in general, but the Adult Beginner Ballet waitlist is the one that will move
this week.

## The smallest patches, for everything marked "yes"

**W1 — src/age.ts:** age in completed years, from the date's own parts (no time-zone shift).

\`\`\`diff
-  const born = new Date(birthDate);
-  return on.getFullYear() - born.getFullYear();
+  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
+  const hadBirthday = on.getMonth() + 1 > month || (on.getMonth() + 1 === month && on.getDate() >= day);
+  return on.getFullYear() - year - (hadBirthday ? 0 : 1);
\`\`\`

**W2 — src/tuition.ts:28:** the highest amount as a number.

\`\`\`diff
-  const highest = [...amounts].sort().reverse()[0];
+  const highest = Math.max(...amounts);
\`\`\`

**W3 and W4 — src/booking.ts:21 and :40:** full means full; first come, first served.

\`\`\`diff
-  if (cls.roster.length > cls.capacity) {
+  if (cls.roster.length >= cls.capacity) {
@@
-  const next = cls.waitlist.pop();
+  const next = cls.waitlist.shift();
\`\`\`

**S1, S2 and S3 — src/server.ts:** refuse names that leave invoices/, no default token, no
children in a quote.

\`\`\`diff
-const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN ?? 'changeme';
+const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN;
@@
-      const body = readFileSync(path.join(INVOICE_DIR, name));
+      const file = path.resolve(INVOICE_DIR, name);
+      if (path.dirname(file) !== INVOICE_DIR) {
+        res.writeHead(404);
+        res.end('not found');
+        return;
+      }
+      const body = readFileSync(file);
@@
-      res.end(JSON.stringify({ ...invoice, children }));
+      res.end(JSON.stringify(invoice));
@@
-      if (req.headers['x-admin-token'] != ADMIN_TOKEN) {
+      if (ADMIN_TOKEN === undefined || req.headers['x-admin-token'] !== ADMIN_TOKEN) {
\`\`\`

With S2 fixed, the office must set STUDIO_ADMIN_TOKEN on the office computer, or nobody can
export the phone tree.

## Security: the quick audit

The security-reviewer audited src/server.ts and what it reads; I confirmed each finding in the
code and the three that matter this week on a local server (stopped afterwards):

\`\`\`
--- invoice link as e-mailed
200
--- encoded ../ out of invoices/
      6 "birthDate"
      4 "phone"
      1 200
--- tuition quote, no login
{"familyId":"f-chen","month":"2027-01","lines":[{"studentId":"s-liam","description":"Tuition 2027-01: Liam","amount":166}],"total":166,"children":[{"id":"s-liam","firstName":"Liam","lastName":"Chen","birthDate":"2018-02-02","familyId":"f-chen","classIds":["ballet-1","hiphop-kids"]}]}
--- contacts with the default token
200
student,born,guardian,phone,email
Emma Rodriguez,2015-03-14,Lucia Rodriguez,555-0142,lucia.rodriguez@example.com
\`\`\`

- **S1 (critical):** \`GET /invoices/..%2fdata%2fstudio.json\` answers 200 with the whole records
  file: all six birthdates and all four family phone numbers, no login.
- **S2 (high):** with STUDIO_ADMIN_TOKEN unset, \`x-admin-token: changeme\` opens the contacts export.
- **S3 (high):** any surname guessed as \`f-<surname>\` gives that family's children with birthdates.
- **S4 (high):** invoice links are \`/invoices/<family>-<yyyy-mm>.txt\`, so a parent can open another
  family's invoice. The fix (a random token per invoice) changes the links, so it belongs with the
  next invoice e-mail, not this week.

Left for later by the reviewer: no CSV quoting (src/csv.ts:3) and stack traces in error answers
(src/server.ts:60).

## Not checked

- data/studio.json holds only the nine current classes listed above. Any class that is new in
  winter is not in it yet, so enrolment into it could not be tested; the office must enter those
  classes before Wednesday.
- Proration (L2) only matters if January is billed from 11 January; rule 5 says it should be.
- Only six students and four families are in the data file.
`;

export const registrationSummary =
  'No-go for registration on Wednesday 2 December as the code stands; go once seven small fixes in four files are applied and re-checked (patches in registration-check.md, about an hour). With the real data and the winter start date (11 January 2027): ageOn counts calendar years (src/age.ts:4), so Liam (Ballet 1), Ava (Ballet 2) and Noah (Creative Movement) are refused their own classes; the sibling discount sorts tuition as text (src/tuition.ts:28), so the Thompsons are billed 219.40 instead of 232.80 a month; a class at 14 of 14 takes a 15th (src/booking.ts:21) and a freed place goes to the newest on the waitlist (src/booking.ts:40). The Rodriguez, Chen and Okafor invoices are right (295.60, 166.00, 234.00). The security-reviewer\'s quick audit, confirmed on a local server: GET /invoices/..%2fdata%2fstudio.json returns every child\'s birthdate and every parent\'s phone with no login (critical, src/server.ts:19-20); the admin token defaults to "changeme" (src/server.ts:10); /tuition returns children\'s birthdates to anyone (src/server.ts:35). After Wednesday: guessable invoice links, rounding and proration. data/studio.json holds only the nine current classes, so no class new in winter could be tested. Nothing in the code was changed.';

export const registrationFindings = [
  'No-go for Wed 2 Dec as the code stands; go once the 7 fixes in registration-check.md (4 files) are applied and re-checked, about 1 hour',
  '[high] src/age.ts:4 — every age one year too high on 11 Jan 2027: Liam (Ballet 1), Ava (Ballet 2) and Noah (Creative Movement) refused their own class',
  '[high] src/tuition.ts:28 — sibling discount on the wrong child: Thompsons billed 219.40 instead of 232.80 a month (13.40 short); Rodriguez 295.60, Chen 166.00, Okafor 234.00 correct',
  '[high] src/booking.ts:21,40 — a full class takes one more (Ballet 1 at 14 of 14 enrols a 15th); a freed place goes to the newest on the waitlist (a-nakamura before a-hughes)',
  "[critical] src/server.ts:19-20 — GET /invoices/..%2fdata%2fstudio.json returns every child's birthdate and every parent's phone, no login; parents open invoice links this week",
  '[high] src/server.ts:10,35 — admin token defaults to "changeme" (contacts export open); /tuition returns children\'s birthdates to anyone',
  'After Wednesday: guessable invoice links (before the next invoice e-mail); rounding and proration (130.32 instead of 136.84 from 11 Jan) before the January invoices',
  'Not checked: data/studio.json holds only the 9 current classes, so no class new in winter could be tested; the office must enter any before Wednesday',
];
