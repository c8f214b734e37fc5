import Anthropic from '@anthropic-ai/sdk';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attemptHeader, taskHeader } from '../cassette/exchange-key.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import { loadHistory } from '../cost/history.ts';
import { askPlanner } from '../planner/ask-planner.ts';
import type { InputValues, TaskResult } from '../runtime/events.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import type { DecomposeNode, DispatchedTask, SynthesizeNode, TaskNode } from '../runtime/task-state.ts';
import { runSynthesis } from '../synthesize/run-synthesis.ts';
import { upstreamFor } from '../synthesize/upstream.ts';

/** What a person (or `--approve`, or a file in CI) says about a decompose node's plan before it runs. */
export type Approver = (proposal: { node: DecomposeNode; tasks: TaskNode[]; plan: Plan }) => Promise<boolean>;

export interface RunnerNodeContext {
  plan: () => Plan;
  scheduler: () => Scheduler;
  runDir: string;
  inputs: InputValues;
  /** The gateway's URL: the runner's own calls are limited and counted like the workers'. */
  baseUrl: string;
  apiKey: string | undefined;
  /** Extra directories upstream artifacts may be read from (the workers' workspaces). */
  allowedRoots: string[];
  approve?: Approver;
  /** Hands a finished node's report to the run loop, which applies it. */
  settle: (apply: (now: number) => void) => void;
  onNotice: (message: string) => void;
  signal: AbortSignal;
}

/** Where a runner node's own files go: beside the workers' results, under the runner's name. */
export function runnerNodeDir(runDir: string, node: string): string {
  return join(runDir, 'results', '_runner', ...node.split('/'));
}

/**
 * Runs a decompose or synthesize node in this process: one model call (or a few, for a plan
 * sent back with its problems) through @anthropic-ai/sdk and the run's gateway, then its
 * report to the scheduler through `settle`, so state only changes in the run loop. Failures
 * are reported, never thrown.
 */
export function startRunnerNode(d: DispatchedTask, ctx: RunnerNodeContext): void {
  const client = new Anthropic({
    baseURL: ctx.baseUrl,
    apiKey: ctx.apiKey ?? 'no-key',
    // Retries are the scheduler's; the header pair lets the gateway and a cassette know the call.
    maxRetries: 0,
    defaultHeaders: { [taskHeader]: d.task, [attemptHeader]: String(d.attempt) },
  });
  const started = Date.now();
  ctx.settle((now) => ctx.scheduler().started(d.task, { now, attempt: d.attempt, owner: `runner:${process.pid}` }));
  const fail = (kind: string, message: string, spent: { usage?: TaskResult['usage']; costUsd?: number }, retryable: boolean) =>
    ctx.settle((now) =>
      ctx.scheduler().failed(d.task, { now, attempt: d.attempt, error: { kind, message, retryable, ...(spent.usage && { usage: spent.usage }), ...(spent.costUsd !== undefined && { costUsd: spent.costUsd }) } }),
    );
  const results = () => ctx.scheduler().results();
  const work = async () => {
    if (d.node.kind === 'decompose') {
      const node: DecomposeNode = d.node;
      const answer = await askPlanner({ client, plan: ctx.plan(), node, context: { inputs: ctx.inputs, results: results(), runDir: ctx.runDir }, signal: ctx.signal, history: loadHistory(dirname(ctx.runDir)) });
      const spent = { usage: answer.usage, costUsd: answer.costUsd };
      if (!answer.ok && answer.error !== undefined) {
        // The call failed, not the plan: retried by the scheduler (a 429/529 as a rate limit).
        const { kind, message, status, retryAfterSeconds } = answer.error;
        const retryable = kind !== 'aborted';
        return ctx.settle((now) =>
          ctx.scheduler().failed(d.task, {
            now,
            attempt: d.attempt,
            error: { kind: kind === 'api' ? 'api-error' : kind, message: `the planner call failed: ${message}`, retryable, usage: answer.usage, costUsd: answer.costUsd, ...(status !== undefined && { status }), ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) },
          }),
        );
      }
      if (!answer.ok) {
        for (const problem of answer.problems) ctx.onNotice(`${d.task}: ${problem}`);
        return fail('plan', `the plan was refused after ${answer.asks} ask${answer.asks === 1 ? '' : 's'}: ${answer.problems.join('; ')}`, spent, false);
      }
      if (node.approve && ctx.approve !== undefined && !(await ctx.approve({ node, tasks: answer.tasks, plan: ctx.plan() }))) {
        return fail('plan-rejected', `the plan of ${answer.tasks.length} tasks was rejected`, spent, false);
      }
      const result: TaskResult = {
        result: `planned ${answer.tasks.length} task${answer.tasks.length === 1 ? '' : 's'}: ${answer.tasks.map((t) => t.id).join(', ')}`,
        findings: answer.tasks.map((t) => `${t.id} (${t.worker})`),
        artifacts: [],
        usage: answer.usage,
        cost_usd: answer.costUsd,
        num_turns: answer.asks,
        execution_time: (Date.now() - started) / 1000,
      };
      return ctx.settle((now) => ctx.scheduler().succeeded(d.task, { now, attempt: d.attempt, result, planned: answer.tasks }));
    }
    const node = d.node as SynthesizeNode;
    const outDir = runnerNodeDir(ctx.runDir, d.task);
    mkdirSync(outDir, { recursive: true });
    // Every node upstream, not only the direct ones: the brief reads the check-ins before the plan.
    const upstream = upstreamFor(ctx.plan(), node, results());
    const done = await runSynthesis({ client, plan: ctx.plan(), node, context: { inputs: ctx.inputs, upstream, runDir: ctx.runDir, allowedRoots: ctx.allowedRoots }, outDir, signal: ctx.signal });
    if (!done.ok) {
      const { kind, message, retryable, status, retryAfterSeconds } = done.error;
      return ctx.settle((now) =>
        ctx.scheduler().failed(d.task, {
          now,
          attempt: d.attempt,
          error: { kind, message, retryable, usage: done.usage, costUsd: done.costUsd, ...(status !== undefined && { status }), ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) },
        }),
      );
    }
    for (const note of done.notes) ctx.onNotice(`${d.task}: ${note}`);
    return ctx.settle((now) => ctx.scheduler().succeeded(d.task, { now, attempt: d.attempt, result: done.result }));
  };
  work().catch((error: unknown) => fail('runner', `swarm failed to run ${d.node.kind} node ${d.task}: ${(error as Error).message}`, {}, false));
}
