import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportSchema } from '../../src/diagnostics/diagnostic.ts';
import { rules } from '../../src/diagnostics/rules.ts';
import { run } from '../support/io.ts';

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const clean = 'workflow w {\n  worker a {\n    tools = [Read]\n  }\n  task t {\n    worker = a\n    prompt = "hi"\n  }\n}\n';
const broken = 'workflow w {\n  worker a {}\n  task t {\n    worker = b\n    prompt = "hi"\n  }\n}\n';
const warned = 'workflow w {\n  input unused {}\n  worker a {}\n  task t {\n    worker = a\n    prompt = "hi"\n  }\n}\n';

describe('swarm check', () => {
  it('exits 0 and says so for the shipped workflows', async () => {
    const r = await run(['check', 'workflows/student-review.swarm', 'workflows/studio-week.swarm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems in 2 files');
    expect(r.stderr).toBe('');
  });

  it('exits 1 and locates every error, with a did-you-mean', async () => {
    const cwd = scratch({ 'wf.swarm': broken });
    const r = await run(['check', 'wf.swarm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[SW0202]: unknown worker `b`');
    expect(r.stdout).toContain('--> wf.swarm:4:14');
    expect(r.stdout).toContain('did you mean `a`?');
  });

  it('checks every .swarm file under a directory it is given', async () => {
    const cwd = scratch({ 'a.swarm': clean, 'b.swarm': broken, 'notes.md': '# not a workflow' });
    const r = await run(['check', '--format', 'json', '.'], { cwd });
    expect(r.code).toBe(1);
    expect(new Set(checkReportSchema.parse(JSON.parse(r.stdout)).diagnostics.map((d) => d.file))).toEqual(new Set(['b.swarm']));
    expect((await run(['check', 'workflows'])).stdout).toContain('no problems in 4 files');
  });

  it('passes warnings unless --strict', async () => {
    const cwd = scratch({ 'wf.swarm': warned });
    expect((await run(['check', 'wf.swarm'], { cwd })).code).toBe(0);
    const strict = await run(['check', '--strict', 'wf.swarm'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning[SW0803]');
  });

  it('prints one JSON object and nothing else with --format json', async () => {
    const cwd = scratch({ 'wf.swarm': broken, 'ok.swarm': clean });
    const r = await run(['check', '--format', 'json', 'wf.swarm', 'ok.swarm'], { cwd });
    expect(r.code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.errors).toBe(1);
    expect(report.diagnostics[0]).toMatchObject({ code: 'SW0202', file: 'wf.swarm', line: 4, column: 14, endLine: 4, endColumn: 15 });
  });

  it('writes SARIF and GitHub annotations', async () => {
    const cwd = scratch({ 'wf.swarm': broken });
    const sarif = JSON.parse((await run(['check', '-f', 'sarif', 'wf.swarm'], { cwd })).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('SW0202');
    const github = await run(['check', '-f', 'github', 'wf.swarm'], { cwd });
    expect(github.stdout).toMatch(/^::error file=wf\.swarm,line=4,col=14,/m);
  });

  it('lists every check with --list, as text and as JSON', async () => {
    const text = await run(['check', '--list']);
    for (const r of rules) expect(text.stdout).toContain(r.code);
    const json = JSON.parse((await run(['check', '--list', '--format', 'json'])).stdout);
    expect(json.rules).toHaveLength(rules.length);
  });

  it('colours only when asked or on a terminal, and never under NO_COLOR', async () => {
    const cwd = scratch({ 'wf.swarm': broken });
    expect((await run(['check', 'wf.swarm'], { cwd })).stdout).not.toContain('\u001b[');
    expect((await run(['check', 'wf.swarm'], { cwd, tty: true, env: { TERM: 'xterm' } })).stdout).toContain('\u001b[');
    expect((await run(['check', 'wf.swarm'], { cwd, tty: true, env: { TERM: 'xterm', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['check', 'wf.swarm'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
  });

  it('is a usage error (exit 2) to name a missing file or no file', async () => {
    const missing = await run(['check', 'nope.swarm']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.swarm: no such file');
    expect((await run(['check'])).code).toBe(2);
  });
});

describe('swarm', () => {
  it('shows help with examples for every command', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['check', 'graph', 'fmt', 'run', 'worker', 'status']) expect(top.stdout).toContain(command);
    expect(top.stdout).toContain('Exit codes: 0 ok, 1 problems found (or a task failed), 2 usage error, 3 internal error');
    for (const command of ['check', 'graph', 'fmt', 'run', 'worker', 'status']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  });

  it('rejects unknown commands and options with exit 2', async () => {
    const unknown = await run(['chek', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown argument|Did you mean check/);
    expect((await run(['check', '--frobnicate', 'x.swarm'])).code).toBe(2);
    expect((await run(['check', '--format', 'xml', 'x.swarm'])).code).toBe(2);
  });
});

describe('swarm fmt', () => {
  const messy = 'workflow w{\n# the one worker\nworker a {tools=[Read,Write]}\ntask t {prompt="hi" worker=a}\n}\n';

  it('prints the canonical form, and --check lists unformatted files with exit 1', async () => {
    const cwd = scratch({ 'wf.swarm': messy });
    const printed = await run(['fmt', 'wf.swarm'], { cwd });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe('workflow w {\n  # the one worker\n  worker a {\n    tools = [Read, Write]\n  }\n\n  task t {\n    worker = a\n    prompt = "hi"\n  }\n}\n');
    const checked = await run(['fmt', '--check', 'wf.swarm'], { cwd });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe('wf.swarm\n');
  });

  it('rewrites files with --write, after which --check passes', async () => {
    const cwd = scratch({ 'a.swarm': messy, 'b.swarm': messy });
    expect((await run(['fmt', '--write', 'a.swarm', 'b.swarm'], { cwd })).code).toBe(0);
    const checked = await run(['fmt', '--check', 'a.swarm', 'b.swarm'], { cwd });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe('');
  });

  it('leaves a file with syntax errors alone and reports them', async () => {
    const cwd = scratch({ 'wf.swarm': 'workflow w { task t { prompt = "open } }\n' });
    const r = await run(['fmt', '--write', 'wf.swarm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SW0002');
    expect(readFileSync(join(cwd, 'wf.swarm'), 'utf8')).toBe('workflow w { task t { prompt = "open } }\n');
  });

  it('refuses --write with --check as a usage error', async () => {
    const cwd = scratch({ 'wf.swarm': messy });
    expect((await run(['fmt', '--write', '--check', 'wf.swarm'], { cwd })).code).toBe(2);
  });
});
