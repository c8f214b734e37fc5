import type { Student } from './student.ts';

const evaluation = `# Liam Chen — Fall 2026 evaluation

Classes: Ballet 1 (Tue 16:00–16:45), Hip-Hop Kids (Fri 16:00–17:00) | Teachers: Marie Delacroix (ballet), Jamal Price (hip-hop) | Age: 8 (born 2 February 2018) | Years at the studio: 2nd year (since January 2025)

## Attendance

| Class        | Sessions | Present | Late | Excused | Absent | Attended |
|--------------|---------:|--------:|-----:|--------:|-------:|---------:|
| Ballet 1     | 12 | 11 | 0 | 0 | 1 | 91.7% |
| Hip-Hop Kids | 11 |  9 | 2 | 0 | 0 | 100% |

Records run from 7 September to 24 November. One absence: Ballet 1 on Tuesday 6 October, with
no message from the family. Two late arrivals at Hip-Hop Kids (18 September, 15 minutes;
16 October, 5 minutes). No runs of absences.

Ballet 1 meets on Tuesday and Saturday; Liam comes on Tuesdays only, so he has one ballet class
a week where the level is built for two.

## Strengths

- **Rhythm.** 2026-09-11 (Jamal): a natural groove; he hears the beat immediately.
- **Rises to a responsibility.** 2026-09-15: given a job (line leader), he settles and leads well.
- **More control at the barre.** 2026-10-13: his pliés are much more controlled.
- **Performing.** 2026-10-30 (Jamal): nailed the freeze sequence in "Snow Day" and was given the
  8-count toprock in the middle of the piece.
- **Focus.** 2026-11-24: his best class of the term, focused for the full 45 minutes.

## Areas to develop

1. **Turnout in first position.** 2026-10-13: he still turns his feet in when he is not
   thinking about it. *Correction:* "turn from the tops of the legs": between exercises he
   stands in first for 8 counts and checks that his knees point over his toes.
2. **Pointed feet.** 2026-11-17: needs another term of the basics, turnout and pointed feet.
   *Exercise:* flex-and-point sitting with legs long, 8 slow each, then tendus at the barre
   finishing with a long, pointed foot.
3. **Control of space and turn-taking.** 2026-09-11: full speed all the time, bumping into
   others in travelling steps; 2026-09-15: trouble waiting his turn at the barre. Much better
   by 24 November. *Correction:* travelling steps in lanes marked on the floor, with a freeze
   on the last count; keep giving him a job in class.

## Showcase readiness

**Toy Soldiers (Ballet 1):** front row. **Snow Day (Hip-Hop Kids):** centre, with a featured
8-count toprock.

Neither routine has a file in choreography/ (it holds only the Ballet 3 and Jazz 2 pieces), so
there was no part for the choreography-analyzer to check; this is from the class notes.

- **Solid:** the Snow Day freeze sequence (30 October); he knows his featured 8 counts.
- **Before the spacing rehearsal on Saturday 5 December:** in Toy Soldiers' travelling
  sections he must stay on his own line in the front row; I will watch for it in the run on
  Tuesday 1 December. Jamal to confirm the toprock is set.

## Goals for winter 2027

1. Holds first position with turnout from the hips through a whole plié exercise (4 × 8 counts)
   without his feet rolling in, by mid-February (checked on Tuesday 16 February).
2. Points both feet in tendu and sauté without a reminder, by the last class of term (Tuesday
   23 March).
3. Follows a 16-count sequence at the barre and in the centre without a demonstration, by
   23 March. With goals 1 and 2, these are the three criteria for moving up to Ballet 2.

## Notes for the office (internal)

- **Media consent:** photos yes, name no (signed 8 September 2026). Photos of Liam may be used,
  but never his name, in a caption or anywhere else.
- **Injuries and medical:** none on file.
- **Family request:** Liam asked (2026-11-17) to move up to Ballet 2 "to do the big jumps". Not
  yet; I recommend he adds the Saturday Ballet 1 class instead. I will explain this to his
  father, Wei Chen.
- The one absence (6 October) came with no message; a one-off, no action needed.
`;

