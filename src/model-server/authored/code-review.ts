import type { Plan } from '../../compiler/plan-schema.ts';
import type { Turn } from '../script.ts';
import { securityReviewerReport, testWriterReport } from './code-review/agent-reports.ts';
import { reviewReport, securityReport, summaryReport, testsReport } from './code-review/reports.ts';
import { billingTests, bookingTests } from './code-review/test-files.ts';
import { agent, authoredResponder, bash, finish, glob, grepLines, read, write, type Responder, type SubagentAuthor, type TaskAuthor } from './conversation.ts';

/**
 * Anga on workflows/code-review.swarm: reads studio-desk against its README, runs the real
 * students through the code, has the test-writer add tests that fail on each bug and the
 * security-reviewer audit the server, confirms the findings with node and curl, and merges them.
 * The reports state what these commands print on this code.
 */
export function codeReview(plan: Plan): Responder {
  return authoredResponder(plan, { review, tests, security, summary }, [testWriter, securityReviewer]);
}

// Every student in each current class (an empty copy of it) on the winter start date, and each family's invoice.
const experiment = `node --input-type=module -e "
const { loadStudio } = await import('./src/data.ts');
const { ageOn } = await import('./src/age.ts');
const { enrol } = await import('./src/booking.ts');
const { familyInvoice, prorate } = await import('./src/tuition.ts');
const studio = loadStudio();
const term = new Date(2027, 0, 11);
const classes = new Map(studio.classes.map((c) => [c.id, c]));
for (const s of studio.students) for (const id of s.classIds) {
  const cls = { ...classes.get(id), roster: [], waitlist: [] };
  const r = enrol(cls, s, term);
  console.log(s.firstName.padEnd(6), 'ageOn', ageOn(s.birthDate, term), id.padEnd(18), r.status, r.reason ?? '');
}
for (const f of studio.families) {
  const inv = familyInvoice(f.id, '2027-01', studio.students.filter((s) => s.familyId === f.id), classes);
  console.log(f.id.padEnd(12), inv.lines.map((l) => l.description.split(': ')[1] + ' ' + l.amount).join(', '), 'total', inv.total);
}
console.log('prorate(202, 11 Jan 2027)', prorate(202, term));
"`;

// A free port from the OS, the server in the background, one request per finding, then the server stopped.
const demonstration = `port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
PORT=$port node src/server.ts >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
echo '--- invoice link as e-mailed'; curl -s -o /dev/null -w '%{http_code}\\n' "http://127.0.0.1:$port/invoices/rodriguez-2026-11.txt"
echo '--- encoded ../ out of invoices/'; curl -s "http://127.0.0.1:$port/invoices/..%2fdata%2fstudio.json" | head -c 240; echo
echo '--- tuition quote, no login'; curl -s "http://127.0.0.1:$port/tuition?family=f-thompson&month=2027-01" | head -c 400; echo
echo '--- contacts with the default token'; curl -s -H 'x-admin-token: changeme' "http://127.0.0.1:$port/admin/contacts.csv" | tail -n 2
echo '--- missing invoice'; curl -s -w '\\n%{http_code}\\n' "http://127.0.0.1:$port/invoices/nope.txt" | head -n 2
kill $pid`;

// With only the capacity line fixed, on a scratch copy: does the duplicate-waitlist test still fail?
const isolateDuplicate = `d=$(mktemp -d) && cp -r src test package.json "$d" && sed -i 's/cls.roster.length > cls.capacity/cls.roster.length >= cls.capacity/' "$d/src/booking.ts" && (cd "$d" && node --test test/booking.test.ts 2>&1 | sed -n '/failing tests:/,$p' | grep -A20 'waitlist twice' | grep -E "^✖|actual:|expected:"); rm -rf "$d"`;

