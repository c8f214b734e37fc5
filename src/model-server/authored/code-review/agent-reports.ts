/** What Anga's sub-agents hand back on workflows/code-review.swarm, in their own formats. */

export const testWriterReport = `Command: node --test test/booking.test.ts test/billing.test.ts
Result: 5/19 passed
New tests: test/booking.test.ts (10 tests), test/billing.test.ts (9 tests)
Failing tests that demonstrate bugs:
- counts age in completed years on the first day of term — expected 11, got 12 — likely cause src/age.ts:4 (year difference only)
- admits a child whose birthday falls after the first day of term at their current age — expected enrolled, got rejected "age 11 is outside 8-10" — src/age.ts:4
- refuses a child who is too young on the first day of term — expected rejected, got enrolled — src/age.ts:4
- puts a student on the waitlist when the class is exactly full — expected waitlisted/1, got enrolled — src/booking.ts:21 (> instead of >=)
- gives a freed place to the student who has waited longest — expected s-first, got s-second — src/booking.ts:40 (pop instead of shift)
- never puts a student on the waitlist twice — expected waitlisted/1, got enrolled; with only the capacity line fixed (scratch copy) got waitlisted/2 — src/booking.ts:21-22
- the child with the highest tuition pays full price, the other 10% less (Thompson) — expected ava 186, noah 46.8, got 167.4, 52 — src/tuition.ts:28 (sort() compares as text)
- the full price goes to the highest tuition whatever order the children come in — same values — src/tuition.ts:28
- with three children only the highest tuition pays full price — expected 202, 93.6, 55.8, got 181.8, 93.60000000000001, 62 — src/tuition.ts:28, 35
- rounds every invoice line to the cent — expected 93.6, got 93.60000000000001 — src/tuition.ts:35
- charges the full month when a student starts on the 1st — expected 62, got 59.785714285714285 — src/tuition.ts:48-49
- charges 17 of 31 days when a student starts on 15 January — expected 34, got 32 — src/tuition.ts:49 (start day left out)
- uses the length of the start month: 14 of 28 days from 15 February — expected 28, got 28.903225806451612 — src/tuition.ts:48 (previous month's length)
- charges one day when a student starts on the 31st — expected 2, got 0 — src/tuition.ts:48-49
Passing: last free place, birthday on the first day of term, already enrolled, withdrawing from the waitlist, total equals the sum of the rounded lines (Rodriguez).
Gaps not covered: HTTP endpoints, CSV export, ageOn on a machine west of UTC (dates are built in local time).
Nothing in src/ was edited.`;

export const securityReviewerReport = `[critical] src/server.ts:19 — path traversal in /invoices/
  Evidence: name = decodeURIComponent(pathname.slice(10)); readFileSync(path.join(INVOICE_DIR, name)). GET /invoices/..%2fdata%2fstudio.json (the %2f survives URL parsing, then decodes to ../)
  Impact: any file the process can read, without credentials; data/studio.json holds every child's name, birthdate and classes and every guardian's phone and e-mail
  Fix: resolve the path and refuse anything whose dirname is not INVOICE_DIR
[high] src/server.ts:10 — default admin token
  Evidence: const ADMIN_TOKEN = process.env.STUDIO_ADMIN_TOKEN ?? 'changeme'; checked at :41 with != (not constant-time)
  Impact: /admin/contacts.csv (children's names, birthdates, parents' phones) for anyone sending x-admin-token: changeme when the variable is unset
  Fix: refuse to start without STUDIO_ADMIN_TOKEN; crypto.timingSafeEqual
[high] src/server.ts:28 — /tuition has no authentication
  Evidence: returns JSON.stringify({ ...invoice, children }) for ?family=<id>; ids are f-<surname> (f-thompson)
  Impact: names and birthdates of any family's children
  Fix: drop children from the response; require the staff token
[high] src/server.ts:18 — invoices by guessable name
  Evidence: e-mail links are /invoices/<family>-<yyyy-mm>.txt; no check of who asks
  Impact: any parent can read another family's invoice
  Fix: random per-invoice tokens in the file names and links
[medium] src/csv.ts:3 — no quoting or formula neutralisation
  Evidence: row.join(','); guardianName "Thompson, Daniel" in data/studio.json shifts the columns; cells starting with = + - @ are not prefixed
  Impact: broken phone tree rows; formula injection when the office opens the export
  Fix: quote every cell, double inner quotes, prefix = + - @ with '
[medium] src/server.ts:60 — stack traces to clients
  Evidence: res.end(String(err.stack)); a missing invoice throws ENOENT with the absolute path
  Impact: leaks internal paths; 500 instead of 404
  Fix: log server-side; 404 for ENOENT, plain 500 otherwise
Not checked: deployment (TLS, proxy, which interfaces the port is open on); server.listen(port) binds all interfaces.`;
