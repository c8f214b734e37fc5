import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { defaultCassettePath } from '../cassette/cassette-file.ts';
import { stylerFor } from '../render/color.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import { renderRunReport } from '../render/run-report.ts';
import { renderTestReport } from '../render/test-report.ts';
import { parseInputArgs, resolveInputs } from '../runtime/render-template.ts';
import { testWorkflow, type TestOutcome } from '../runner/test-workflow.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';
import { compileWorkflow } from './load.ts';
import { absoluteIn, runsDirFor, withRunSession } from './run-session.ts';

export interface TestOptions {
  files: string[];
  input: string[];
  cassette?: string;
  runsDir?: string;
  format: 'human' | 'json';
  claude?: string;
  pace?: boolean;
}

export function testCommand(yargs: Argv): Argv<TestOptions> {
  return yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Workflows to test, each with its cassette beside it' })
    .option('input', { alias: 'i', type: 'string', array: true, default: [] as string[], describe: 'Set an input: NAME=value (repeatable); the cassette must have been recorded with it' })
    .option('cassette', { type: 'string', describe: 'The cassette to replay, for a single workflow [default: WORKFLOW.cassette.jsonl beside it]' })
    .option('runs-dir', { type: 'string', describe: 'Where run directories go [default: .swarm/runs beside each workflow]' })
    .option('format', { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as const, describe: 'human: progress, then a line per expectation; json: one report object per workflow' })
    .option('claude', { type: 'string', describe: 'The Claude Code CLI to run [default: the one installed with swarm]' })
    .option('pace', { type: 'boolean', describe: 'Stream answers at the pace they were recorded, not at once' })
    .example('$0 test workflows/student-review.swarm', 'Replay its cassette offline and check its expect blocks')
    .example('$0 test workflows/*.swarm -f json', 'Test every workflow, for a CI job that reads the results')
    .example('$0 test wf.swarm --cassette recordings/monday.cassette.jsonl', 'Check the same expectations against another recording')
    .epilogue(
      'Each workflow runs for real (workers, queue, Claude Code CLI, tools) with the model\'s answers replayed from its cassette, so no key is needed and nothing is paid for. ' +
        'Then every `expect` block in the file is checked; a file without any is held to running to the end.\n\n' +
        'Exit codes: 0 every expectation held, 1 one failed, 2 usage error, a workflow with errors or no cassette, 3 internal error, 130 interrupted.',
    ) as unknown as Argv<TestOptions>;
}

/** Tests each workflow in turn; a broken one does not stop the others from being tested. */
export async function runTest(options: TestOptions, io: Io): Promise<ExitCode> {
  if (options.cassette !== undefined && options.files.length > 1) throw new UsageError('--cassette names one cassette, so it takes one workflow; give each workflow its own cassette beside it');
  const json = options.format === 'json';
  let code: ExitCode = exitCodes.ok;
  for (const file of options.files) {
    const outcome = await testOne(file, options, io);
    if (outcome === exitCodes.interrupted) return outcome;
    // 0 passed, 1 an expectation failed, 2 a workflow could not be tested: the worst one wins.
    code = Math.max(code, outcome) as ExitCode;
  }
  if (!json && options.files.length > 1) io.stdout.write(`\n${code === exitCodes.ok ? 'every workflow passed' : 'some workflows failed'}\n`);
  return code;
}

async function testOne(file: string, options: TestOptions, io: Io): Promise<ExitCode> {
  const json = options.format === 'json';
  const errStyle = stylerFor({ isTTY: io.stderr.isTTY, env: io.env });
  const compiled = await compileWorkflow(io, file);
  if (!compiled.plan) {
    io.stderr.write(renderHuman(compiled.diagnostics, compiled.sources, { style: errStyle, filesChecked: 1 }));
    if (json) io.stdout.write(JSON.stringify({ type: 'test', file, passed: false, error: 'the workflow has errors' }) + '\n');
    return exitCodes.usage;
  }
  const plan = compiled.plan;
  const given = parseInputArgs(plan, options.input);
  const inputs = given.ok ? resolveInputs(plan, given.values) : given;
  if (!inputs.ok) throw new UsageError(inputs.problems.join('\n'));
  const workflowFile = absoluteIn(io, file);
  const cassette = options.cassette === undefined ? defaultCassettePath(workflowFile) : absoluteIn(io, options.cassette);
  if (!existsSync(cassette)) {
    const problem = `${file}: no cassette to replay at ${relative(io.cwd, cassette) || cassette}; record one with \`swarm run ${file} --record\` (needs an API key)`;
    io.stderr.write(`swarm: ${problem}\n`);
    if (json) io.stdout.write(JSON.stringify({ type: 'test', file, passed: false, error: problem }) + '\n');
    return exitCodes.usage;
  }
  if (!json) io.stdout.write(`${stylerFor({ isTTY: io.stdout.isTTY, env: io.env }).bold(`swarm test ${file}`)}\n`);
  const { value: outcome, live } = await withRunSession(io, plan, json, (hooks) =>
    testWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir: runsDirFor(io, workflowFile, options.runsDir),
      env: io.env,
      cassette,
      ...(options.pace !== undefined && { pace: options.pace }),
      workerArgs: options.claude ? ['--claude', options.claude] : [],
      ...hooks,
    }),
  );
  if (json) io.stdout.write(JSON.stringify(testReportJson(file, outcome)) + '\n');
  else {
    const style = stylerFor({ isTTY: io.stdout.isTTY, env: io.env });
    io.stdout.write((live ? '' : '\n') + renderRunReport(outcome.run.report, style) + '\n');
    io.stdout.write(renderTestReport(file, outcome.expectations, style));
    io.stdout.write(`Run ${outcome.run.runId} ${outcome.run.status} (${relative(io.cwd, outcome.run.runDir) || outcome.run.runDir})\n\n`);
  }
  if (outcome.run.status === 'interrupted') return exitCodes.interrupted;
  return outcome.passed ? exitCodes.ok : exitCodes.problems;
}

/** The `--format json` line for one workflow: what a CI job needs to report each expectation. */
function testReportJson(file: string, outcome: TestOutcome) {
  return {
    type: 'test',
    file,
    passed: outcome.passed,
    run_id: outcome.run.runId,
    run_dir: outcome.run.runDir,
    run_status: outcome.run.status,
    cost_usd: outcome.run.report.totals.costUsd,
    expectations: outcome.expectations,
  };
}
