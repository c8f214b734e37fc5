import { join } from 'node:path';
import type { Plan, PlanNode } from '../../compiler/plan-schema.ts';
import { systemText } from '../request.ts';
import type { ToolTurn, Turn } from '../script.ts';
import type { ScriptRequest } from '../server.ts';

/** What `startModelServer({ respond })` takes. */
export type Responder = (request: ScriptRequest) => Turn | undefined;

type TaskNode = Extract<PlanNode, { kind: 'task' }>;

/** Where a task works, as the note that ends its prompt says. */
export interface Place {
  task: string;
  /** The CLI's working directory: where the task's files are written. */
  cwd: string;
  /** Where the worker's material is: its read-only workspace, or `cwd` when that is the workspace. */
  material: string;
}

/** What an authored task sees of one request: its prompt, where it works, and the run's inputs. */
export interface TaskContext {
  place: Place;
  /** The task's prompt as the CLI sent it, results of earlier tasks filled in. */
  prompt: string;
  /** A workflow input's value, read back out of the prompt; the input's default when the prompt does not show it. */
  input(name: string): string;
  /** An absolute path to a file the task writes. */
  out(file: string): string;
  /** An absolute path to a file of the worker's material. */
  at(file: string): string;
}

/** A task's whole conversation: the model's turns in order, the last one the structured output. */
export type TaskAuthor = (context: TaskContext) => Turn[];

/** A sub-agent's conversation, found by its system prompt (the agent's own prompt). */
export interface SubagentAuthor {
  isFor(system: string): boolean;
  turns(prompt: string): Turn[];
}

/**
 * A responder for a plan from authored conversations, one per task id. Which turn to play is
 * the number of assistant messages already in the request, so a retried request (or a
 * re-run task) gets the same answer as the first; a task or sub-agent it has no author for
 * gets `undefined` and so the server's default.
 */
export function authoredResponder(plan: Plan, tasks: Record<string, TaskAuthor>, subagents: SubagentAuthor[] = []): Responder {
  return (request) => {
    const taken = turnsTaken(request);
    const system = systemText(request.body);
    if (request.subagent) {
      const sub = subagents.find((s) => s.isFor(system));
      return sub && turnAt(sub.turns(request.firstUserText), taken);
    }
    const place = placeOf(request.firstUserText);
    const task = plan.nodes.find((n): n is TaskNode => n.kind === 'task' && n.id === place?.task);
    const author = place && tasks[place.task];
    if (!place || !task || !author) return undefined;
    const context: TaskContext = {
      place,
      prompt: request.firstUserText,
      input: (name) => inputValue(task, name, request.firstUserText) ?? String(plan.inputs.find((i) => i.name === name)?.default ?? ''),
      out: (file) => join(place.cwd, file),
      at: (file) => join(place.material, file),
    };
    return turnAt(author(context), taken);
  };
}

export function turnsTaken(request: ScriptRequest): number {
  return request.body.messages.filter((m) => m.role === 'assistant').length;
}

// After the structured output the CLI asks nothing more; a stray extra request gets a plain close.
function turnAt(turns: Turn[], index: number): Turn {
  return turns[index] ?? { text: 'Done: the summary and findings are in the structured output.' };
}

/** Reads the `<swarm-task>` note run-task.ts puts after every task's prompt. */
export function placeOf(prompt: string): Place | undefined {
  const task = /<swarm-task id="([^"]+)">/.exec(prompt)?.[1];
  const cwd = /Your working directory is (.+?)\.\n/.exec(prompt + '\n')?.[1];
  if (task === undefined || cwd === undefined) return undefined;
  const material = /Read the material in (.+?) \(read-only\)/.exec(prompt)?.[1] ?? cwd;
  return { task, cwd, material };
}

/**
 * An input's value as rendered in the prompt: the text between the template's literal text on
 * either side of its first `${input}` (up to 30 characters each way).
 */
export function inputValue(task: TaskNode, name: string, prompt: string): string | undefined {
  const parts = task.prompt;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!('input' in part) || part.input !== name) continue;
    const before = parts[i - 1];
    const after = parts[i + 1];
    const prefix = before && 'text' in before ? escape(before.text.slice(-30)) : '^';
    const suffix = after && 'text' in after ? escape(after.text.slice(0, 30)) : '$';
    const found = new RegExp(`${prefix}(.+?)${suffix}`, 'm').exec(prompt)?.[1];
    if (found !== undefined) return found;
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tool(name: string, input: Record<string, unknown>, text?: string): ToolTurn {
  return { tool: name, input, ...(text !== undefined && { text }) };
}

export const read = (file_path: string, text?: string) => tool('Read', { file_path }, text);
export const glob = (pattern: string, path: string, text?: string) => tool('Glob', { pattern, path }, text);
export const write = (file_path: string, content: string, text?: string) => tool('Write', { file_path, content }, text);
export const bash = (command: string, description: string, text?: string) => tool('Bash', { command, description }, text);

/** Grep's matching lines (`output_mode: content`), with line numbers and optional context. */
export const grepLines = (pattern: string, path: string, options: { after?: number; glob?: string } = {}, text?: string) =>
  tool('Grep', { pattern, path, output_mode: 'content', '-n': true, ...(options.after !== undefined && { '-A': options.after }), ...(options.glob !== undefined && { glob: options.glob }) }, text);

/** Grep's default answer: the files that match. */
export const grepFiles = (pattern: string, path: string, text?: string) => tool('Grep', { pattern, path }, text);

export const agent = (subagent_type: string, description: string, prompt: string, text?: string) => tool('Agent', { description, prompt, subagent_type }, text);

/** The structured output every swarm task ends with. */
export function finish(result: { summary: string; findings: string[]; artifacts: string[] }, text?: string): ToolTurn {
  return tool('StructuredOutput', result, text);
}
