import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Expectation } from '../compiler/plan-schema.ts';
import { checkExpectations, type ExpectationOutcome, type NodeFacts } from '../expect/check-expectations.ts';
import { taskPlace } from '../worker/run-task.ts';
import { runnerNodeDir } from './runner-nodes.ts';
import { runWorkflow, type RunOutcome, type RunWorkflowOptions } from './run-workflow.ts';

export interface TestWorkflowOptions extends Omit<RunWorkflowOptions, 'model' | 'resume'> {
  /** The cassette to replay. */
  cassette: string;
  pace?: boolean;
}

export interface TestOutcome {
  run: RunOutcome;
  expectations: ExpectationOutcome[];
  passed: boolean;
}

/** What a workflow with no `expect` blocks is held to: that it runs to the end. */
export const implicitExpectation: Expectation = {
  name: 'run-completes',
  description: 'the workflow has no expect blocks, so it must run to the end with every task done',
  line: 1,
  status: 'done',
  contains: [],
  excludes: [],
};

/**
 * `swarm test`: replays the workflow's cassette through the real CLI and queue, then holds the
 * run to the file's `expect` blocks. A run that is interrupted is not a test result, and says so.
 */
export async function testWorkflow(options: TestWorkflowOptions): Promise<TestOutcome> {
  const { cassette, pace, ...rest } = options;
  const run = await runWorkflow({ ...rest, model: { mode: 'replay', cassette, ...(pace !== undefined && { pace }) } });
  const nodes = new Map<string, NodeFacts>();
  for (const line of run.report.tasks) {
    const text = run.results.get(line.id)?.result ?? line.error?.message;
    nodes.set(line.id, { status: line.status, costUsd: line.costUsd, ...(text !== undefined && { text }) });
  }
  const expects = options.plan.expects ?? [implicitExpectation];
  const expectations = checkExpectations(expects, {
    status: run.status,
    costUsd: run.report.totals.costUsd,
    nodes,
    readFile: (node, path) => readNodeFile(options, run, node, path),
  });
  return { run, expectations, passed: run.status !== 'interrupted' && expectations.every((e) => e.passed) };
}

/**
 * A file relative to the node's working directory (a task's, or the runner's own directory for
 * a synthesize node's outputs), read only if it really lies inside it.
 */
function readNodeFile(options: TestWorkflowOptions, run: RunOutcome, node: string, path: string): string | undefined {
  const found = options.plan.nodes.find((n) => n.id === node);
  const worker = found?.kind === 'task' ? options.plan.workers.find((w) => w.name === found.worker) : undefined;
  const cwd =
    found?.kind === 'synthesize' ? runnerNodeDir(run.runDir, node) : worker ? taskPlace(run.runDir, { base_dir: dirname(options.workflowFile) }, worker, { task_id: node }).cwd : undefined;
  if (cwd === undefined) return undefined;
  try {
    const root = realpathSync(cwd);
    const file = realpathSync(join(cwd, path));
    // A symlink the agent left pointing elsewhere is not a file the task wrote.
    if (!file.startsWith(root + sep)) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
