import type { Student } from './student.ts';

const evaluation = `# Mateo Rodriguez — Fall 2026 evaluation

Classes: Ballet 1 (Tue 16:00–16:45 and Sat 10:00–10:45) | Teacher: Marie Delacroix | Age: 7 (born 30 June 2019) | Years at the studio: 2nd year (since September 2025)

## Attendance

| Class    | Sessions | Present | Late | Excused | Absent | Attended |
|----------|---------:|--------:|-----:|--------:|-------:|---------:|
| Ballet 1 | 23 | 21 | 0 | 1 | 1 | 91.3% |

Records run from 7 September to 24 November. One absence with no message (Saturday 10 October)
and one excused (Saturday 7 November, a cold). No runs of absences.

## Strengths

- **Confidence.** 2026-09-08: shy in his first class of the term, staying near the barre, though
  he joined the circle game by the end. By 2026-10-20 he was much more confident and volunteered
  to demonstrate the marching step for Toy Soldiers.
- **Positions.** 2026-09-26: knows first, second and third positions.
- **Jumps.** 2026-09-26: good, springy sautés.
- **Memory for choreography.** 2026-11-14: remembers the whole Toy Soldiers routine.

## Areas to develop

1. **Soft landings.** 2026-09-26: he lands his sautés with straight knees. *Correction:* "land
   like a cat": toes, ball, heel, then a soft plié; in class, 8 sautés listening for quiet feet.
2. **Musical cues.** 2026-11-14: in the ending of Toy Soldiers he salutes on the wrong count;
   a clap cue fixed it. *Correction:* count the last 8 aloud in class, keep the clap cue until the
   show, then fade it in winter.
3. **The rest of the positions.** He knows first to third; fourth and fifth complete the Ballet
   1 set. *Exercise:* a positions game at the start of class, adding one position at a time.

## Showcase readiness

**Toy Soldiers (Ballet 1):** second row. The routine has no file in choreography/ (it holds only
the Ballet 3 and Jazz 2 pieces), so there was no part for the choreography-analyzer to check;
this is from my notes.

- **Solid:** he knows the whole routine (14 November) and the marching step well enough to
  demonstrate it (20 October).
- **Before the spacing rehearsal on Saturday 5 December:** the salute in the ending on the right
  count with the clap cue, and his place in the second row on the stage marks.

## Goals for winter 2027

1. Lands 8 sautés in a row softly, through the foot and into a bent knee, by mid-February
   (checked on Saturday 13 February).
2. Shows all five positions of the feet on request, turning out from the hips, by the last class
   of term (Saturday 27 March).
3. Follows a 16-count sequence with no cue from the teacher, by 27 March.

## Notes for the office (internal)

- **Media consent:** yes, name and photos (signed 2 September 2026).
- **Injuries and medical:** none on file.
- **Family:** mother Lucia Rodriguez, who also has Emma in Ballet 3 and Jazz 2; the 10% sibling
  discount goes on Mateo's tuition, the lower of the two.
- The absence on 10 October came with no message; a one-off, no action needed.
`;

