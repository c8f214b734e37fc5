import type { Student } from './student.ts';

const evaluation = `# Ava Thompson — Fall 2026 evaluation

Classes: Ballet 2 (Mon & Wed 16:00–17:00), Jazz 2 (Thu 17:30–18:30) | Teachers: Marie Delacroix (ballet), Jamal Price (jazz) | Age: 10 (born 9 May 2016) | Years at the studio: 4th year (since September 2023)

## Attendance

| Class    | Sessions | Present | Late | Excused | Absent | Attended |
|----------|---------:|--------:|-----:|--------:|-------:|---------:|
| Ballet 2 | 23 | 18 | 0 | 0 | 5 | 78.3% |
| Jazz 2   | 11 |  9 | 0 | 0 | 2 | 81.8% |

Records run from 7 September to 24 November. Until mid-October Ava did not miss a class. Then:

- Ballet 2, Monday 19 October: soccer practice (she told me on 21 October).
- Ballet 2, Monday 2 November: no reason recorded.
- Jazz 2, Thursdays 12 and 19 November: two in a row, no message from the family.
- Ballet 2, 16, 18 and 23 November: three in a row, no message.

Taken together, **Ava has not been to any class since Wednesday 11 November**: five classes in
a row across ballet and jazz. Four of the five Ballet 2 absences are Mondays, which fits the
soccer clash she mentioned. This needs a friendly phone call, not a penalty.

## Strengths

- **Port de bras.** 2026-09-14: lovely arms, and a very expressive face; she dances to be seen.
- **Work ethic at the barre.** 2026-09-14: works hard and carefully at barre.
- **Quick to learn.** 2026-10-01 (Jamal): good kicks; learns choreography quickly.

## Areas to develop

1. **Catching up the showcase material.** 2026-11-04: she did not know the new section of
   Falling Leaves because she missed the Monday it was taught, and she has since missed the
   Jingle Bell Rock canon (12 and 19 November). *Plan:* a 15-minute catch-up before Ballet 2 on
   Wednesday 2 December, and Jamal to go through the canon with her on Thursday 3 December.
2. **A way to keep both ballet classes.** 2026-10-21: soccer practice now falls on some
   Mondays. Ballet 2 only meets on Monday and Wednesday, and the level needs both. *Plan:* talk
   with the family about which Mondays clash, and agree what happens on those weeks.
3. **Confidence when she has missed something.** 2026-11-04: quieter than usual on the day she
   did not know the new section. *Correction:* tell her what she missed before class, not in
   front of the group, and pair her with a steady partner while she catches up.

## Showcase readiness

**Falling Leaves (Ballet 2)** has no file in choreography/, so it is from my notes: she must
learn the section taught on 2 November before the spacing rehearsal. **Jingle Bell Rock (Jazz
2):** front row, centre right; stag leaps in pairs. The choreography-analyzer's reading:

- **Ready:** the opening and verse 1 (jazz walks, isolations, jazz square, pivot turn); she
  learns this kind of material fast.
- **Ready with cleaning:** the chorus stag leaps, with her partner, after three weeks away.
- **Not ready:** the verse 2 canon, which she missed on both days it was rehearsed. In a canon a
  wrong count shows at once, and she is in the front row. *Alternative if she cannot catch up
  before Saturday 5 December:* Jamal moves her to the back row for verse 2 only, and she returns
  to her front-row place for the final chorus.

## Goals for winter 2027

These are the Ballet 2 move-up criteria, which her absences kept me from assessing this term.

1. Balance in retiré on demi-pointe for 4 counts on both sides, by mid-February (checked on
   Wednesday 17 February).
2. A clean glissade–assemblé, travelling in both directions, by the end of term (Wednesday
   24 March).
3. Names and shows each barre exercise (plié, tendu, dégagé, rond de jambe à terre, retiré,
   relevé) on request, by 24 March.

## Notes for the office (internal)

- **Call the family before the spacing rehearsal on Saturday 5 December** (my note of
  23 November): Daniel Thompson, 555-0164. To cover: the absences since 11 November and whether
  everything is all right; the Monday soccer clash; the spacing rehearsal, 10:00–13:00; the
  catch-up on 2 December.
- **Media consent: not returned** (form sent home on 7 September and 5 October). No photos of
  Ava and no use of her name in anything public, the showcase photos included. Ask about the
  form on the call.
- **Injuries and medical:** none on file.
- Brother Noah is in Creative Movement, so the sibling discount applies to the family's tuition.
`;

