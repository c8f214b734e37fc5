import type { Plan } from '../../compiler/plan-schema.ts';
import type { Turn } from '../script.ts';
import { agent, authoredResponder, finish, glob, grepFiles, grepLines, read, write, type Responder, type SubagentAuthor, type TaskAuthor, type TaskContext } from './conversation.ts';
import { studentNamed } from './student-review/roster.ts';
import { firstName, type Answer } from './student-review/student.ts';

/**
 * Marie and Fabien on workflows/student-review.swarm, for the student the run names: each task
 * looks up what a teacher would (the student's file, attendance rows, the curriculum, the
 * timetable, the brand voice), asks the choreography-analyzer about a showcase part, writes its
 * document and hands back its findings.
 */
export function studentReview(plan: Plan): Responder {
  return authoredResponder(plan, { evaluate, placement, 'practice-plan': practicePlan, newsletter, 'parent-letter': parentLetter }, [choreographyAnalyzer]);
}

const evaluate: TaskAuthor = (c) => {
  const student = studentNamed(c.input('student'));
  const name = pattern(student.name);
  const turns: Turn[] = [glob('*.md', c.at('students'), `I'll start with ${firstName(student.name)}'s file in the student records.`)];
  if (student.file) turns.push(read(c.at(`students/${student.file}`)));
  turns.push(grepLines(name, c.at('attendance/fall-2026.csv'), {}, 'Now the attendance rows for the term.'));
  if (student.file) turns.push(read(c.at('curriculum/ballet-levels.md')));
  turns.push(grepFiles(name, c.at('choreography'), 'Checking whether the showcase routines cast this student.'));
  if (student.analyzer && student.routines.length > 0) {
    const routines = student.routines.map((r) => `- ${c.at(`choreography/${r}`)}`).join('\n');
    const prompt = `Routine files:\n${routines}\nCurriculum: ${c.at('curriculum/ballet-levels.md')}\n\n${student.analyzer.brief}\n\nSection by section: is the part ready, and what must be clean before the spacing rehearsal on Saturday 5 December?`;
    turns.push(agent('choreography-analyzer', `Check ${firstName(student.name)}'s showcase part`, prompt, 'I have the notes and the curriculum. Now the showcase part, with the choreography-analyzer.'));
  }
  return [...turns, ...deliver(c, 'evaluation.md', student.evaluation)];
};

const placement: TaskAuthor = (c) => {
  const student = studentNamed(c.input('student'));
  return [
    read(c.at('classes/winter-2027-schedule.md'), 'I will check the winter timetable and the level requirements before deciding.'),
    grepLines('\\*\\*(Ballet [0-9]|Pre-Pointe Conditioning|Turns & Jumps Lab)', c.at('curriculum/ballet-levels.md')),
    ...deliver(c, 'placement.md', student.placement),
  ];
};

const practicePlan: TaskAuthor = (c) => {
  const student = studentNamed(c.input('student'));
  return [grepLines('^## Home practice', c.at('curriculum/ballet-levels.md'), { after: 6 }, 'First, what the curriculum says is safe at home.'), ...deliver(c, 'practice-plan.md', student.practicePlan)];
};

const newsletter: TaskAuthor = (c) => {
  const student = studentNamed(c.input('student'));
  return [
    read(c.at('brand-voice.md'), 'Reading the brand voice and a past Spotlight before drafting.'),
    grepFiles('Spotlight', c.at('past-newsletters')),
    read(c.at('past-newsletters/2026-11-newsletter.md')),
    ...deliver(c, 'newsletter-paragraph.md', student.newsletter),
  ];
};

const parentLetter: TaskAuthor = (c) => {
  const student = studentNamed(c.input('student'));
  const lookup = student.file ? [grepLines('Parent / guardian', c.at(`students/${student.file}`), {}, 'Checking who the letter goes to.')] : [];
  return [...lookup, ...deliver(c, 'parent-letter.md', student.parentLetter)];
};

const choreographyAnalyzer: SubagentAuthor = {
  isFor: (system) => system.includes('choreography analysis specialist'),
  turns(prompt) {
    const routines = prompt.match(/\/\S+\/choreography\/\S+\.md/g) ?? [];
    const dancer = /Dancer: ([^,\n]+)/.exec(prompt)?.[1];
    const report = dancer === undefined ? undefined : studentNamed(dancer).analyzer?.report;
    return [...routines.map((r) => read(r)), { text: report ?? 'I could not find that dancer in the casting of the routines I was given, so I cannot judge the part.' }];
  },
};

function deliver(c: TaskContext, file: string, answer: Answer): Turn[] {
  return [write(c.out(file), answer.document), finish({ summary: answer.summary, findings: answer.findings, artifacts: [file] })];
}

/** A name as a Grep pattern: literal, whatever punctuation it holds. */
function pattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