const review: TaskAuthor = (c) => [
  read(c.at('README.md'), "I'll start with the README's business rules, then the code that implements each."),
  glob('src/*.ts', c.place.material),
  read(c.at('src/age.ts')),
  read(c.at('src/booking.ts')),
  read(c.at('src/tuition.ts')),
  read(c.at('data/studio.json'), 'Now the real records, to test each rule on them.'),
  bash(experiment, 'Run the real students through enrol() and familyInvoice() with the winter start date', 'Several rules look wrong on reading. Checking them on the real students with the winter start date, 11 January 2027.'),
  write(c.out('reports/review.md'), reviewReport, 'Confirmed: every age is a year too high, and the Thompson invoice gives the discount to the wrong child. Writing the review.'),
  finish({
    summary:
      'Reviewed studio-desk against the README rules with the real data and the winter start date (11 January 2027). Seven findings, four high: ageOn counts calendar years (src/age.ts:4), so Liam, Ava and Noah are refused Ballet 1, Ballet 2 and Creative Movement; the sibling discount sorts tuitions as text (src/tuition.ts:28) and undercharges the Thompsons 13.40 a month; prorate uses the previous month\'s length and drops the start day (src/tuition.ts:48-49), giving 130.32 instead of 136.84 for a 202.00 start on 11 January and a negative amount on 31 March; a class that is exactly full takes one more (src/booking.ts:21). Medium: a freed place goes to the newest waitlist entry (src/booking.ts:40), a student can queue twice (src/booking.ts:22), and invoice lines are not rounded to the cent (src/tuition.ts:35, 39). Each has evidence and a minimal fix in reports/review.md; src/ is unchanged.',
    findings: [
      '[high] src/age.ts:4 — age counts calendar years, not completed years: Liam (Ballet 1), Ava (Ballet 2) and Noah (Creative Movement) are refused for the 11 Jan 2027 term',
      '[high] src/tuition.ts:28 — sort() compares tuitions as text, so the discount goes on the wrong child: Thompsons billed 219.40 instead of 232.80 a month',
      "[high] src/tuition.ts:48-49 — prorate uses the previous month's length and drops the start day: 130.32 instead of 136.84 for 202.00 from 11 Jan; not a full month from the 1st; negative on 31 March",
      '[high] src/booking.ts:21 — `>` instead of `>=`: a class that is exactly full enrols one more student',
      '[medium] src/booking.ts:40 — pop() gives a freed place to the newest waitlist entry (Adult Beginner Ballet: a-nakamura before a-hughes)',
      '[medium] src/booking.ts:22 — no duplicate check on the waitlist: a student can queue twice',
      '[medium] src/tuition.ts:35,39 — invoice lines not rounded to the cent (Mateo 93.60000000000001); the total adds unrounded lines',
    ],
    artifacts: ['reports/review.md'],
  }),
];

const tests: TaskAuthor = (c) => [
  read(c.at('test/tuition.test.ts'), "First the existing test, to match its runner and style, and the suite's starting state."),
  bash('node --test', 'Run the existing tests'),
  agent(
    'test-writer',
    'Booking and billing tests',
    `Workspace: ${c.place.cwd}
Add tests for studio-desk's rules in ${c.at('README.md')} (business rules 1, 2 and 4 to 6). Match the style of ${c.at('test/tuition.test.ts')} (node:test, node:assert/strict). Do not edit anything in src/.

${c.at('test/booking.test.ts')}: age on the first day of term (winter starts 11 January 2027; include a child whose birthday falls after it), capacity (a class that is exactly full), waitlist order (longest-waiting first), no duplicate waitlist entries.
${c.at('test/billing.test.ts')}: sibling discount when the children pay different amounts (use the fees in data/studio.json; the Thompsons pay 186.00 and 52.00), rounding to the cent, proration for starts on the 1st, the 15th and the 31st.

Assert the rules as written, not what the code does today. Run the new files with node --test, keep the tests that fail on a real bug, and report each failure with expected and actual values and the likely line.`,
    'The suite passes 2 of 2 today. Handing the new tests to the test-writer.',
  ),
  bash('node --test 2>&1 | grep -E "^ℹ (tests|pass|fail)"', 'Run the whole suite to confirm the totals', "Checking the test-writer's numbers against a full run."),
  write(c.out('reports/tests.md'), testsReport, 'Confirmed: 7 of 21 pass. Writing the report.'),
  finish({
    summary:
      'The test-writer added test/booking.test.ts (10 tests) and test/billing.test.ts (9 tests) for the README rules; `node --test` now runs 21 tests, 7 pass and 14 fail, each on a real bug. Booking: three age tests fail on src/age.ts:4 (a child born 9 May 2016 is rejected with "age 11 is outside 8-10"), an exactly-full class enrols instead of waitlisting (src/booking.ts:21), a freed place goes to s-second instead of s-first (src/booking.ts:40), and a student can be waitlisted twice (still failing at position 2 with only the capacity fix). Billing: three sibling-discount tests fail on the text sort (Thompson: 167.4/52 instead of 186/46.8, src/tuition.ts:28), rounding gives 93.60000000000001 (src/tuition.ts:35), and four proration tests fail (1st: 59.79 not 62; 15 January: 32 not 34; 15 February: 28.90 not 28; 31st: 0 not 2). Details in reports/tests.md; src/ is unchanged.',
    findings: [
      'node --test: 7 of 21 tests pass; the 14 failures are real bugs; nothing in src/ changed',
      'fails: demonstrates the age bug — 3 booking tests, e.g. a birthday after term start rejected with "age 11 is outside 8-10" (src/age.ts:4)',
      'fails: demonstrates the capacity bug — an exactly full class enrols instead of waitlisting (src/booking.ts:21)',
      'fails: demonstrates the waitlist-order bug — freed place goes to s-second, not s-first (src/booking.ts:40)',
      'fails: demonstrates the duplicate bug — a student queues twice (position 2 even with the capacity fix; src/booking.ts:22)',
      'fails: demonstrates the sibling-sort bug — 3 tests; Thompson ava 167.4 / noah 52 instead of 186 / 46.8 (src/tuition.ts:28)',
      'fails: demonstrates the rounding bug — Mateo 93.60000000000001 instead of 93.6 (src/tuition.ts:35)',
      'fails: demonstrates the proration bug — 4 tests: 1st 59.79 not 62, 15 Jan 32 not 34, 15 Feb 28.90 not 28, 31st 0 not 2 (src/tuition.ts:48-49)',
    ],
    artifacts: ['test/booking.test.ts', 'test/billing.test.ts', 'reports/tests.md'],
  }),
];