export const mateo: Student = {
  name: 'Mateo Rodriguez',
  file: 'mateo-rodriguez.md',
  routines: [],
  evaluation: {
    document: evaluation,
    summary:
      'Mateo Rodriguez (7, Ballet 1 twice a week, 2nd year) grew in confidence this term. He attended 21 of 23 Ballet 1 classes (91.3%): one absence with no message (10 October) and one excused for a cold (7 November). Strengths: from a shy start (8 September) to volunteering to demonstrate the Toy Soldiers marching step (20 October); knows first to third positions and jumps well in sauté (26 September); remembers the whole Toy Soldiers routine (14 November). Areas to develop: soft landings (he lands with straight knees), musical cues (the ending salute, fixed with a clap cue), and the remaining positions of the feet. Showcase: Toy Soldiers, second row; the routine is not in choreography/; before 5 December the salute must land on the count. Winter goals: 8 soft sauté landings by mid-February; all five positions and a 16-count sequence without a cue by 27 March. He stays in Ballet 1. No injuries on file. Media consent: name and photos on file.',
    findings: [
      'Mateo Rodriguez: attended 21 of 23 Ballet 1 classes (91.3%); 1 absence with no message (10 Oct), 1 excused for a cold (7 Nov)',
      'Mateo: strengths are growing confidence (shy on 2026-09-08, demonstrating on 2026-10-20), first to third positions and good sautés (2026-09-26), the whole Toy Soldiers routine (2026-11-14)',
      'Mateo: areas to develop are soft landings (straight knees), musical cues (the ending salute), the remaining positions of the feet',
      'Mateo, showcase: Toy Soldiers, second row; not in choreography/; the salute must be on the count by the 5 Dec spacing',
      'Mateo: winter goals are 8 soft sauté landings by mid-February, all five positions and a 16-count sequence without a cue by 27 March',
      'Mateo: media consent on file for name and photos (signed 2 September 2026)',
      'Mateo: no injuries or medical notes on file',
    ],
  },
  placement: {
    document: `# Mateo Rodriguez — Winter 2027 placement

**Current level:** Ballet 1 (Tue & Sat). Age 7; turns 8 on 30 June 2027.

**Recommendation: stay in Ballet 1, both weekly classes. No extra class this term.**

| Class | Day and time | Room, teacher | Ages | Prerequisite | Check |
|-------|--------------|---------------|------|--------------|-------|
| Ballet 1 | Tue 16:00–16:45 and Sat 10:00–10:45 | A, Marie | 6–8 | none | Age 7: yes |

## Why

- **Ballet 1.** He is in his second year and doing well. The move-up
  criteria (first position with square hips, both feet pointed without sickling, a 16-count
  sequence) are the right targets for winter, and Ballet 2 starts at 8; he turns 8 in June.
  Moving up for the fall 2027 term is realistic if he meets them.
- **Two classes a week** is what the level is built for, and he has kept it up all term.
- **No extra class.** At 7, two ballet classes are plenty. If he wants more dancing later,
  Hip-Hop Kids (Fri 16:00–17:00, ages 7–10) fits his age.

## For the office

- Registration opens to current families on **Wednesday 2 December**; fee waived before
  Friday 18 December. Register Mateo together with Emma.
- Tuition per month at the published rates: Ballet 1 2 × 52.00 = 104.00, less the 10% sibling
  discount (Emma's tuition is the higher): **93.60**.
`,
    summary:
      "Mateo Rodriguez stays in Ballet 1 (Tue 16:00–16:45 and Sat 10:00–10:45) for winter 2027, with no extra class; age 7 fits the 6–8 range and there is no prerequisite. The Ballet 1 move-up criteria are his winter targets; Ballet 2 starts at 8 (he turns 8 in June), so a move for fall 2027 is realistic. Hip-Hop Kids would fit his age later if he wants more. 93.60 a month after the 10% sibling discount; register with Emma on 2 December.",
    findings: [
      'Mateo Rodriguez, winter 2027: stay in Ballet 1, Tue 16:00–16:45 and Sat 10:00–10:45',
      'Mateo: Ballet 2 starts at 8 (he turns 8 on 30 June 2027); a move for fall 2027 is realistic if he meets the move-up criteria',
      'Mateo: no extra class this term; Hip-Hop Kids (ages 7–10) fits later if he wants more',
      'Mateo: 93.60 a month after the 10% sibling discount; register together with Emma on 2 December',
    ],
  },
  practicePlan: {
    document: `# Mateo's winter break practice plan

**19 December to 10 January.** Three times a week, about 15 minutes: Saturday, Monday and
Wednesday. You need a chair to hold, a clear space and bare feet (not socks).

| Week | Dates | Sessions |
|------|-------|----------|
| 1 | 19–25 December | Sat 19, Mon 21, Wed 23 |
| 2 | 26 December – 1 January | Sat 26, Mon 28, Wed 30 |
| 3 | 2–8 January | Sat 2, Mon 4, Wed 6 |

Classes start again on Tuesday 12 January.

## Every session

**Warm-up (2 minutes).** March like a toy soldier round the room for one minute. Then circle
each foot 8 times.

**1. Cat feet (4 minutes).** Hold the chair. Rise up onto your toes for 2 counts, then come down
very slowly, toes, ball, heel, and bend your knees softly at the end, like a cat landing. No
jumping: just the landing. **8 times, 3 rounds.** Listen: your feet should make no sound.

**2. Positions game (4 minutes).** Show first, second and third position, and hold each for
4 counts. Turn your legs out from the top of the legs, not by twisting your feet. In week 2 add
fourth position, in week 3 fifth. Then ask someone to call out a position, and step into it
as quickly as you can.

**3. Pointy feet (3 minutes).** Sit with your legs long. Flex for 4 counts, point for 4 counts.
**8 times.**

**4. Counting game (2 minutes).** Play music and clap on every count from 1 to 8, then march and
salute on count 8, exactly when the music says so. **4 times.**

**Cool down.** Lie on your back and stretch long from fingers to toes for 3 big breaths.

## For a parent: what to watch

- In "cat feet", the heels should come down slowly and the knees bend at the end.
- In the positions, the knees should point the same way as the toes.

## Do not practise alone

- No jumping on hard floors: jumps are for the studio's sprung floor.
- No turns on carpet or in socks.
- No forced turnout: no pushing the knees or feet into position.
- No splits or big stretches on a cold body.
- No pointe work of any kind.
`,
    summary:
      "Mateo's three-week winter break plan (19 December to 10 January) has three 15-minute sessions a week (Sat, Mon, Wed), aimed at his areas to develop: \"cat feet\" (rising and lowering slowly into a soft plié, the landing without the jump, 3 × 8), a positions game adding fourth and fifth position in weeks 2 and 3, flex-and-point 8 times, and a counting game for musical cues. A parent watches the heels and knees. Not alone: jumps on hard floors, turns on carpet or in socks, forced turnout, cold stretching, pointe.",
    findings: [
      "Mateo's winter plan: 3 sessions a week of about 15 minutes, Sat/Mon/Wed, 19 Dec to 6 Jan",
      'Mateo: soft landings practised without jumping ("cat feet", 3 × 8)',
      'Mateo: positions game adds fourth and fifth in weeks 2 and 3; counting game for the count-8 salute',
      'Mateo must not practise jumps on hard floors, turns on carpet or in socks, forced turnout or cold stretching',
    ],
  },
  newsletter: {
    document: `# Spotlight: Mateo, Ballet 1

In September Mateo liked to stay close to the barre. By October he was volunteering to show the
whole class the marching step for "Toy Soldiers", and now he knows the routine from the first
step to the final salute. He has learned first, second and third positions, turning the legs out
from the hips, and his sautés, small springs on the spot, have real bounce. It has been a joy to
watch his confidence grow week by week in his second year with us. Come and see Mateo and all of
Ballet 1 on Saturday 12 December at 2 pm at the Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Toy Soldiers, snowflakes and winter classes

*Media consent for name and photos is on file (signed 2 September 2026), so the paragraph uses
Mateo's first name only.*
`,
    summary:
      "Drafted a Spotlight paragraph of about 100 words on Mateo (Ballet 1) for the December newsletter: his confidence growing from staying near the barre in September to demonstrating the Toy Soldiers marching step, knowing the routine to the final salute, three positions and bouncy sautés, ending with the showcase date (Saturday 12 December, 2 pm, Riverside Community Theatre). First name only, as media consent for name and photos is on file; nothing about his areas to develop or other dancers. Two subject lines: \"Winter registration is open: 4 new classes\" and \"Toy Soldiers, snowflakes and winter classes\".",
    findings: [
      'Spotlight paragraph on Mateo, about 100 words: growing confidence, the Toy Soldiers routine, positions and sautés',
      "Used Mateo's first name only: media consent for name and photos is on file (signed 2 September 2026)",
      'Left out the areas to develop and any comparison with other dancers, as the brief requires',
      'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Toy Soldiers, snowflakes and winter classes"',
    ],
  },
  parentLetter: {
    document: `Dear Lucia,

Mateo's fall evaluation comes home with this letter; here is what it says.

**What went well.** Mateo has grown so much in confidence. In September he liked to stay close to
the barre; by October he was volunteering to show the class the marching step for Toy Soldiers,
and now he knows the whole dance. He knows three of the five ballet positions of the feet, and
his little jumps have real bounce.

**What we will work on in winter.** Landing his jumps softly, with bent knees, "like a cat";
keeping time with the music (he now salutes on the right count with a clap to help him); and
learning the last two positions of the feet.

**Classes we recommend.** Ballet 1 on Tuesday 16:00–16:45 and Saturday 10:00–10:45, as now. Two
classes a week is exactly right at his age. Ballet 2 starts at 8, so we will look at moving him
up for next fall.

**The practice plan.** Three short sessions a week over the break, about 15 minutes each, with
games rather than drills: "cat feet", a positions game and a counting game. He may need you to
read it with him and to play the music. Please no jumping on hard floors and no turning in socks.

**The one thing to do next:** register Mateo for winter before **Friday 18 December**, and the
registration fee is waived. Registration for current families opens on Wednesday 2 December; you
can register Mateo and Emma together.

See you in the studio,
Marie
`,
    summary:
      "Wrote a letter of under 300 words to Lucia Rodriguez, Mateo's mother: what went well (confidence, demonstrating the Toy Soldiers marching step, knowing the whole dance, positions and bouncy jumps), what winter will work on (soft landings, keeping time, the last two positions), the recommendation to stay in Ballet 1 on Tuesday and Saturday with Ballet 2 in view for next fall, how to use the practice plan's games, and the next step: register before Friday 18 December to have the fee waived, together with Emma.",
    findings: [
      'Parent letter to Lucia Rodriguez about Mateo, under 300 words, no unexplained ballet terms',
      'Letter recommends Ballet 1 Tue and Sat as now, with Ballet 2 in view for fall 2027',
      'Letter asks the family to register Mateo (with Emma) before Friday 18 December to have the fee waived',
    ],
  },
};
