import { copyEdit } from './copy-edit.ts';

/**
 * Fabien's newsletter-insights.md on workflows/studio-week.swarm: the figures are what his
 * command prints on workflows/campaign/newsletter-history.csv.
 */

// The part the copy-editor checks, as it ends up in the insights.
const subjectsAndOutline = `**Subject A:** Winter registration opens Wednesday 2 December
**Subject B:** Register by Friday 18 December, fee waived

**Studio news.** Winter registration opens to current families on Wednesday 2 December, a week
before everyone else (9 December). Register before 18 December and the 25.00 registration fee is
waived. The winter term runs from Monday 11 January to Saturday 27 March. Then the showcase:
Saturday 12 December, 14:00, Riverside Community Theatre.
**Spotlight.** The four new classes, one line each on who they are for: Ballet 6
(pre-professional, by invitation), Pre-Pointe Conditioning (11–14), Turns & Jumps Lab (10–13),
Adult Beginner Ballet II (Sundays 10:00). No child named.
**Dates for your diary.** Wed 2 Dec registration opens; Sat 5 Dec spacing rehearsal 10:00–13:00;
Thu 10 Dec dress rehearsal 17:00–20:00; Sat 12 Dec showcase 14:00; Fri 18 Dec fee waiver ends;
19 Dec – 3 Jan studio closed; Sat 9 Jan open house 10:00–13:00; Mon 11 Jan term starts.
**One thing to do.** Register for winter: one button, [REGISTRATION LINK].`;

export const subjectLinesEdit = copyEdit(
  'Draft: December newsletter subject lines and outline',
  subjectsAndOutline,
  [
    { draft: '**Subject A:** Winter registration opens Wed 2 Dec!', final: '**Subject A:** Winter registration opens Wednesday 2 December', why: 'Subject A: no exclamation mark in a subject line, and the date written out as brand-voice.md writes dates; 46 characters.' },
    { draft: "**Subject B:** Don't miss out: winter fee waived", final: '**Subject B:** Register by Friday 18 December, fee waived', why: 'Subject B: "Don\'t miss out" is the false urgency brand-voice.md avoids; the real deadline does the work. 42 characters.' },
    { draft: 'Register early and the 25.00', final: 'Register before 18 December and the 25.00', why: 'Studio news: "early" is vague; gave the date of the waiver.' },
  ],
  [
    '[CHECK: fee waiver end] winter-2027-timetable.md says "before 18 December"; brief.md says the fee is waived until Friday 18 December. Subject B ("by Friday 18 December") is right only if the 18th counts.',
    'Weekdays checked: 2 December 2026 is a Wednesday, 12 December a Saturday, 18 December a Friday, 27 March 2027 a Saturday.',
    '[CHECK: REGISTRATION LINK] is a placeholder.',
  ],
);

