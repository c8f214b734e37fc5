/** Anga's enrolment-fix.md for `plan-week/fix-enrolment`: what the commands print on a patched scratch copy. */

export const enrolmentFixReport = `# Enrolment fix for Wednesday 2 December

**Go for Wednesday once enrolment-fix.patch is installed on the office computer and
STUDIO_ADMIN_TOKEN is set, by Tuesday 1 December 17:00.** The patch is tested on a scratch copy
of studio-desk; the workspace itself is unchanged (read-only in this run), so until someone
installs it studio-desk is still a no-go.

**Summary for the studio owner.** With the patch, every one of the six students is accepted for
their own classes on 11 January 2027, the Thompsons are billed 232.80, a full class puts the next
child on the waitlist, and the person who has waited longest gets a freed place. Invoice links
from the e-mail still open, but an edited link that gave away every family's details now answers
"not found", and the contacts export no longer opens with the old default password.

## What the patch changes

Seven fixes in four files, nothing else (enrolment-fix.patch: 9 lines out, 16 in):

| Fix | File | Change |
|---|---|---|
| W1 age in completed years | src/age.ts:3–4 | birthday this year or not, from the date's own parts |
| W2 sibling discount | src/tuition.ts:28 | \`Math.max(...amounts)\` instead of a text sort |
| W3 capacity | src/booking.ts:21 | \`>=\` instead of \`>\` |
| W4 waitlist order | src/booking.ts:40 | \`shift()\` (first in) instead of \`pop()\` (last in) |
| S1 invoice path | src/server.ts:19–26 | 404 unless the resolved file is directly in invoices/ |
| S2 admin token | src/server.ts:10, 47 | no default; every export refused while it is unset |
| S3 tuition quote | src/server.ts:41 | the invoice only, without the children |

## Evidence: Monday's check again, on the patched copy

\`\`\`
patching file src/age.ts
patching file src/booking.ts
patching file src/server.ts
patching file src/tuition.ts
Emma   2015-03-14 age 11 ballet-3           enrolled
Emma   2015-03-14 age 11 jazz-2             enrolled
Mateo  2019-06-30 age 7 ballet-1           enrolled
Liam   2018-02-02 age 8 ballet-1           enrolled
Liam   2018-02-02 age 8 hiphop-kids        enrolled
Sofia  2012-08-21 age 14 ballet-5           enrolled
Sofia  2012-08-21 age 14 contemporary-teens enrolled
Ava    2016-05-09 age 10 ballet-2           enrolled
Ava    2016-05-09 age 10 jazz-2             enrolled
Noah   2021-07-02 age 5 creative-movement  enrolled
f-rodriguez  Emma 202, Mateo 93.60000000000001 total 295.6
f-chen       Liam 166 total 166
f-okafor     Sofia 234 total 234
f-thompson   Ava 186, Noah 46.800000000000004 total 232.8
ballet-1 at 14 of 14, one more: waitlisted - roster now 14
adult-ballet full, waitlist a-hughes a-moreau a-nakamura - a place frees up, promoted: a-hughes
prorate(202, 11 Jan 2027): 130.32258064516128
ℹ tests 2
ℹ pass 2
ℹ fail 0
\`\`\`

\`\`\`
--- invoice link as e-mailed
200
--- encoded ../ out of invoices/
      1 404
--- tuition quote, no login
{"familyId":"f-chen","month":"2027-01","lines":[{"studentId":"s-liam","description":"Tuition 2027-01: Liam","amount":166}],"total":166}
--- contacts with the default token
403
forbidden
\`\`\`

| Check | Before (Monday) | With the patch |
|---|---|---|
| Liam, Ava, Noah enrolled | refused | enrolled, ages 8, 10 and 5 |
| Thompson invoice | 219.40 | 232.80 (Ava 186.00, Noah 46.80) |
| Ballet 1 at 14 of 14, one more | enrolled, 15 in the class | waitlisted, 14 in the class |
| Adult Beginner Ballet, a place frees up | a-nakamura (last in) | a-hughes (first in) |
| /invoices/..%2fdata%2fstudio.json | 200, every birthdate and phone | 404 |
| /invoices/rodriguez-2026-11.txt | 200 | 200 |
| contacts with "changeme" | 200 | 403 |
| existing tests | 2 of 2 | 2 of 2 |

The security-reviewer re-checked the server changes: the traversal is closed for encoded,
absolute and nested names, the token has no default, and the quote carries no children. It
noted that \`!==\` is not a constant-time compare (low on the office network).

## How to install it (office computer, about 15 minutes), by Tuesday 1 December 17:00

1. Stop studio-desk.
2. In studio-desk's directory: \`patch -p1 --dry-run < enrolment-fix.patch\`, then the same
   without \`--dry-run\`. The four "patching file" lines above are what it should print.
3. Set STUDIO_ADMIN_TOKEN in the environment studio-desk starts with, to a long random value
   only staff know. Without it the contacts export refuses everyone: safe, but no phone tree.
4. Start it again (\`node src/server.ts\`), open the e-mailed link /invoices/rodriguez-2026-11.txt
   (it must open), and run \`node --test\` (2 of 2 pass).
5. Tell Fabien it is live: the newsletter sends people to register.

## Left for after Wednesday

- **[high] Guessable invoice links** (src/server.ts:18): a parent can still open another family's
  invoice by guessing \`<family>-<yyyy-mm>.txt\`. Random names change the links, so this goes
  with the next invoice e-mail.
- **Before the January invoices:** lines are not rounded (Noah 46.800000000000004, Mateo
  93.60000000000001; totals are right), and proration gives 130.32 instead of 136.84 for a
  202.00 tuition from 11 January (src/tuition.ts:35, 39, 48–49).
- A student can join a waitlist twice (src/booking.ts:22); CSV quoting (src/csv.ts:3); stack
  traces in error answers (src/server.ts:66).
- data/studio.json still holds only the nine current classes: the office enters any class new
  in winter before Wednesday, or nobody can be enrolled in it.
`;

