import type { Plan } from '../../compiler/plan-schema.ts';
import { analystReport } from './campaign-launch/analyst-report.ts';
import { copyEdits, familiesEdit, publicEdit, socialEdit, type CopyEdit } from './campaign-launch/copy-edits.ts';
import { analysis, analystCommand, campaignPlan, familiesEmail, publicEmail, socialPosts, tracker } from './campaign-launch/documents.ts';
import { agent, authoredResponder, bash, finish, grepLines, read, write, type Responder, type SubagentAuthor, type TaskAuthor, type TaskContext } from './conversation.ts';

/**
 * Fabien on workflows/campaign-launch.swarm: the campaign-analyst computes what two years of
 * sends and posts say (the figures are what its script prints on workflows/campaign), Fabien
 * checks two rows by hand, plans the campaign against the brief, drafts the first e-mails and
 * posts through the copy-editor, and builds the weekly tracker.
 */
export function campaignLaunch(plan: Plan): Responder {
  return authoredResponder(plan, { analyse, plan: planTask, 'first-emails': firstEmails, 'social-posts': socialPostsTask, tracking }, [campaignAnalyst, copyEditor]);
}

const analyse: TaskAuthor = (c) => [
  agent(
    'campaign-analyst',
    'Analyse sends and boosts',
    `Data: ${c.at('newsletter-history.csv')} and ${c.at('social-2026.csv')} (segments in ${c.at('segments.csv')}). Read-only.
1. Open and click rates by weekday and send time, within the same segment (Tuesday sends went mostly to families, Saturday sends to everyone: do not compare across segments).
2. For families: subject lines about dates and deadlines vs spotlights vs generic "<Month> newsletter" titles.
3. registrations_7d after each registration send, also per 100 delivered.
4. The two paid boosts in social-2026.csv: reach, link clicks and sign-ups, per dollar, against unboosted reels.
5. Outliers, explained from the notes column.`,
    "I'll have the campaign-analyst compute the numbers, then check a few rows myself.",
  ),
  grepLines('^(2026-08-11|2025-12-20),', c.at('newsletter-history.csv'), {}, 'Checking the arithmetic by hand on two sends: the best registration opener and the holiday greeting.'),
  bash(`node -p "[426 / 788, 116 / 788, 224 / 717, 15 / 717].map((x) => (100 * x).toFixed(1) + '%').join(' ') + ' | ' + (100 * 46 / 788).toFixed(1) + ' per 100 | ' + (80 / 102).toFixed(2) + ' per click'"`, 'Opens and clicks for 11 Aug 2026 and 20 Dec 2025, registrations per 100, boost cost per click'),
  write(c.out('analysis.md'), analysis, "The analyst's figures match. Writing analysis.md."),
  finish({
    summary:
      'Analysed 29 sends (newsletter-history.csv) and 17 posts (social-2026.csv) with the campaign-analyst and checked two rows and one boost by hand. To everyone, Tuesday 19:00 opened at 53.8% (n=4) against 38.4% for Saturday 09:00 (n=5, without the holiday send), though the Tuesday sends carried bigger news; for families, Tuesday and Thursday show no clear difference (Thursday n=2). Specific subjects win: date and deadline sends 59.9% opens and 23.4% clicks (n=4), spotlights 58.5% (n=4), generic "<Month> newsletter" titles 47.1% (n=6). The opening registration send brings about 6 registrations per 100 delivered (41 and 46 in 7 days), reminders 0.6 to 1.8. The two boosts bought clicks at 0.72 and 0.78 each but little extra reach; the adult boost\'s 9 sign-ups are probably the same 9 the adults e-mail reports. Outliers: a broken link (0.6% clicks), the holiday greeting (31.2%), imported old contacts (13.4% unsubscribed). We will send at 19:00 with specific subjects, put the effort into the 2 and 9 December openers, boost for clicks to one action, repeat the timetable carousel, never mail imported contacts, and test links.',
    findings: [
      'To "all", Tue 19:00 opened at 53.8% (n=4) vs 38.4% for Sat 09:00 (n=5, holiday send excluded); clicks 12.0% vs 5.5%',
      'Families: Tue 19:00 53.8% (n=15) vs Thu 19:00 58.9% (n=2, both spotlights): no clear difference; no Wednesday sends on record',
      'Families subjects: dates/deadlines 59.9% opens, 23.4% clicks (n=4); spotlights 58.5% (n=4); generic "<Month> newsletter" 47.1% (n=6)',
      'Registration openers brought 41 and 46 registrations in 7 days (6.1 and 5.8 per 100 delivered); Saturday reminders 0.6–1.8 per 100',
      'Boosts: 60.00 → 83 clicks (0.72 each), 80.00 → 102 clicks (0.78 each); unboosted reels average 23.4 clicks, so boosts buy clicks, not reach',
      'The adult boost\'s "9 waitlist sign-ups" likely overlap the 9 from the 24 Oct adults e-mail: 8.89 per sign-up is a best case',
      'Outliers: 14 Apr 2026 broken link (0.6% clicks); 20 Dec 2025 holiday (31.2% opens); imported contacts 1 Sep 2026 (13.4% unsubscribed)',
      'Unboosted Fall timetable carousel had the most link clicks of 2026: 121 on Instagram, 74 on Facebook',
    ],
    artifacts: ['analysis.md'],
  }),
];

