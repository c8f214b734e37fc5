/** Marie's studio-check.md on workflows/studio-week.swarm, from the records in workflows/studio. */

export const studioCheckReport = `# Studio check — week of Monday 30 November 2026

Marie Delacroix, for the owner. Internal: attendance and family notes, not for the newsletter.

**In short.** One family to call before Saturday: Ava Thompson has missed her last three Ballet 2
classes and both Jazz 2 Thursdays of the last fortnight, with no message. In the Snowflake Waltz
the corps' left pirouette in section C is still not clean, so I must settle the soutenu by the
spacing rehearsal on Saturday 5 December, with the finale's spacing and Ava's place in Jingle
Bell Rock; the rest of both routines is clean. Registration
opens on Wednesday, so my winter recommendations for Sofia and Emma must reach their families
by Tuesday.

## Attendance, 9 to 24 November

From attendance/fall-2026.csv, counted by the attendance-auditor and checked against the rows.

| Student | Class | Sessions | Present | Excused | Absent | Missed in a row |
|---|---|---:|---:|---:|---:|---|
| Ava Thompson | Ballet 2 (Mon, Wed) | 5 | 2 | 0 | 3 | 16, 18, 23 Nov |
| Ava Thompson | Jazz 2 (Thu) | 2 | 0 | 0 | 2 | 12, 19 Nov |
| Emma Rodriguez | Ballet 3 (Mon, Wed) | 5 | 5 | 0 | 0 | — |
| Emma Rodriguez | Jazz 2 (Thu) | 2 | 2 | 0 | 0 | — |
| Liam Chen | Ballet 1 (Tue only) | 3 | 3 | 0 | 0 | — |
| Liam Chen | Hip-Hop Kids (Fri) | 2 | 2 | 0 | 0 | — |
| Mateo Rodriguez | Ballet 1 (Tue, Sat) | 5 | 5 | 0 | 0 | — |
| Sofia Okafor | Ballet 5 (Tue, Fri) | 5 | 5 | 0 | 0 | — |
| Sofia Okafor | Contemporary Teens (Sat) | 2 | 1 | 1 | 0 | — (14 Nov, school choir concert) |

No late arrivals in these two weeks, and only Ava missed two classes in a row. Over the whole term
her Ballet 2 attendance is 18 of 23 (78%), the only rate under 80% in the records; Jazz 2 is 9 of
11 (82%). The records stop on Tuesday 24 November.

## Families to call before Saturday

**Thompson family (Ava; Daniel Thompson, number in her file).** Five classes missed
since 12 November, none with a message: Jazz 2 on 12 and 19 November (Jamal noted it on
19 November) and Ballet 2 on 16, 18 and 23 November. On 21 October she told me she now has
soccer practice on some Mondays; on 4 November she was quieter than usual and did not know the
new section of Falling Leaves, taught on a Monday she missed. She is in the front row of Jingle
Bell Rock and missed its canon both times it was rehearsed.

To ask: is she well, and does she want to carry on; can she come to the spacing rehearsal
(Saturday 5 December, 10:00–13:00), the dress rehearsal (Thursday 10 December, 17:00–20:00,
Riverside Community Theatre) and the show (Saturday 12 December, 14:00); her winter classes,
since registration opens on Wednesday. Her media consent form is still not returned (sent home
7 September and 5 October), so she stays out of any photo we share.

Nobody else needs a call this week.

## Showcase readiness

**Snowflake Waltz (Ballet 3, mine).** The entrance, section A and the section B diagonal are
clean; B was the strongest part of the 16 November run, with Emma leading it. Not yet clean:

- **Section C:** the corps' second pirouette, on the left, goes straight into the piqué arabesque
  with no preparation count; it was unclean for four of the corps on 16 November. We agreed the
  corps may do a soutenu turn instead if it is not clean by the spacing rehearsal.
- **Finale:** late into the circle after the chaînés (16 November), and the front line must move
  half a metre downstage for the theatre's 9 m width (marked on tape on 23 November).
- Sickling shows at the end when the dancers tire (16 November).

Emma (Snowflake 3): section B is ready. Her left single pirouette is clean 3 times out of 5
(11 November), so section C and the finale are ready with two rehearsals of cleaning. As
understudy for the "First Snow" solo she keeps the développé à la seconde at 90°.

**Jingle Bell Rock (Jazz 2, Jamal's).** Ready apart from Ava: front row centre right, paired with
Emma in the stag leaps, and she has not learned the verse 2 canon. If she comes on Saturday,
Jamal re-teaches the canon; if not, she dances verse 2 from the back line and Emma needs another
stag-leap partner.

**Not checked:** Falling Leaves (Ballet 2), Toy Soldiers (Ballet 1), Snow Day (Hip-Hop Kids),
Land of Sweets (Ballet 5) and Undertow (Contemporary Teens) have no file in choreography/.

## Decisions for me this week

1. **Section C: soutenu or left pirouette.** At the spacing rehearsal, Saturday 5 December: the
   soutenu for the whole corps if four or more are still unclean, so the line turns together.
2. **Ava in Jingle Bell Rock.** After the call, by Thursday 3 December, with Jamal: front row as
   cast, or the back line for verse 2.
3. **Finale spacing.** Set the new front-line mark on Saturday and run the circle twice on it.
4. **Winter recommendations, before registration opens on Wednesday 2 December:**
   - Sofia Okafor: Ballet 6 (pre-professional) on a trial term with a mid-term review (my note of
     20 November); Ballet 6 is by invitation, so she needs my letter to register.
   - Emma Rodriguez: Pre-Pointe Conditioning (Wednesdays 18:15–18:45, straight after Ballet 3),
     not pointe: 11 relevés on the left on 23 November, where the curriculum asks for 16 on each
     foot. I told her mother that day.
   - Liam Chen: stays in Ballet 1 rather than Ballet 2 (17 November); he comes on Tuesdays only
     and could add the Saturday class.
5. **Media consent.** None on file for Ava; Liam's covers photos but not his name (8 September).

## Sources

students/ (all five files), attendance/fall-2026.csv, choreography/ (both routines),
classes/winter-2027-schedule.md, curriculum/ballet-levels.md.
`;