export const ava: Student = {
  name: 'Ava Thompson',
  file: 'ava-thompson.md',
  routines: ['winter-showcase-jingle-bell-rock.md'],
  analyzer: {
    brief: `Dancer: Ava Thompson, 10, Ballet 2 and Jazz 2 (4th year at the studio).
Part in Jingle Bell Rock (Jazz 2): front row, centre right; stag leaps in pairs.
Known gaps: has missed every class since 11 November, including the Jazz 2 rehearsals of the canon on 12 and 19 November; did not know a new section of her ballet piece on 4 November because she missed the day it was taught.
Strengths: good kicks and learns choreography quickly (Jamal, 2026-10-01); expressive.`,
    report: `Routine: Jingle Bell Rock (Jazz 2, 2:05)
Sections:
- Opening (8 × 8): jazz walks, shoulder isolations, ball change, step-touch with claps on 2 and 4, kick-ball-change — foundational; hardest: staying in two straight lines
- Verse 1 (4 × 8): jazz square, grapevine right and left, single pivot turn, jazz hands on the accent — foundational; hardest: the accent on the jazz hands
- Chorus (6 × 8): stag leap across in pairs, single jazz pirouette to the right, knee slide (back row only), floor roll and up — developing; hardest: pairs leaving together for the stag leaps
- Verse 2 (4 × 8): canon in three groups one count apart; fan kicks, hitch kick, chassé into a jump turn — developing; hardest: holding your own count while the groups beside you move
- Final chorus (6 × 8): V formation, kick line, turning jump, final pose with the front row kneeling — developing; hardest: the turning jump straight into the pose
Age check: ok — knee slides limited to the back row with knee pads; no lifts.
Dancer Ava Thompson (front row, centre right):
- Opening and verse 1: ready
- Chorus stag leaps in pairs: ready with cleaning (timing with her partner after three weeks away); 1 rehearsal
- Verse 2 canon: not ready — missed both rehearsals (12 and 19 Nov); alternative: back row for verse 2 only if she cannot catch up before 5 December
- Final chorus and pose: ready with cleaning (front row kneels on the last "rock"); 1 run
Spacing risk: a front-row dancer who does not know the canon makes the count error visible to the whole audience.
Top 3 corrections before the show:
1. Teach her the verse 2 canon (her group's count) before 5 December
2. Stag leaps: leave on the same count as her partner
3. Final chorus: turning jump into the kneeling pose on the last "rock"`,
  },
  evaluation: {
    document: evaluation,
    summary:
      "Ava Thompson (10, Ballet 2 and Jazz 2, 4th year) started the fall term well and has been absent since mid-November. She attended 18 of 23 Ballet 2 classes (78.3%) and 9 of 11 Jazz 2 classes (81.8%); she has missed every class since 11 November, five in a row across both classes (Jazz 2 on 12 and 19 November with no message, Ballet 2 on 16, 18 and 23 November), and four of her five Ballet 2 absences fall on Mondays, when she now sometimes has soccer practice. Strengths: lovely port de bras and an expressive face (14 September), hard work at the barre, good kicks and quick learning in jazz (1 October). Areas to develop: catching up the showcase material (a new Falling Leaves section and the Jingle Bell Rock verse 2 canon), a way to keep both weekly ballet classes, and confidence when she has missed something. Showcase: Jingle Bell Rock front row; the canon is not ready, and if she cannot catch up before 5 December she dances verse 2 in the back row. The family must be called before the spacing rehearsal on 5 December. Media consent has not been returned, so no photos or name in anything public. No injuries on file. Winter goals are the Ballet 2 move-up criteria: retiré balance 4 counts both sides by mid-February, glissade–assemblé and the barre vocabulary by 24 March.",
    findings: [
      'Ava Thompson: no class attended since 11 Nov (5 in a row: Jazz 2 on 12 and 19 Nov, Ballet 2 on 16, 18 and 23 Nov), no message; call the family before the 5 Dec spacing rehearsal',
      'Ava: attended 18 of 23 Ballet 2 classes (78.3%) and 9 of 11 Jazz 2 (81.8%); 4 of the 5 Ballet 2 absences are Mondays, when she now has soccer on some weeks',
      'Ava: strengths are port de bras and expressiveness (2026-09-14), hard work at the barre, quick learning in jazz (2026-10-01)',
      'Ava, Jingle Bell Rock: front row; verse 2 canon not ready (missed 12 and 19 Nov); back row for verse 2 if she cannot catch up by 5 Dec',
      'Ava: must learn the Falling Leaves section taught on 2 Nov; catch-up proposed before Ballet 2 on Wed 2 Dec',
      'Ava: media consent not returned (sent 7 Sep and 5 Oct): no photos or name in anything public',
      'Ava: winter goals are the Ballet 2 move-up criteria (retiré balance by mid-February; glissade–assemblé and barre vocabulary by 24 March)',
      'Ava: no injuries or medical notes on file',
    ],
  },
  placement: {
    document: `# Ava Thompson — Winter 2027 placement

**Current level:** Ballet 2 (Mon & Wed) and Jazz 2 (Thu). Age 10; turns 11 on 9 May 2027.

**Recommendation: stay in Ballet 2 and Jazz 2. No extra class this term.**

| Class | Day and time | Room, teacher | Ages | Prerequisite | Check |
|-------|--------------|---------------|------|--------------|-------|
| Ballet 2 | Mon & Wed 16:00–17:00 | A, Marie | 8–10 | Ballet 1, or teacher placement | Age 10, in Ballet 2 now: yes |
| Jazz 2 | Thu 17:30–18:30 | B, Jamal | 9–12 | none | Age 10: yes |

## Why

- **Ballet 2, not Ballet 3.** The move-up criteria (retiré balance on demi-pointe for 4 counts
  on both sides, a clean glissade–assemblé, the barre vocabulary) could not be assessed this
  term: Ava missed four of her last seven Ballet 2 classes. I will assess them in January; the
  winter goals in her evaluation are exactly these criteria, so Ballet 3 is possible in the
  next term, at 11, still in its age range.
- **Both ballet classes.** Ballet 2 only meets on Monday and Wednesday, and the level needs
  both. If soccer takes Mondays for good, there is no other Ballet 2 slot; we need to talk that
  through with the family before the term starts.
- **Jazz 2.** She learns quickly there and clearly enjoys it.
- **Not Turns & Jumps Lab yet.** She qualifies (ages 10–13, Jazz 2 is a prerequisite), but a
  third day would not help while she is missing classes. Reconsider in the next term.

## For the office

- Registration opens to current families on **Wednesday 2 December**; fee waived before
  Friday 18 December. Please raise registration on the phone call about her absences.
- Tuition per month at the published rates: Ballet 2 2 × 62.00 and Jazz 2 62.00: **186.00**.
  Ava's tuition is the higher of the two Thompson children, so she pays full price and the 10%
  sibling discount goes on Noah's.
`,
    summary:
      "Ava Thompson stays in Ballet 2 (Mon & Wed 16:00–17:00) and Jazz 2 (Thu 17:30–18:30) for winter 2027, with no extra class; age ranges and prerequisites check out. Ballet 3 is not possible yet: the Ballet 2 move-up criteria could not be assessed this term because she missed four of her last seven Ballet 2 classes; they are her winter goals and will be assessed in January. Ballet 2 only meets Monday and Wednesday, so the Monday soccer clash must be settled with the family. Turns & Jumps Lab would fit (via Jazz 2) but waits until attendance is steady. 186.00 a month, full price as the family's first child.",
    findings: [
      'Ava Thompson, winter 2027: stay in Ballet 2 (Mon & Wed 16:00–17:00) and Jazz 2 (Thu 17:30–18:30); no extra class',
      'Ava: Ballet 3 move-up criteria not assessable this term (missed 4 of her last 7 Ballet 2 classes); assess in January',
      'Ava: Ballet 2 meets only Mon & Wed, so the Monday soccer clash must be settled with the family before term',
      'Ava: qualifies for Turns & Jumps Lab (via Jazz 2), but it waits until her attendance is steady',
      'Ava: 186.00 a month at published rates; sibling discount applies to Noah',
    ],
  },
  practicePlan: {
    document: `# Ava's winter break practice plan

**19 December to 10 January.** Three sessions a week, about 15 minutes each: Saturday, Monday and
Wednesday. You need the kitchen counter or a sturdy chair, a non-slip floor, and bare feet or
ballet shoes (not socks).

| Week | Dates | Sessions |
|------|-------|----------|
| 1 | 19–25 December | Sat 19, Mon 21, Wed 23 |
| 2 | 26 December – 1 January | Sat 26, Mon 28, Wed 30 |
| 3 | 2–8 January | Sat 2, Mon 4, Wed 6 |

Term starts on Monday 11 January.

## Every session

**Warm-up (2 minutes).** March on the spot for a minute, then 8 ankle circles each way on each
foot.

**1. Name-it barre (5 minutes).** Hold the counter. Do 4 of each and say its name out loud as you
start: **plié, tendu, dégagé, rond de jambe à terre, retiré, relevé.** Then turn round and do the
other side. By week 3, try it without looking at this list.

**2. Retiré balance (4 minutes).** Rise onto demi-pointe (the balls of your feet) holding the
counter, lift one foot to retiré (toe at the side of the knee), and let go. Hold for **4 counts**.
**3 times on each side.** If you wobble, put your hand back and try again; that is normal.

**3. Glissade, marked (2 minutes).** No jumping at home: slide one foot out to the side along the
floor, transfer your weight, and close the other foot in front. **8 to the right, 8 to the left**,
slowly. In class we add the jump and the assemblé.

**4. Port de bras (2 minutes).** Arms through first, second and fifth to music you like, once
slowly and once with your whole face dancing too.

**Cool down.** Floor stretches now that you are warm: 30 seconds each, gently.

## For a parent: what to watch

- In the retiré balance, the hips should stay level: the standing hip should not push out to the
  side.
- On demi-pointe, the ankle should be straight, not rolling in or out.

## Do not practise alone

- No turns on carpet or in socks.
- No jumps on hard floors.
- No forced turnout: no frogs with weight, no turnout boards.
- No splits or big stretches on a cold body.
- No pointe work of any kind.
`,
    summary:
      "Ava's three-week winter break plan (19 December to 10 January) has three 15-minute sessions a week (Sat, Mon, Wed), aimed at the Ballet 2 move-up criteria she will be assessed on in January: a \"name-it\" barre (4 each of plié, tendu, dégagé, rond de jambe à terre, retiré and relevé, saying the name), a retiré balance on demi-pointe for 4 counts, 3 times per side, a marked glissade with no jump, and port de bras. A parent watches the hips and ankles in the balance. Not alone: turns on carpet or in socks, jumps on hard floors, forced turnout, cold stretching, pointe.",
    findings: [
      "Ava's winter plan: 3 sessions a week of about 15 minutes, Sat/Mon/Wed, 19 Dec to 6 Jan",
      'Ava: plan targets the Ballet 2 move-up criteria: barre vocabulary, retiré balance for 4 counts, glissade (marked, no jump at home)',
      'Ava: parent watches level hips and a straight ankle in the retiré balance',
      'Ava must not practise turns on carpet or in socks, jumps on hard floors, forced turnout or cold stretching',
    ],
  },
  newsletter: {
    document: `# Spotlight: Ballet 2

This term our Ballet 2 dancers, ages 8 to 10, have grown into a full barre: pliés, tendus and
ronds de jambe, each one a little longer and steadier than in September. In the centre they are
working on first arabesque, a long line from fingertips to toes, and on glissades, gliding steps
that travel across the floor. All of it comes together in "Falling Leaves", their piece for the
showcase. Come and see it on Saturday 12 December at 2 pm at the Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Falling leaves, snowflakes and winter classes

*Written about Ballet 2 rather than one dancer: no media consent form is on file for the dancer,
so no name or photo is used.*
`,
    summary:
      "Drafted a 87-word Spotlight on Ballet 2 as a class, not on one dancer: Marie's findings say the media consent form was not returned, so no name or photo is used. It celebrates the class's progress at the barre, first arabesque and glissades, and their showcase piece \"Falling Leaves\", and ends with the showcase date (Saturday 12 December, 2 pm, Riverside Community Theatre). Two subject lines: \"Winter registration is open: 4 new classes\" and \"Falling leaves, snowflakes and winter classes\".",
    findings: [
      "Spotlight written about Ballet 2 as a class: the dancer's media consent form was not returned, so no name or photo",
      'Spotlight paragraph, 87 words: full barre, first arabesque, glissades, the Falling Leaves piece, the showcase date',
      'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Falling leaves, snowflakes and winter classes"',
      'Owner: ask the office to chase the missing consent form before any showcase photos are shared',
    ],
  },
  parentLetter: {
    document: `Dear Daniel,

Ava's fall evaluation comes home with this letter; here is what it says.

**What went well.** Ava has lovely arms and a very expressive face: when she dances, you can see
what the music means to her. She works hard and carefully at the barre, and in jazz Jamal says
she picks up new steps quickly.

**We have missed her.** Ava has not been to class since 11 November. I know soccer practice now
falls on some Mondays, and I would like to find a way for both to fit. I will phone you this
week, before the spacing rehearsal on Saturday 5 December (10:00–13:00), so we can help her catch
up on the new parts of her showcase dances in time.

**What we will work on in winter.** Balancing on the balls of her feet with one foot raised at
the knee; small travelling steps called glissades; and knowing the name of every exercise at the
barre. These are the steps she needs to move up to Ballet 3.

**Classes we recommend.** Ballet 2 on Monday and Wednesday, 16:00–17:00, and Jazz 2 on Thursday,
17:30–18:30, as now. Ballet 2 needs both of its weekly classes, which is why the Monday question
matters.

**The practice plan.** Three short sessions a week over the break, about 15 minutes each. Ava can
follow it on her own, saying the name of each step out loud. Please no turning in socks and no
jumping on hard floors.

**The one thing to do next:** register Ava for winter before **Friday 18 December**, and the
registration fee is waived. Registration for current families opens on Wednesday 2 December.

See you in the studio,
Marie
`,
    summary:
      "Wrote a letter of under 300 words to Daniel Thompson, Ava's father: what went well (expressive arms and face, hard work at the barre, quick learning in jazz), a warm note that she has not been in class since 11 November with a phone call promised before the 5 December spacing rehearsal, what winter will work on (balance, glissades, the barre vocabulary needed for Ballet 3), the classes recommended (Ballet 2 Mon & Wed, Jazz 2 Thu) and why both ballet classes matter, the practice plan, and the next step: register before Friday 18 December to have the fee waived.",
    findings: [
      "Parent letter to Daniel Thompson, under 300 words; mentions the absences since 11 Nov warmly and promises a call before 5 Dec",
      'Letter recommends Ballet 2 Mon & Wed and Jazz 2 Thu; explains why both ballet classes matter (Monday soccer clash)',
      'Letter asks the family to register Ava before Friday 18 December to have the fee waived',
      'Office: Marie calls Daniel Thompson this week; the media consent form is not mentioned in the letter and should be raised on the call',
    ],
  },
};
