import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { rules } from '../../src/diagnostics/rules.ts';
import { FINGERPRINT_KEY, renderSarif } from '../../src/render/diagnostics-sarif.ts';

const options = { version: '1.2.3', informationUri: 'https://example.com/swarm' };
const text = 'workflow w {\n  worker = "mari"\n  worker = "mari"\n}\n';

function unknownAt(source: string, nth: number): Diagnostic {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = source.indexOf('"mari"', start + 1);
  return {
    code: 'SW0202',
    severity: 'error',
    message: 'unknown worker `mari`',
    file: 'flows/my flow.swarm',
    span: { start, end: start + 6 },
    related: [{ file: 'flows/my flow.swarm', span: { start: 0, end: 8 }, message: 'in this workflow' }],
  };
}

// A narrow view of the log, enough to read what the tests check.
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; name: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      relatedLocations: { id: number; message: { text: string }; physicalLocation: { region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function sarif(diags: Diagnostic[], source = text): Log {
  return JSON.parse(renderSarif(diags, new Map([['flows/my flow.swarm', source]]), options)) as Log;
}

describe('renderSarif', () => {
  it('describes swarm and every rule, with the rule code as a stable id', () => {
    const log = sarif([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'swarm', version: '1.2.3', informationUri: 'https://example.com/swarm' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.code));
    expect(run.tool.driver.rules.find((r) => r.id === 'SW0801')).toEqual({
      id: 'SW0801',
      name: 'unused-worker',
      shortDescription: { text: rules.find((r) => r.code === 'SW0801')!.summary },
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('gives each result a rule id and index that match the rule table, and a located region', () => {
    const run = sarif([unknownAt(text, 0)]).runs[0]!;
    const result = run.results[0]!;
    expect(result.ruleId).toBe('SW0202');
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe('SW0202');
    expect(result.level).toBe('error');
    expect(result.message.text).toBe('unknown worker `mari`');
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'flows/my%20flow.swarm', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 18 },
    });
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'flows/my%20flow.swarm', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 },
        },
        message: { text: 'in this workflow' },
      },
    ]);
  });

  it('maps info to note', () => {
    const result = sarif([{ ...unknownAt(text, 0), code: 'SW0403', severity: 'info' }]).runs[0]!.results[0]!;
    expect(result.level).toBe('note');
  });

  it('keeps fingerprints when a blank line is inserted above the problem, and tells repeats apart', () => {
    const before = sarif([unknownAt(text, 0), unknownAt(text, 1)]).runs[0]!.results;
    const moved = '\n' + text;
    const after = sarif([unknownAt(moved, 1), unknownAt(moved, 0)], moved).runs[0]!.results;
    expect(after[0]!.locations[0]!.physicalLocation.region['startLine']).toBe(3);
    const prints = (rs: Log['runs'][0]['results']) => rs.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(2);
  });

  it('changes the fingerprint when the offending line changes', () => {
    const edited = text.replace('  worker = "mari"', '  worker = "mari" # edited');
    const a = sarif([unknownAt(text, 0)]).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    const b = sarif([unknownAt(edited, 0)], edited).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    expect(a).not.toBe(b);
  });
});
