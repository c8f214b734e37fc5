import type { Plan } from '../compiler/plan-schema.ts';
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { stylerFor } from '../render/color.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import { renderRunReport } from '../render/run-report.ts';
import { parseInputArgs, resolveInputs } from '../runtime/render-template.ts';
import { chooseModel, type ModelChoice } from '../runner/model-source.ts';
import { dryRun } from '../runner/dry-run.ts';
import { renderDryRun } from '../render/dry-run-view.ts';
import { defaultClaudePath } from '../worker/claude-run.ts';
import { runWorkflow } from '../runner/run-workflow.ts';
import { dockerExecutor } from '../worker/docker-executor.ts';
import { imageExists, workerImageTag } from '../worker/docker-image.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';
import { planApprover } from './approve.ts';
import { compileWorkflow } from './load.ts';
import { absoluteIn, runsDirFor, withRunSession } from './run-session.ts';

export interface RunOptions {
  file: string;
  input: string[];
  resume?: string;
  runId?: string;
  runsDir?: string;
  format: 'human' | 'json';
  lease: number;
  claude?: string;
  record?: boolean;
  /** `''` for a bare `--replay`: the cassette beside the workflow. */
  replay?: string;
  cassette?: string;
  pace?: boolean;
  dryRun?: boolean;
  budget?: number;
  executor?: 'local' | 'docker';
  approve?: boolean;
  approvalFile?: string;
}

export function runCommand(yargs: Argv): Argv<RunOptions> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'The workflow to run' })
    .option('input', { alias: 'i', type: 'string', array: true, default: [] as string[], describe: 'Set an input: NAME=value (repeatable)' })
    .option('resume', { type: 'string', describe: 'Continue the run with this id: done tasks are kept, the rest run' })
    .option('run-id', { type: 'string', describe: 'Name the new run [default: its start time and a random suffix]' })
    .option('runs-dir', { type: 'string', describe: 'Where run directories go [default: .swarm/runs beside the workflow]' })
    .option('format', { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as const, describe: 'human: live table or event lines; json: one event per line, then the report' })
    .option('lease', { type: 'number', default: 30_000, describe: 'Milliseconds a claimed task survives its worker without renewal' })
    .option('claude', { type: 'string', describe: 'The Claude Code CLI to run [default: the one installed with swarm]' })
    .option('record', { type: 'boolean', describe: "Save every answer of the model to the cassette (needs a key); secrets are never written" })
    .option('replay', { type: 'string', describe: 'Run offline: the model\'s answers come from this cassette [default: WORKFLOW.cassette.jsonl beside the workflow]' })
    .option('cassette', { type: 'string', describe: 'The cassette --record writes or --replay reads [default: WORKFLOW.cassette.jsonl beside the workflow]' })
    .option('pace', { type: 'boolean', describe: 'With --replay: stream answers at the pace they were recorded, not at once' })
    .option('executor', { choices: ['local', 'docker'] as const, describe: 'Where workers run: local processes, or a container per worker (build the image first: swarm image build) [default: the workflow\'s runtime block, else local]' })
    .option('budget', { type: 'string', coerce: parseBudget, describe: 'The most the run may spend, in dollars ($5 or 5), over the workflow\'s `budget`; with --resume, raises it' })
    .option('approve', { type: 'boolean', describe: 'Accept the plans of decompose nodes with `approve = true` without asking (they are still printed)' })
    .option('approval-file', { type: 'string', describe: 'Where CI says yes or no to those plans: "accept", "reject", or JSON {"node-id": "accept"}' })
    .option('dry-run', { type: 'boolean', conflicts: 'resume', describe: 'Print the plan and start nothing: waves, each task\'s claude command line (keys by name only) and prompt' })
    .example('$0 run workflows/student-review.swarm', 'Run a workflow with its default inputs')
    .example('$0 run workflows/student-review.swarm -i student="Ana Lima"', 'Set an input')
    .example('$0 run wf.swarm --resume 20261201-120000-a1b2c3', 'Continue a run that crashed or was stopped')
    .example('$0 run workflows/student-review.swarm --replay --executor docker', 'Run each worker in its own container, offline')
    .example('$0 run wf.swarm --resume 20261201-120000-a1b2c3 --budget 10', 'Continue a run whose budget ran out, with $10 in all')
    .example('$0 run workflows/studio-week.swarm --approve', 'Accept the plans of decompose nodes that ask for approval')
    .example('echo accept > approval && $0 run wf.swarm --approval-file approval', 'Approve plans in CI from a file')
    .example('$0 run wf.swarm --record', 'Run against the API and save every answer to wf.cassette.jsonl')
    .example('$0 run wf.swarm --replay', 'Run offline from wf.cassette.jsonl: no key, the same answers')
    .example('$0 run wf.swarm -f json | jq -c "select(.type==\\"task:done\\")"', 'Follow the run from a program')
    .example('$0 run workflows/student-review.swarm --dry-run', 'See what would run, and how, without a key; -f json for the full argv')
    .epilogue('Exit codes: 0 every task done, 1 a task failed or was skipped (or a worker’s circuit breaker opened), 2 usage error or a workflow with errors, 3 internal error, 5 a budget ran out (resume it with --resume ID --budget N), 130 interrupted (resume it with --resume). With --dry-run: 0 the run would start, 1 a workflow with errors or one the run would refuse.') as unknown as Argv<RunOptions>;
}

