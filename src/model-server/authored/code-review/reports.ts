/** The reports Anga writes on workflows/code-review.swarm, from the code and data in workflows/code. */

export const reviewReport = `# studio-desk review: enrolment and tuition rules

**Summary for the studio owner.** Three of our six students would be refused their own class
when winter registration opens, because the software counts a child's age wrongly. Two billing
bugs charge the wrong amounts: the Thompsons would pay 13.40 a month too little, and anyone
starting mid-month is charged for the wrong number of days. A full class takes one student too
many, and a freed place goes to the person who joined the waitlist last instead of first.

Checked against the rules in README.md, with the real records in data/studio.json and the winter
term start, Monday 11 January 2027 (experiment below). Nothing in src/ was changed.

| id | severity | file:line | title |
|----|----------|-----------|-------|
| R1 | high | src/age.ts:4 | Age counts calendar years, not completed years: Liam, Ava and Noah refused their classes |
| R2 | high | src/tuition.ts:28 | Sibling discount sorts amounts as text: the wrong child pays full price |
| R3 | high | src/tuition.ts:48–49 | Proration uses the previous month's length and leaves out the start day |
| R4 | high | src/booking.ts:21 | A class that is exactly full still takes one more student |
| R5 | medium | src/booking.ts:40 | A freed place goes to the newest waitlist entry, not the longest-waiting |
| R6 | medium | src/booking.ts:22 | The same student can join the waitlist twice |
| R7 | medium | src/tuition.ts:35, 39 | Invoice lines are not rounded to the cent; the total adds unrounded lines |

## Experiment

Every student enrolled in each of their current classes (empty copies of the classes) with the
winter start date, and every family's invoice, run with node from the repository root:

\`\`\`
Emma   ageOn 12 ballet-3           enrolled
Emma   ageOn 12 jazz-2             enrolled
Mateo  ageOn 8 ballet-1           enrolled
Liam   ageOn 9 ballet-1           rejected age 9 is outside 6-8
Liam   ageOn 9 hiphop-kids        enrolled
Sofia  ageOn 15 ballet-5           enrolled
Sofia  ageOn 15 contemporary-teens enrolled
Ava    ageOn 11 ballet-2           rejected age 11 is outside 8-10
Ava    ageOn 11 jazz-2             enrolled
Noah   ageOn 6 creative-movement  rejected age 6 is outside 4-5
f-rodriguez  Emma 202, Mateo 93.60000000000001 total 295.6
f-chen       Liam 166 total 166
f-okafor     Sofia 234 total 234
f-thompson   Ava 167.4, Noah 52 total 219.4
prorate(202, 11 Jan 2027) 130.32258064516128
\`\`\`

Every age printed is one year too high.

## R1 (high): age counts calendar years — src/age.ts:4

\`ageOn\` subtracts the birth year from the year of the day asked about and ignores the month and
day, so every child whose birthday falls later in the year than the first day of term is counted
a year older. README rule 1 says age in completed years on the first day of term.

*Evidence.* On 11 January 2027 Liam (born 2 February 2018) is 8, Ava (born 9 May 2016) is 10 and
Noah (born 2 July 2021) is 5; the code says 9, 11 and 6, and refuses them Ballet 1 (6–8), Ballet 2
(8–10) and Creative Movement (4–5). The same bug lets a child who is a year too young in. Also,
\`new Date('2015-03-14')\` is midnight UTC while \`getFullYear()\` is local time, so west of UTC a
1 January birthday reads as the year before.

*Fix.*

\`\`\`ts
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = on.getMonth() + 1 > m || (on.getMonth() + 1 === m && on.getDate() >= d);
  return on.getFullYear() - y - (hadBirthday ? 0 : 1);
}
\`\`\`

## R2 (high): sibling discount sorts as text — src/tuition.ts:28

\`[...amounts].sort()\` sorts numbers as strings, so "186" comes before "52" and the "highest"
tuition is whichever sorts last as text. README rule 4: the child with the highest tuition pays
full price.

*Evidence.* Thompson family: Ava 186.00, Noah 52.00. The code picks 52 as the highest, so Noah
pays full price and Ava gets 10% off: 167.40 + 52.00 = 219.40. The rule gives 186.00 + 46.80 =
**232.80**: the family is undercharged 13.40 a month. The Rodriguez invoice is right only because
"202" happens to sort after "104".

*Fix.* \`const highest = Math.max(...amounts);\`

## R3 (high): proration — src/tuition.ts:48–49

\`new Date(year, month, 0)\` is the last day of the *previous* month, and \`daysInMonth -
start.getDate()\` leaves out the start day, which README rule 5 includes.

*Evidence.* Starting on 11 January 2027 with 202.00 a month: the code charges 202 × 20/31 =
130.32; the rule gives 202 × 21/31 = **136.84**. Starting on 1 March: 62 × 27/28 = 59.79 instead
of the full 62.00. Starting on 31 March: 62 × (28 − 31)/28, a **negative** charge of −6.64,
instead of 62 × 1/31 = 2.00. \`prorate\` is not called by \`familyInvoice\` or the server today, so
this hits whoever uses it for a mid-month start, which in January, with term starting on the
11th, is everyone new.

*Fix.*

\`\`\`ts
const daysInMonth = new Date(start.getFullYear(), start.getMonth() + 1, 0).getDate();
const daysLeft = daysInMonth - start.getDate() + 1;
\`\`\`

## R4 (high): a full class takes one more — src/booking.ts:21

\`cls.roster.length > cls.capacity\` is false when the roster is exactly at capacity, so the next
student is enrolled. README rule 2: never more students than the capacity.

*Evidence.* Ballet 3 has capacity 12; with 12 enrolled, a 13th student gets \`enrolled\`. The new
winter classes are small (Ballet 6: 8 places, Pre-Pointe Conditioning: 10) and will fill on
registration day.

*Fix.* \`if (cls.roster.length >= cls.capacity) {\`

## R5 (medium): waitlist order — src/booking.ts:40

\`cls.waitlist.pop()\` takes the *last* student who joined. README rule 2: the student who has
waited longest gets the place.

*Evidence.* Adult Beginner Ballet's waitlist in data/studio.json is \`a-hughes, a-moreau,
a-nakamura\`; the first freed place would go to a-nakamura, who joined last.

*Fix.* \`const next = cls.waitlist.shift();\`

## R6 (medium): waitlisted twice — src/booking.ts:22

\`enrol\` checks the roster for duplicates but not the waitlist, so a parent who submits the form
twice holds two places in the queue. README rule 2: never on the waitlist twice.

*Fix.*

\`\`\`ts
const waiting = cls.waitlist.indexOf(student.id);
if (waiting >= 0) return { status: 'waitlisted', position: waiting + 1 };
\`\`\`

## R7 (medium): rounding — src/tuition.ts:35, 39

Lines keep full floating-point precision and the total adds them. README rule 6: round every line
to the cent; the total is the sum of the rounded lines.

*Evidence.* Mateo's line is 104 × 0.9 = \`93.60000000000001\`, which /tuition sends to the
front-desk tablet as is.

*Fix.* Round each line, \`amount = Math.round(amount * 100) / 100\`, and sum the rounded lines
(or keep cents as integers throughout).
`;

