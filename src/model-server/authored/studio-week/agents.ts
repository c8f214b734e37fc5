import type { Turn } from '../../script.ts';
import { grepLines, read, type SubagentAuthor } from '../conversation.ts';
import { attendanceReport, choreographyReport, patchAuditKey, patchAuditReport, quickAuditKey, quickAuditReport } from './agent-reports.ts';
import type { CopyEdit } from './copy-edit.ts';
import { programmeAdEdit } from './programme-ad.ts';
import { newsletterEdit } from './newsletter-draft.ts';
import { subjectLinesEdit } from './newsletter-insights.ts';

// A brief the sub-agent cannot place gets an answer saying so, as a real one would.
const unplaced = (what: string): Turn[] => [{ text: `I could not tell which ${what} this is; please send it again with the file paths.` }];

const attendanceAuditor: SubagentAuthor = {
  isFor: (system) => system.includes('You audit attendance for Marie'),
  turns(prompt) {
    const csv = /^Attendance file: (\S+)$/m.exec(prompt)?.[1];
    if (csv === undefined) return unplaced('attendance file');
    return [grepLines('^2026-11-(09|1[0-9]|2[0-4]),', csv), grepLines('Ava Thompson', csv), { text: attendanceReport }];
  },
};

const choreographyAnalyzer: SubagentAuthor = {
  isFor: (system) => system.includes('choreography analysis specialist'),
  turns(prompt) {
    const routines = prompt.match(/\/\S+\/choreography\/\S+\.md/g) ?? [];
    if (routines.length === 0) return unplaced('routine');
    return [...routines.map((r) => read(r)), { text: choreographyReport }];
  },
};

const securityReviewer: SubagentAuthor = {
  isFor: (system) => system.includes('You are a security reviewer working under Anga'),
  turns(prompt) {
    const files = [...new Set(prompt.match(/\/\S+\.(ts|json|patch)\b/g) ?? [])];
    const report = prompt.includes(patchAuditKey) ? patchAuditReport : prompt.includes(quickAuditKey) ? quickAuditReport : undefined;
    if (report === undefined || files.length === 0) return unplaced('audit');
    return [...files.filter((f) => !f.endsWith('.json')).map((f) => read(f)), { text: report }];
  },
};

const edits: CopyEdit[] = [subjectLinesEdit, newsletterEdit, programmeAdEdit];

const copyEditor: SubagentAuthor = {
  isFor: (system) => system.includes('You are the copy editor working under Fabien'),
  turns(prompt) {
    const edit = edits.find((e) => prompt.includes(e.key));
    const voice = /^Brand voice: (\S+?\.md)/m.exec(prompt)?.[1];
    if (edit === undefined || voice === undefined) return unplaced('draft');
    return [read(voice), { text: edit.report }];
  },
};

/** Every sub-agent conversation of the run, check-ins and planned tasks alike, known by its agent's own prompt. */
export const studioWeekAgents: SubagentAuthor[] = [attendanceAuditor, choreographyAnalyzer, securityReviewer, copyEditor];