const security: TaskAuthor = (c) => [
  agent(
    'security-reviewer',
    'Audit studio-desk endpoints',
    `Audit ${c.at('src/server.ts')} and everything it calls (${c.at('src/data.ts')}, ${c.at('src/tuition.ts')}, ${c.at('src/csv.ts')}). Read-only.
Who reaches what: parents open /invoices/<name> from a link in an e-mail; /tuition is used by the front-desk tablet; /admin/contacts.csv is staff only and holds children's names and birthdates and parents' phone numbers (data in ${c.at('data/studio.json')}).
Return findings most severe first, with the triggering request for each.`,
    "I'll have the security-reviewer audit the server first, then confirm each finding against the code and demonstrate it.",
  ),
  read(c.at('src/server.ts'), "Checking the reviewer's findings against the code."),
  read(c.at('src/csv.ts')),
  bash(demonstration, 'Start studio-desk on a free local port, request each URL, stop it', 'All six hold up on reading. Demonstrating them on a local server, then stopping it.'),
  write(c.out('reports/security.md'), securityReport, 'Every finding reproduced. Writing the report.'),
  finish({
    summary:
      'Audited src/server.ts and what it calls with the security-reviewer, confirmed every finding in the code, and demonstrated each on a local server with curl (stopped afterwards). Critical: path traversal in /invoices/ (src/server.ts:19-20): GET /invoices/..%2fdata%2fstudio.json returns the whole records file with every child\'s name and birthdate and every parent\'s phone and e-mail. High: the admin token defaults to "changeme" and opens /admin/contacts.csv (src/server.ts:10, 41); /tuition needs no login and returns a family\'s children with birthdates (src/server.ts:28-35); invoice links are guessable and unauthenticated (src/server.ts:18-24). Medium: the CSV export does not quote cells, so "Thompson, Daniel" splits two rows, and formula cells are not neutralised (src/csv.ts:3); errors return stack traces with absolute paths (src/server.ts:58-60). Fixes in reports/security.md; src/ is unchanged.',
    findings: [
      "[critical] src/server.ts:19-20 — path traversal: GET /invoices/..%2fdata%2fstudio.json returns every child's name and birthdate and every parent's phone (demonstrated)",
      '[high] src/server.ts:10,41 — admin token defaults to "changeme" and opens /admin/contacts.csv (demonstrated); compared with !=',
      "[high] src/server.ts:28-35 — /tuition needs no login and returns the family's children with birthdates (f-thompson demonstrated)",
      '[high] src/server.ts:18-24 — invoice links are guessable (<family>-<month>.txt) and nothing checks who asks',
      '[medium] src/csv.ts:3 — no CSV quoting: "Thompson, Daniel" splits Ava\'s and Noah\'s rows; = + - @ cells not neutralised',
      '[medium] src/server.ts:58-60 — errors return stack traces with absolute paths; a missing invoice gives 500, not 404',
    ],
    artifacts: ['reports/security.md'],
  }),
];

