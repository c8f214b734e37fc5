import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planApprover } from '../../src/cli/approve.ts';
import { UsageError, type Io } from '../../src/cli/io.ts';
import { checkPlan } from '../../src/planner/check-plan.ts';
import { plain } from '../../src/render/color.ts';
import type { DecomposeNode } from '../../src/runtime/task-state.ts';
import { planFrom } from '../support/workspace.ts';

const plan = planFrom(`workflow w {
  worker marie {}
  decompose follow-up {
    approve = true
    prompt  = "Plan"
  }
}
`);
const node = plan.nodes[0] as DecomposeNode;
const checked = checkPlan(plan, node, { tasks: [{ id: 'call', worker: 'marie', prompt: 'Call the families' }] });
if (!checked.ok) throw new Error(checked.problems.join('\n'));
const proposal = { node, tasks: checked.tasks, plan };

function io(ask?: (q: string) => Promise<string>): Io & { err: () => string } {
  let err = '';
  return { stdout: { write: () => {} }, stderr: { write: (t) => void (err += t) }, env: {}, cwd: '/', ...(ask && { ask }), err: () => err };
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'swarm-approval-')), 'approval');
  writeFileSync(path, text);
  return path;
}

describe('approving a decompose node’s plan', () => {
  it('prints the proposal with its cost, and --approve accepts it', async () => {
    const out = io();
    expect(await planApprover(out, plain, { approve: true })(proposal)).toBe(true);
    expect(out.err()).toContain('follow-up proposes 1 task:');
    expect(out.err()).toContain('follow-up/call [marie] after follow-up: Call the families');
    expect(out.err()).toContain('Cost estimate');
    // The sub-graph, as swarm graph draws it.
    expect(out.err()).toContain('flowchart LR');
    expect(out.err()).toMatch(/n_follow_up --> n_follow_up_call/);
    expect(out.err()).toContain('plan accepted (--approve)');
  });

  it('takes the answer from a file: one word for every plan, or per node in JSON', async () => {
    expect(await planApprover(io(), plain, { approvalFile: file('accept\n') })(proposal)).toBe(true);
    expect(await planApprover(io(), plain, { approvalFile: file('reject') })(proposal)).toBe(false);
    expect(await planApprover(io(), plain, { approvalFile: file('{"follow-up": "accept"}') })(proposal)).toBe(true);
    await expect(planApprover(io(), plain, { approvalFile: file('{"other": "accept"}') })(proposal)).rejects.toThrow(/says nothing about decompose node `follow-up`/);
    expect(() => planApprover(io(), plain, { approvalFile: file('maybe') })).toThrow(UsageError);
  });

  it('asks at a terminal, and rejects where nobody can answer, saying how to accept', async () => {
    const questions: string[] = [];
    expect(await planApprover(io(async (q) => (questions.push(q), 'y')), plain, {})(proposal)).toBe(true);
    expect(questions).toEqual(['Run this plan of follow-up? [y/N] ']);
    expect(await planApprover(io(async () => ''), plain, {})(proposal)).toBe(false);
    const ci = io();
    expect(await planApprover(ci, plain, {})(proposal)).toBe(false);
    expect(ci.err()).toContain('it needs approval; pass --approve, or --approval-file FILE holding "accept"');
  });
});
