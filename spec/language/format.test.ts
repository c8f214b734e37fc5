import { describe, expect, it } from 'vitest';
import { format } from '../../src/language/format.ts';

describe('format: refusals', () => {
  it('returns the syntax errors and no text when the file does not parse', () => {
    const result = format('workflow w {\n  x = "open\n}\n', 'bad.swarm');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SW0002']);
    const missing = format('workflow w {\n  budget = \n}\n', 'bad.swarm');
    expect(missing.text).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['SW0004']);
  });

  it('refuses a bad escape or literal too, since printing would need to guess', () => {
    expect(format('w {\n  x = "\\q"\n}\n', 'bad.swarm').text).toBeUndefined();
    expect(format('w {\n  x = 5x\n}\n', 'bad.swarm').diagnostics.map((d) => d.code)).toEqual(['SW0006']);
  });
});
