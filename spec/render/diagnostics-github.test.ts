import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { escapeData, escapeProperty, renderGithub } from '../../src/render/diagnostics-github.ts';

const text = 'workflow w {\n  worker = "mari"\n  budget = 0\n}\n';
const sources = new Map([['flows/a,b:c.swarm', text], ['z.swarm', text]]);
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

const unknown: Diagnostic = {
  code: 'SW0202',
  severity: 'error',
  message: 'unknown worker `mari`',
  help: 'did you mean `maria`?',
  file: 'z.swarm',
  span: at('"mari"'),
};
const unused: Diagnostic = { code: 'SW0801', severity: 'warning', message: 'unused worker', file: 'flows/a,b:c.swarm', span: at('w {') };
const note: Diagnostic = { code: 'SW0403', severity: 'info', message: 'model is old', file: 'flows/a,b:c.swarm', span: at('w') };

describe('renderGithub', () => {
  it('prints one workflow command per diagnostic, worst first, then a summary', () => {
    const lines = renderGithub([note, unused, unknown], sources, { filesChecked: 2 }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=z.swarm,line=2,col=12,endLine=2,endColumn=18,title=SW0202 unknown-reference::unknown worker `mari`%0Ahelp: did you mean `maria`?',
      '::warning file=flows/a%2Cb%3Ac.swarm,line=1,col=10,endLine=1,endColumn=13,title=SW0801 unused-worker::unused worker',
      '::notice file=flows/a%2Cb%3Ac.swarm,line=1,col=1,endLine=1,endColumn=2,title=SW0403 deprecated-model::model is old',
      '1 error, 1 warning, 1 info message in 2 files; GitHub shows only about 10 annotations of each type per step, so run `swarm check` for the full list',
    ]);
  });

  it('puts every error before any warning even when warnings come earlier in the file', () => {
    const early: Diagnostic = { ...unused, file: 'a.swarm' };
    const out = renderGithub([early, unknown, { ...unknown, file: 'b.swarm' }], sources, { filesChecked: 3 });
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual(['::error', '::error', '::warning', '2', '']);
  });

  it('drops columns from a multi-line annotation, as GitHub requires', () => {
    const span = { start: text.indexOf('worker'), end: text.indexOf('}') };
    const out = renderGithub([{ ...unknown, help: undefined, span }], sources, { filesChecked: 1 });
    expect(out.split('\n')[0]).toBe('::error file=z.swarm,line=2,endLine=3,title=SW0202 unknown-reference::unknown worker `mari`');
  });

  it('escapes %, CR and LF in messages so a message cannot end the command or start another', () => {
    const out = renderGithub([{ ...unknown, help: undefined, message: '100% bad\r\n::error::injected' }], sources, { filesChecked: 1 });
    expect(out.split('\n')[0]).toMatch(/::100%25 bad%0D%0A::error::injected$/);
    expect(out.split('\n')).toHaveLength(3);
  });

  it('masks secrets in messages, which end up in public logs', () => {
    const out = renderGithub([{ ...unknown, message: 'key ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 in file' }], sources, { filesChecked: 1 });
    expect(out).toContain('key ghp_Ab… in file');
  });

  it('says there are no problems when there are none', () => {
    expect(renderGithub([], sources, { filesChecked: 4 })).toBe('no problems in 4 files\n');
  });
});

describe('escaping', () => {
  it('follows the workflow command rules', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f');
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });
});