const planTask: TaskAuthor = (c) => [
  read(c.at('brief.md'), "I'll plan from the brief, the segment sizes and the timetable."),
  read(c.at('segments.csv')),
  read(c.at('winter-2027-timetable.md')),
  grepLines('boosted|Fall timetable', c.at('social-2026.csv'), {}, 'And the past boosts and the timetable carousel, for the budget split.'),
  write(c.out('campaign-plan.md'), campaignPlan),
  finish({
    summary:
      'Campaign plan for Winter/Spring 2027 (campaign-plan.md). Goal by Friday 15 January: 124 of 138 re-enrolled, 30 new students (10 adults, 8 in Ballet 3/4 or the supporting classes), every new class at 6 by Monday 4 January. Message: "A place for every dancer this winter: four new classes, and the fee waived until 18 December." Calendar, all e-mails at 19:00 and approved by the owner: Wed 2 Dec families (497) registration e-mail and the timetable carousel on Instagram; Marie\'s Ballet 6 invitations and the Pre-Pointe and Turns & Jumps recommendations on 3–4 Dec; Sat 5 Dec Pre-Pointe reel (feet only); Mon 7 Dec programme ad to the printer and book-bag flyers that week; Tue 8 Dec December newsletter (families); Wed 9 Dec public e-mail to prospects (188), alumni (121) and adults (118); Adult Beginner Ballet II reel boosted 150.00 on 9–15 Dec; Facebook timetable carousel boosted 100.00 on 10–15 Dec; showcase Sat 12 Dec with a QR code; on-track check Mon 14 Dec with a 50.00 reserve for the weakest new class; Tue 15 Dec fee-deadline reminder (families); the one holiday greeting Tue 22 Dec; decision day Mon 4 Jan; open house e-mail Tue 5 Jan and reel boosted 200.00 on 4–8 Jan, with a second Adult Ballet II push of 100.00; open house Sat 9 Jan. Paid total 600.00; printing 150.00 (quote to confirm). To confirm with the owner: whether the 9 waitlisted adults may register on 2 December.',
    findings: [
      'Goal: 124 of 138 re-enrolled, 30 new (10 adults, 8 in Ballet 3/4 or supporting classes) by Fri 15 Jan; each new class at 6 by Mon 4 Jan',
      'E-mails at 19:00: 2 Dec families (497); 8 Dec December newsletter; 9 Dec prospects, alumni, adults; 15 Dec fee reminder; 22 Dec holiday greeting; 5 Jan open house',
      'Paid 600.00: Adult Ballet II reel 150.00 (9–15 Dec), Facebook timetable carousel 100.00 (10–15 Dec), reserve 50.00 (15–18 Dec), open house reel 200.00 and Adult Ballet II push 100.00 (4–8 Jan)',
      'New classes: Ballet 6 by Marie\'s invitation (7 in Ballet 5); Pre-Pointe via Ballet 3/4 evaluations; Turns & Jumps via Jazz 2 (13); Adult Ballet II first offered to the 9 on the waitlist',
      'Print 150.00: book-bag flyers for two primary schools (week of 7 Dec) and a foyer poster; programme ad due Mon 7 Dec [PRICE TO CONFIRM]',
      'Owner to confirm: the 9 waitlisted adults registering on 2 Dec; re-enrolment baseline from last winter',
    ],
    artifacts: ['campaign-plan.md'],
  }),
];