export const testsReport = `# studio-desk tests: booking and billing rules

**Summary for the studio owner.** We now have 21 automatic checks of the rules families feel
first; 14 of them fail, and each failure is a real bug: ages are counted wrongly, full classes
overfill, the waitlist runs backwards, the sibling discount can go to the wrong child, amounts
are not rounded, and mid-month starts are charged for the wrong days.

## What ran

\`\`\`
node --test
\`\`\`

Node v24, from the repository root (it runs every \`test/*.test.ts\`). **7 of 21 tests pass, 14
fail.** The new tests assert the rules in README.md, not what the code does today; nothing in
src/ was changed.

| File | Tests | Pass | Fail |
|------|------:|-----:|-----:|
| test/tuition.test.ts (existing) | 2 | 2 | 0 |
| test/booking.test.ts (new) | 10 | 4 | 6 |
| test/billing.test.ts (new) | 9 | 1 | 8 |

## Failing tests

Each demonstrates a bug; the cause is the line the review names.

| Test | Expected | Actual | Likely cause |
|------|----------|--------|--------------|
| booking: counts age in completed years on the first day of term | 11 | 12 | src/age.ts:4, year difference only |
| booking: admits a child whose birthday falls after the first day of term at their current age | enrolled | rejected, "age 11 is outside 8-10" | src/age.ts:4 |
| booking: refuses a child who is too young on the first day of term | rejected | enrolled | src/age.ts:4 |
| booking: puts a student on the waitlist when the class is exactly full | waitlisted, position 1 | enrolled | src/booking.ts:21, \`>\` instead of \`>=\` |
| booking: gives a freed place to the student who has waited longest | s-first | s-second | src/booking.ts:40, \`pop()\` instead of \`shift()\` |
| booking: never puts a student on the waitlist twice | waitlisted, position 1 | enrolled (with the capacity fix alone: waitlisted, position 2) | src/booking.ts:21–22, no waitlist check |
| billing: the child with the highest tuition pays full price, the other 10% less (Thompson) | ava 186, noah 46.8 | ava 167.4, noah 52 | src/tuition.ts:28, text sort |
| billing: the full price goes to the highest tuition whatever order the children come in | ava 186, noah 46.8 | ava 167.4, noah 52 | src/tuition.ts:28 |
| billing: with three children only the highest tuition pays full price | 202, 93.6, 55.8 | 181.8, 93.60000000000001, 62 | src/tuition.ts:28 and 35 |
| billing: rounds every invoice line to the cent (Rodriguez, as on the November invoice) | mateo 93.6 | 93.60000000000001 | src/tuition.ts:35, no rounding |
| billing: charges the full month when a student starts on the 1st | 62 | 59.785714285714285 | src/tuition.ts:48–49 |
| billing: charges 17 of 31 days when a student starts on 15 January | 34 | 32 | src/tuition.ts:49, start day left out |
| billing: uses the length of the start month: 14 of 28 days from 15 February | 28 | 28.903225806451612 | src/tuition.ts:48, previous month's length |
| billing: charges one day when a student starts on the 31st | 2 | 0 (and −6.64 for 31 March) | src/tuition.ts:48–49 |

The duplicate-waitlist test fails first on the capacity bug. On a scratch copy with only the
capacity line fixed it still fails (position 2, the student queued twice), so it demonstrates
both bugs.

## Passing tests

The last free place is filled; a child whose birthday is the first day of term is admitted; an
enrolled student is refused a second time; withdrawing from the waitlist leaves the roster
alone; the invoice total equals the sum of the rounded lines for the Rodriguez family (true today
only because the floating-point error cancels out there); and the two existing tuition tests.

## Not covered yet

The HTTP endpoints (see reports/security.md), the CSV export, and the time-zone edge of \`ageOn\`
(a 1 January birthday on a machine west of UTC): the tests build dates in local time and pass
on this machine's zone.
`;

