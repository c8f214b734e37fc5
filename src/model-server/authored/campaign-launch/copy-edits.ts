import { familiesEmail, publicEmail, socialPosts } from './documents.ts';

/** One change the copy-editor makes: what Fabien's draft said, what the final piece says, and why. */
interface Edit {
  draft: string;
  final: string;
  why: string;
}

/** A piece as Fabien drafts it, the copy-editor's answer, and the final text he writes. */
export interface CopyEdit {
  /** The first line of the brief Fabien hands the copy-editor, by which its conversation is known. */
  key: string;
  draft: string;
  final: string;
  report: string;
}

function copyEdit(key: string, final: string, edits: Edit[], flags: string[]): CopyEdit {
  // The draft is the final piece with each change undone, so the two never drift apart.
  const draft = edits.reduce((text, e) => {
    if (!text.includes(e.final)) throw new Error(`copy edit for ${key}: the final text has no ${JSON.stringify(e.final)}`);
    return text.replace(e.final, e.draft);
  }, final);
  const report = ['Edited draft:', final.trimEnd(), '', 'Changes:', ...edits.map((e) => `- ${e.why}`), 'Flags:', ...flags.map((f) => `- ${f}`)].join('\n');
  return { key, draft, final, report };
}

export const familiesEdit = copyEdit(
  'Draft: e-mail to current families, Wednesday 2 December',
  familiesEmail,
  [
    { draft: 'Amazing news! Winter registration opens', final: 'Winter registration opens', why: 'Cut "Amazing news!": brand-voice.md avoids "amazing", and the opening now carries the fact.' },
    { draft: 'Register before 18 December and', final: 'Register before Friday 18 December and', why: 'Added the weekday: 18 December 2026 is a Friday, as the brief says.' },
    { draft: '**[Click here to register](REGISTRATION LINK)**', final: '**[Register for winter](REGISTRATION LINK)**', why: 'Link text says where it goes, not "click here".' },
  ],
  ['[CHECK: REGISTRATION LINK] is still a placeholder; the owner adds the live link before sending.', 'Ballet 6 is listed without times, as it is by invitation only: fine, but Marie should have sent the invitations first.'],
);

export const publicEdit = copyEdit(
  'Draft: public registration e-mail, Wednesday 9 December',
  publicEmail,
  [
    { draft: '**Subject A:** Winter dance classes are OPEN to everyone', final: '**Subject A:** Winter dance classes, open to everyone', why: 'Subject A: no ALL CAPS (brand-voice.md); now 38 characters.' },
    {
      draft: 'for dancers with some ballet or jazz training.',
      final: 'for dancers already at Ballet 3 level (or Jazz 2, for\n  the Lab).',
      why: 'Facts: the timetable gives "Ballet 3 or Jazz 2" (Lab) and "Ballet 3 or above" (Pre-Pointe) as prerequisites; "some training" promised more than that.',
    },
    { draft: 'also have places.', final: 'also have places; Marie\nplaces new dancers by level.', why: 'Said how a newcomer gets into a class with a prerequisite.' },
  ],
  ['[CHECK: Ballet 3, Ballet 4 and Jazz 3 still have places on 9 December] (true in the brief of 20 November).', '[CHECK: REGISTRATION LINK] placeholder.'],
);

export const socialEdit = copyEdit(
  'Draft: four social posts, 2 to 10 December',
  socialPosts,
  [
    { draft: "**Caption:** It's never too late!! Our Wednesday class", final: '**Caption:** Our Wednesday class', why: 'Post 3: cut "It\'s never too late!!" (two exclamation marks); the first line now carries the news.' },
    { draft: '**Hashtags:** #LumiereDance #BalletKids #AdultBallet #WinterClasses #DanceStudio\n\n## 2.', final: '**Hashtags:** #LumiereDance #BalletKids #AdultBallet\n\n## 2.', why: 'Post 1: at most four hashtags; kept the three from brand-voice.md.' },
    { draft: 'Places this winter\nin Ballet 1, Ballet 3 and 4', final: 'Places this winter\nin Ballet 3 and 4', why: 'Post 4: removed Ballet 1, which the brief lists as full in fall; do not promise places we may not have.' },
  ],
  ['[CONSENT TO CONFIRM] with each adult filmed for post 3.', 'Post 3: "from 17 January" is the first Sunday of term (11 January is a Monday): correct.', 'All four shot lists avoid children\'s faces: good.'],
);

export const copyEdits = [familiesEdit, publicEdit, socialEdit];
