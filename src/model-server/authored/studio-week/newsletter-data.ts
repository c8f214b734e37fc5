import { agent, bash, finish, grepLines, read, write, type TaskAuthor } from '../conversation.ts';
import { editBrief } from './copy-edit.ts';
import { shellWord } from './shell-word.ts';
import { newsletterDataFindings, newsletterDataSummary, newsletterInsights, subjectLinesEdit } from './newsletter-insights.ts';

// Rates per send, averaged, by slot and subject type for families, and every registration send;
// the CSV quotes subjects and notes that hold commas, so it is split on fields, not on commas.
const sendStats = String.raw`node -e '
const [head, ...rows] = require("fs").readFileSync("newsletter-history.csv", "utf8").trim().split("\n").map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")));
const sends = rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
const rate = (ss, col) => (100 * ss.reduce((a, s) => a + s[col] / s.delivered, 0) / ss.length).toFixed(1) + "%";
const show = (label, ss) => console.log("  " + label.padEnd(34), "n=" + ss.length, "open", rate(ss, "unique_opens"), "click", rate(ss, "unique_clicks"));
const families = sends.filter((s) => s.segment === "families");
console.log("families, by weekday and time (mean of each send):");
for (const slot of [...new Set(families.map((s) => s.weekday + " " + s.send_time))]) show(slot, families.filter((s) => s.weekday + " " + s.send_time === slot));
console.log("families, by subject:");
show("a date to act on (showcase tickets)", families.filter((s) => /tickets/.test(s.subject)));
show("spotlight", families.filter((s) => /^Spotlight/.test(s.subject)));
show("generic (<Month> newsletter)", families.filter((s) => /^[A-Z][a-z]+ newsletter$/.test(s.subject)));
console.log("registration sends (no send yet to families alone):");
for (const s of sends.filter((s) => s.campaign === "registration")) console.log("  " + s.send_date, s.weekday, s.send_time, s.segment.padEnd(16), "open", (100 * s.unique_opens / s.delivered).toFixed(1) + "%", "reg_7d", s.registrations_7d.padStart(2), "=", (100 * s.registrations_7d / s.delivered).toFixed(1), "per 100 |", s.subject);
'`;

/**
 * Fabien's Monday look at the December send: the history, his own numbers, the usual sections and
 * the brand voice, the fee-waiver date in both sources, then the subject lines through the copy-editor.
 */
export const newsletterData: TaskAuthor = (c) => [
  read(c.at('newsletter-history.csv'), "I'll start with the send history, then compute the rates myself."),
  bash(`cd ${shellWord(c.place.material)} && ${sendStats}`, 'Open and click rates for families by slot and subject; registrations per send'),
  grepLines('^families', c.at('segments.csv'), {}, 'Tuesday 19:00 is the habit and the registration openers work. Now the segment size.'),
  read(c.at('past-newsletters/2026-11-newsletter.md'), 'And the shape the newsletter usually takes.'),
  read(c.at('brand-voice.md')),
  grepLines('18 December', c.place.material, { glob: '*.md' }, 'Checking the fee-waiver date in the brief and the timetable before it goes in a subject line.'),
  agent(
    'copy-editor',
    'Check subject lines and outline',
    editBrief(subjectLinesEdit, [c.at('brand-voice.md'), c.at('brief.md'), c.at('winter-2027-timetable.md')], 'Subject lines under 50 characters, specific, no false urgency; the outline in the usual four sections.'),
    'The timetable says "before 18 December", the brief "until" Friday 18 December. Asking the copy-editor to check the subject lines and the outline.',
  ),
  write(c.out('newsletter-insights.md'), newsletterInsights, "Applying the copy-editor's changes."),
  finish({ summary: newsletterDataSummary, findings: newsletterDataFindings, artifacts: ['newsletter-insights.md'] }),
];
