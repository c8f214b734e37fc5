import { agent, finish, grepLines, read, write, type TaskAuthor } from '../conversation.ts';
import { editBrief } from './copy-edit.ts';
import { decemberNewsletter, newsletterEdit } from './newsletter-draft.ts';

/**
 * Fabien's planned newsletter, after Anga's fix: November's issue for shape and voice, the new
 * classes from the timetable, the draft through the copy-editor, and the send set by the fix's
 * result as the prompt carries it.
 */
export const decemberNewsletterTask: TaskAuthor = (c) => [
  read(c.at('past-newsletters/2026-11-newsletter.md'), "Anga's fix is a go once installed, so this is a Tuesday send with a condition. I'll match November's shape and voice."),
  read(c.at('brand-voice.md')),
  grepLines('\\*\\*new\\*\\*|Early registration', c.at('winter-2027-timetable.md'), {}, 'The four new classes and the fee waiver, from the timetable.'),
  agent(
    'copy-editor',
    'Edit the December newsletter',
    editBrief(newsletterEdit, [c.at('brand-voice.md'), c.at('brief.md'), c.at('winter-2027-timetable.md')], 'Families segment; no child named; body under 300 words; one action (register); subject lines under 50 characters.'),
    'Drafted. The copy-editor checks it before the owner sees it.',
  ),
  write(c.out('december-newsletter.md'), decemberNewsletter, "Applying the copy-editor's changes."),
  finish({
    summary:
      'Drafted the December newsletter for the families segment (497 contacts), copy-edited, in december-newsletter.md for the owner\'s approval. Send: Tuesday 1 December at 19:00, on condition that Anga\'s fix (a go once installed) is on the office computer by 17:00 that day; otherwise Thursday 3 December at 19:00, with the first line and Subject A changed to "registration is open". Subjects: A "Winter registration opens Wednesday 2 December", B "Register by Friday 18 December, fee waived". Studio news leads with registration (current families from Wednesday 2 December, a week before everyone else; fee waived before Friday 18 December; term 11 January to 27 March), then the showcase on Saturday 12 December at 14:00; Spotlight on the four new classes; eight dates for the diary; one action, register. The copy-editor cut "Amazing news", set all times as 14:00-style, removed a promise of pointe shoes from Pre-Pointe Conditioning and replaced "click here". No child named; body 230 words. To confirm: the registration link, and whether the fee waiver includes 18 December.',
    findings: [
      'Send Tue 1 Dec 19:00 to families (497) only if the fix is installed by 17:00; otherwise Thu 3 Dec 19:00 with "registration is open" in the first line and Subject A',
      'Subjects: A "Winter registration opens Wednesday 2 December"; B "Register by Friday 18 December, fee waived"',
      'Leads with registration (from Wed 2 Dec, fee waived before Fri 18 Dec, term 11 Jan–27 Mar), then the showcase Sat 12 Dec 14:00; Spotlight: the 4 new classes',
      'Copy-editor: cut "Amazing news", times as 14:00 throughout, no pointe-shoe promise for Pre-Pointe Conditioning, link text instead of "click here"',
      'No child named; body 230 words; one action: register',
      'To confirm: [REGISTRATION LINK]; whether 18 Dec is the last day of the waiver (brief "until", timetable "before"); the owner approves the send',
    ],
    artifacts: ['december-newsletter.md'],
  }),
];
