import { agent, finish, grepLines, read, write, type TaskAuthor } from '../conversation.ts';
import { copyEdit, editBrief } from './copy-edit.ts';

/** Fabien's programme-ad.md for `plan-week/programme-ad`, as the copy-editor returned it. */
const programmeAd = `# Showcase programme ad (half page)

**For:** the winter showcase programme, Saturday 12 December. **Copy due to the printer:** Monday
7 December. **Owner's approval by:** Friday 4 December.

---

**Dance with us this winter**

Classes for every age, from 4 to adult, from Monday 11 January.

Registration is open to everyone. Register before Friday 18 December and the 25.00
registration fee is waived.

New this winter: Ballet 6, Pre-Pointe Conditioning, Turns & Jumps Lab and a Sunday Adult
Beginner Ballet II.

Come to our open house on Saturday 9 January, 10:00–13:00: free trial classes every
30 minutes.

[QR CODE: registration page] Scan to register.

Lumière Dance Studio · [STUDIO ADDRESS AND PHONE TO CONFIRM]

---

**Image:** no faces. Suggestion: a row of ballet shoes and a Snowflake tutu, no dancers, or
none at all.
`;

export const programmeAdEdit = copyEdit(
  'Draft: half-page ad for the showcase programme',
  programmeAd,
  [
    { draft: '**Dance with the best studio in town**', final: '**Dance with us this winter**', why: 'Headline: "best studio in town" is on brand-voice.md\'s avoid list.' },
    {
      draft: 'Registration opens to everyone on Wednesday 9 December. Book now, places are limited!',
      final: 'Registration is open to everyone.',
      why: 'Facts: the programme is read on 12 December, three days after registration opens to everyone, so it is open; "places are limited" is not true of every class, and it was the piece\'s exclamation mark.',
    },
    { draft: 'Classes for ages 4 to 99,', final: 'Classes for every age, from 4 to adult,', why: 'Plainer, and true of the timetable (4–5 up to 18+).' },
  ],
  [
    '[CHECK: QR code target] it should open the registration page, not the home page.',
    '[CHECK: STUDIO ADDRESS AND PHONE] placeholder.',
    'Two invitations (register, open house): fine for a half page, as long as the QR code goes to registration only.',
    'Headline 5 words, body 78 words with the placeholders; no child named or shown.',
  ],
);

/** Fabien's planned ad: the brief's constraints and dates, the voice, the draft through the copy-editor. */
export const programmeAdTask: TaskAuthor = (c) => [
  grepLines('programme|Open house|Registration opens|Early registration|250', c.at('brief.md'), {}, "I'll take the ad's constraints and dates from the brief."),
  read(c.at('brand-voice.md')),
  grepLines('\\*\\*new\\*\\*', c.at('winter-2027-timetable.md')),
  agent(
    'copy-editor',
    'Edit the programme ad',
    editBrief(programmeAdEdit, [c.at('brand-voice.md'), c.at('brief.md'), c.at('winter-2027-timetable.md')], 'Printed in the showcase programme read on Saturday 12 December; a headline and at most 80 words; no child named or shown.'),
    'Drafted. The copy-editor checks it against the brief and the voice.',
  ),
  write(c.out('programme-ad.md'), programmeAd, "Applying the copy-editor's changes."),
  finish({
    summary:
      'Wrote the half-page ad for the showcase programme (programme-ad.md), copy-edited, for the owner to approve by Friday 4 December and the printer on Monday 7 December. Headline "Dance with us this winter"; 78 words: classes for every age from 11 January, registration open to everyone (the programme is read on 12 December, after it opens to all on 9 December), the 25.00 fee waived before Friday 18 December, the four new classes, and the open house on Saturday 9 January, 10:00–13:00, with free trial classes every 30 minutes; a QR code to the registration page. No child named or shown. The copy-editor removed "best studio in town" and "places are limited", and changed "opens on 9 December" to "is open". To confirm: the QR code target and the studio\'s address and phone.',
    findings: [
      'Programme ad: approve by Fri 4 Dec; copy to the printer Mon 7 Dec',
      'Headline "Dance with us this winter"; 78 words; registration open to everyone, fee waived before Fri 18 Dec, 4 new classes, open house Sat 9 Jan 10:00–13:00',
      'Copy-editor: cut "best studio in town" and "places are limited"; "is open", since the programme is read on 12 Dec',
      'No child named or shown; image suggestion: shoes and tutus, no faces',
      'To confirm: [QR CODE] to the registration page; [STUDIO ADDRESS AND PHONE]',
    ],
    artifacts: ['programme-ad.md'],
  }),
];
