/** One task's answer: the file it writes, and what it hands back through the structured output. */
export interface Answer {
  document: string;
  summary: string;
  findings: string[];
}

/**
 * What Marie (and Fabien, for the newsletter) write about one student, authored from the
 * student's file, attendance rows and routines in workflows/studio.
 */
export interface Student {
  name: string;
  /** The file in students/, when the student has one. */
  file?: string;
  /** The routines in choreography/ that cast the student, for the choreography-analyzer. */
  routines: string[];
  /** What Marie tells the analyzer about the dancer, and what it reports back. */
  analyzer?: { brief: string; report: string };
  evaluation: Answer;
  placement: Answer;
  practicePlan: Answer;
  newsletter: Answer;
  parentLetter: Answer;
}

/** The file name the studio gives a student: `Emma Rodriguez` → `emma-rodriguez.md`. */
export function studentFile(name: string): string {
  return `${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.md`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
