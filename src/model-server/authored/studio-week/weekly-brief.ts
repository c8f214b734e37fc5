/**
 * The synthesizer's answer for `synthesize weekly-brief`: the owner's page, merged from the three
 * check-in reports and the five planned tasks' files as the authored run writes them. It names
 * no child's medical or family details, and points to Marie's reports for them.
 */
export const weeklyBrief = `# The week of Monday 30 November to Sunday 6 December 2026

The week turns on studio-desk: as it stands it would refuse Liam, Ava and Noah their own classes on Wednesday and let anyone who edits an invoice link download every family's details, and Anga's patch fixes that on a test copy but is not installed yet. Teaching is on track apart from Ava Thompson, absent five times since 12 November without a message, and one choice in the Snowflake Waltz that Marie makes on Saturday. The newsletter, two placement letters and the programme ad are drafted for your approval; the newsletter should go only once the fix is live.

## What to do, in order

1. Install the enrolment fix — Anga with the office, by Tuesday 1 December 17:00: apply enrolment-fix.patch on the office computer, set STUDIO_ADMIN_TOKEN, restart, check the e-mailed invoice link still opens (steps in enrolment-fix.md, about 15 minutes), then tell Fabien.
2. Enter the new winter classes in studio-desk — the office, by Tuesday 1 December, with step 1: Ballet 6 and Pre-Pointe Conditioning at least, or the families in Marie's letters cannot be enrolled on Wednesday.
3. Approve and send the placement letters — you approve, Marie sends, Tuesday 1 December: Sofia invited to Ballet 6 on a trial term (letters/sofia-okafor.md), Emma to Pre-Pointe Conditioning (letters/emma-rodriguez.md).
4. Approve the December newsletter — you by Tuesday 1 December 17:00; Fabien sends it at 19:00 to families (497) if step 1 is done, otherwise Thursday 3 December 19:00 with its "registration is open" wording; decide the fee-waiver day and add the registration link first.
5. Registration opens for current families — Wednesday 2 December; the office watches the first registrations go through.
6. Call the Thompson family — Marie, by Thursday 3 December; the letter in thompson-call.md goes that day if nobody answers, and Marie and Jamal settle Ava's place in Jingle Bell Rock by Friday 4 December.
7. Approve the programme ad — you by Friday 4 December; Fabien sends it to the printer on Monday 7 December with the QR code and the studio's address filled in (programme-ad.md).
8. Spacing rehearsal — Marie, Saturday 5 December 10:00–13:00: the soutenu instead of the left pirouette in Snowflake Waltz section C if the corps is still unclean, the finale's front line half a metre downstage, and the Jingle Bell Rock canon for Ava with Jamal.

## Conflicts, and what I recommend

- **The newsletter before the fix.** Fabien's best slot is Tuesday 1 December at 19:00: families open Tuesday evening sends (53.8% over 15 sends), and the e-mails announcing an opening a few days ahead brought 41 and 46 registrations. Anga's verdict is no-go until the patch is installed, and this week's tasks only prepared it; his workspace was read-only. I recommend installing it by Tuesday 17:00 and sending on Tuesday; if it is not live by then, send on Thursday 3 December at 19:00 (Thursday evenings did as well, on only two sends). Two days' delay costs less than 497 families sent to register on software that refuses three children.
- **Marie's letters and the software.** The letters invite two families to register for Ballet 6 and Pre-Pointe Conditioning on Wednesday, but studio-desk holds only the nine current classes, so neither class can take an enrolment yet. I recommend step 2 before the letters go.
- **The last day of the fee waiver.** The brief says the fee is waived until Friday 18 December; the winter timetable says "before 18 December". The letters and the newsletter's body say "before Friday 18 December", safe either way, but Subject B ("Register by Friday 18 December") and the newsletter's dates list count the 18th. I recommend you decide before the newsletter goes, and that the timetable, the newsletter and the programme ad then say the same.
- **Liam's Ballet 1 billing.** studio-desk bills Liam Chen 166.00 a month, which counts Ballet 1 twice a week; Marie's records have him in Ballet 1 on Tuesdays only. I recommend the office checks which classes the family registers for before the January invoice.

## Still missing

- Nobody is assigned steps 1 and 2 in this week's plan: they need a name from you.
- The registration link in the newsletter; the QR code target and the studio's address and phone in the ad.
- Ava Thompson's media consent form has not come back; the details are in Marie's studio-check.md and thompson-call.md, not here.
- After this week: invoice links anyone can guess, before the next invoice e-mail; rounding, and proration (a 202.00 tuition from 11 January is charged 130.32 instead of 136.84), before the January invoices; duplicate waitlist entries, CSV quoting and stack traces (enrolment-fix.md).
- Not checked by anyone: the Ballet 1, Ballet 2, Hip-Hop Kids, Ballet 5 and Contemporary Teens showcase pieces have no choreography file, and the attendance records stop on 24 November.

## Sources

Monday's check-ins: studio-check.md (Marie), registration-check.md (Anga), newsletter-insights.md (Fabien). This week's tasks: enrolment-fix.patch and enrolment-fix.md (Anga); thompson-call.md, letters/sofia-okafor.md and letters/emma-rodriguez.md (Marie); december-newsletter.md and programme-ad.md (Fabien).
`;
