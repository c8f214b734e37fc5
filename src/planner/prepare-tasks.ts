import { didYouMean } from '../compiler/did-you-mean.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import type { DecomposeNode } from './decompose-node.ts';
import type { PlannedTask } from './plan-answer.ts';
import type { SkeletonTask } from './skeleton.ts';
import type { SkeletonNames } from './skeleton-names.ts';
import { isIdentifier, promptPieces, type PromptPiece } from './swarm-text.ts';

export interface PreparedTask {
  task: SkeletonTask;
  /** Problems found before compiling, worded for the model. */
  problems: string[];
  /** Attributes whose compiler diagnostics repeat a problem already listed (a disallowed worker). */
  quiet: Set<string>;
}

/**
 * The checks only the decompose node can make (which workers it may use, which nodes wait for
 * its plan), and each task in the synthetic workflow's names. A reference those checks refuse
 * is left out of the synthetic text, so the compiler does not report it a second time.
 */
export function prepareTasks(plan: Plan, node: DecomposeNode, tasks: readonly PlannedTask[], names: SkeletonNames, downstream: ReadonlySet<string>): PreparedTask[] {
  const planned = new Set(tasks.map((t) => t.id));
  const allowed = node.workers.length === 0 ? 'none' : node.workers.map((w) => `\`${w}\``).join(', ');
  const waits = (id: string) => `\`${id}\` runs only once every task of this plan is done`;

  return tasks.map((t) => {
    const problems: string[] = [];
    const quiet = new Set<string>();
    const say = (message: string) => problems.push(`task \`${t.id}\`: ${message}`);

    if (!node.workers.includes(t.worker)) {
      quiet.add('worker');
      const hint = didYouMean(t.worker, node.workers);
      if (plan.workers.some((w) => w.name === t.worker)) say(`worker \`${t.worker}\` is not one of the workers this plan may use (${allowed})`);
      else say(`unknown worker \`${t.worker}\`${hint === undefined ? '.' : `; ${hint}`} The workers this plan may use: ${allowed}`);
    }

    const after = [names.of(node.id)!];
    const follow = (name: string) => {
      if (!after.includes(name)) after.push(name);
    };
    for (const entry of t.after ?? []) {
      const name = names.of(entry);
      if (planned.has(entry)) follow(entry);
      else if (entry === node.id) continue;
      else if (downstream.has(entry)) say(`cannot run after \`${entry}\`: ${waits(entry)}`);
      else if (name !== undefined) follow(name);
      else if (isIdentifier(entry)) follow(entry);
      else say(`\`after\` names \`${entry}\`, which is neither a task of this plan nor a node of the workflow`);
    }

    const prompt = promptPieces(t.prompt).map((piece): PromptPiece => {
      if (!('hole' in piece)) return piece;
      const dot = piece.hole.indexOf('.');
      const head = (dot < 0 ? piece.hole : piece.hole.slice(0, dot)).trim();
      const rest = dot < 0 ? '' : piece.hole.slice(dot);
      const literal = { text: `\${${piece.hole}}` };
      if (planned.has(head)) return piece;
      if (downstream.has(head)) {
        say(`reads \`\${${piece.hole}}\`, but ${waits(head)}`);
        return literal;
      }
      const name = names.of(head);
      if (name !== undefined) return { hole: name + rest };
      if (head.includes('/')) {
        say(`\`\${${piece.hole}}\` names nothing in the workflow`);
        return literal;
      }
      return piece;
    });

    const task: SkeletonTask = {
      id: t.id,
      worker: t.worker,
      prompt,
      after,
      ...(t.priority !== undefined && { priority: t.priority }),
      ...(t.timeout !== undefined && { timeout: t.timeout }),
      ...(t.outputs !== undefined && { outputs: t.outputs }),
    };
    return { task, problems, quiet };
  });
}
