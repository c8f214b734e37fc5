import { finish, grepLines, read, write, type TaskAuthor } from '../conversation.ts';

/**
 * Marie's planned letters: each student's file, then the winter timetable and the curriculum for
 * days, prices and criteria, then one letter per family.
 */
export const placementLetters: TaskAuthor = (c) => [
  read(c.at('students/sofia-okafor.md'), "I'll start from each student's notes, then check times and prices in the timetable."),
  read(c.at('students/emma-rodriguez.md')),
  grepLines('Ballet 6|Pre-Pointe|Ballet 3 |Jazz 2 |Contemporary Teens|Tuition|Early registration', c.at('classes/winter-2027-schedule.md')),
  grepLines('Ballet 6|Pre-Pointe Conditioning|16 consecutive|Age 12|re-assessed', c.at('curriculum/ballet-levels.md')),
  write(c.out('letters/sofia-okafor.md'), sofiaLetter, 'Both recommendations hold against the curriculum. Writing the two letters.'),
  write(c.out('letters/emma-rodriguez.md'), emmaLetter),
  finish({
    summary:
      'Wrote the two winter letters, to reach the families on Tuesday 1 December, before registration opens. Grace Okafor: Sofia is invited to Ballet 6 (pre-professional) for the winter term on trial, with a review at mid-term; Monday and Thursday 18:30–20:00 and Saturday 13:00–14:30 in Studio A, in place of Ballet 5, 234.00 a month instead of 156.00; her physiotherapist\'s limit of 16 counts of jumps in a row and icing after class still apply. Lucia Rodriguez: Pre-Pointe Conditioning for Emma, not pointe yet (20 relevés on the right, 11 on the left on 23 November, where 16 on each foot are needed; the left foot still sickles when tired; she turns 12 only in March); Wednesdays 18:15–18:45 in Studio B straight after Ballet 3, 35.00 a month, with her readiness checked again at the end of the winter term. Both letters end with registering from Wednesday 2 December, before Friday 18 December to save the 25.00 fee; both are under 300 words.',
    findings: [
      'Sofia Okafor invited to Ballet 6 on a trial term with a mid-term review: Mon & Thu 18:30–20:00, Sat 13:00–14:30, 234.00 a month in place of Ballet 5 (156.00)',
      "Sofia: the physiotherapist's 16-count jumping limit and icing stay; Contemporary Teens (Sat 11:00–12:30) fits before Saturday's Ballet 6",
      'Emma Rodriguez: Pre-Pointe Conditioning, not pointe — 11 relevés on the left (16 needed), left foot sickles when tired, turns 12 in March',
      'Emma: Pre-Pointe Conditioning Wed 18:15–18:45, straight after Ballet 3, 35.00 a month; re-assessed at the end of the winter term',
      'Both letters: register from Wed 2 Dec, before Fri 18 Dec to save the 25.00 registration fee; each under 300 words',
      'Ballet 6 and Pre-Pointe Conditioning are new in winter: the families can only register if the office has them set up for Wednesday',
    ],
    artifacts: ['letters/sofia-okafor.md', 'letters/emma-rodriguez.md'],
  }),
];

const sofiaLetter = `Dear Grace,

I would like to invite Sofia to join Ballet 6, our new pre-professional class, for the winter
term (11 January to 27 March). It would be a trial term, with a review together at mid-term.

Sofia has worked towards this all autumn. She has been on pointe since January, and her relevés
and échappés on pointe are strong and secure. When she asked in September to be considered, her
stamina was my one question. On 20 November she did a full 90-minute class, pointe section
included, with no pain: it has clearly improved.

Ballet 6 meets three times a week in Studio A: Monday and Thursday 18:30–20:00, and Saturday
13:00–14:30. It brings classical variations, pointe work in the centre, partnering basics and
performance coaching, and it takes the place of Ballet 5. Tuition is 234.00 a month (three
90-minute classes at 78.00), instead of 156.00 for Ballet 5. Contemporary Teens, on Saturdays
11:00–12:30, still fits before it.

Three classes a week means more jumping, so we keep to her physiotherapist's advice: no more than
16 counts of jumps in a row, and ice after class. At mid-term we will look together at how she is
coping and decide whether she stays.

Ballet 6 is by invitation, and this is Sofia's. You can register her from Wednesday 2 December,
when registration opens for current families; register before Friday 18 December and the 25.00
registration fee is waived. The class has 8 places.

See you in the studio,
Marie Delacroix
`;

const emmaLetter = `Dear Lucia,

Thank you for talking with me after class on 23 November. As promised, here is my recommendation
for Emma's winter term.

I recommend that Emma adds Pre-Pointe Conditioning this winter, rather than starting pointe. I
know how much she wants pointe shoes, and she works hard for everything she learns. But pointe
needs strong, steady ankles first. Our curriculum asks for 16 relevés in a row on each foot, in
the centre, without the ankle rolling, and no sickling. On 23 November Emma managed 20 on the
right and 11 on the left; since October the left has been the weaker side, and it still sickles a
little when she is tired. She also turns 12, the earliest age for pointe, only in March.

Pre-Pointe Conditioning is made for this: 30 minutes of ankle, foot and core strength, with no
pointe shoes. It is on Wednesdays, 18:15–18:45 in Studio B, straight after her Ballet 3 class, so
there is no extra trip. It costs 35.00 a month. At the end of the winter term I will check her
readiness again, and we will talk about pointe then.

Her Ballet 3 (Monday and Wednesday 17:00–18:15) and Jazz 2 (Thursday 17:30–18:30) carry on as
now.

Registration for current families opens on Wednesday 2 December; register before Friday
18 December and the 25.00 registration fee is waived.

See you in the studio,
Marie Delacroix
`;
