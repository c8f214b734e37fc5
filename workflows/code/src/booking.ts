import { ageOn } from './age.ts';
import type { DanceClass, Student } from './types.ts';

export type EnrolResult =
  | { status: 'enrolled' }
  | { status: 'waitlisted'; position: number }
  | { status: 'rejected'; reason: string };

/**
 * Enrol a student in a class. The age range is checked on the first day of term. When the
 * class is full the student joins the end of the waitlist.
 */
export function enrol(cls: DanceClass, student: Student, termStart: Date): EnrolResult {
  if (cls.roster.includes(student.id)) {
    return { status: 'rejected', reason: 'already enrolled' };
  }
  const age = ageOn(student.birthDate, termStart);
  if (age < cls.minAge || age > cls.maxAge) {
    return { status: 'rejected', reason: `age ${age} is outside ${cls.minAge}-${cls.maxAge}` };
  }
  if (cls.roster.length > cls.capacity) {
    cls.waitlist.push(student.id);
    return { status: 'waitlisted', position: cls.waitlist.length };
  }
  cls.roster.push(student.id);
  return { status: 'enrolled' };
}

/**
 * Withdraw a student. If they held a place, the student who has waited longest takes it.
 * Returns the id of the promoted student, if any.
 */
export function withdraw(cls: DanceClass, studentId: string): string | undefined {
  const before = cls.roster.length;
  cls.roster = cls.roster.filter((id) => id !== studentId);
  if (cls.roster.length === before) {
    cls.waitlist = cls.waitlist.filter((id) => id !== studentId);
    return undefined;
  }
  const next = cls.waitlist.pop();
  if (next !== undefined) cls.roster.push(next);
  return next;
}

/** Places left in a class (never negative). */
export function placesLeft(cls: DanceClass): number {
  return Math.max(0, cls.capacity - cls.roster.length);
}