export const enrolmentFixSummary =
  'Go for Wednesday 2 December once enrolment-fix.patch is installed on the office computer and STUDIO_ADMIN_TOKEN is set, by Tuesday 1 December 17:00; until then studio-desk is still a no-go (the workspace is read-only here, so the patch is tested but not installed). The patch makes the seven fixes of Monday\'s check in four files and nothing else. On a patched scratch copy: all ten enrolments of the six students are accepted on 11 January 2027 (Liam 8, Ava 10, Noah 5), the Thompsons are billed 232.80, Ballet 1 at 14 of 14 waitlists the next child, a freed Adult Beginner Ballet place goes to a-hughes (first in), node --test passes 2 of 2; on a local server the e-mailed invoice link still answers 200, /invoices/..%2fdata%2fstudio.json 404, /tuition no longer returns children, the default token 403. The security-reviewer confirmed the server changes. Left for after Wednesday: guessable invoice links (before the next invoice e-mail), rounding and proration (before the January invoices), duplicate waitlist entries, CSV quoting, stack traces; the office must enter any class new in winter in data/studio.json.';

export const enrolmentFixFindings = [
  'Go for Wed 2 Dec once enrolment-fix.patch is installed and STUDIO_ADMIN_TOKEN set on the office computer, by Tue 1 Dec 17:00 (about 15 minutes); not installed yet',
  'Patched copy: Liam, Ava and Noah enrolled (ages 8, 10, 5); Thompsons 232.80; a full Ballet 1 waitlists the next child; a freed place goes to a-hughes, first in',
  'Patched server: e-mailed invoice link 200; /invoices/..%2fdata%2fstudio.json 404; /tuition without children; default token refused (403); security-reviewer confirmed',
  'node --test 2 of 2 on the patched copy; the patch changes only the 7 fixes in 4 files',
  'After Wednesday: guessable invoice links (before the next invoice e-mail); rounding and proration before the January invoices (130.32 vs 136.84 from 11 Jan)',
  'Office: enter any class new in winter in data/studio.json before Wednesday; only the 9 current classes are there',
];
