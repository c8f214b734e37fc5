import type { Student } from './student.ts';

const evaluation = `# Emma Rodriguez — Fall 2026 evaluation

Classes: Ballet 3 (Mon & Wed 17:00–18:15), Jazz 2 (Thu 17:30–18:30) | Teachers: Marie Delacroix (ballet), Jamal Price (jazz) | Age: 11 (born 14 March 2015) | Years at the studio: 6th year (since September 2021)

## Attendance

| Class   | Sessions | Present | Late | Excused | Absent | Attended |
|---------|---------:|--------:|-----:|--------:|-------:|---------:|
| Ballet 3 | 23 | 19 | 0 | 4 | 0 | 82.6% |
| Jazz 2   | 11 |  9 | 1 | 1 | 0 | 90.9% |

Records run from 7 September to 24 November. Every absence was excused and falls between
12 and 21 October, while her left ankle healed: four Ballet 3 classes in a row (12, 14, 19 and
21 October) and Jazz 2 on 15 October. Her mother kept us informed throughout, and Emma came to
watch on 21 October and took notes on section B. The one late arrival (Jazz 2, 24 September,
10 minutes) was the school bus. Outside the injury she has not missed a class.

Ballet 3 attendance is just under the 85% the curriculum asks for before moving up; the gap is
the injury alone, so I have judged her readiness on technique.

## Strengths

- **Musicality.** 2026-09-23: "breathes with the phrase instead of rushing" in the adagio. In
  jazz, 2026-09-17 (Jamal): hits the accents of the new routine without counting aloud.
- **Turnout from the hips.** 2026-09-09: much better than in spring; she no longer screws the
  knees in pliés.
- **Turns to the right.** 2026-09-30: single pirouette en dehors on the right is clean and lands
  in fourth every time. 2026-11-11: first double pirouettes on the right, two out of three clean.
- **Allegro.** 2026-11-02: light jumps, landing through the foot; her glissade–jeté diagonal in
  section B is so steady that she now leads it.
- **A quick, generous learner.** 2026-10-07: learned section A of the Snowflake Waltz in one
  class and helps the newer girls with counts without being asked. 2026-11-18: learned the
  "First Snow" solo as understudy in two sessions. Her June goal of a 45° arabesque with a
  square hip held for 4 counts is achieved.

## Areas to develop

1. **The left pirouette.** 2026-11-11: single on the left clean 3 times out of 5; the head
   leaves late, so she loses the spot. *Correction:* spotting drills to the left at the start
   of centre (quarter and half turns, "eyes first, body after"), then singles from fourth with
   the retiré held on balance before the landing.
2. **Left ankle strength and sickling.** Since the sprain the left relevé is weaker (2026-10-26:
   she rolls out to the little toes), and the sickling comes back when she is tired
   (2026-11-16). 2026-11-23: 11 relevés on the left before the ankle rolls out, 20 on the right.
   *Exercise:* theraband pointing with the foot in line with the second toe, and slow relevés
   at the barre, 2 × 10 a day; this is what Pre-Pointe Conditioning will build on.
3. **Hip control in extensions.** 2026-11-18: in the solo she takes the développé à la seconde
   too high and lifts the hip. *Correction:* 90° is enough; développés at the barre with a hand
   on the working hip, stopping where the hip starts to rise.

## Showcase readiness

**Snowflake Waltz (Ballet 3):** Snowflake 3, front line centre right; leads the section B
diagonal; understudy for the "First Snow" solo. **Jingle Bell Rock (Jazz 2):** front row,
centre left, stag leaps in pairs.

- **Solid:** the entrance, section A (learned in one class) and the section B diagonal, where
  she sets the tempo for the nine dancers behind her. Jingle Bell Rock is ready: its only turn
  is a single jazz pirouette to the right, her strong side.
- **Must be clean before the spacing rehearsal on Saturday 5 December:**
  1. *Section C:* the left pirouette, which goes straight into the piqué arabesque with no
     preparation count. If it is not clean 4 times out of 5 by then, she does the soutenu
     turn agreed for the corps; I will decide at the spacing rehearsal, not at the dress.
  2. *Into the finale:* she was late into the closing circle on 2026-11-16. She must finish the
     chaînés and find her place without looking down, on the new marks (front line half a
     metre downstage, taped 2026-11-23).
  3. *The final pose:* no sickling on the left when she is tired at the end of the piece.
- **Understudy:** she knows the solo. If she has to dance it: développé at 90° with a level
  hip, and the single pirouette, not the optional double.

The choreography-analyzer's reading of her part agrees: ready in the entrance, A and B; ready
with cleaning in section C (two rehearsals) and the finale (one run on the tape marks).

## Goals for winter 2027

1. Clean single pirouette en dehors on the left from fourth, landing in fourth, 4 times out of 5
   in the centre, by mid-February (checked in class on Wednesday 17 February).
2. 16 consecutive relevés on the left foot in the centre without the ankle rolling out (11
   today), by the end of the winter term on 27 March.
3. Double pirouette on the right clean 4 times out of 5, by 27 March. With goal 1, this
   completes the turn criteria for Ballet 4.

## Pointe (asked by Emma and her mother, 2026-09-23)

Checked against the readiness criteria in curriculum/ballet-levels.md:

| Criterion | Emma | Met? |
|-----------|------|------|
| 1. Age 12 or older | Turns 12 on 14 March 2027 | Not yet |
| 2. 3+ years of ballet, 2+ classes a week for a year | 6th year; Ballet 3 twice a week | Yes |
| 3. 16 consecutive relevés on each foot | Left 11, right 20 (2026-11-23) | No (left) |
| 4. Retiré balance 10 seconds each side | Not tested this term | To test in January |
| 5. No sickling | Left still sickles when tired (2026-11-16) | No |
| 6. No current injury; past injury cleared | Sprain cleared by physio 26 October; full class since 2 November | Yes |
| 7. Teacher approval and family conversation | At re-assessment | Later |

**Answer: not this winter.** Emma meets two criteria and is close on others. She should take
Pre-Pointe Conditioning in winter, and I will re-assess her at the end of the winter term, after
her twelfth birthday. If the left ankle reaches 16 relevés and the sickling has gone, pointe in
the spring is realistic.

## Notes for the office (internal)

- **Media consent:** yes, name and photos (signed 2 September 2026). She may be named in the
  newsletter.
- **Injury follow-up:** mild left ankle sprain on 10 October 2026 (trampoline, outside the
  studio); cleared by her physiotherapist on 26 October; no jumps on the left until 2 November,
  full class since. The ankle is still weaker than the right. No restrictions now; teachers
  should watch the left relevé and the family should tell us about any pain.
- **Family:** Lucia Rodriguez (mother) asked about pointe; we spoke after class on 23 November
  and I said I would recommend Pre-Pointe Conditioning. Brother Mateo is in Ballet 1, so the
  sibling discount applies to the family's tuition.
- Tell the family that Emma is understudy for "First Snow", so a late call to dance it is no
  surprise.
`;

