import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from './csv.ts';
import { loadStudio } from './data.ts';
import { familyInvoice } from './tuition.ts';

const INVOICE_DIR = path.resolve('invoices');
const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN ?? 'changeme';

export const server = createServer((req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');

    // Parents open their invoice from the link in the monthly e-mail,
    // e.g. /invoices/rodriguez-2026-11.txt
    if (url.pathname.startsWith('/invoices/')) {
      const name = decodeURIComponent(url.pathname.slice('/invoices/'.length));
      const body = readFileSync(path.join(INVOICE_DIR, name));
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
      return;
    }

    // The front desk quotes a family's monthly tuition: /tuition?family=f-rodriguez&month=2026-12
    if (url.pathname === '/tuition') {
      const studio = loadStudio();
      const familyId = url.searchParams.get('family') ?? '';
      const month = url.searchParams.get('month') ?? new Date().toISOString().slice(0, 7);
      const classes = new Map(studio.classes.map((c) => [c.id, c]));
      const children = studio.students.filter((s) => s.familyId === familyId);
      const invoice = familyInvoice(familyId, month, children, classes);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...invoice, children }));
      return;
    }

    // Staff export the phone tree: /admin/contacts.csv with header x-admin-token.
    if (url.pathname === '/admin/contacts.csv') {
      if (req.headers['x-admin-token'] != ADMIN_TOKEN) {
        res.writeHead(403);
        res.end('forbidden');
        return;
      }
      const studio = loadStudio();
      const rows = studio.students.map((s) => {
        const family = studio.families.find((f) => f.id === s.familyId);
        return [`${s.firstName} ${s.lastName}`, s.birthDate, family?.guardianName ?? '', family?.phone ?? '', family?.email ?? ''];
      });
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(toCsv(['student', 'born', 'guardian', 'phone', 'email'], rows));
      return;
    }

    res.writeHead(404);
    res.end('not found');
  } catch (err) {
    res.writeHead(500);
    res.end(String((err as Error).stack));
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, () => console.log(`studio-desk on http://localhost:${port}`));
}
