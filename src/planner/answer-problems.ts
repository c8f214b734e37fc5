import type { z } from 'zod';
import { plannedTaskSchema } from './plan-answer.ts';

const taskFields = Object.keys(plannedTaskSchema.shape);

/**
 * A rejected answer's zod issues as sentences a model can act on: each names the task (by its
 * id when it has a usable one, else by its place in the list) and the field, never the path
 * syntax of a schema library.
 */
export function answerProblems(error: z.ZodError, answer: unknown): string[] {
  return error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    if (top === undefined) return rootProblem(issue);
    if (typeof index !== 'number') return issue.message;
    const task = taskLabel(answer, index);
    if (rest.length === 0) {
      if (issue.code === 'unrecognized_keys') return `${task} has ${fieldList(issue.keys)} it may not have; a task has only ${taskFields.join(', ')}`;
      return `${task} must be an object with at least id, worker and prompt`;
    }
    if (issue.code === 'invalid_type' && valueAt(answer, issue.path) === undefined) return `${task}: ${rest.map(String).join('.')} is missing`;
    return `${task}: ${issue.message}`;
  });
}

function rootProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `the answer has ${fieldList(issue.keys)} it may not have: it must be {"tasks": [...]} and nothing else`;
  return 'the answer must be an object {"tasks": [...]}';
}

function taskLabel(answer: unknown, index: number): string {
  const id = valueAt(answer, ['tasks', index, 'id']);
  return typeof id === 'string' && id !== '' && id.length <= 80 ? `task \`${id}\` (tasks[${index}])` : `tasks[${index}]`;
}

function fieldList(keys: readonly string[]): string {
  return `${keys.length === 1 ? 'a field' : 'fields'} ${keys.map((k) => `\`${k}\``).join(', ')}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
