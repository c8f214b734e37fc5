import type { Student } from './student.ts';

const evaluation = `# Sofia Okafor — Fall 2026 evaluation

Classes: Ballet 5 / pre-pointe (Tue 18:30–20:00, Fri 17:00–18:30), Contemporary Teens (Sat 11:00–12:30) | Teachers: Marie Delacroix (ballet), Ana Souza (contemporary) | Age: 14 (born 21 August 2012) | Years at the studio: 9th year (since September 2018)

## Attendance

| Class              | Sessions | Present | Late | Excused | Absent | Attended |
|--------------------|---------:|--------:|-----:|--------:|-------:|---------:|
| Ballet 5           | 23 | 23 | 0 | 0 | 0 | 100% |
| Contemporary Teens | 11 | 10 | 0 | 1 | 0 | 90.9% |

Records run from 7 September to 24 November. Sofia has not missed a Ballet 5 class all term. On
23 October she sat out the last jumps with a sore right shin and iced it. The one Contemporary
Teens absence (14 November) was excused for a school choir concert.

## Strengths

- **Secure pointe work.** 2026-09-08: on pointe since January 2026; strong and secure in
  relevés and échappés on pointe; bourrées even and quick.
- **Quality of movement.** 2026-10-03 (Ana): beautiful use of weight and release.
- **Turns that travel.** 2026-11-06: the manège of piqué turns in the Sugar Plum variation is
  travelling well.
- **Stamina, and the commitment behind it.** 2026-11-20: a full 90-minute class including the
  pointe section, with no pain. With perfect Ballet 5 attendance, this is steady work paying off.

## Areas to develop

1. **Stamina across a full class plus pointe.** This was the open question when she asked about
   Ballet 6 (2026-09-25), and it is clearly improving (2026-11-20). *Exercise:* a 10-minute
   conditioning circuit twice a week outside class (calf raises, 30-second planks, theraband
   work), so that the third 90-minute class in Ballet 6 does not tire her feet.
2. **Holding the finish.** 2026-11-06: the final pose of the Sugar Plum variation is rushed.
   *Correction:* count it aloud in rehearsal, "and hold, 2, 3, 4", breathing out into the pose.
3. **Improvisation.** 2026-10-03 (Ana): hesitant with improvisation tasks; prefers set
   material. *Correction (with Ana):* small structured tasks first, such as improvising only
   the levels of a set phrase.

## Showcase readiness

**Land of Sweets (Ballet 5):** the Sugar Plum variation, abridged, on pointe. **Undertow
(Contemporary Teens).** Neither routine has a file in choreography/ (it holds only the Ballet 3
and Jazz 2 pieces), so there was no part for the choreography-analyzer to check; this is from
my notes and Ana's.

- **Solid:** the piqué manège (6 November); relevés and bourrées on pointe.
- **Before the spacing rehearsal on Saturday 5 December:** hold the final pose for the full
  4 counts; and check the variation's jumps against her physiotherapist's limit of 16
  consecutive counts. Where a jumping passage is longer, we put in a walk or a pose.
- Ice after the dress rehearsal (10 December) and the show, as after class.

## Goals for winter 2027

1. Completes every Ballet 6 class, pointe section included, without shin pain, up to the
   mid-term review in the week of 15 February.
2. Holds every final pose in variation work for its full count, the Sugar Plum's 4 counts first,
   by the mid-term review.
3. Takes on an improvisation task in Contemporary Teens without set material at least once a
   month, agreed with Ana, by the end of term (27 March).

## Notes for the office (internal)

- **Media consent:** yes, name and photos (signed 5 September 2026).
- **Medical:** shin splints (right) in August 2026. Her physiotherapist advises limiting
  consecutive jumping to 16 counts and icing after class; no limits on pointe work. Soreness
  after petit allegro on 23 October (sat out and iced); no pain on 20 November. Every teacher
  who has her in winter must know the 16-count limit.
- **Family request:** Sofia asked (2026-09-25) to be considered for Ballet 6. I am recommending
  it for winter on a trial basis, with a review at mid-term; to be explained to her mother,
  Grace Okafor.
- No pointe question: she has been on pointe since January 2026.
`;

