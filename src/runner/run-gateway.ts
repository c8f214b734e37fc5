import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Limits, Plan } from '../compiler/plan-schema.ts';
import { ledgerFile, type LedgerEntry } from '../cost/ledger-schema.ts';
import { costOf } from '../cost/prices.ts';
import { attemptHeader, taskHeader } from '../cassette/exchange-key.ts';
import { startGateway, type Gateway, type Route } from '../gateway/gateway.ts';
import { LimitQueue } from '../limits/limit-queue.ts';
import { planIdOf } from '../queue/protocol.ts';
import { RateLimiter } from '../limits/rate-limiter.ts';
import { isSubagentRequest, systemText, type MessagesRequest } from '../model-server/request.ts';
import { isoAt, type InputValues, type RunEmitter } from '../runtime/events.ts';
import { renderTemplate } from '../runtime/render-template.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { runnerWorkers, workerOf } from '../runtime/task-state.ts';

/** The limit scope of a worker's own limits. */
export const workerScope = (worker: string) => `worker ${worker}`;

/**
 * The account scope of each worker: workers whose keys are the same key share one (named after
 * the first variable that holds it), so they share the workflow's `limits`, the account's.
 */
export function keyScopes(plan: Plan, keys: ReadonlyMap<string, string | undefined>, runnerKey?: string): Map<string, string> {
  const byKey = new Map<string, string>();
  const scopes = new Map<string, string>();
  const place = (name: string, env: string, key: string | undefined) => {
    const id = key ?? env;
    if (!byKey.has(id)) byKey.set(id, `key ${env}`);
    scopes.set(name, byKey.get(id)!);
  };
  for (const w of plan.workers) place(w.name, w.apiKeyEnv ?? 'ANTHROPIC_API_KEY', keys.get(w.name));
  // The runner's own calls (planner, synthesizer) use the runner's key: the same account as any worker that shares it.
  for (const worker of Object.values(runnerWorkers)) place(worker, 'ANTHROPIC_API_KEY', runnerKey);
  return scopes;
}

export function runLimiter(plan: Plan, scopes: ReadonlyMap<string, string>): RateLimiter {
  const limits: Record<string, Limits> = {};
  for (const scope of new Set(scopes.values())) limits[scope] = plan.limits ?? {};
  for (const w of plan.workers) limits[workerScope(w.name)] = w.limits ?? {};
  return new RateLimiter(limits);
}

export interface RunGateway {
  readonly url: string;
  /** Serves the gateway on a Unix socket as well, for a worker container without a network. */
  listenSocket(path: string): Promise<void>;
  /** A stop the gateway made for a budget, by `task#attempt`: the runner reports the failure it causes as that. */
  budgetStop(task: string, attempt: number): string | undefined;
  close(): Promise<void>;
}

/**
 * The gateway of one run: limits from the plan, calls attributed to their task attempt by the
 * headers every worker's CLI sends, waits journaled as `limit:wait`, each answer's usage
 * appended to the run's `usage.jsonl`, and a running task's calls refused once a budget it
 * counts against is used up.
 */
export async function startRunGateway(options: {
  plan: Plan;
  runDir: string;
  upstream: string;
  keys: ReadonlyMap<string, string | undefined>;
  /** The runner's own key, for decompose and synthesize calls. */
  runnerKey?: string;
  scheduler: () => Scheduler;
  emitter: RunEmitter;
  inputs: InputValues;
  onNotice?: (message: string) => void;
}): Promise<RunGateway> {
  const { plan } = options;
  const scopes = keyScopes(plan, options.keys, options.runnerKey);
  const queue = new LimitQueue(runLimiter(plan, scopes));
  const live = new Map<string, { worker: string; usd: number; attempt: number }>();
  const stops = new Map<string, string>();
  const agentPrompts = plan.agents.map((a) => ({ name: a.name, text: renderTemplate(a.prompt, { inputs: options.inputs, results: new Map() }).slice(0, 200) }));
  // An attempt's live spend ends with it: from then on the journal holds what it cost.
  options.emitter.onAny((event) => {
    if ('task' in event && event.type !== 'task:queued' && event.type !== 'task:start' && event.type !== 'limit:wait') live.delete(event.task);
  });
  const ledger = join(options.runDir, ledgerFile);
  const gateway: Gateway = await startGateway({
    upstream: options.upstream,
    queue,
    route(headers): Route | undefined {
      const task = one(headers[taskHeader]);
      // The running plan, so tasks a decompose node spliced in are known too.
      const id = task === undefined ? undefined : planIdOf(task);
      const node = id === undefined ? undefined : options.scheduler().plan.nodes.find((n) => n.id === id);
      if (node === undefined) return undefined;
      const attempt = Number(one(headers[attemptHeader]) ?? '1');
      const worker = workerOf(node);
      const keyScope = scopes.get(worker)!;
      return { task: node.id, attempt, worker, keyScope, scopes: [keyScope, workerScope(worker)] };
    },
    admit(route) {
      const reason = options.scheduler().budgetCrossed(route.task, live);
      if (reason !== undefined) stops.set(`${route.task}#${route.attempt}`, reason);
      return reason;
    },
    onWait(route, wait) {
      options.emitter.emit({ type: 'limit:wait', at: isoAt(Date.now()), task: route.task, attempt: route.attempt, scope: wait.scope, limit: wait.limit, cause: wait.cause, wait_ms: Math.max(0, Math.round(wait.waitMs)) });
    },
    onAnswer(route, answer) {
      const usage = {
        input_tokens: answer.usage?.input_tokens ?? 0,
        output_tokens: answer.usage?.output_tokens ?? 0,
        cache_creation_input_tokens: answer.usage?.cache_creation_input_tokens ?? 0,
        cache_read_input_tokens: answer.usage?.cache_read_input_tokens ?? 0,
      };
      const cost = costOf(answer.model, usage);
      const mine = live.get(route.task);
      const spent = mine !== undefined && mine.attempt === route.attempt ? mine.usd : 0;
      live.set(route.task, { worker: route.worker, attempt: route.attempt, usd: spent + (cost ?? 0) });
      const entry: LedgerEntry = {
        type: 'request',
        at: isoAt(Date.now()),
        task: route.task,
        attempt: route.attempt,
        worker: route.worker,
        ...(answer.agent !== undefined && { agent: answer.agent }),
        model: answer.model,
        status: answer.status,
        usage,
        ...(cost !== undefined && { cost_usd: cost }),
        waited_ms: Math.max(0, Math.round(answer.waitedMs)),
      };
      appendFileSync(ledger, JSON.stringify(entry) + '\n');
    },
    agentOf(_route, request: MessagesRequest) {
      if (!isSubagentRequest(request)) return undefined;
      const system = systemText(request);
      return agentPrompts.find((a) => a.text !== '' && system.includes(a.text))?.name ?? 'sub-agent';
    },
    ...(options.onNotice && { onNotice: options.onNotice }),
  });
  return {
    url: gateway.url,
    listenSocket: (path) => gateway.listenSocket(path),
    budgetStop: (task, attempt) => stops.get(`${task}#${attempt}`),
    close: () => gateway.close(),
  };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