export const securityReport = `# studio-desk security audit: src/server.ts and what it calls

**Summary for the studio owner.** Anyone with the invoice link can change it to download our
whole records file: every child's name and birthday and every parent's phone number and e-mail.
The staff-only contact export opens with the password "changeme" unless someone has set a real
one, and the tuition page shows any family's children and birthdays to whoever asks.

Audited by the security-reviewer and confirmed by me against the code. Each finding below was
also demonstrated by starting the server on a free local port and requesting the URL with curl;
the server was stopped afterwards. Nothing in src/ was changed.

| id | severity | file:line | title |
|----|----------|-----------|-------|
| S1 | critical | src/server.ts:19–20 | Path traversal in /invoices/ reads any file, including data/studio.json |
| S2 | high | src/server.ts:10, 41 | Admin token defaults to "changeme"; compared with \`!=\` |
| S3 | high | src/server.ts:28–35 | /tuition needs no login and returns the family's children with birthdates |
| S4 | high | src/server.ts:18–24 | Invoices are found by a guessable name, with no check of who asks |
| S5 | medium | src/csv.ts:3 | CSV export neither quotes nor neutralises cells: a comma splits a row, a formula runs |
| S6 | medium | src/server.ts:58–60 | Errors return the stack trace and absolute paths (and 500 for a missing invoice) |

## S1 (critical): path traversal — src/server.ts:19–20

*Evidence.* The name is URL-decoded and joined to \`invoices/\` without a check, so an encoded
\`../\` survives the URL parser:

\`\`\`
GET /invoices/..%2fdata%2fstudio.json  →  200, the full data/studio.json
\`\`\`

*Impact.* Without any credentials: every child's name, birthdate and classes, every guardian's
name, phone and e-mail; also the source code and anything else the server process can read.

*Fix.*

\`\`\`ts
const file = path.resolve(INVOICE_DIR, name);
if (path.dirname(file) !== INVOICE_DIR || !file.endsWith('.txt')) { res.writeHead(404); res.end('not found'); return; }
\`\`\`

## S2 (high): default admin token — src/server.ts:10, 41

*Evidence.* \`process.env.STUDIO_ADMIN_TOKEN ?? 'changeme'\`:

\`\`\`
GET /admin/contacts.csv  with  x-admin-token: changeme  →  200, all six children and their parents
\`\`\`

*Impact.* Anyone who guesses the default gets the phone tree. \`!=\` also compares in variable time.

*Fix.* Refuse to start without \`STUDIO_ADMIN_TOKEN\`; compare with \`crypto.timingSafeEqual\` on
equal-length buffers.

## S3 (high): /tuition exposes children — src/server.ts:28–35

*Evidence.* No authentication; the response spreads in the raw student records:

\`\`\`
GET /tuition?family=f-thompson&month=2027-01  →  Ava and Noah Thompson, born 2016-05-09 and 2021-07-02
\`\`\`

Family ids are \`f-\` plus the surname.

*Impact.* Names and birthdates of any family's children, to anyone who can reach the tablet's
address.

*Fix.* Return only the invoice (drop \`children\`), and require the staff token, as for contacts.

## S4 (high): guessable invoice links — src/server.ts:18–24

*Evidence.* \`/invoices/rodriguez-2026-11.txt\` is family name plus month; nothing ties the
request to the family.

*Impact.* One parent can read another family's invoice by editing the link.

*Fix.* Name invoice files with a random token per family and month (for example
\`crypto.randomBytes(16).toString('hex')\`), and put that in the e-mail link.

## S5 (medium): CSV export — src/csv.ts:3

*Evidence.* Cells are joined with commas, no quoting. The Thompson guardian is stored as
"Thompson, Daniel", so Ava's and Noah's rows come out with six columns and the phone number
lands under "guardian" in a spreadsheet. A name starting with \`=\`, \`+\`, \`-\` or \`@\` would run as a
formula when the office opens the file.

*Fix.* Quote every cell (\`"\` doubled inside), and prefix cells starting with \`= + - @\` with \`'\`.

## S6 (medium): stack traces to clients — src/server.ts:58–60

*Evidence.* \`GET /invoices/nope.txt\` → 500 with \`Error: ENOENT: no such file or directory, open
'/…/invoices/nope.txt'\` and the stack.

*Impact.* Reveals internal paths; a parent with a mistyped link gets an error page instead of
"not found".

*Fix.* Log the error on the server; answer 404 for a missing invoice and a plain 500 otherwise.

Not checked: how the server is exposed to the internet (TLS, reverse proxy) is outside this code.
`;