const firstEmails: TaskAuthor = (c) => [
  read(c.at('brand-voice.md'), "I'll check the brand voice and the timetable before drafting."),
  read(c.at('winter-2027-timetable.md')),
  agent('copy-editor', 'Edit the 2 December e-mail', editBrief(c, familiesEdit), 'Both drafts are ready. The copy-editor checks the families e-mail first.'),
  agent('copy-editor', 'Edit the 9 December e-mail', editBrief(c, publicEdit)),
  write(c.out('emails/2026-12-02-families.md'), familiesEmail, "Applying the copy-editor's changes."),
  write(c.out('emails/2026-12-09-public.md'), publicEmail),
  finish({
    summary:
      'Drafted the two registration e-mails and applied the copy-editor\'s changes. Wednesday 2 December, 19:00, families (497): subjects "Winter registration is open: 4 new classes" / "Register for winter by 18 December, fee waived"; 146 words on registration opening a week early, the term dates (11 January to 27 March), the fee waiver until Friday 18 December and the four new classes with ages and times; one action, "Register for winter". Wednesday 9 December, 19:00, prospects, alumni and adults: subjects "Winter dance classes, open to everyone" / "New: Adult Beginner Ballet II on Sundays"; 156 words leading with Adult Beginner Ballet II, the new supporting classes with their real prerequisites, places in Ballet 3, Ballet 4 and Jazz 3, the fee waiver and the open house on 9 January; one action. The copy-editor removed "Amazing news!", an ALL-CAPS word and "click here", added Friday to 18 December and corrected the prerequisites. Still to confirm: the registration link, and that Ballet 3, Ballet 4 and Jazz 3 still have places on 9 December.',
    findings: [
      '2 Dec families e-mail (146 words): subjects "Winter registration is open: 4 new classes" / "Register for winter by 18 December, fee waived"',
      '9 Dec public e-mail (156 words) to prospects, alumni, adults: subjects "Winter dance classes, open to everyone" / "New: Adult Beginner Ballet II on Sundays"',
      'Copy-editor: cut "Amazing news!" and ALL CAPS, replaced "click here", added Friday to 18 December, corrected the Lab and Pre-Pointe prerequisites',
      'Every fact from brief.md and winter-2027-timetable.md: term 11 Jan–27 Mar, fee 25.00 waived until Fri 18 Dec, new class ages and times',
      'To confirm: [REGISTRATION LINK] in both; Ballet 3, Ballet 4 and Jazz 3 still with places on 9 Dec',
    ],
    artifacts: ['emails/2026-12-02-families.md', 'emails/2026-12-09-public.md'],
  }),
];

const socialPostsTask: TaskAuthor = (c) => [
  read(c.at('brand-voice.md'), "I'll start from the brand voice and what has worked on social."),
  grepLines('reel|carousel', c.at('social-2026.csv')),
  agent('copy-editor', 'Edit four social captions', editBrief(c, socialEdit), 'The four posts are drafted. Asking the copy-editor to check the captions.'),
  write(c.out('social-posts.md'), socialPosts, "Applying the copy-editor's changes."),
  finish({
    summary:
      'Drafted the first four social posts and applied the copy-editor\'s changes: Wed 2 Dec Instagram carousel "Winter timetable: four new classes" (not boosted); Sat 5 Dec Instagram reel on Pre-Pointe Conditioning, feet and ankles only (not boosted); Wed 9 Dec Instagram and Facebook reel for Adult Beginner Ballet II, Sundays 10:00–11:00 from 17 January, boosted 150.00 for 9–15 December to adults within 10 km; Thu 10 Dec Facebook carousel of the winter timetable, boosted 100.00 for 10–15 December to parents within 10 km. Each has a shot list without children\'s faces, alt text and at most three hashtags. 250.00 of the 600.00 is spent in these two weeks. The copy-editor cut two exclamation marks, trimmed hashtags and removed Ballet 1, which the brief lists as full. To confirm: consent from each adult filmed for the Adult Ballet II reel.',
    findings: [
      'Post 1, Wed 2 Dec, Instagram carousel: winter timetable, 4 new classes; not boosted',
      'Post 2, Sat 5 Dec, Instagram reel: Pre-Pointe Conditioning, feet and ankles only; not boosted',
      'Post 3, Wed 9 Dec, Instagram + Facebook reel: Adult Beginner Ballet II, Sundays from 17 Jan; boosted 150.00, 9–15 Dec',
      'Post 4, Thu 10 Dec, Facebook carousel: winter timetable for everyone; boosted 100.00, 10–15 Dec',
      'No children\'s faces in any shot; alt text for every image; at most three hashtags each',
      'Copy-editor removed Ballet 1 from post 4 (full in fall, per the brief); consent to confirm with each adult filmed for post 3',
    ],
    artifacts: ['social-posts.md'],
  }),
];

