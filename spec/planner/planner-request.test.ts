import { describe, expect, it } from 'vitest';
import { plannerRequest } from '../../src/planner/planner-request.ts';
import { decomposeNode, resultOf, reviewPlan, reviewSource } from './fixtures.ts';
import { planFrom } from '../support/workspace.ts';

const inputs = { student: 'Emma Rodriguez' };
const { plan, node } = reviewPlan();
type TextBlock = { type: 'text'; text: string; cache_control?: unknown };

describe('plannerRequest', () => {
  it('puts the node’s own instructions first, rendered, and the workflow context second, both cached', () => {
    const withSystem = planFrom(reviewSource('[plan:sys]').replace('max-tasks = 3', 'max-tasks = 3\n    system = "You plan for ${student}."'));
    const request = plannerRequest(withSystem, decomposeNode(withSystem, 'follow-up'), { inputs, results: new Map() });
    const system = request.system as TextBlock[];
    expect(system.map((b) => b.cache_control)).toEqual([{ type: 'ephemeral' }, { type: 'ephemeral' }]);
    expect(system[0]!.text).toBe('You plan for Emma Rodriguez.');
    expect(system[1]!.text).toMatch(/^# Planning step `follow-up` of workflow `review`/);
    expect(request.model).toBe('claude-opus-4-8');
  });

  it('tells the planner only the workers it may use, and the rules its plan is checked against', () => {
    const context = (plannerRequest(plan, node, { inputs, results: new Map(), defaultSystem: 'Plan.' }).system as TextBlock[])[1]!.text;
    expect(context).toContain('- `marie`: Dance teacher\n  model haiku; tools: Read, Write; works in `studio`.');
    expect(context).toContain('- `fabien`: Marketer\n  model sonnet; tools: Claude Code\'s default set; works in a directory of its own for each task.');
    expect(context).not.toContain('`anga`:');
    expect(context).toContain('with at most 3 tasks');
    expect(context).toContain('must be expected to cost at most $2.00');
    expect(context).toContain('`report` waits for every task of the plan, so no task may run after it or read it.');
    expect(context).toContain('finished already: `evaluate`; perhaps not finished yet (a task after one waits for it): `survey`.');
    expect(context).toContain('(7m when omitted)');
    expect(context).toContain('(high when omitted)');
  });

  it('keeps the system blocks the same whatever the upstream results, and puts those in the user message', () => {
    const a = plannerRequest(plan, node, { inputs, results: new Map([['evaluate', resultOf('evaluate')]]), defaultSystem: 'Plan.' });
    const b = plannerRequest(plan, node, { inputs, results: new Map(), defaultSystem: 'Plan.' });
    expect(JSON.stringify(a.system)).toBe(JSON.stringify(b.system));
    expect(a.messages[0]!.content).toContain('evaluate is done.');
    expect(b.messages[0]!.content).toContain('## `evaluate` (marie)\n\n(no result recorded)');
  });

  it('needs the default instructions for a node without a system prompt', () => {
    expect(() => plannerRequest(plan, node, { inputs, results: new Map() })).toThrow(/defaultSystem/);
  });
});
