import { shellWord } from './shell-word.ts';

/**
 * The commands Anga runs against studio-desk on workflows/studio-week.swarm. Each reads the
 * code from `$WS`, so the same command checks the workspace as it is and a patched scratch copy.
 */

// Every student in each current class (an empty copy of it) on the winter start date, each
// family's January invoice, a full class and a full waitlist as registration day will have
// them, a start on the first day of term, and which classes the data knows.
export const winterRun = String.raw`node --input-type=module -e "
const ws = process.env.WS;
const { loadStudio } = await import(ws + '/src/data.ts');
const { ageOn } = await import(ws + '/src/age.ts');
const { enrol, withdraw } = await import(ws + '/src/booking.ts');
const { familyInvoice, prorate } = await import(ws + '/src/tuition.ts');
const studio = loadStudio(ws + '/data/studio.json');
const term = new Date(2027, 0, 11);
const classes = new Map(studio.classes.map((c) => [c.id, c]));
for (const s of studio.students) for (const id of s.classIds) {
  const r = enrol({ ...classes.get(id), roster: [], waitlist: [] }, s, term);
  console.log(s.firstName.padEnd(6), s.birthDate, 'age', ageOn(s.birthDate, term), id.padEnd(18), r.status, r.reason ?? '');
}
for (const f of studio.families) {
  const inv = familyInvoice(f.id, '2027-01', studio.students.filter((s) => s.familyId === f.id), classes);
  console.log(f.id.padEnd(12), inv.lines.map((l) => l.description.split(': ')[1] + ' ' + l.amount).join(', '), 'total', inv.total);
}
const full = { ...classes.get('ballet-1'), roster: Array.from({ length: 14 }, (_, i) => 'x' + i), waitlist: [] };
const r = enrol(full, studio.students.find((s) => s.id === 's-mateo'), term);
console.log('ballet-1 at 14 of 14, one more:', r.status, '- roster now', full.roster.length);
const adult = classes.get('adult-ballet');
const adults = { ...adult, roster: Array.from({ length: 16 }, (_, i) => 'x' + i), waitlist: [...adult.waitlist] };
console.log('adult-ballet full, waitlist', adults.waitlist.join(' '), '- a place frees up, promoted:', withdraw(adults, 'x0'));
console.log('prorate(202, 11 Jan 2027):', prorate(202, term));
console.log('classes in data/studio.json:', studio.classes.map((c) => c.id).join(' '));
"`;

// studio-desk on a free local port, one request per way in that parents' links open up, then stopped.
export const serverProbe = String.raw`port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
(cd "$WS" && PORT=$port exec node src/server.ts) >/dev/null 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for i in $(seq 1 50); do curl -s -o /dev/null "$base/" && break; sleep 0.1; done
echo '--- invoice link as e-mailed'; curl -s -o /dev/null -w '%{http_code}\n' "$base/invoices/rodriguez-2026-11.txt"
echo '--- encoded ../ out of invoices/'; curl -s -w '\n%{http_code}\n' "$base/invoices/..%2fdata%2fstudio.json" | grep -oE '"(birthDate|phone)"|^[0-9]{3}$' | sort | uniq -c
echo '--- tuition quote, no login'; curl -s "$base/tuition?family=f-chen&month=2027-01"; echo
echo '--- contacts with the default token'; curl -s -o /dev/null -w '%{http_code}\n' -H 'x-admin-token: changeme' "$base/admin/contacts.csv"; curl -s -H 'x-admin-token: changeme' "$base/admin/contacts.csv" | head -n 2; echo
kill $pid`;

/** `WS` set to studio-desk's directory, then the command. */
export function inDesk(ws: string, command: string): string {
  return `export WS=${shellWord(ws)}\n${command}`;
}

/** A scratch copy of studio-desk with the patch applied, the command run on it, and the copy removed. */
export function onPatchedCopy(ws: string, patch: string, command: string): string {
  return [
    `d=$(mktemp -d) && cp -r ${shellWord(ws)}/. "$d" && (cd "$d" && patch -p1 < ${shellWord(patch)})`,
    `export WS="$d"`,
    command,
    `rm -rf "$d"`,
  ].join('\n');
}