export const newsletterInsights = `# December newsletter: when to send it and what it leads with

Fabien, for the owner. From newsletter-history.csv (29 sends since January 2025), segments.csv,
brand-voice.md, brief.md and the November newsletter.

**Recommendation.** Send on **Tuesday 1 December at 19:00** to the families segment (497
contacts), the evening before registration opens, if studio-desk is ready to take registrations
on Wednesday. If it is not, send on **Thursday 3 December at 19:00**. Lead with winter
registration, then the showcase.

## Best day and time for families

| Families sends | n | Opens | Clicks |
|---|---:|---:|---:|
| Tuesday 19:00 | 15 | 53.8% | 11.9% |
| Thursday 19:00 | 2 | 58.9% | 11.0% |

Each send's unique opens and clicks over delivered, averaged. Families have only ever been mailed
at 19:00, on Tuesdays and Thursdays; the two Thursday sends were both spotlights, and a 5-point gap
on two sends is no evidence. Tuesday 19:00 is the habit; Thursday 19:00 is an equally good
fallback. There are no Wednesday sends on record. The segment opened 56.2% of sends in the last
90 days (segments.csv).

## How registration e-mails have done

| Send | Segment | Opens | Registrations in 7 days | Per 100 delivered |
|---|---|---:|---:|---:|
| Tue 12 Aug 2025, 19:00, "Fall registration opens Monday" | all | 53.6% | 41 | 6.1 |
| Tue 11 Aug 2026, 19:00, "Fall registration opens Monday 17 August" | all | 54.1% | 46 | 5.8 |
| Four Saturday 09:00 reminders, Jan 2025 – Jan 2026 | all | 36.6–39.5% | 4–12 | 0.6–1.8 |
| Sat 24 Oct 2026, "Adult Beginner Ballet: waitlist open" | adults | 43.1% | 9 | 7.8 |
| Tue 1 Sep 2026, 12:00, imported old contacts | prospects-import | 21.1% | 2 | 1.4 |

The e-mail that announces the opening a few days ahead, on a Tuesday evening with the date in the
subject, brings about 6 registrations per 100 delivered; reminders bring under 2. No registration
e-mail has yet gone to families alone, so this newsletter is the first: both openers went to
everyone, families included, so expect the same order of result, no more precisely than that.

Subjects matter with families:

| Families subject | n | Opens | Clicks |
|---|---:|---:|---:|
| A date to act on (showcase tickets) | 4 | 59.9% | 23.4% |
| Spotlight | 4 | 58.5% | 10.1% |
| Generic "<Month> newsletter" | 6 | 47.1% | 5.2% |

So the subject carries the date, never "December newsletter".

## Subject lines and outline (checked by the copy-editor)

${subjectsAndOutline}

Sections as in past-newsletters/2026-11-newsletter.md and brand-voice.md.

## To confirm before it goes

- **The fee waiver's last day.** The timetable says "before 18 December"; the brief says waived
  until Friday 18 December. Subject B assumes the 18th counts.
- **That studio-desk is ready** to take registrations on Wednesday, before a Tuesday send sends
  497 families to it.
- The registration link, and the owner's approval of the send (brief.md).
`;

export const newsletterDataSummary =
  'Recommend sending the December newsletter on Tuesday 1 December at 19:00 to families (497 contacts), the evening before registration opens, if studio-desk is ready for registrations on Wednesday; otherwise Thursday 3 December at 19:00. From newsletter-history.csv: families have only been mailed at 19:00, Tuesdays (n=15, 53.8% opens, 11.9% clicks) and Thursdays (n=2, 58.9%, no clear difference). Registration openers sent a few days ahead on a Tuesday evening brought 41 and 46 registrations in 7 days (6.1 and 5.8 per 100 delivered); Saturday reminders 0.6–1.8 per 100. No registration e-mail has gone to families alone before. Date-led subjects win with families (59.9% opens, 23.4% clicks, n=4) over generic "<Month> newsletter" titles (47.1%, 5.2%, n=6). Subject lines checked by the copy-editor: "Winter registration opens Wednesday 2 December" and "Register by Friday 18 December, fee waived". Outline: Studio news (registration, then the showcase on 12 December), Spotlight on the four new classes, Dates for your diary, One thing to do (register). To confirm: whether the fee waiver includes 18 December (timetable "before", brief "until"), and the registration link. Written to newsletter-insights.md.';

export const newsletterDataFindings = [
  'Send Tue 1 Dec 19:00 to families (497) if studio-desk is ready for Wednesday; otherwise Thu 3 Dec 19:00',
  'Families sends: Tue 19:00 53.8% opens, 11.9% clicks (n=15); Thu 19:00 58.9% (n=2): no clear difference; no Wednesday sends on record',
  'Registration openers (Tue 19:00, to all, days ahead): 41 and 46 registrations in 7 days, 6.1 and 5.8 per 100 delivered; Saturday reminders 0.6–1.8 per 100',
  'No registration e-mail has gone to families alone before; families opened 56.2% in the last 90 days',
  'Date-led subjects: 59.9% opens, 23.4% clicks (n=4) vs generic "<Month> newsletter" 47.1%, 5.2% (n=6)',
  'Subjects (copy-edited): A "Winter registration opens Wednesday 2 December" (46 chars); B "Register by Friday 18 December, fee waived" (42)',
  'Outline: Studio news (registration, then the showcase Sat 12 Dec 14:00) · Spotlight: the 4 new classes, no child named · Dates for your diary · One thing to do: register',
  '[CHECK] fee waiver: timetable "before 18 December" vs brief "until Friday 18 December"; [REGISTRATION LINK] placeholder',
];