export const emma: Student = {
  name: 'Emma Rodriguez',
  file: 'emma-rodriguez.md',
  routines: ['winter-showcase-snowflakes.md', 'winter-showcase-jingle-bell-rock.md'],
  analyzer: {
    brief: `Dancer: Emma Rodriguez, 11, Ballet 3 (6th year at the studio).
Part in the Snowflake Waltz: Snowflake 3, front line centre right, leads the section B diagonal; understudy for the "First Snow" solo. In Jingle Bell Rock (Jazz 2): front row, centre left.
Known gaps: single pirouette on the left clean 3 of 5 (2026-11-11, the head leaves late); sickles the left foot in relevé when tired; left ankle weaker after a sprain (cleared by physio 26 October, full class since 2 November); lifts the hip in the développé à la seconde when she takes it above 90° (2026-11-18).
Strengths: clean single on the right and a double on the right 2 of 3; light jumps that land through the foot; learns sections in one class.`,
    report: `Routine: Snowflake Waltz (Ballet 3, 3:10)
Sections:
- Entrance (phrases 1–2): bourrées on demi-pointe in two lines, arms in fifth en haut — foundational; hardest: keeping the lines straight while travelling, front line entering on phrase 2
- Section A (phrases 3–6): balancé ×4, travelling waltz turns, kneel, sous-sus — foundational; hardest: waltz turns that travel instead of turning on the spot
- Section B (phrases 7–10): glissade–jeté ×2, pas de chat ×2, run, grand jeté preparation, one dancer every 2 bars — developing; hardest: the leader sets the tempo for everyone
- Section C (phrases 11–14): two balancés, single pirouette en dehors right then left, piqué arabesque; "First Snow" solo (24 counts) over a kneeling tableau — developing; hardest: the left pirouette goes straight into the piqué arabesque with no preparation count
- Finale (phrases 15–16): chaîné turns (8 counts), travelling circle, final pose, révérence — developing; hardest: finding your place in the circle without looking down, ritardando on the last 4 bars
Age check: ok — soft shoes, no pointe; solo développé capped at 90°; grand jeté preparation only, no full split.
Dancer Emma Rodriguez (Snowflake 3, section B leader, solo understudy):
- Entrance and section A: ready
- Section B diagonal, as leader: ready; keep the glissade–jeté tempo identical every run so the entries behind her do not pile up
- Section C left pirouette into piqué arabesque: ready with cleaning (left single 3 of 5, late spot); 2 rehearsals; fallback: the soutenu turn already agreed for the corps
- Finale after the chaînés: ready with cleaning (late into the circle on 16 Nov; new marks half a metre downstage); 1 run on the tape
- Final pose: ready with cleaning — the left foot sickles when she is tired
- "First Snow" (understudy): ready with cleaning — développé à la seconde at 90° with a level hip; single pirouette, not the optional double
Routine: Jingle Bell Rock (Jazz 2, 2:05)
- Front row centre left; stag leaps in pairs, single jazz pirouette to the right, floor roll: ready (her right turn is her strong side)
Top 3 corrections before the show:
1. Section C: left pirouette straight into the piqué arabesque, or the soutenu, decided on 5 December
2. Timing out of the chaînés into the finale circle, on the new marks
3. No sickling on the left in the final pose`,
  },
  evaluation: {
    document: evaluation,
    summary:
      "Emma Rodriguez (11, Ballet 3 and Jazz 2, 6th year) had a strong fall term. She attended 19 of 23 Ballet 3 classes (82.6%) and 10 of 11 Jazz 2 classes (90.9%); all five absences were excused, 12–21 October, for a left ankle sprain sustained outside the studio, cleared by her physiotherapist on 26 October, with full class since 2 November. Strengths: musicality, turnout from the hips, a clean right pirouette and first doubles on the right (2 of 3 on 11 November), and light, steady allegro: she leads the section B diagonal in the Snowflake Waltz. Areas to develop: the left pirouette (clean 3 of 5, the head leaves late), left ankle strength and sickling (11 relevés on the left before the ankle rolls out, 20 on the right, 23 November), and hip control in the développé à la seconde. Showcase: Snowflake 3 and understudy for \"First Snow\"; the entrance, A and B are ready; before the spacing rehearsal on 5 December the section C left pirouette (or the agreed soutenu) and the timing into the finale circle must be clean. Pointe, asked about by Emma and her mother: not this winter (she turns 12 on 14 March 2027 and does not yet meet the relevé and sickling criteria); Pre-Pointe Conditioning in winter, re-assessed at the end of the winter term. Winter goals: left single 4 of 5 by mid-February; 16 relevés on the left by 27 March; double on the right 4 of 5 by 27 March. Media consent: name and photos on file.",
    findings: [
      'Emma Rodriguez: attended 19 of 23 Ballet 3 classes (82.6%) and 10 of 11 Jazz 2 (90.9%); all 5 absences excused, 12–21 Oct, for a left ankle sprain',
      'Emma: strengths are musicality (2026-09-23), turnout from the hips (2026-09-09), a clean right pirouette with doubles 2 of 3 (2026-11-11), and a section B diagonal steady enough to lead (2026-11-02)',
      'Emma: areas to develop are the left pirouette (clean 3 of 5, late spot), left ankle strength and sickling (11 relevés left vs 20 right, 2026-11-23), hip control in développé à la seconde',
      'Emma, Snowflake Waltz: entrance, A and B ready; before the 5 Dec spacing, clean the section C left pirouette (else the agreed soutenu) and the timing into the finale circle',
      'Emma, pointe: not ready this winter (turns 12 on 14 March 2027; left relevés 11 of 16; sickles when tired); recommend Pre-Pointe Conditioning and re-assess at the end of winter term',
      'Emma: winter goals are a left single pirouette 4 of 5 by mid-February, 16 relevés on the left by 27 March, a right double 4 of 5 by 27 March',
      'Emma: media consent on file for name and photos (signed 2 September 2026)',
      'Emma, injury follow-up: sprain cleared by physio on 26 Oct, full class since 2 Nov; no restrictions, watch the left relevé',
    ],
  },
  placement: {
    document: `# Emma Rodriguez — Winter 2027 placement

**Current level:** Ballet 3 (Mon & Wed) and Jazz 2 (Thu). Age 11; turns 12 on 14 March 2027.

**Recommendation: stay in Ballet 3, keep Jazz 2, and add Pre-Pointe Conditioning and Turns &
Jumps Lab.**

| Class | Day and time | Room, teacher | Ages | Prerequisite | Check |
|-------|--------------|---------------|------|--------------|-------|
| Ballet 3 | Mon & Wed 17:00–18:15 | A, Marie | 10–12 | Ballet 2 | Age 11, in Ballet 3 now: yes |
| Pre-Pointe Conditioning (new) | Wed 18:15–18:45 | B, Marie | 11–14 | Ballet 3 or above | Age 11, Ballet 3: yes |
| Turns & Jumps Lab (new) | Sat 11:00–11:45 | B, Jamal | 10–13 | Ballet 3 or Jazz 2 | Has both: yes |
| Jazz 2 | Thu 17:30–18:30 | B, Jamal | 9–12 | none | Age 11: yes |

## Why

- **Ballet 3, not Ballet 4.** The move-up criteria in curriculum/ballet-levels.md ask for a
  clean single pirouette on both sides and no sickling. Her right side is there (and a double on
  the right, 2 of 3), but the left single is clean 3 times out of 5 and the left foot still
  sickles when she is tired. Ballet 4 starts with double pirouettes on both sides, which would
  push the left before it is ready. Her 82.6% attendance is below the 85% asked for, but only
  because of the excused ankle injury; it would not hold her back on its own. I will review
  her at the end of the winter term; a move during the year is possible with my approval.
- **Pre-Pointe Conditioning.** This is the curriculum's route for a student who meets some of
  the pointe criteria and not others. It works on exactly what she lacks: left ankle strength
  and relevé endurance (11 relevés on the left, 16 needed). It starts straight after her
  Wednesday Ballet 3 class, so there is no extra journey.
- **Turns & Jumps Lab.** Recommended for students whose turns lag behind the rest of their
  technique; spotting is what stops her left pirouette.
- **Jazz 2.** She enjoys it and it feeds her ballet: rhythm, quick pick-up, confidence.

**Weekly load:** 4 hours 45 minutes over four days (Mon, Wed, Thu, Sat). That is a lot for an
11-year-old, but she has held two ballet classes and jazz all term, and both new classes are
short. If it proves too much, Turns & Jumps Lab is the one to drop.

## For the office

- Registration opens to current families on **Wednesday 2 December**; register before Friday
  18 December and the registration fee is waived. Pre-Pointe Conditioning has 10 places and
  Turns & Jumps Lab 12, so Emma should be registered on the first day.
- Tuition per month at the published rates: Ballet 3 2 × 70.00, Pre-Pointe Conditioning 35.00,
  Turns & Jumps Lab 52.00, Jazz 2 62.00: **289.00**. Emma's tuition is the higher of the two
  Rodriguez children, so she pays full price and the 10% sibling discount goes on Mateo's.
`,
    summary:
      'Emma Rodriguez stays in Ballet 3 (Mon & Wed 17:00–18:15) and Jazz 2 (Thu 17:30–18:30) and adds the new Pre-Pointe Conditioning (Wed 18:15–18:45, straight after Ballet 3) and Turns & Jumps Lab (Sat 11:00–11:45). Age ranges and prerequisites all check out. She is not ready for Ballet 4: her left single pirouette is clean 3 of 5 and the left foot still sickles when tired, two of the move-up criteria; her attendance (82.6%) fell short of 85% only because of the excused ankle injury. Pre-Pointe Conditioning builds the left ankle strength she needs for pointe; Turns & Jumps Lab works on the spotting behind the left pirouette. Weekly load 4 h 45 over four days; 289.00 a month at the published rates, full price as the family\'s first child. Register on 2 December: the new classes have 10 and 12 places.',
    findings: [
      'Emma Rodriguez, winter 2027: stay in Ballet 3 (Mon & Wed 17:00–18:15) and Jazz 2 (Thu 17:30–18:30)',
      'Emma: add Pre-Pointe Conditioning (Wed 18:15–18:45; ages 11–14, Ballet 3 or above: she qualifies) for left ankle strength before pointe',
      'Emma: add Turns & Jumps Lab (Sat 11:00–11:45; ages 10–13, Ballet 3 or Jazz 2: she qualifies) for spotting and the left pirouette',
      'Emma: not Ballet 4 yet: left single clean 3 of 5 and sickling when tired fail two move-up criteria; review at the end of winter term',
      'Emma: 4 h 45 a week over four days; 289.00 a month at published rates, full price (sibling discount applies to Mateo)',
      'Register Emma on 2 December: Pre-Pointe Conditioning has 10 places and Turns & Jumps Lab 12; fee waived before 18 December',
    ],
  },
  practicePlan: {
    document: `# Emma's winter break practice plan

**19 December to 10 January.** Three sessions a week, about 18 minutes each, on Saturday,
Monday and Wednesday. You need a sturdy chair or the kitchen counter, your theraband, a clear
space on a non-slip floor, and bare feet or ballet shoes (not socks).

| Week | Dates | Sessions |
|------|-------|----------|
| 1 | 19–25 December | Sat 19, Mon 21, Wed 23 |
| 2 | 26 December – 1 January | Sat 26, Mon 28, Wed 30 |
| 3 | 2–8 January | Sat 2, Mon 4, Wed 6 |

Rest on 9 and 10 January; term starts on Monday 11 January.

## Every session

**Warm-up (3 minutes).** March on the spot for one minute. Ankle circles, 8 each way on each
foot. Eight slow pliés in first position holding the chair.

**1. Theraband feet (5 minutes).** Sit with your legs long and the band round the ball of your
foot. Point slowly through the foot against the band for 4 counts, flex back for 4: **10 on
the left, then 10 on the right.** Keep the foot in line with your second toe; don't let it
curl in towards the other foot. Then 10 "domes" on each foot (lift the arch without curling
the toes).

**2. Relevés at the chair (5 minutes).** Both feet in parallel: **2 × 10 slow relevés** (up for
2 counts, hold 2, down 2). Then the left foot alone, as many as you can until the ankle starts
to roll out, and stop there. Write the number down each time.
*Targets:* 12 in week 1, 14 in week 2, **16 in week 3**, on the left.

**3. Spotting, walking (3 minutes).** No turning on one leg at home. Pick a spot at eye level.
Walk round to the left in four quarter turns, keeping your eyes on the spot until the last
moment, then bring your head round first. **8 times to the left, 4 to the right.** Then a
retiré balance holding the chair; let go and hold **10 seconds on each side**, hips level.

**4. Développé and port de bras (4 minutes).** At the chair, développé to the side **4 times on
each leg**, no higher than 90° (hip height), with your hand on the working hip: stop if the
hip lifts. Finish with port de bras to the Snowflake Waltz music, once through.

**Cool down.** Calf stretch against the wall, 30 seconds each leg, then your floor stretches.
You are warm now, so this is the right time for them.

## For a parent: what to watch

- During the relevés, stand behind Emma: the heel should rise straight up, not tip out towards
  the little toe. When it tips, that is the end of the set.
- In développé, both hips should stay level. Lower is better than higher.
- If her left ankle hurts, stop and tell us in January.

## Do not practise alone

- No pointe work of any kind, even in soft shoes "just to try".
- No pirouettes or other turns on carpet or in socks; we turn in the studio.
- No jumps on hard floors (kitchen tiles, concrete).
- No forced turnout: no frogs with weight on the knees, no turnout boards.
- No splits or big stretches on a cold body: stretch only after the warm-up.
`,
    summary:
      "Emma's three-week winter break plan (19 December to 10 January) has three 18-minute sessions a week (Sat, Mon, Wed): a 3-minute warm-up, theraband pointing and doming (10 per foot, left first), relevés at a chair (2 × 10, then the left foot alone with targets of 12, 14 and 16, the pointe criterion), walking spotting drills to the left (8 times) with a 10-second retiré balance, and développés kept at 90° with the hip level. A parent watches the left heel during relevés and the hips in développé. Not alone: pointe, turns on carpet or in socks, jumps on hard floors, forced turnout, stretching a cold body.",
    findings: [
      "Emma's winter plan: 3 sessions a week of about 18 minutes, Sat/Mon/Wed, 19 Dec to 6 Jan, rest 9–10 Jan",
      'Emma: left ankle work first: theraband 10 per foot and relevés with left-foot targets of 12, 14, then 16 (the pointe criterion)',
      'Emma: spotting practised by walking quarter turns (8 to the left), no turning at home; retiré balance 10 seconds per side',
      'Emma: développé at 90° maximum with a hand on the hip, for the hip lift noted on 18 Nov',
      'Emma: parent watches the left heel tipping out in relevé, which ends the set',
      'Emma must not practise pointe, turns on carpet or in socks, jumps on hard floors, forced turnout or cold stretching',
    ],
  },
  newsletter: {
    document: `# Spotlight: Emma, Ballet 3

Emma has danced with us for six years, and this term her ballet grew in confidence and
clarity. Her pirouettes (turns on one leg) are cleaner than ever, and in November she landed
her first doubles. In the "Snowflake Waltz" she leads the diagonal of glissades and jetés,
small travelling leaps, that crosses the whole stage, setting the tempo for every dancer who
follows. She learns new sections in a single class and quietly helps newer dancers with their
counts. Come and see Emma and all of Ballet 3 on Saturday 12 December at 2 pm at the
Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Showcase week: see you on Saturday 12 December

*Media consent for name and photos is on file (signed 2 September 2026), so the paragraph uses
Emma's first name only.*
`,
    summary:
      "Drafted a 101-word Spotlight paragraph on Emma (Ballet 3) for the December newsletter: six years at the studio, cleaner pirouettes and her first doubles, leading the glissade–jeté diagonal in the Snowflake Waltz, quick learning and helping newer dancers, ending with the showcase date (Saturday 12 December, 2 pm, Riverside Community Theatre). First name only, as media consent for name and photos is on file; nothing on her injury, the areas to develop or other dancers. Two subject lines: \"Winter registration is open: 4 new classes\" and \"Showcase week: see you on Saturday 12 December\".",
    findings: [
      'Spotlight paragraph on Emma, 101 words: progress in turns, leading the Snowflake Waltz diagonal, helping newer dancers',
      "Used Emma's first name only: media consent for name and photos is on file (signed 2 September 2026)",
      'Left out her ankle injury, the areas to develop and any comparison with other dancers, as the brief requires',
      'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Showcase week: see you on Saturday 12 December"',
      'Follows brand-voice.md: one plain-word gloss per ballet term, no exclamation mark, showcase date and time as in the November issue',
    ],
  },
  parentLetter: {
    document: `Dear Lucia,

Emma's fall evaluation comes home with this letter; here is what it says.

**What went well.** Emma is a musical dancer: she moves with the music instead of rushing it.
Her turns to the right are clean, and she has started double turns. In the Snowflake
Waltz she leads a line of dancers across the stage, setting their timing.
She came back from her ankle sprain patiently; thank you for keeping us informed.

**What we will work on in winter.** Turning to the left, by teaching her eyes to find a point
and her head to turn last ("spotting"). And strengthening her left ankle, so the foot stays
straight when she rises onto the balls of her feet.

**Classes we recommend.** Ballet 3 (Monday and Wednesday, 17:00–18:15) and Jazz 2 (Thursday,
17:30–18:30) as now, plus two new classes:
- *Pre-Pointe Conditioning* (Wednesday, 18:15–18:45, straight after Ballet 3): strength for
  the ankles, feet and tummy, without pointe shoes.
- *Turns & Jumps Lab* (Saturday, 11:00–11:45): for her turns.

**About pointe shoes.** Not yet. Emma turns 12 in March, and her left ankle needs to grow
stronger first. The conditioning class is the step before pointe; I will check her again at
the end of the winter term.

**The practice plan.** Three sessions a week over the break, about 18 minutes each.
Emma can follow it on her own. It helps if you watch her rises
from behind: her heel should go straight up. Please: no turning in socks, no jumping on
hard floors and no pointe at home.

**The one thing to do next:** register Emma for winter before **Friday 18 December**, and the
registration fee is waived. Registration for current families opens on Wednesday 2 December.

See you in the studio,
Marie
`,
    summary:
      "Wrote a letter of under 300 words to Lucia Rodriguez, Emma's mother: what went well (musicality, clean right turns and first doubles, leading the Snowflake Waltz diagonal, a careful return after the ankle sprain), what winter will work on (spotting for the left turn, left ankle strength), the classes recommended (Ballet 3, Jazz 2, Pre-Pointe Conditioning on Wednesday 18:15 and Turns & Jumps Lab on Saturday 11:00) and why, a plain answer on pointe (not yet; re-checked at the end of winter term), how to use the practice plan, and the next step: register before Friday 18 December to have the fee waived.",
    findings: [
      "Parent letter to Lucia Rodriguez, under 300 words; ballet terms explained (spotting, rising onto the balls of the feet)",
      'Letter recommends Ballet 3 and Jazz 2 as now, plus Pre-Pointe Conditioning (Wed 18:15–18:45) and Turns & Jumps Lab (Sat 11:00–11:45)',
      'Letter answers the pointe question plainly: not yet, re-checked at the end of the winter term',
      'Letter asks the family to register Emma before Friday 18 December to have the fee waived',
    ],
  },
};