/** Compiles, then runs the workflow; prints progress as it goes and the report at the end. */
export async function runRun(options: RunOptions, io: Io): Promise<ExitCode> {
  if (options.dryRun) return runDryRun(options, io);
  const compiled = await compileWorkflow(io, options.file);
  const style = stylerFor({ isTTY: io.stderr.isTTY, env: io.env });
  if (!compiled.plan) {
    io.stderr.write(renderHuman(compiled.diagnostics, compiled.sources, { style, filesChecked: 1 }));
    return exitCodes.usage;
  }
  const plan = compiled.plan;
  const given = parseInputArgs(plan, options.input);
  const inputs = given.ok ? resolveInputs(plan, given.values) : given;
  if (!inputs.ok) throw new UsageError(inputs.problems.join('\n'));
  const workflowFile = absoluteIn(io, options.file);
  const model = modelFor(options, plan, workflowFile, io);
  if (!model.ok) throw new UsageError(model.problem);
  if (model.notice) io.stderr.write(`swarm: ${model.notice}\n`);
  const modelChoice = model.choice.mode === 'replay' && options.pace ? { ...model.choice, pace: true } : model.choice;
  const runsDir = runsDirFor(io, workflowFile, options.runsDir);
  const json = options.format === 'json';
  const executor = await executorFor(options.executor ?? plan.runtime?.executor ?? 'local', plan);
  const { value: outcome, live } = await withRunSession(io, plan, json, (hooks) =>
    runWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir,
      ...(options.resume === undefined ? {} : { resume: options.resume }),
      ...(options.runId === undefined ? {} : { runId: options.runId }),
      env: io.env,
      model: modelChoice,
      leaseMs: options.lease,
      ...(executor && { executor }),
      workerArgs: options.claude ? ['--claude', options.claude] : [],
      ...(options.budget !== undefined && { budgetUsd: options.budget }),
      approve: planApprover(io, stylerFor({ isTTY: io.stderr.isTTY, env: io.env }), {
        ...(options.approve !== undefined && { approve: options.approve }),
        ...(options.approvalFile !== undefined && { approvalFile: absoluteIn(io, options.approvalFile) }),
      }),
      ...hooks,
    }),
  );
  const where = relative(io.cwd, outcome.runDir) || outcome.runDir;
  if (json) {
    io.stdout.write(JSON.stringify({ type: 'report', run_id: outcome.runId, run_dir: outcome.runDir, status: outcome.status, report: outcome.report, artifacts: outcome.artifacts }) + '\n');
  } else {
    const outStyle = stylerFor({ isTTY: io.stdout.isTTY, env: io.env });
    io.stdout.write((live ? '' : '\n') + renderRunReport(outcome.report, outStyle));
    if (outcome.artifacts.length > 0) io.stdout.write(`\nArtifacts:\n${outcome.artifacts.map((a) => `  ${relative(io.cwd, a) || a}`).join('\n')}\n`);
    const next =
      outcome.status === 'interrupted'
        ? `; continue with: swarm run ${options.file} --resume ${outcome.runId}`
        : outcome.status === 'budget-exhausted'
          ? `; continue with a larger budget: swarm run ${options.file} --resume ${outcome.runId} --budget <dollars>`
          : '';
    const why = outcome.report.reason === undefined ? '' : `\n${outcome.report.reason}`;
    io.stdout.write(`\nRun ${outcome.runId} ${outcome.status} (${where})${next}${why}\n`);
  }
  return outcome.status === 'done' ? exitCodes.ok : outcome.status === 'interrupted' ? exitCodes.interrupted : outcome.status === 'budget-exhausted' ? exitCodes.budget : exitCodes.problems;
}

