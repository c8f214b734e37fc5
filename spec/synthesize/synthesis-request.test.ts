import { describe, expect, it } from 'vitest';
import { synthesisRequest } from '../../src/synthesize/synthesis-request.ts';
import { resultOf, weekPlan } from './fixture.ts';

const upstream = [{ id: 'studio-check', result: resultOf('Two dancers at risk.') }];
const inputs = { week: 'week 49' };

describe('synthesisRequest: the one request of a synthesize node', () => {
  it('shares the total cap among artifacts in order: the first whole, the next cut, the rest left out, each saying so', () => {
    const { plan, node } = weekPlan();
    const artifacts = [
      { path: '/run/a.md', text: 'aaaaaaaaaa', bytes: 10 },
      { path: '/run/b.md', text: 'bbbbbbbbbb', bytes: 10 },
      { path: '/run/c.md', text: 'cccccccccc', bytes: 10 },
    ];
    const params = synthesisRequest(plan, node, { inputs, upstream, artifacts }, { perFileChars: 10, totalChars: 15 });
    const content = params.messages[0]!.content as { text: string }[];
    expect(content[1]!.text).toBe(
      [
        '<artifacts>',
        '<artifact path="/run/a.md" bytes="10">\naaaaaaaaaa\n</artifact>',
        '<artifact path="/run/b.md" bytes="10">\nbbbbb\n[swarm: cut here; the rest is not included: 5 characters shown of a 10-byte file]\n</artifact>',
        '<artifact path="/run/c.md" bytes="10" omitted="not included: the request already holds 15 characters of artifacts, its limit"/>',
        '</artifacts>',
      ].join('\n'),
    );
  });

  it('cuts an upstream result that is longer than the per-file cap, and says so', () => {
    const { plan, node } = weekPlan();
    const params = synthesisRequest(plan, node, { inputs, upstream: [{ id: 'studio-check', result: resultOf('x'.repeat(30)) }], artifacts: [] }, { perFileChars: 12 });
    const content = params.messages[0]!.content as { text: string }[];
    expect(content[0]!.text).toContain(`${'x'.repeat(12)}\n[swarm: cut here; the rest is not included: 12 characters shown of a 30-character result]`);
  });

  it('escapes quotes and angle brackets in paths and notes, so the tags stay well-formed', () => {
    const { plan, node } = weekPlan();
    const artifacts = [{ path: '/run/"odd" <name>.md', text: undefined, bytes: 0, note: 'a & b' }];
    const params = synthesisRequest(plan, node, { inputs, upstream, artifacts });
    const content = params.messages[0]!.content as { text: string }[];
    expect(content[1]!.text).toContain('<artifact path="/run/&quot;odd&quot; &lt;name&gt;.md" bytes="0" omitted="a &amp; b"/>');
  });

  it('says so when no upstream node has a result or a file, and when the node writes no file', () => {
    const { plan, node } = weekPlan([]);
    const params = synthesisRequest(plan, node, { inputs, upstream: [{ id: 'studio-check', result: resultOf('ok') }], artifacts: [] });
    const text = (params.messages[0]!.content as { text: string }[]).map((b) => b.text).join('\n');
    expect(text).toContain('(no upstream node produced a file)');
    expect(text).toContain('Your answer is the result of this step; it is not written to a file.');
    const none = synthesisRequest(plan, { ...node, prompt: [{ text: 'Sum up.' }] }, { inputs, upstream: [], artifacts: [] });
    expect((none.messages[0]!.content as { text: string }[])[0]!.text).toContain('(no upstream node has a result)');
  });

  it('rejects caps that are not positive integers, naming the value', () => {
    const { plan, node } = weekPlan();
    expect(() => synthesisRequest(plan, node, { inputs, upstream, artifacts: [] }, { totalChars: -1 })).toThrow('Expected `totalChars` to be an integer >= 1, got -1');
  });
});
