import { describe, expect, it } from 'vitest';
import { artifactPathsOf, upstreamFor } from '../../src/synthesize/upstream.ts';
import { resultOf, weekPlan } from './fixture.ts';

describe('upstreamFor: what a synthesis merges', () => {
  it('is every node it runs after, directly or through others, that has a result, in plan order, with its worker', () => {
    const { plan, node } = weekPlan();
    const results = new Map([
      ['plan-week', resultOf('planned 0 tasks')],
      ['registration-check', resultOf('No-go.', [], ['code/registration-check.md'])],
      ['studio-check', resultOf('Fine.', [], ['studio-check.md', 'code/registration-check.md'])],
    ]);
    const upstream = upstreamFor(plan, node, results);
    expect(upstream.map((u) => [u.id, u.worker])).toEqual([
      ['studio-check', 'marie'],
      ['registration-check', 'anga'],
      ['plan-week', undefined],
    ]);
    expect(artifactPathsOf(upstream)).toEqual(['studio-check.md', 'code/registration-check.md']);
  });

  it('leaves out nodes without a result and nodes that are not upstream', () => {
    const { plan } = weekPlan();
    const studio = plan.nodes.find((n) => n.id === 'registration-check')!;
    const results = new Map([['studio-check', resultOf('Fine.')], ['weekly-brief', resultOf('x')]]);
    expect(upstreamFor(plan, studio, results)).toEqual([]);
  });
});
