/**
 * What the sub-agents hand back on workflows/studio-week.swarm, each in the format its agent
 * file asks for, from the rows and lines they read in workflows/studio and workflows/code.
 */

export const attendanceReport = `Range: 2026-11-09 – 2026-11-24 (the file ends on 24 November)
Ava Thompson — Ballet 2: 2/0/0/3 of 5 = 40%
  streak: 2026-11-16–2026-11-23 (absent 16, 18 and 23 Nov; no notes)
Ava Thompson — Jazz 2: 0/0/0/2 of 2 = 0%
  streak: 2026-11-12–2026-11-19 (absent both Thursdays; "no message" on each)
Emma Rodriguez — Ballet 3: 5/0/0/0 of 5 = 100%
Emma Rodriguez — Jazz 2: 2/0/0/0 of 2 = 100%
Liam Chen — Ballet 1: 3/0/0/0 of 3 = 100% (Tuesdays)
Liam Chen — Hip-Hop Kids: 2/0/0/0 of 2 = 100%
Mateo Rodriguez — Ballet 1: 5/0/0/0 of 5 = 100%
Sofia Okafor — Ballet 5: 5/0/0/0 of 5 = 100%
Sofia Okafor — Contemporary Teens: 1/0/1/0 of 2 = 50%
Flags:
- Ava Thompson: last two sessions missed in both classes; 3 Ballet 2 classes in a row (16–23 Nov) and 2 Jazz 2 classes in a row (12–19 Nov), 5 sessions with no reason recorded
- Ava Thompson: Ballet 2 for the whole term 18/23 = 78% (also absent 19 Oct, "soccer practice", and 2 Nov); Jazz 2 9/11 = 82%
- Sofia Okafor: under 80% in Contemporary Teens in this range only (one excused absence, 14 Nov, "school choir concert")
No other student missed two sessions in a row in the range.`;

export const choreographyReport = `Routine: "Snowflake Waltz" (Ballet 3, 3:10, 10 dancers)
Sections:
- Entrance (phrases 1–2): bourrées on demi-pointe in two lines — developing; hardest: straight lines while travelling
- Section A (phrases 3–6): balancés, travelling waltz turns, développé devant 45° — foundational; hardest: waltz turns that travel
- Section B (phrases 7–10): glissade–jeté diagonal, pas de chat ×2, grand jeté preparation — developing; hardest: entries 2 bars apart at the leader's tempo. 2026-11-16: "strong"
- Section C (phrases 11–14): single pirouette en dehors right then left, piqué arabesque, "First Snow" solo (24 counts) — advanced for the corps; hardest: the left pirouette goes straight into the piqué arabesque with no preparation count. 2026-11-16: left pirouette unclean for four of the corps
- Finale (phrases 15–16): chaînés (8 counts), travelling circle, ritardando — developing; hardest: finding the circle after the chaînés without looking down. 2026-11-16: late into the circle; 2026-11-23: front line must move half a metre downstage
Age check: ok (solo développé à la seconde at 90°, the Ballet 3 maximum; no pointe)
Routine: "Jingle Bell Rock" (Jazz 2, 2:05, 13 dancers)
Sections:
- Opening (8 × 8) and Verse 1 (4 × 8): walks, isolations, jazz square, single pivot turn — foundational
- Chorus (6 × 8): stag leaps in pairs, single jazz pirouette to the right, knee slide (back row) — developing; hardest: the pairs crossing stage right to left
- Verse 2 (4 × 8): canon in three groups one count apart, fan kicks, hitch kick, chassé into a jump turn — developing; hardest: holding your own count in the canon
- Final chorus (6 × 8): kick line in a V, turning jump, final pose with the front row kneeling — developing
Age check: ok (knee slides back row only, with knee pads)
Dancer Emma Rodriguez (Snowflake 3; solo understudy; Jingle Bell Rock front row centre left):
- Section B, leading the diagonal: ready
- Section C, left pirouette: ready with cleaning (clean 3 of 5 on 11 Nov; spotting drills, 2 rehearsals), or the soutenu with the corps
- Finale circle: ready with cleaning (late on 16 Nov; walk the circle on the tape on 5 Dec)
- "First Snow" solo as understudy: ready with cleaning (développé at 90°, no higher: she lifts the hip)
- Jingle Bell Rock: ready (its pirouette is to the right)
Dancer Ava Thompson (Jingle Bell Rock front row centre right; stag leaps paired with Emma):
- Verse 2 canon: not ready — she missed the canon section on 12 and 19 Nov (alternative: the back line for verse 2 only, one group she can follow)
- Stag leaps with Emma: ready with cleaning if she comes to the spacing rehearsal; if not, Emma needs another partner
Top 3 corrections before the show:
1. Section C: the soutenu turn for the corps unless the left pirouette is clean on 5 December
2. Finale: the circle on the theatre's 9 m width, front line half a metre downstage
3. Jingle Bell Rock verse 2: re-teach the canon to Ava on 5 December, or re-space her`;

