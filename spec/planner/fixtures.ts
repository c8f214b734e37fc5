import type { Plan } from '../../src/compiler/plan-schema.ts';
import type { TaskResult } from '../../src/runtime/events.ts';
import type { DecomposeNode } from '../../src/planner/decompose-node.ts';
import { planFrom } from '../support/workspace.ts';

/**
 * A small workflow with one decompose node: `evaluate` before it, `report` after it, `survey`
 * beside it. `marker` goes into the decompose prompt, so the scripted server can tell the
 * tests' conversations apart; `extra` is spliced into the workflow block.
 */
export function reviewSource(marker = '[plan:review]', options: { budget?: string; maxTasks?: number; extra?: string } = {}): string {
  return `workflow review {
  input student {
    default = "Emma Rodriguez"
  }

  defaults {
    timeout  = 7m
    retries  = 2
    priority = high
  }

  worker marie {
    description = "Dance teacher"
    model       = haiku
    tools       = [Read, Write]
    workspace   = "studio"
    max-turns   = 12
  }

  worker fabien {
    description = "Marketer"
  }

  worker anga {
    description = "Coding assistant"
  }

  task evaluate {
    worker  = marie
    prompt  = "Evaluate \${student}. Write evaluation.md."
    outputs = ["evaluation.md"]
  }

  task survey {
    worker  = anga
    prompt  = "Check the booking code."
  }

  decompose follow-up {
    after     = [evaluate]
    workers   = [marie, fabien]
    max-tasks = ${options.maxTasks ?? 3}
    budget    = ${options.budget ?? '$2'}
    prompt    = "Plan the follow-up for \${student}. ${marker}"
  }

  synthesize report {
    after  = [follow-up]
    prompt = "Merge everything."
  }
${options.extra ?? ''}}
`;
}

export function reviewPlan(marker?: string, options?: Parameters<typeof reviewSource>[1]): { plan: Plan; node: DecomposeNode } {
  const plan = planFrom(reviewSource(marker, options));
  return { plan, node: decomposeNode(plan, 'follow-up') };
}

export function decomposeNode(plan: Plan, id: string): DecomposeNode {
  const node = plan.nodes.find((n) => n.id === id);
  if (node?.kind !== 'decompose') throw new Error(`no decompose node ${id}`);
  return node;
}

export function resultOf(id: string): TaskResult {
  return {
    result: `${id} is done.`,
    findings: [`${id}: left pirouette falls out of the double`],
    artifacts: [`${id}.md`],
    usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    cost_usd: 0.01,
    num_turns: 1,
    execution_time: 1,
  };
}

/** A plan the checker accepts for `reviewPlan`. */
export const goodAnswer = {
  tasks: [
    { id: 'turns-drills', worker: 'marie', prompt: 'Write a 4-week turns progression for ${student} from ${evaluate.findings}. Write turns-drills.md.', outputs: ['turns-drills.md'] },
    { id: 'parent-update', worker: 'fabien', prompt: 'Explain the plan to the parents: ${turns-drills.result}', after: ['turns-drills'], priority: 'low', timeout: '20m' },
  ],
};
