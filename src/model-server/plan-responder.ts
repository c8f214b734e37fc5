import { join } from 'node:path';
import type { Plan } from '../compiler/plan-schema.ts';
import { placeOf } from './authored/conversation.ts';
import type { Turn } from './script.ts';
import type { ScriptRequest } from './server.ts';

/**
 * Plays the model for a whole plan, offline: each task's conversation writes the task's
 * declared outputs (one Write per file, in the directory the note ending its prompt names),
 * then hands back a summary through the structured output. `npm run demo` and the tests of
 * the shipped workflows run on it; it exercises every part of a run except the model's wits.
 */
export function planResponder(plan: Plan): (request: ScriptRequest) => Turn | undefined {
  const turns = new Map<string, number>();
  const tasks = plan.nodes.flatMap((n) => (n.kind === 'task' ? [n] : []));
  // A task is known by the first 40 characters of each long text part of its prompt.
  const marks = tasks.map((t) => ({ task: t, marks: t.prompt.flatMap((p) => ('text' in p && p.text.trim().length > 20 ? [p.text.trim().slice(0, 40)] : [])) }));
  return (request) => {
    if (request.subagent) return { text: 'Checked; nothing to add.' };
    const found = marks.find((m) => m.marks.length > 0 && m.marks.every((mark) => request.firstUserText.includes(mark)));
    if (!found) return undefined;
    const task = found.task;
    const n = turns.get(task.id) ?? 0;
    turns.set(task.id, n + 1);
    const cwd = placeOf(request.firstUserText)?.cwd;
    if (cwd !== undefined && n < task.outputs.length) {
      const output = task.outputs[n]!;
      return { tool: 'Write', input: { file_path: join(cwd, output), content: `# ${task.id}: ${output}\n\nWritten by swarm's stand-in model for \`${plan.workflow.name}\`.\n` } };
    }
    return {
      tool: 'StructuredOutput',
      input: { summary: `${task.id} is done (stand-in model).`, findings: [`${task.id}: written by the stand-in model`], artifacts: task.outputs },
    };
  };
}
