import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import type { Io } from '../../src/cli/io.ts';
import { UsageError } from '../../src/cli/io.ts';
import { reportCommand, runReport, type ReportOptions } from '../../src/cli/report.ts';
import { ledgerFile } from '../../src/cost/ledger-schema.ts';
import { reportSchema } from '../../src/report/report-schema.ts';
import { writeRunFiles } from '../../src/runner/run-files.ts';
import { studioLedger, studioPlan, studioRun } from './studio.ts';

interface Captured {
  io: Io;
  stdout: () => string;
  stderr: () => string;
}

function capture(cwd: string): Captured {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (t) => void (stdout += t) }, stderr: { write: (t) => void (stderr += t) }, env: {}, cwd },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** A project directory holding one finished run of the studio workflow, as `swarm run` leaves it. */
async function project(options: { ledger?: string } = {}): Promise<{ dir: string; runDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-report-cli-'));
  const runDir = join(dir, '.swarm', 'runs', 'r1');
  mkdirSync(runDir, { recursive: true });
  await writeRunFiles(runDir, studioPlan, { run_id: 'r1', workflow_file: join(dir, 'studio.swarm'), base_dir: dir, inputs: {}, created_at: new Date(0).toISOString() });
  writeFileSync(join(runDir, 'journal.jsonl'), studioRun().map((e) => JSON.stringify(e) + '\n').join(''));
  if (options.ledger !== undefined) writeFileSync(join(runDir, ledgerFile), options.ledger);
  return { dir, runDir };
}

const html = (o: Partial<ReportOptions> = {}): ReportOptions => ({ format: 'html', ...o });

describe('swarm report', () => {
  it('writes report.html into the latest run directory and prints its path', async () => {
    const { dir, runDir } = await project();
    const c = capture(dir);
    expect(await runReport(html(), c.io)).toBe(0);
    const out = join(runDir, 'report.html');
    expect(c.stdout()).toBe(`${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('<h1>studio <span class="badge s-failed">failed</span></h1>');
    expect(c.stderr()).toBe('');
  });

  it('writes where --out says, relative to the working directory, making its folder', async () => {
    const { dir } = await project();
    const c = capture(dir);
    expect(await runReport(html({ run: 'r1', runsDir: '.swarm/runs', out: 'pages/run.html' }), c.io)).toBe(0);
    expect(c.stdout()).toBe(`${join(dir, 'pages', 'run.html')}\n`);
    expect(existsSync(join(dir, 'pages', 'run.html'))).toBe(true);
  });

  it('prints the data as JSON with --format json and writes no file', async () => {
    const { dir, runDir } = await project({ ledger: studioLedger().map((e) => JSON.stringify(e) + '\n').join('') });
    const c = capture(dir);
    expect(await runReport({ format: 'json', run: runDir }, c.io)).toBe(0);
    const data = reportSchema.parse(JSON.parse(c.stdout()));
    expect(data.ledger).toEqual({ present: true, requests: 6, matches: true });
    expect(data.agents.map((a) => a.agent)).toEqual([null, 'choreography-analyzer', null]);
    expect(readdirSync(runDir)).not.toContain('report.html');
  });

  it('finds the run through -w like swarm status', async () => {
    const { dir } = await project();
    const c = capture(tmpdir());
    expect(await runReport({ format: 'json', workflow: join(dir, 'studio.swarm') }, c.io)).toBe(0);
    expect(JSON.parse(c.stdout()).run.id).toBe('r1');
  });

  it('is a usage error (exit 2) to name a run that does not exist, or to look where there are none', async () => {
    const { dir } = await project();
    await expect(runReport(html({ run: 'nope' }), capture(dir).io)).rejects.toThrow(new UsageError(`no run nope in ${join(dir, '.swarm', 'runs')}`));
    const empty = mkdtempSync(join(tmpdir(), 'swarm-report-empty-'));
    await expect(runReport(html(), capture(empty).io)).rejects.toThrow(UsageError);
  });

  it('is a usage error to ask for --out with --format json', async () => {
    const { dir } = await project();
    await expect(runReport({ format: 'json', out: 'x.json' }, capture(dir).io)).rejects.toThrow('--out names where the HTML page goes');
  });

  it('names the line of a ledger that is not one, as a usage error; a torn last line is only a warning', async () => {
    const good = studioLedger().map((e) => JSON.stringify(e) + '\n').join('');
    const broken = await project({ ledger: `${good}{"type":"request"}\n` });
    await expect(runReport(html(), capture(broken.dir).io)).rejects.toThrow(/usage\.jsonl:7: not a ledger entry/);
    const torn = await project({ ledger: `${good}{"type":"req` });
    const c = capture(torn.dir);
    expect(await runReport({ format: 'json' }, c.io)).toBe(0);
    expect(c.stderr()).toMatch(/^swarm report: warning: .*usage\.jsonl:7: ignored a torn last line/);
    expect(JSON.parse(c.stdout()).ledger.requests).toBe(6);
  });

  it('has --help with examples and the exit codes', async () => {
    let help = '';
    await yargs(['report', '--help'])
      .scriptName('swarm')
      .wrap(null)
      .command('report [run]', 'Write a run\'s report page', reportCommand)
      .exitProcess(false)
      .parseAsync(['report', '--help'], {}, (_error, _argv, text) => void (help = text));
    for (const flag of ['--runs-dir', '--workflow', '--out', '--format']) expect(help).toContain(flag);
    expect(help).toContain('[choices: "html", "json"]');
    expect(help).toContain('swarm report -w workflows/student-review.swarm -f json | jq .totals');
    expect(help).toContain('Exit codes: 0 the report was written');
    expect(help).toContain('2 no such run');
  });
});