const tracking: TaskAuthor = (c) => [
  read(c.at('brief.md'), "I'll take the targets from the brief and the baselines from past sends."),
  grepLines(',(registration|open-house),', c.at('newsletter-history.csv')),
  write(c.out('tracker.md'), tracker),
  finish({
    summary:
      'Made a one-page weekly tracker (tracker.md) for the seven weeks from 30 November to 15 January, filled in every Monday: cumulative re-enrolments (60, 85, 115 by the fee deadline, 124 by 15 January), new students (30, 10 adults), each new class (6 by 4 January) and, per piece, e-mail opens, registrations in 7 days and paid reach and clicks, each with its target, a blank for the actual and a baseline from past data (opener 54.1% opens and 5.8 registrations per 100; boosts 0.72–0.78 a click). The Monday 14 December check sets when to change course: re-enrolled under 85 means calling every unregistered family; under 20 registrations from the 2 December e-mail means resending to non-openers; a new class under 4 gets the 50.00 reserve; Adult Ballet II under 6 brings the January push forward; a cost per click over 1.50 stops a boost.',
    findings: [
      'Tracker: one row per week, 30 Nov to 15 Jan, target and blank actual for enrolment, new classes, e-mails and paid social',
      'Re-enrolment targets (cumulative of 138): 60 by 6 Dec, 85 by 13 Dec, 115 by 20 Dec, 124 by 15 Jan',
      '14 Dec: re-enrolled under 85 → phone unregistered families 15–16 Dec; under 20 registrations from 2 Dec → resend to non-openers',
      '14 Dec: a new class under 4 → 50.00 reserve to it; Adult Ballet II under 6 → move the 100.00 January push to 15–18 Dec',
      'Baselines: opener 54.1% opens, 5.8 registrations per 100 (11 Aug 2026); boosts 0.72–0.78 a click; re-enrolment baseline to confirm with the office',
    ],
    artifacts: ['tracker.md'],
  }),
];

function editBrief(c: TaskContext, edit: CopyEdit): string {
  return `${edit.key}
Brand voice: ${c.at('brand-voice.md')}. Facts to check against: ${c.at('brief.md')} and ${c.at('winter-2027-timetable.md')}.
Check privacy, facts, voice, one action and length (e-mail bodies under 200 words, subject lines under 50 characters).

${edit.draft}`;
}

const campaignAnalyst: SubagentAuthor = {
  isFor: (system) => system.includes('You are a data analyst working under Fabien'),
  turns(prompt) {
    const csv = /(\/\S+)\/newsletter-history\.csv/.exec(prompt)?.[1];
    if (csv === undefined) return [{ text: 'I was not given the path of newsletter-history.csv, so I computed nothing.' }];
    return [read(`${csv}/newsletter-history.csv`), read(`${csv}/social-2026.csv`), bash(`cd '${csv.replace(/'/g, `'\\''`)}' && ${analystCommand}`, 'Rates by segment, day and subject; registrations per send; boosts per dollar'), { text: analystReport }];
  },
};

const copyEditor: SubagentAuthor = {
  isFor: (system) => system.includes('You are the copy editor working under Fabien'),
  turns(prompt) {
    const edit = copyEdits.find((e) => prompt.includes(e.key));
    const voice = /Brand voice: (\S+?\.md)/.exec(prompt)?.[1];
    return [...(voice ? [read(voice)] : []), { text: edit?.report ?? 'I could not tell which draft this is; please send it again with the brief.' }];
  },
};