export const studioCheckSummary =
  'Studio check for the week of 30 November. Attendance 9–24 November (attendance-auditor, checked against the rows): only Ava Thompson missed two or more in a row — Ballet 2 on 16, 18 and 23 November and Jazz 2 on 12 and 19 November, no message for any (Ballet 2 78% for the term, the only rate under 80%); Emma, Liam, Mateo and Sofia came to every class (Sofia one excused, 14 November). Call the Thompson family before the spacing rehearsal on Saturday 5 December. Showcase (choreography-analyzer, checked against the rehearsal notes): Snowflake Waltz section C left pirouette unclean for four of the corps, finale late into the circle and the front line half a metre downstage; Jingle Bell Rock ready except Ava, who missed the verse 2 canon. Decisions this week: soutenu instead of the left pirouette at Saturday\'s rehearsal, Ava\'s place in verse 2 with Jamal, and my winter recommendations before registration opens on Wednesday (Sofia Ballet 6 on trial, Emma Pre-Pointe Conditioning, Liam stays in Ballet 1). Written to studio-check.md.';

export const studioCheckFindings = [
  'Call the Thompson family before Sat 5 Dec: Ava missed Ballet 2 on 16, 18 and 23 Nov and Jazz 2 on 12 and 19 Nov, no message for any; Ballet 2 78% for the term (18 of 23)',
  'Nobody else missed two classes in a row 9–24 Nov: Emma, Liam, Mateo and Sofia at every class (Sofia one excused, 14 Nov)',
  'Ava: media consent form not returned (sent 7 Sep and 5 Oct); front row of Jingle Bell Rock and missed its verse 2 canon on 12 and 19 Nov',
  'Snowflake Waltz section C: left pirouette unclean for four of the corps (16 Nov); decide the soutenu turn at the spacing rehearsal, Sat 5 Dec 10:00–13:00',
  'Snowflake Waltz finale: late into the circle after the chaînés; front line half a metre downstage for the theatre (23 Nov)',
  'Emma (Snowflake 3, leads section B): ready; section C left pirouette clean 3 of 5, ready with two rehearsals of cleaning',
  'Winter letters before registration opens Wed 2 Dec: Sofia invited to Ballet 6 on a trial term; Emma to Pre-Pointe Conditioning, not pointe (11 relevés on the left, 16 needed)',
  'Liam stays in Ballet 1 (Tuesdays only; could add Saturday); Liam\'s consent covers photos, not his name',
];