export const sofia: Student = {
  name: 'Sofia Okafor',
  file: 'sofia-okafor.md',
  routines: [],
  evaluation: {
    document: evaluation,
    summary:
      "Sofia Okafor (14, Ballet 5 / pre-pointe and Contemporary Teens, 9th year) had an excellent fall term. She attended all 23 Ballet 5 classes (100%) and 10 of 11 Contemporary Teens classes (90.9%; one excused absence, 14 November, for a school choir concert). Strengths: secure relevés, échappés and quick, even bourrées on pointe (8 September), beautiful use of weight and release (Ana, 3 October), a travelling piqué manège in the Sugar Plum variation (6 November), and a full 90-minute class with pointe and no pain (20 November). Areas to develop: stamina across a full class plus pointe (improving), holding the final pose for its full 4 counts, and confidence in improvisation. Showcase: Sugar Plum variation (abridged, on pointe) in Land of Sweets and Undertow; neither routine is in choreography/; before 5 December she must hold the final pose and the variation's jumps must respect her physiotherapist's 16-count limit. Medical: right shin splints in August 2026; limit consecutive jumping to 16 counts and ice after class; no limits on pointe; sore once on 23 October. Recommendation: Ballet 6 for winter on a trial basis with a mid-term review. Media consent: name and photos on file. Winter goals: every Ballet 6 class without shin pain to mid-term, full-count final poses by mid-term, a monthly improvisation task by 27 March.",
    findings: [
      'Sofia Okafor: attended 23 of 23 Ballet 5 classes (100%) and 10 of 11 Contemporary Teens (90.9%; 1 excused, school choir)',
      'Sofia: strengths are secure pointe work (2026-09-08), use of weight and release (2026-10-03), the Sugar Plum piqué manège (2026-11-06), a full class with pointe and no pain (2026-11-20)',
      'Sofia: areas to develop are stamina across class plus pointe (improving), holding the Sugar Plum final pose for 4 counts, improvisation',
      'Sofia: recommend Ballet 6 for winter on a trial basis, with a review at mid-term (she asked on 2026-09-25)',
      "Sofia, medical: right shin splints (Aug 2026); physio limits consecutive jumping to 16 counts and advises icing; no limits on pointe; check the variation's jumps before 5 Dec",
      'Sofia, showcase: Sugar Plum variation (on pointe) and Undertow; neither routine is in choreography/, so readiness is from class notes',
      'Sofia: media consent on file for name and photos (signed 5 September 2026)',
      'Sofia: winter goals are every Ballet 6 class without shin pain and full-count final poses by mid-term, a monthly improvisation task by 27 March',
    ],
  },
  placement: {
    document: `# Sofia Okafor — Winter 2027 placement

**Current level:** Ballet 5 / pre-pointe (Tue & Fri) and Contemporary Teens (Sat). Age 14.

**Recommendation: move up to Ballet 6 (pre-professional) on a trial term, in place of Ballet 5,
and keep Contemporary Teens.**

| Class | Day and time | Room, teacher | Ages | Prerequisite | Check |
|-------|--------------|---------------|------|--------------|-------|
| Ballet 6 (new) | Mon 18:30–20:00, Thu 18:30–20:00, Sat 13:00–14:30 | A, Marie | 14+ | Ballet 5, audition or teacher invitation | Age 14, Ballet 5, invited by me: yes |
| Contemporary Teens | Sat 11:00–12:30 | A, Ana | 13–18 | none | Age 14: yes |

## Why

- **Ballet 6.** Her technique was close in September (2026-09-25); the question was stamina for a
  full 90-minute class plus pointe, and on 20 November she did exactly that with no pain. Her
  Ballet 5 attendance is 100%. The curriculum makes Ballet 6 a trial term with a mid-term review;
  hers will be in the week of 15 February.
- **Contemporary Teens.** Ana's work on weight and release feeds her ballet, and it is where her
  improvisation goal sits.
- **The load, and her shins.** Ballet 6 is three 90-minute classes a week: with Contemporary
  Teens, 6 hours a week (4 hours 30 minutes in fall). Saturday is the heavy day: Contemporary
  ends at 12:30 and Ballet 6 starts at 13:00, so she needs a proper lunch and rest in between.
  Her physiotherapist's limit of 16 counts of consecutive jumping and icing after class apply in
  both classes; I will brief Ana.

## For the office

- Registration opens to current families on **Wednesday 2 December**; fee waived before
  Friday 18 December. Ballet 6 has 8 places: register Sofia on the first day.
- Tuition per month at the published rates: Ballet 6 3 × 78.00 and Contemporary Teens 78.00:
  **312.00** (234.00 in fall). No sibling at the studio.
`,
    summary:
      "Sofia Okafor moves up to the new Ballet 6 (Mon 18:30–20:00, Thu 18:30–20:00, Sat 13:00–14:30) for winter 2027 on a trial term with a mid-term review in the week of 15 February, in place of Ballet 5, and keeps Contemporary Teens (Sat 11:00–12:30). She meets Ballet 6's prerequisites (14+, Ballet 5, teacher invitation). The stamina question from September is answered: a full 90-minute class with pointe and no pain on 20 November, and 100% Ballet 5 attendance. The load rises to 6 hours a week, with Saturday the heavy day (a 30-minute gap between classes); her physiotherapist's 16-count jumping limit and icing apply in both classes. 312.00 a month; Ballet 6 has 8 places, so register on 2 December.",
    findings: [
      'Sofia Okafor, winter 2027: Ballet 6 on a trial term (Mon 18:30–20:00, Thu 18:30–20:00, Sat 13:00–14:30) in place of Ballet 5; mid-term review week of 15 Feb',
      'Sofia: keep Contemporary Teens (Sat 11:00–12:30, Ana)',
      'Sofia: meets Ballet 6 prerequisites (14+, Ballet 5, teacher invitation); full class with pointe and no pain on 2026-11-20',
      "Sofia: 6 hours a week (4 h 30 in fall); Saturday has a 30-minute gap between classes; physio's 16-count jumping limit applies in both",
      'Register Sofia on 2 December: Ballet 6 has 8 places; 312.00 a month at published rates',
    ],
  },
  practicePlan: {
    document: `# Sofia's winter break practice plan

**19 December to 10 January.** Three sessions a week, about 20 minutes each: Saturday, Monday and
Wednesday. You need a counter or barre to hold, a theraband, a non-slip floor and ballet flats or
bare feet.

| Week | Dates | Sessions |
|------|-------|----------|
| 1 | 19–25 December | Sat 19, Mon 21, Wed 23 |
| 2 | 26 December – 1 January | Sat 26, Mon 28, Wed 30 |
| 3 | 2–8 January | Sat 2, Mon 4, Wed 6 |

Ballet 6 starts on Monday 11 January; the three weeks are about arriving strong, not tired.

## Every session

**Warm-up (3 minutes).** Brisk walking or marching for 2 minutes, ankle circles 8 each way, and
8 slow pliés holding the counter.

**1. Feet and ankles (5 minutes).** Theraband: 12 slow points and flexes on each foot, then 10
doming lifts. Then relevés on demi-pointe at the counter: **3 × 12**, up in 1 count, down in 3,
ankles in line.

**2. Conditioning circuit (6 minutes).** Twice through: 15 calf raises on the edge of a step
(holding the rail), a 30-second plank, 10 slow leg lifts to the side each side lying down, and
a 20-second side plank each side.

**3. Balance and finishing (3 minutes).** Retiré on demi-pointe, let go and hold for 10 seconds,
3 times each side. Then your Sugar Plum final pose: hold it for a full 4 counts, breathing out,
3 times.

**4. Port de bras (3 minutes).** Port de bras and épaulement to music you love, once through.

**Cool down.** Calf and shin stretches against the wall, 30 seconds each, then floor stretches.
Ice the right shin afterwards if it feels tight, as your physiotherapist advised.

## For a parent: what to watch

- Any pain in the right shin: stop, ice, and let us know before term starts.
- In relevés, the heels should rise straight, without the ankles rolling in or out.

## Do not practise alone

- **No pointe work of any kind at home**, even though you dance on pointe in class.
- No jumps on hard floors; your shins especially do not need them.
- No turns on carpet or in socks.
- No forced turnout, and no splits or big stretches on a cold body.
`,
    summary:
      "Sofia's three-week winter break plan (19 December to 10 January) has three 20-minute sessions a week (Sat, Mon, Wed) to arrive at Ballet 6 strong: theraband and relevés on demi-pointe (3 × 12), a conditioning circuit for stamina (calf raises, planks, leg lifts), a 10-second retiré balance and the Sugar Plum final pose held for 4 counts, and port de bras. Shin care per her physiotherapist: stretch after warm-up, ice if tight, stop on pain. Not alone: pointe of any kind, jumps on hard floors, turns on carpet or in socks, forced turnout, cold stretching.",
    findings: [
      "Sofia's winter plan: 3 sessions a week of about 20 minutes, Sat/Mon/Wed, 19 Dec to 6 Jan, before Ballet 6 starts on 11 Jan",
      'Sofia: stamina circuit (calf raises, planks, leg lifts) and relevés on demi-pointe 3 × 12',
      'Sofia: final pose held for a full 4 counts, 3 times a session',
      'Sofia: no pointe work at home; no jumps on hard floors (right shin); ice if tight and stop on pain',
    ],
  },
  newsletter: {
    document: `# Spotlight: Sofia, Ballet 5

Last February we shared Sofia's first pointe shoes. This term she has shown what a year of
patient work on pointe looks like: strong, secure rises, and bourrées, tiny quick steps on the
tips of the toes, that seem to glide. For the showcase she dances an abridged Sugar Plum Fairy
variation, with a manège of piqué turns, a circle of travelling turns, right round the stage.
Sofia has been dancing with us since she was six, and she has not missed a single ballet class
this term. Come and see her on Saturday 12 December at 2 pm at the Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Sugar Plum, snowflakes and winter classes

*Media consent for name and photos is on file (signed 5 September 2026), so the paragraph uses
Sofia's first name only.*
`,
    summary:
      "Drafted a 104-word Spotlight paragraph on Sofia (Ballet 5) for the December newsletter, following on from February's \"Sofia's first pointe shoes\": secure pointe work, quick bourrées, the abridged Sugar Plum variation with its piqué manège, nine years at the studio and every ballet class attended this term, ending with the showcase date (Saturday 12 December, 2 pm, Riverside Community Theatre). First name only, as media consent for name and photos is on file; nothing about her shins, her areas to develop or other dancers. Two subject lines: \"Winter registration is open: 4 new classes\" and \"Sugar Plum, snowflakes and winter classes\".",
    findings: [
      "Spotlight paragraph on Sofia, 104 words: a follow-up to February's first-pointe-shoes spotlight; Sugar Plum variation; every ballet class attended",
      "Used Sofia's first name only: media consent for name and photos is on file (signed 5 September 2026)",
      'Left out her shin splints, the areas to develop and the Ballet 6 trial (not yet confirmed to the family)',
      'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Sugar Plum, snowflakes and winter classes"',
    ],
  },
  parentLetter: {
    document: `Dear Grace,

Sofia's fall evaluation comes home with this letter; here is what it says.

**What went well.** Sofia has not missed a single ballet class this term, and it shows. Her work
on pointe is strong and secure, and her turns in the Sugar Plum variation now travel beautifully
round the stage. On 20 November she danced a full 90-minute class, pointe work included, with no
pain in her shin. Ana says she moves with lovely weight and flow in contemporary.

**What we will work on in winter.** Stamina for longer classes; holding the last pose of a dance
for its full count instead of rushing it; and more confidence in improvising, making up movement
on the spot, in contemporary.

**Classes we recommend.** Sofia asked in September about Ballet 6, our new pre-professional
class, and I am happy to recommend it for winter as a trial term: Monday and Thursday 18:30–20:00
and Saturday 13:00–14:30, in place of Ballet 5. I will review how it is going in the week of
15 February. She keeps Contemporary Teens on Saturday, 11:00–12:30. Saturdays will be a long day,
so please send a proper lunch for the half-hour break. Please keep icing her shin after class, as
her physiotherapist advises; all her teachers will keep to the jumping limit.

**The practice plan.** Three 20-minute sessions a week over the break, to arrive at Ballet 6
strong rather than tired. Sofia can follow it on her own. No pointe work at home, please, and no
jumping on hard floors.

**The one thing to do next:** register Sofia for winter before **Friday 18 December**, and the
registration fee is waived. Registration for current families opens on Wednesday 2 December.

See you in the studio,
Marie
`,
    summary:
      "Wrote a letter of under 300 words to Grace Okafor, Sofia's mother: what went well (every ballet class attended, secure pointe work, travelling turns, a full class with no shin pain on 20 November, lovely movement in contemporary), what winter will work on (stamina, holding final poses, improvising), the recommendation of Ballet 6 as a trial term with a mid-term review in the week of 15 February plus Contemporary Teens, the long Saturday and shin care, the practice plan, and the next step: register before Friday 18 December to have the fee waived.",
    findings: [
      'Parent letter to Grace Okafor, under 300 words; improvisation and the pre-professional class explained',
      'Letter recommends Ballet 6 as a trial term (review week of 15 Feb) in place of Ballet 5, plus Contemporary Teens',
      'Letter reminds the family to keep icing after class; teachers keep to the 16-count jumping limit',
      'Letter asks the family to register Sofia before Friday 18 December to have the fee waived',
    ],
  },
};