const summary: TaskAuthor = (c) => [
  read(c.at('reports/review.md'), "I'll read the three reports in full before merging them."),
  read(c.at('reports/tests.md')),
  read(c.at('reports/security.md')),
  grepLines('^test\\(', c.at('test'), { glob: '*.test.ts' }, 'Listing the test names, to link each bug to the test that shows it.'),
  write(c.out('reports/summary.md'), summaryReport),
  finish({
    summary:
      'Merged the review, tests and security reports into reports/summary.md: 13 bugs, each linked to the failing test or curl demonstration that shows it. Not ready for registration on Wednesday 2 December as the code stands. Before then (about 2 hours): the invoice path traversal that leaks every child\'s and parent\'s data, the age bug that refuses Liam, Ava and Noah, the default admin token, the open /tuition endpoint, the capacity, sibling-discount, waitlist-order and duplicate-waitlist bugs. Before the January invoices: proration and rounding (35 minutes), and unguessable invoice links before the next invoice e-mail (2 hours). Can wait until January: CSV quoting and stack traces (35 minutes). About half a day in all.',
    findings: [
      'No-go for registration on Wed 2 Dec as the code stands: 8 fixes first, about 2 hours in all',
      "[critical] invoice path traversal leaks every child's and parent's data (src/server.ts:19-20) — fix before 2 Dec, 15 min",
      '[high] age bug refuses Liam, Ava and Noah their classes (src/age.ts:4; 3 failing booking tests) — before 2 Dec, 30 min',
      '[high] default admin token and the open /tuition endpoint expose children\'s data — before 2 Dec, 35 min',
      '[high] capacity, sibling discount, waitlist order and duplicates (src/booking.ts:21,22,40; src/tuition.ts:28; each with failing tests) — before 2 Dec, 25 min',
      '[high] proration wrong for every mid-month start, and lines unrounded (4 + 1 failing billing tests) — before the January invoices, 35 min',
      '[high] guessable invoice links — before the next invoice e-mail, 2 h',
      '[medium] CSV quoting (Thompson rows) and stack traces — can wait until January, 35 min',
    ],
    artifacts: ['reports/summary.md'],
  }),
];

const testWriter: SubagentAuthor = {
  isFor: (system) => system.includes('You are a test-writing specialist'),
  turns(prompt) {
    const ws = /^Workspace: (.+)$/m.exec(prompt)?.[1];
    if (ws === undefined) return [{ text: 'I was not told which workspace to write the tests in, so I wrote none.' }];
    const turns: Turn[] = [
      read(`${ws}/src/booking.ts`, 'Reading the modules under test and the existing test.'),
      read(`${ws}/src/tuition.ts`),
      read(`${ws}/src/age.ts`),
      write(`${ws}/test/booking.test.ts`, bookingTests),
      write(`${ws}/test/billing.test.ts`, billingTests),
      bash('node --test test/booking.test.ts test/billing.test.ts 2>&1 | grep -E "^(✔|✖|ℹ (tests|pass|fail))" | head -n 24', 'Run the new tests'),
      bash(isolateDuplicate, 'Check the duplicate-waitlist test on a scratch copy with only the capacity bug fixed', 'The duplicate-waitlist test fails on the capacity bug first. Checking it on a scratch copy with only that line fixed.'),
      { text: testWriterReport },
    ];
    return turns;
  },
};

const securityReviewer: SubagentAuthor = {
  isFor: (system) => system.includes('You are a security reviewer working under Anga'),
  turns(prompt) {
    const files = [...new Set(prompt.match(/\/\S+\/src\/[a-z-]+\.ts/g) ?? [])];
    return [...files.map((f) => read(f)), { text: securityReviewerReport }];
  },
};