/**
 * `--dry-run`: the plan as a run would carry it out, started nowhere. Exit 1 for a workflow
 * with errors (diagnostics on stderr) or one the run would refuse; no key is needed.
 */
async function runDryRun(options: RunOptions, io: Io): Promise<ExitCode> {
  const compiled = await compileWorkflow(io, options.file);
  const style = stylerFor({ isTTY: io.stderr.isTTY, env: io.env });
  if (compiled.diagnostics.length > 0) io.stderr.write(renderHuman(compiled.diagnostics, compiled.sources, { style, filesChecked: 1 }));
  if (!compiled.plan) return exitCodes.problems;
  const plan = compiled.plan;
  const given = parseInputArgs(plan, options.input);
  if (!given.ok) throw new UsageError(given.problems.join('\n'));
  const workflowFile = absoluteIn(io, options.file);
  const model = modelFor(options, plan, workflowFile, io);
  // Without a key a run would stop; a dry run needs none, so it shows the live run and marks the missing keys.
  if (!model.ok && options.record && options.replay !== undefined) throw new UsageError(model.problem);
  const choice: ModelChoice = model.ok ? model.choice : { mode: 'live' };
  const planned = dryRun({
    plan,
    workflowFile,
    given: given.values,
    runsDir: runsDirFor(io, workflowFile, options.runsDir),
    ...(options.runId !== undefined && { runId: options.runId }),
    env: io.env,
    model: choice,
    claudePath: options.claude ?? defaultClaudePath(),
  });
  if (!planned.ok) throw new UsageError(planned.problems.join('\n'));
  const out = planned.dryRun;
  if (options.format === 'json') io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  else io.stdout.write(renderDryRun(out, stylerFor({ isTTY: io.stdout.isTTY, env: io.env }), { cwd: io.cwd }));
  return out.problems.length > 0 ? exitCodes.problems : exitCodes.ok;
}

/** `--budget $5`, `--budget 5`, `--budget 2.50`: dollars, more than nothing. */
export function parseBudget(value: string): number {
  const usd = Number(String(value).trim().replace(/^\$/, ''));
  if (!Number.isFinite(usd) || usd <= 0) throw new UsageError(`Expected --budget to be an amount of dollars above zero, like $5 or 2.50, got \`${value}\``);
  return usd;
}

/** What --record, --replay and --cassette (paths relative to the working directory) and the keys in the environment ask for. */
function modelFor(options: RunOptions, plan: Plan, workflowFile: string, io: Io): ReturnType<typeof chooseModel> {
  const absolute = (path: string) => absoluteIn(io, path);
  return chooseModel({
    plan,
    workflowFile,
    env: io.env,
    ...(options.record && { record: true }),
    ...(options.replay !== undefined && { replay: options.replay === '' ? true : absolute(options.replay) }),
    ...(options.cassette !== undefined && { cassette: absolute(options.cassette) }),
  });
}

/** The docker executor, once its image is known to be there; undefined: the local default. */
async function executorFor(kind: 'local' | 'docker', plan: Plan) {
  if (kind === 'local') return undefined;
  const image = plan.runtime?.image ?? workerImageTag();
  for (const tag of new Set([image, ...plan.workers.flatMap((w) => (w.image ? [w.image] : []))])) {
    if (!(await imageExists(tag))) throw new UsageError(`the worker image ${tag} is not there; build it with \`swarm image build\` (add --offline where no registry is reachable)`);
  }
  return dockerExecutor({ image });
}
