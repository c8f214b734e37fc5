import { describe, expect, it } from 'vitest';
import { actionLines, summaryOf } from '../../src/synthesize/answer-summary.ts';
import { splitSections } from '../../src/synthesize/output-sections.ts';

describe('reading a synthesis answer', () => {
  it('the summary is the first paragraph of prose, past headings, rules and file markers, and cut when long', () => {
    expect(summaryOf('=== file: a.md ===\n# Brief\n\n---\n\nA calm week.\nOne fix first.\n\n1. Fix it.')).toBe('A calm week.\nOne fix first.');
    expect(summaryOf('# Only a heading\n')).toBeUndefined();
    const long = summaryOf('word '.repeat(200))!;
    expect(long).toHaveLength(600);
    expect(long.endsWith('…')).toBe(true);
  });

  it('the findings are the top-level numbered items, without their numbers', () => {
    const answer = 'Intro.\n\n1. Fix the discount.\n   1. nested, left out\n2) Call the family.\n  - a bullet, left out\n10. Print the ad.\nIn 2026. not an item';
    expect(actionLines(answer)).toEqual(['Fix the discount.', 'Call the family.', 'Print the ad.']);
  });

  it('one output takes the whole answer, less a marker line for it', () => {
    expect(splitSections('\n\nBrief text.\n\n', ['brief.md'])).toEqual({ ok: true, files: [{ name: 'brief.md', text: 'Brief text.\n' }] });
    expect(splitSections('=== file: brief.md ===\nBrief text.', ['brief.md'])).toEqual({ ok: true, files: [{ name: 'brief.md', text: 'Brief text.\n' }] });
  });

  it('several outputs are cut at their markers; a missing, doubled or empty section fails naming each', () => {
    const answer = '=== file: b.md ===\nB\n=== file: a.md ===\n\nA\n';
    expect(splitSections(answer, ['a.md', 'b.md'])).toEqual({ ok: true, files: [{ name: 'a.md', text: 'A\n' }, { name: 'b.md', text: 'B\n' }] });
    expect(splitSections('=== file: a.md ===\nA\n=== file: a.md ===\nA again\n=== file: b.md ===\n\n', ['a.md', 'b.md', 'c.md'])).toEqual({
      ok: false,
      message: 'the answer has 2 sections for a.md, an empty section for b.md, no `=== file: c.md ===` section',
    });
  });
});
