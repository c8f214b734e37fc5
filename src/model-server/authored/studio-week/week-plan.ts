import type { PlanAnswer } from '../../../planner/plan-answer.ts';

/**
 * The planner's answer for `decompose plan-week`: what the three check-ins found, turned into
 * this week's jobs. The software fix comes first and the newsletter waits for it (it reads the
 * fix's findings); the calls, the letters and the programme ad need nothing else and run beside it.
 */
export const weekPlan: PlanAnswer = {
  tasks: [
    {
      id: 'fix-enrolment',
      worker: 'anga',
      priority: 'critical',
      timeout: '15m',
      outputs: ['enrolment-fix.patch', 'enrolment-fix.md'],
      prompt: `Winter registration opens on Wednesday 2 December and studio-desk is a no-go as it stands. Monday's check found, with the real data and the winter start date (11 January 2027):
- src/age.ts:4 counts calendar years, so Liam (Ballet 1), Ava (Ballet 2) and Noah (Creative Movement) are refused their own classes;
- src/tuition.ts:28 sorts tuition as text, so the Thompsons are billed 219.40 instead of 232.80 a month;
- src/booking.ts:21 lets a full class take one more, and src/booking.ts:40 gives a freed place to the newest on the waitlist;
- src/server.ts: GET /invoices/..%2fdata%2fstudio.json returns every child's birthdate and every parent's phone (critical), the admin token defaults to "changeme", and /tuition returns children's birthdates without a login.

Turn exactly these seven fixes into one patch, as small as the code allows, and prove it without touching the workspace: apply it to a scratch copy, run the real students and families through enrol() and familyInvoice() again, run node --test, and repeat the requests against a local server. Ask the security-reviewer to re-check the server changes. Leave guessable invoice links, rounding and proration for after Wednesday, and say so.

Write enrolment-fix.patch (applies with patch -p1 from studio-desk's directory) and enrolment-fix.md: go or no-go for Wednesday with the evidence, the steps for the office to install it on the office computer by Tuesday 1 December 17:00 (including setting STUDIO_ADMIN_TOKEN), and what is left.`,
    },
    {
      id: 'thompson-call',
      worker: 'marie',
      priority: 'high',
      outputs: ['thompson-call.md'],
      prompt: `Prepare your call to Daniel Thompson about Ava Thompson, to make by Thursday 3 December, before Saturday's spacing rehearsal. Your check found: Ava missed Ballet 2 on 16, 18 and 23 November and Jazz 2 on 12 and 19 November with no message (Ballet 2 78% for the term); she missed the Jingle Bell Rock verse 2 canon both times it was rehearsed; her media consent form has not come back (sent 7 September and 5 October).

Check her file in students/ first. Write what to say and what to ask, warmly and without blame: is she well and does she want to go on; can she come on Saturday 5 December 10:00–13:00 (spacing), Thursday 10 December 17:00–20:00 (dress rehearsal) and Saturday 12 December 14:00 (the show); her winter classes, now that registration opens on Wednesday 2 December; the consent form. Then what you will decide with Jamal depending on the answer (her place in verse 2), and a letter of under 200 words to send on Thursday if nobody answers. Write thompson-call.md.`,
    },
    {
      id: 'placement-letters',
      worker: 'marie',
      priority: 'high',
      outputs: ['letters/sofia-okafor.md', 'letters/emma-rodriguez.md'],
      prompt: `Write the two winter recommendation letters from your studio check, so the families have them on Tuesday 1 December, before registration opens on Wednesday 2 December:
- to Grace Okafor, inviting Sofia to Ballet 6 (pre-professional) on a trial term with a review at mid-term (your note of 20 November);
- to Lucia Rodriguez, recommending Pre-Pointe Conditioning for Emma rather than pointe (11 relevés on the left on 23 November; the curriculum asks for 16 on each foot).

Take days, times, prices and prerequisites from classes/winter-2027-schedule.md and curriculum/ballet-levels.md, and the reasons from each student's file. Plain language, under 300 words each, warm, ending with the next step and its date (register from Wednesday 2 December; the 25.00 registration fee is waived until 18 December). Medical notes only as far as the family needs them for the decision. Write letters/sofia-okafor.md and letters/emma-rodriguez.md.`,
    },
    {
      id: 'december-newsletter',
      worker: 'fabien',
      priority: 'high',
      after: ['fix-enrolment'],
      outputs: ['december-newsletter.md'],
      prompt: `Draft the December newsletter to the families segment (497 contacts), ready for the owner to approve. Lead with winter registration: open to current families on Wednesday 2 December and to everyone on 9 December, the 25.00 registration fee waived until 18 December, term 11 January to 27 March, and the four new classes (Ballet 6 by invitation, Pre-Pointe Conditioning, Turns & Jumps Lab, Adult Beginner Ballet II on Sundays). Then the showcase: Saturday 12 December, 14:00, Riverside Community Theatre, with the spacing rehearsal (Saturday 5 December, 10:00–13:00) and the dress rehearsal (Thursday 10 December, 17:00–20:00).

Use your outline from Monday (Studio news · Spotlight · Dates for your diary · One thing to do) and the copy-edited subject lines: A "Winter registration opens Wednesday 2 December", B "Register by Friday 18 December, fee waived". No child named; body under 300 words; one action, register. Have the copy-editor check it.

The send depends on the software. Anga's fix reported:
\${fix-enrolment.findings}
If the fix is a go, put the send at Tuesday 1 December, 19:00, on condition that it is installed by 17:00 that day; otherwise Thursday 3 December, 19:00. Put the send date and time at the top. Write december-newsletter.md.`,
    },
    {
      id: 'programme-ad',
      worker: 'fabien',
      priority: 'normal',
      outputs: ['programme-ad.md'],
      prompt: `Write the copy for the half-page ad in the winter showcase programme (Saturday 12 December, about 250 in the audience, many not yet at the studio). It is due to the printer on Monday 7 December, so the owner must approve it by Friday 4 December. One message: winter classes for every age, registration open to everyone from Wednesday 9 December, the 25.00 registration fee waived until 18 December, term from Monday 11 January, the four new classes, and the open house on Saturday 9 January, 10:00–13:00, with free trial classes every 30 minutes. Facts from brief.md and winter-2027-timetable.md, voice from brand-voice.md. No child's name or face; placeholders for the QR code and the studio's address. A headline and at most 80 words. Have the copy-editor check it. Write programme-ad.md.`,
    },
  ],
};