export const summaryReport = `# studio-desk before winter registration: what to fix

Winter registration opens on **Wednesday 2 December**, and the software is not ready for it
today. As it stands, three of our six students (Liam, Ava and Noah) would be refused their own
classes, a full class would take one child too many, and the first free place on a waitlist
would go to the person who asked last. Some families would be charged the wrong amount: the
Thompsons 13.40 a month too little, and anyone starting mid-month the wrong number of days.
More urgent still, anyone who has an invoice link can download the whole records file, with
every child's name and birthday and every parent's phone number. All of these are small
changes, about half a day of work in total, and every bug now has an automatic test that
will show when it is fixed.

Sources: reports/review.md (R1–R7), reports/tests.md (14 failing tests of 21),
reports/security.md (S1–S6).

## The bugs, merged and ranked

Grouped by when each must be fixed, most harmful first within each group. Each bug is shown
by the failing test or demonstration named.

| # | Bug | Severity | Where | Shown by | Effort |
|---|-----|----------|-------|----------|--------|
| 1 | Invoice link reads any file: all children's and parents' data (S1) | critical | src/server.ts:19–20 | curl demonstration (reports/security.md) | 15 min |
| 2 | Age counted in calendar years: Liam, Ava, Noah refused (R1) | high | src/age.ts:4 | booking: counts age in completed years…; admits a child whose birthday falls after…; refuses a child who is too young… | 30 min |
| 3 | Contacts export opens with "changeme" (S2) | high | src/server.ts:10, 41 | curl demonstration | 15 min, plus setting the token on the office computer |
| 4 | /tuition shows any family's children and birthdates (S3) | high | src/server.ts:28–35 | curl demonstration | 20 min |
| 5 | A full class takes one more (R4) | high | src/booking.ts:21 | booking: puts a student on the waitlist when the class is exactly full | 5 min |
| 6 | Sibling discount on the wrong child; Thompsons undercharged 13.40 a month (R2) | high | src/tuition.ts:28 | billing: the child with the highest tuition pays full price…; …whatever order…; …three children… | 5 min |
| 7 | Waitlist runs newest first (R5) | medium | src/booking.ts:40 | booking: gives a freed place to the student who has waited longest | 5 min |
| 8 | Same student on the waitlist twice (R6) | medium | src/booking.ts:22 | booking: never puts a student on the waitlist twice | 10 min |
| 9 | Mid-month starts charged wrong days; negative on the 31st (R3) | high | src/tuition.ts:48–49 | billing: four proration tests (1st, 15 January, 15 February, 31st) | 15 min |
| 10 | Amounts not rounded to the cent (R7) | medium | src/tuition.ts:35, 39 | billing: rounds every invoice line to the cent | 20 min |
| 11 | Guessable invoice links (S4) | high | src/server.ts:18–24 | code reading; names are family plus month | 2 h (new links in the e-mail) |
| 12 | Contact CSV breaks on a comma; formulas not neutralised (S5) | medium | src/csv.ts:3 | curl demonstration (Thompson rows) | 20 min |
| 13 | Stack traces and paths returned on errors (S6) | medium | src/server.ts:58–60 | curl demonstration | 15 min |

## Before registration opens on Wednesday 2 December

Items 1 to 8: about **2 hours**, then \`node --test\` until the booking tests and the sibling
discount tests pass. Items 1, 3 and 4 close the data leaks; 2, 5, 7 and 8 decide who gets a place
on registration day, which cannot be undone once families have been told; 6 sets the amount
families will see on their first winter quote.

## Before the January invoices (winter term starts Monday 11 January)

Items 9 and 10, about **35 minutes**: January is the month when most students start mid-month,
and every invoice line must be rounded. Item 11 (**2 hours**) should be in place before the next
invoice e-mail goes out; until then item 1's fix at least stops the worst of it.

## Can wait until January

Items 12 and 13, about **35 minutes**. Until the CSV fix, the office should check the Thompson
rows by hand when printing the phone tree.
`;
