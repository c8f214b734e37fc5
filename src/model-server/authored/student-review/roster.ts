import { ava } from './ava-thompson.ts';
import { emma } from './emma-rodriguez.ts';
import { liam } from './liam-chen.ts';
import { mateo } from './mateo-rodriguez.ts';
import { sofia } from './sofia-okafor.ts';
import type { Student } from './student.ts';
import { unknownStudent } from './unknown-student.ts';

const students: Student[] = [ava, emma, liam, mateo, sofia];

/** The students with a file in workflows/studio/students/, as the files spell them. */
export const roster = students.map((s) => s.name).sort();

/** The authored student for a name as a run gives it (any case or spacing), else an honest "not found". */
export function studentNamed(name: string): Student {
  const wanted = normalise(name);
  return students.find((s) => normalise(s.name) === wanted) ?? unknownStudent(name.trim(), roster);
}

function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
