import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import type { TaskResult } from '../../src/runtime/events.ts';
import type { SynthesizeNode } from '../../src/synthesize/synthesis-request.ts';
import { planFrom, repoRoot } from '../support/workspace.ts';

/** The shipped orchestrator prompt: what `system = file("…")` puts in the plan. */
export const orchestrator = readFileSync(join(repoRoot, 'prompts/orchestrator.md'), 'utf8');

/** A week like studio-week's: two check-ins, a planner after them, the brief after the planner. */
export function weekPlan(outputs: string[] = ['weekly-brief.md'], system = 'system = file("orchestrator.md")'): { plan: Plan; node: SynthesizeNode } {
  const plan = planFrom(
    `workflow wk {
  input week {
    type    = string
    default = "week 49"
  }
  worker marie {
    workspace = "studio"
  }
  worker anga {
    workspace = "code"
  }
  task studio-check {
    worker  = marie
    prompt  = "Check the studio."
    outputs = ["studio-check.md"]
  }
  task registration-check {
    worker  = anga
    prompt  = "Check the code."
    outputs = ["registration-check.md"]
  }
  decompose plan-week {
    after   = [studio-check, registration-check]
    workers = [marie, anga]
    prompt  = "Plan the week."
  }
  synthesize weekly-brief {
    after   = [plan-week]
    ${system}
    prompt  = """
      Write the brief for \${week}. Marie said: \${studio-check.result}
      """
    outputs = [${outputs.map((o) => JSON.stringify(o)).join(', ')}]
  }
}`,
    { 'orchestrator.md': orchestrator },
  );
  const node = plan.nodes.find((n) => n.id === 'weekly-brief');
  if (node?.kind !== 'synthesize') throw new Error('the fixture has no synthesize node');
  return { plan, node };
}

export function resultOf(result: string, findings: string[] = [], artifacts: string[] = []): TaskResult {
  return {
    result,
    findings,
    artifacts,
    usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    cost_usd: 0.01,
    num_turns: 2,
    execution_time: 3,
  };
}

/** A run directory, a workspace beside it and a directory outside both, removed by `cleanup`. */
export function tempLayout(): { runDir: string; workspace: string; outside: string; write: (path: string, text: string | Buffer) => string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'swarm-synthesize-'));
  const layout = { runDir: join(base, 'run'), workspace: join(base, 'studio'), outside: join(base, 'elsewhere') };
  for (const dir of Object.values(layout)) mkdirSync(dir);
  return {
    ...layout,
    write(path, text) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}
