import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/io.ts';

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-cli-run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const keyed = `workflow w {
  input student {}
  worker marie {
    api-key = env("MARIE_API_KEY")
  }
  task t {
    worker = marie
    prompt = "Review \${student}"
  }
}
`;

describe('swarm run refuses to start, with exit 2 and a reason, when', () => {
  it('the workflow has errors: the diagnostics are printed and nothing is run', async () => {
    const cwd = scratch({ 'wf.swarm': 'workflow w {\n  task t {\n    worker = nobody\n    prompt = "x"\n  }\n}\n' });
    const r = await run(['run', 'wf.swarm'], { cwd, env: { ANTHROPIC_API_KEY: 'sk-test' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown worker `nobody`');
    expect(existsSync(join(cwd, '.swarm'))).toBe(false);
  });

  it('a required input is not given', async () => {
    const cwd = scratch({ 'wf.swarm': keyed });
    const r = await run(['run', 'wf.swarm'], { cwd, env: { MARIE_API_KEY: 'sk-test' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/student/);
    expect(existsSync(join(cwd, '.swarm'))).toBe(false);
  });

  it('an input is not declared, with a did-you-mean', async () => {
    const cwd = scratch({ 'wf.swarm': keyed });
    const r = await run(['run', 'wf.swarm', '--input', 'studnet=Ana'], { cwd, env: { MARIE_API_KEY: 'sk-test' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('studnet');
    expect(r.stderr).toContain('student');
  });

  it("a worker's api-key variable is not set, naming the variable but no value", async () => {
    const cwd = scratch({ 'wf.swarm': keyed });
    const r = await run(['run', 'wf.swarm', '-i', 'student=Ana'], { cwd, env: { ANTHROPIC_API_KEY: 'sk-ant-runner-secret-value' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MARIE_API_KEY');
    expect(r.stderr).not.toContain('sk-ant-runner-secret-value');
    expect(existsSync(join(cwd, '.swarm'))).toBe(false);
  });

  it('--resume names a run that does not exist', async () => {
    const cwd = scratch({ 'wf.swarm': keyed });
    const r = await run(['run', 'wf.swarm', '-i', 'student=Ana', '--resume', 'no-such-run'], { cwd, env: { MARIE_API_KEY: 'sk-test' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-run/);
  });

  it('the run id is not a plain name', async () => {
    const cwd = scratch({ 'wf.swarm': keyed });
    const r = await run(['run', 'wf.swarm', '-i', 'student=Ana', '--run-id', '../escape'], { cwd, env: { MARIE_API_KEY: 'sk-test' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run id');
  });
});

describe('swarm status', () => {
  it('exits 2 with a hint when there are no runs', async () => {
    const cwd = scratch({});
    const r = await run(['status'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no runs in');
  });
});

describe('--help', () => {
  it.each(['run', 'worker', 'status'])('swarm %s --help shows examples and exit codes', async (command) => {
    const r = await run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/Exit codes|SIGTERM/);
  });
});
