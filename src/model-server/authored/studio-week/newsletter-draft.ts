import { copyEdit } from './copy-edit.ts';

/** Fabien's december-newsletter.md for `plan-week/december-newsletter`, as the copy-editor returned it. */
export const decemberNewsletter = `# December newsletter: draft for approval

**Send:** Tuesday 1 December, 19:00, to families (497 contacts), on condition that Anga's fix is
installed on the office computer by 17:00 that day. If it is not: Thursday 3 December, 19:00.
**Subject A:** Winter registration opens Wednesday 2 December
**Subject B:** Register by Friday 18 December, fee waived
**Approval:** the owner, before it is scheduled.

---

# Lumière Dance Studio — December

## Studio news

Winter registration opens for current families on **Wednesday 2 December**, a week before
everyone else. Register before Friday 18 December and the 25.00 registration fee is waived. The
winter term runs from Monday 11 January to Saturday 27 March.

Before that, our winter showcase: **Saturday 12 December at 14:00** at the Riverside Community
Theatre. Every class has a piece, and the dancers are counting the days.

## Spotlight: four new classes this winter

- **Ballet 6** (pre-professional, 14 and over): three classes a week, by invitation.
- **Pre-Pointe Conditioning** (11–14): 30 minutes on Wednesdays for strong ankles and feet, no
  pointe shoes.
- **Turns & Jumps Lab** (10–13): Saturday mornings with Jamal, for spotting, turns and soft
  landings.
- **Adult Beginner Ballet II**: Sundays at 10:00, a second class for grown-up beginners.

## Dates for your diary

- Wednesday 2 December: winter registration opens for current families
- Saturday 5 December, 10:00–13:00: spacing rehearsal at the studio
- Thursday 10 December, 17:00–20:00: dress rehearsal at the theatre
- Saturday 12 December, 14:00: winter showcase
- Friday 18 December: last day to register with the fee waived
- 19 December – 3 January: the studio is closed for the holidays
- Saturday 9 January, 10:00–13:00: open house, free trial classes
- Monday 11 January: winter term starts

## One thing to do

Register for winter before Friday 18 December:
**[See the winter timetable and register](REGISTRATION LINK)**

See you in the studio,
Marie
`;

export const newsletterEdit = copyEdit(
  'Draft: December newsletter to families',
  decemberNewsletter,
  [
    { draft: 'Amazing news: winter registration opens for current families', final: 'Winter registration opens for current families', why: 'Cut "Amazing news": brand-voice.md avoids "amazing", and the date carries the news.' },
    { draft: '**Saturday 12 December at 2 pm**', final: '**Saturday 12 December at 14:00**', why: 'Times as 14:00 throughout, like the rehearsal times in the same piece (brand-voice.md: one format per piece).' },
    { draft: '- Saturday 12 December, 2 pm: winter showcase', final: '- Saturday 12 December, 14:00: winter showcase', why: 'Same, in the dates list.' },
    { draft: '30 minutes on Wednesdays to get ready for pointe shoes!', final: '30 minutes on Wednesdays for strong ankles and feet, no\n  pointe shoes.', why: 'Facts: the timetable says "no pointe shoes", and the class does not promise pointe; also the piece\'s only exclamation mark.' },
    { draft: '**[Click here](REGISTRATION LINK)**', final: '**[See the winter timetable and register](REGISTRATION LINK)**', why: 'Link text says where it goes, not "click here".' },
  ],
  [
    '[CHECK: fee waiver] the body says "before Friday 18 December" (true under either reading); Subject B and the dates list say "by" / "last day", which assumes the 18th counts, as brief.md says and the timetable ("before 18 December") does not.',
    '[CHECK: REGISTRATION LINK] placeholder.',
    'If it goes on Thursday 3 December, registration is already open: change the first line to "Winter registration is open for current families" and Subject A to "Winter registration is open: 4 new classes".',
    'No child is named; body 230 words.',
  ],
);
