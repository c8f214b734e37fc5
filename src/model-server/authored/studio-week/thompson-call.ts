import { finish, grepLines, read, write, type TaskAuthor } from '../conversation.ts';

/** Marie's planned call to the Thompsons: her notes from Ava's file and casting, then the call sheet. */
export const thompsonCall: TaskAuthor = (c) => [
  read(c.at('students/ava-thompson.md'), "Her file first: who to call, what the teachers noted, and the consent form."),
  grepLines('Ava Thompson', c.at('choreography'), {}, 'And where she is in the routine she missed.'),
  write(c.out('thompson-call.md'), callSheet, 'Writing the call sheet and the letter for Thursday.'),
  finish({
    summary:
      'Call sheet for Daniel Thompson about Ava, to ring by Thursday 3 December (thompson-call.md). What I know from her file and the register: five classes missed since 12 November with no message (Jazz 2 on 12 and 19 November, Ballet 2 on 16, 18 and 23 November; Ballet 2 78% for the term); soccer on some Mondays since October; she did not know the new section of Falling Leaves on 4 November; the Jingle Bell Rock verse 2 canon missed both times; media consent not returned. The call opens with how she is, not the dates, then asks whether she wants to go on, whether she can come on 5, 10 and 12 December, about winter (registration opens Wednesday 2 December) and the consent form. After the call I agree her place in verse 2 with Jamal by Friday 4 December: front row as cast if she comes on Saturday, the back line for verse 2 if she can only come to the dress rehearsal and the show, re-spaced if she is not dancing. A letter of 175 words goes on Thursday if nobody answers.',
    findings: [
      'Ring Daniel Thompson by Thu 3 Dec; if nobody answers, the letter in thompson-call.md goes that day, asking for a reply by Fri 4 Dec',
      'Open with how Ava is; ask whether she wants to go on, and whether Mondays (soccer) will keep clashing with Ballet 2',
      'Ask about Sat 5 Dec 10:00–13:00, Thu 10 Dec 17:00–20:00 and Sat 12 Dec 14:00; winter registration opens Wed 2 Dec',
      'Media consent still missing: without it Ava stays out of any photo we share; she still dances',
      'With Jamal by Fri 4 Dec: front row as cast if she comes Saturday (he re-teaches the canon); back line for verse 2 if she only makes the dress rehearsal and show; re-space if she is not dancing',
    ],
    artifacts: ['thompson-call.md'],
  }),
];

const callSheet = `# Call to the Thompson family about Ava

Marie, internal. To make by Thursday 3 December, before the spacing rehearsal.

**Who:** Daniel Thompson (number and e-mail in Ava's file). Noah, Ava's brother, is in Creative
Movement; nothing to raise about him.

## What I know

- Missed with no message: Jazz 2 on 12 and 19 November, Ballet 2 on 16, 18 and 23 November.
  Ballet 2 for the term: 18 of 23 (78%). Jamal noted the two Thursdays on 19 November.
- 21 October: she told me she has soccer practice on some Mondays now.
- 4 November: quieter than usual; she did not know the new section of Falling Leaves, taught on a
  Monday she missed.
- What she does well: lovely port de bras and a very expressive face (14 September); good kicks,
  and she learns choreography quickly (Jamal, 1 October).
- Showcase: Falling Leaves (Ballet 2); Jingle Bell Rock, front row centre right, stag leaps with
  Emma. She missed the verse 2 canon on 12 and 19 November.
- Media consent form: not returned (sent home 7 September and 5 October).

## The call

Start with Ava, not the dates: "We have missed Ava in class these last weeks, and I wanted to
check she is all right." Then listen.

1. Is she well? Is anything making class harder at the moment?
2. Does she still want to dance? Is soccer every Monday now? (Ballet 2 is Monday and Wednesday,
   16:00–17:00.)
3. Can she come on Saturday 5 December, 10:00–13:00 (spacing, at the studio), Thursday
   10 December, 17:00–20:00 (dress rehearsal), and Saturday 12 December, 14:00 (the show), both
   at the Riverside Community Theatre?
4. Winter: registration for current families opens on Wednesday 2 December. Ballet 2 and Jazz 2
   again? If Mondays will keep clashing, say so now and we talk about what suits her.
5. The media consent form: without it she stays out of any photo we share. She still dances.

Tell them what she missed can be caught up: Jamal goes over the canon with her on Saturday, and I
go over the Falling Leaves section.

## What I decide after the call, with Jamal, by Friday 4 December

| If | Jingle Bell Rock, verse 2 | Falling Leaves |
|---|---|---|
| She comes on Saturday | front row as cast; Jamal re-teaches the canon | I re-teach the new section |
| Only the dress rehearsal and the show | back line for verse 2; Emma gets another stag-leap partner | she walks the section at the dress rehearsal |
| She is not dancing | re-space the front row; Emma needs another partner | re-space |

## If nobody answers: letter to send on Thursday 3 December

Dear Daniel,

We have missed Ava in class these last few weeks, and I wanted to check that she is well. She has
not been to Ballet 2 since 11 November, or to Jazz 2 since 5 November.

The showcase is close, and Ava dances in two pieces. The spacing rehearsal is on Saturday
5 December, 10:00–13:00, at the studio. The dress rehearsal is on Thursday 10 December,
17:00–20:00, and the show on Saturday 12 December at 14:00, both at the Riverside Community
Theatre. If Ava can come on Saturday, we will help her catch up on what she missed.

Winter registration for current families opens on Wednesday 2 December. If Mondays are difficult
now, please tell me, and we can talk about what would suit her.

We have not yet received Ava's media consent form. If you would like her to appear in photos of
the show, please send it back this week.

Could you call or reply by Friday 4 December, so we can plan Saturday?

See you in the studio,
Marie Delacroix
`;