/** How Anga's two briefs to the security-reviewer begin: the check-in's audit, and the fix's re-check. */
export const quickAuditKey = 'Quick audit of studio-desk';
export const patchAuditKey = 'Re-check the server changes';

export const quickAuditReport = `[critical] src/server.ts:19-20 — path traversal in /invoices/
  Evidence: name = decodeURIComponent(url.pathname.slice('/invoices/'.length)); readFileSync(path.join(INVOICE_DIR, name)). GET /invoices/..%2fdata%2fstudio.json (%2f survives URL parsing, then decodes to ../)
  Impact: no login needed; data/studio.json has every child's name and birthdate and every guardian's phone and e-mail
  Fix: path.resolve(INVOICE_DIR, name), and 404 unless its dirname is INVOICE_DIR
[high] src/server.ts:10 — admin token defaults to "changeme"
  Evidence: process.env.STUDIO_ADMIN_TOKEN ?? 'changeme'; compared at :41 with !=
  Impact: /admin/contacts.csv (children's names and birthdates, parents' phones) for anyone who sends x-admin-token: changeme while the variable is unset
  Fix: no default; refuse every export while it is unset
[high] src/server.ts:35 — /tuition hands the family's children to anyone
  Evidence: res.end(JSON.stringify({ ...invoice, children })) with no check of who asks; family ids are f-<surname>
  Impact: children's names and birthdates by guessing a surname
  Fix: return the invoice alone
[high] src/server.ts:18 — invoice file names are guessable
  Evidence: links are /invoices/<family>-<yyyy-mm>.txt and nothing checks who asks
  Impact: any parent can open another family's invoice
  Fix: a random token per invoice in its file name and link (the e-mailed links change)
Left out as less severe: no CSV quoting (src/csv.ts:3), stack traces in 500 answers (src/server.ts:60).
Not checked: how the office computer exposes the port (server.listen binds every interface).`;

export const patchAuditReport = `[fixed] src/server.ts:19-26 (patched) — traversal closed
  Evidence: path.resolve(INVOICE_DIR, name), then 404 unless path.dirname(file) === INVOICE_DIR; ..%2f, %2e%2e%2f, an absolute name and sub/dir all resolve outside it; rodriguez-2026-11.txt still resolves inside
[fixed] src/server.ts:10, 47 (patched) — no default admin token; while STUDIO_ADMIN_TOKEN is unset every export is refused
  Note: !== is not a constant-time compare; low on the office network, use crypto.timingSafeEqual when the file is next changed
[fixed] src/server.ts:41 (patched) — /tuition no longer returns children
  Remaining [low]: it still gives any family's amounts without a login (no personal data)
[high, open] src/server.ts:18 — guessable invoice names: not in this patch; needs new links in the next invoice e-mail
[medium, open] src/csv.ts:3 no quoting; src/server.ts:66 stack traces to clients
Not checked: the office computer's set-up; STUDIO_ADMIN_TOKEN must be set there before the restart, or staff cannot export contacts.`;