export const liam: Student = {
  name: 'Liam Chen',
  file: 'liam-chen.md',
  routines: [],
  evaluation: {
    document: evaluation,
    summary:
      'Liam Chen (8, Ballet 1 and Hip-Hop Kids, 2nd year) had a good fall term with a strong finish. He attended 11 of 12 Ballet 1 classes (91.7%; he comes on Tuesdays only) and all 11 Hip-Hop Kids classes (2 late); one absence, 6 October, with no message. Strengths: rhythm (11 September), more controlled pliés (13 October), the Snow Day freeze sequence and a featured 8-count toprock (30 October), and his best, fully focused class on 24 November. Areas to develop: turnout in first position (his feet turn in when he is not thinking), pointed feet, and control of space and turn-taking in travelling steps. Showcase: Toy Soldiers (front row) and Snow Day (centre); neither routine is in choreography/, so readiness is judged from class notes; he must hold his own line in Toy Soldiers by the 5 December spacing. He asked to move up to Ballet 2; not yet: he needs another term of Ballet 1 basics, ideally twice a week. Winter goals: turned-out first position through a full plié exercise by mid-February; pointed feet in tendu and sauté without reminders by 23 March; a 16-count sequence without a demonstration by 23 March. No injuries on file. Media consent: photos only, not his name.',
    findings: [
      'Liam Chen: attended 11 of 12 Ballet 1 classes (91.7%, Tuesdays only) and 11 of 11 Hip-Hop Kids (100%, 2 late); one absence, 6 Oct, no message',
      'Liam: strengths are rhythm (2026-09-11), more controlled pliés (2026-10-13), the Snow Day freeze sequence (2026-10-30), full focus on 2026-11-24',
      'Liam: areas to develop are turnout in first position (feet turn in, 2026-10-13), pointed feet, and control of space and turn-taking (2026-09-11, 2026-09-15)',
      'Liam asked to move up to Ballet 2 (2026-11-17): not yet; another term of Ballet 1 basics, ideally with the Saturday class added',
      'Liam, showcase: Toy Soldiers (front row) and Snow Day (centre, 8-count toprock); neither routine is in choreography/, so readiness is from class notes',
      'Liam: winter goals are turned-out first through a plié exercise by mid-February, pointed feet unprompted and a 16-count sequence by 23 March',
      'Liam: media consent for photos only, not his name (signed 8 September 2026)',
      'Liam: no injuries or medical notes on file',
    ],
  },
  placement: {
    document: `# Liam Chen — Winter 2027 placement

**Current level:** Ballet 1 (Tuesdays only) and Hip-Hop Kids. Age 8; turns 9 on 2 February 2027.

**Recommendation: stay in Ballet 1 and come to both weekly classes; keep Hip-Hop Kids.**

| Class | Day and time | Room, teacher | Ages | Prerequisite | Check |
|-------|--------------|---------------|------|--------------|-------|
| Ballet 1 | Tue 16:00–16:45 and Sat 10:00–10:45 | A, Marie | 6–8 | none | Age 8 (9 in February; the ranges are guides): yes |
| Hip-Hop Kids | Fri 16:00–17:00 | B, Jamal | 7–10 | none | Age 8: yes |

## Why

- **Not Ballet 2 yet.** Liam fits Ballet 2's age range (8–10), and he asked to move up "to do the
  big jumps". But Ballet 1's move-up criteria in curriculum/ballet-levels.md are first
  position with square hips, both feet pointed without sickling, and a 16-count sequence; the
  first two are not there yet (2026-10-13, 2026-11-17). Moving up now would put him in a full
  barre on a base that is still forming.
- **The Saturday class.** Ballet 1 is built as two 45-minute classes a week, and Liam has been
  coming once. A second class is the quickest route to Ballet 2; I suggested it in my note of
  17 November. I will review him at the end of the winter term; if he meets all three criteria,
  he moves up.
- **Hip-Hop Kids.** He is doing well there (a featured moment in Snow Day) and it feeds his
  rhythm. Keep it.
- **Not Turns & Jumps Lab.** It is for ages 10–13 after Ballet 3 or Jazz 2, so it does not fit
  him yet, big jumps or not.

## For the office

- Registration opens to current families on **Wednesday 2 December**; fee waived before
  Friday 18 December.
- Ballet 1 was full in fall (14 of 14). Please check there is room for Liam at the Saturday
  meeting before confirming it to the family.
- Tuition per month at the published rates: Ballet 1 2 × 52.00 and Hip-Hop Kids 62.00:
  **166.00** (114.00 in fall, with one Ballet 1 meeting). No sibling at the studio.
`,
    summary:
      'Liam Chen stays in Ballet 1 for winter 2027 and adds its Saturday meeting (Tue 16:00–16:45 and Sat 10:00–10:45), and keeps Hip-Hop Kids (Fri 16:00–17:00). Ages fit (6–8 and 7–10; he turns 9 in February) and neither class has a prerequisite. He is not ready for Ballet 2 although he asked for it: turnout in first position and pointed feet, two of the three Ballet 1 move-up criteria, are not there yet; a second weekly class is the quickest route, with a review at the end of winter term. Turns & Jumps Lab does not fit (ages 10–13, after Ballet 3 or Jazz 2). The office should check room at the Saturday meeting (the fall class was full); tuition 166.00 a month.',
    findings: [
      'Liam Chen, winter 2027: stay in Ballet 1 and come twice a week (Tue 16:00–16:45 and Sat 10:00–10:45); keep Hip-Hop Kids (Fri 16:00–17:00)',
      'Liam: not Ballet 2 yet: turnout in first and pointed feet, two of the three Ballet 1 move-up criteria, are not met; review at the end of winter term',
      'Liam: Turns & Jumps Lab does not fit (ages 10–13, after Ballet 3 or Jazz 2)',
      'Office: check there is room for Liam at the Saturday Ballet 1 meeting (14 of 14 in fall); tuition 166.00 a month, up from 114.00',
    ],
  },
  practicePlan: {
    document: `# Liam's winter break practice plan

**19 December to 10 January.** Three times a week, about 15 minutes: Saturday, Monday and
Wednesday. You need a chair to hold, a clear space and bare feet (not socks).

| Week | Dates | Sessions |
|------|-------|----------|
| 1 | 19–25 December | Sat 19, Mon 21, Wed 23 |
| 2 | 26 December – 1 January | Sat 26, Mon 28, Wed 30 |
| 3 | 2–8 January | Sat 2, Mon 4, Wed 6 |

Classes start again on Tuesday 12 January.

## Every session

**Warm-up (2 minutes).** March on the spot, knees high, for one minute. Shake out your arms and
legs. Roll your shoulders back 8 times.

**1. Statue in first position (4 minutes).** Stand in front of a mirror, heels together, toes
apart. Turn your legs out from the very top, not from your feet. Check: your knees point the
same way as your toes. Do 4 pliés (bend for 4 counts, straighten for 4), then hold first
position like a statue for 8 counts. **Repeat 4 times.**

**2. Pointy feet (3 minutes).** Sit with your legs long in front of you. Flex (toes to the
ceiling) for 4 counts, then point (reach your toes far away) for 4. **8 times.** Then one foot
at a time, 4 on each.

**3. Tendus at the chair (3 minutes).** Hold the chair with one hand, feet in first. Slide one
foot to the front until only the pointed toes touch the floor, then slide it back. **8 with each
leg.** Your foot should be pointed at the end of every tendu.

**4. Freeze game (3 minutes).** Ask someone to play music and stop it without warning. March and
skip around your space, keeping to your own lane, and freeze in first position the moment the
music stops. **8 freezes.** Stay still until the music starts again.

**Cool down.** Sit with the soles of your feet together and your knees relaxed, and breathe
slowly for 30 seconds. Nobody pushes your knees down.

## For a parent: what to watch

- In first position, his feet should not roll in (watch the arches) and his knees should stay
  over his toes.
- In tendu, the foot should point at the end, not stay flat.

## Do not practise alone

- No jumps on hard floors, even the big jumps he is excited about: we do those in the studio.
- No turns on carpet or in socks.
- No forced turnout: no pushing the knees down, no sitting in "frog" with weight on the legs.
- No splits or big stretches on a cold body.
- No pointe work of any kind.
`,
    summary:
      "Liam's three-week winter break plan (19 December to 10 January) has three 15-minute sessions a week (Sat, Mon, Wed), aimed at his areas to develop: a first-position \"statue\" with 4 pliés and an 8-count hold, repeated 4 times (turnout from the hips); flex-and-point sitting, 8 times (pointed feet); 8 tendus per leg at a chair; and a freeze game that works on staying in his own lane and stopping on cue. A parent watches for rolling arches and knees not over the toes. Not alone: jumps on hard floors, turns on carpet or in socks, forced turnout, stretching cold, pointe.",
    findings: [
      "Liam's winter plan: 3 sessions a week of about 15 minutes, Sat/Mon/Wed, 19 Dec to 6 Jan",
      'Liam: first-position statue with pliés (4 × 8 counts) for turnout from the hips, checked in a mirror',
      'Liam: flex-and-point and tendus (8 per leg) for pointed feet',
      'Liam: a freeze game for control of space and stopping on the count',
      'Liam must not practise jumps on hard floors, turns on carpet or in socks, forced turnout or cold stretching',
    ],
  },
  newsletter: {
    document: `# Spotlight: Ballet 1

Our Ballet 1 dancers, ages 6 to 8, have had a busy and happy term. They are learning the five
positions of the feet and working on turnout in every plié, turning the legs out from the
hips rather than the knees. They jump in sautés, small springs on the spot, and practise landing
softly, "like a cat". And they now know a whole routine: "Toy Soldiers", with crisp marching
steps and a salute at the very end. Come and see them march on Saturday 12 December at 2 pm at
the Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Toy Soldiers, snowflakes and winter classes

*Written about Ballet 1 rather than one dancer: the media consent on file covers photos but not
the dancer's name, so no name is used. A class photo may go with it.*
`,
    summary:
      'Drafted a 95-word Spotlight on Ballet 1 as a class, not on one dancer: Marie\'s findings say the media consent on file covers photos but not the name, so no name is used. It celebrates the class\'s progress (learning the five positions, turnout from the hips, soft landings in sautés) and their Toy Soldiers routine, and ends with the showcase date (Saturday 12 December, 2 pm, Riverside Community Theatre). Two subject lines: "Winter registration is open: 4 new classes" and "Toy Soldiers, snowflakes and winter classes".',
    findings: [
      'Spotlight written about Ballet 1 as a class: the media consent on file covers photos but not the dancer\'s name',
      'Spotlight paragraph, 95 words: five positions, turnout from the hips, soft sauté landings, the Toy Soldiers routine, the showcase date',
      'A class photo may go with the piece (photo consent on file), with no caption naming the dancer',
      'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Toy Soldiers, snowflakes and winter classes"',
    ],
  },
  parentLetter: {
    document: `Dear Wei,

Liam's fall evaluation comes home with this letter; here is what it says.

**What went well.** Liam has a real feel for rhythm: he hears the beat straight away. In
hip-hop, Jamal gave him a short featured moment in the showcase piece, and in ballet his knee bends
(pliés) are much more controlled than in September. His class on 24 November was his best of the
term: fully focused from start to finish.

**What we will work on in winter.** Turning his legs out from the top of the legs, not from the
feet; pointing his feet fully; and moving in his own space when the class travels across the
room.

**Classes we recommend.** Ballet 1 on **Tuesday 16:00–16:45 and Saturday 10:00–10:45**, and
Hip-Hop Kids on Friday 16:00–17:00 as now. Liam has asked me about moving up to Ballet 2 "to do
the big jumps", and I love his enthusiasm. Ballet 1 is designed as two classes a week, and a
second class is the quickest way to get there: I will look at moving him up at the end of the
winter term. The office will confirm there is room on Saturdays.

**The practice plan.** Three short sessions a week over the break, about 15 minutes each. Liam
can follow it himself; it helps if you check that his feet do not roll inwards when he stands
in first position. Please no jumping on hard floors and no turning in socks.

**The one thing to do next:** register Liam for winter before **Friday 18 December**, and the
registration fee is waived. Registration for current families opens on Wednesday 2 December.

See you in the studio,
Marie
`,
    summary:
      "Wrote a letter of under 300 words to Wei Chen, Liam's father: what went well (rhythm, a featured moment in Snow Day, more controlled pliés, his best class on 24 November), what winter will work on (turnout from the top of the legs, pointed feet, moving in his own space), the classes recommended (Ballet 1 on Tuesday and Saturday, Hip-Hop Kids on Friday) and why a second ballet class is the route to Ballet 2, how to use the practice plan, and the next step: register before Friday 18 December to have the fee waived.",
    findings: [
      'Parent letter to Wei Chen, under 300 words; ballet terms explained (pliés as knee bends)',
      "Letter answers Liam's Ballet 2 question: a second Ballet 1 class now, move-up reviewed at the end of winter term",
      'Letter recommends Ballet 1 Tue and Sat plus Hip-Hop Kids Fri; office to confirm Saturday room',
      'Letter asks the family to register Liam before Friday 18 December to have the fee waived',
    ],
  },
};
