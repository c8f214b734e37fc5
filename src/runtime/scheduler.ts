import { planDag, type PlanDag } from '../compiler/plan-dag.ts';
import { builtinDefaults } from '../compiler/known.ts';
import type { Plan, PlanNode } from '../compiler/plan-schema.ts';
import { splicePlan } from '../planner/splice.ts';
import { RunSetupError, SchedulerError, type SchedulerOptions } from './scheduler-options.ts';
import { BudgetLedger, usd, type BudgetVerdict, type LiveSpend } from './budget-ledger.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { backoffDelay, checkBackoffPolicy, defaultBackoff, defaultRateLimitBackoff, type BackoffPolicy } from './backoff.ts';
import { isoAt, type InputValues, type RunEmitter, type RunEvent, type RunStatus, type TaskResult } from './events.ts';
import { planHash } from './plan-hash.ts';
import { compareRank, Heap, ReadyQueue, type Rank } from './ready-queue.ts';
import { renderTemplate, resolveInputs } from './render-template.ts';
import {
  isFinal,
  isInFlight,
  isRateLimit,
  isWaiting,
  taskStatuses,
  type DispatchedTask,
  type Failure,
  type RunSummary,
  type TaskNode,
  type TaskStatus,
  type TaskView,
  budgetSubject,
  runnerWorkers,
  workerOf,
} from './task-state.ts';

/** Why a task is held rather than dispatched. */
interface Stop {
  cause: 'budget' | 'breaker';
  reason: string;
}

/** Failures that say nothing about the worker's setup, so its circuit breaker ignores them. */
const notTheWorkersFault = new Set(['rate-limit', 'budget', 'interrupted']);

interface State extends TaskView {
  node: PlanNode;
  rank: Omit<Rank, 'requeued'>;
  /** Direct upstream tasks not yet done. */
  waitingOn: number;
  /** Bumped on every status change: heap entries from an older version are stale. */
  version: number;
}

interface ReadyEntry extends Rank {
  id: string;
  worker: string;
  version: number;
}

interface WakeEntry {
  id: string;
  wakeAt: number;
  version: number;
}

export { RunSetupError, SchedulerError, type SchedulerOptions };

/**
 * Builds the scheduler for a plan. Throws `RunSetupError` for inputs that do not resolve;
 * check them first with `resolveInputs` to report them as the user's mistakes.
 */
export function createScheduler(plan: Plan, options: SchedulerOptions): Scheduler {
  return new Scheduler(plan, options);
}

/**
 * The pure heart of `swarm run`: a synchronous state machine over the plan's tasks, with no
 * timers and no I/O. Time comes in as epoch milliseconds. Every transition is an event: a
 * method decides which events happen, then each is applied by `restore` (the same code that
 * replays a journal) and emitted. Calls that do not fit (a duplicate or stale report) return
 * no events and change nothing.
 */
export class Scheduler {
  #plan: Plan;
  readonly inputs: InputValues;
  #dag: PlanDag;
  readonly #tasks = new Map<string, State>();
  readonly #order: State[] = [];
  readonly #ready = new ReadyQueue<ReadyEntry>();
  readonly #wake = new Heap<WakeEntry>((a, b) => a.wakeAt < b.wakeAt);
  readonly #counts = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
  readonly #inFlight = new Map<string, number>();
  readonly #parallel = new Map<string, number>();
  readonly #results = new Map<string, TaskResult>();
  readonly #random: () => number;
  readonly #backoff: BackoffPolicy;
  readonly #rateLimitBackoff: BackoffPolicy;
  readonly #maxRateLimitRetries: number;
  readonly #runDir: string | undefined;
  readonly #emitter: RunEmitter | undefined;
  readonly #budget: BudgetLedger;
  readonly #budgetOverride: number | undefined;
  readonly #estimate: (node: PlanNode) => number;
  readonly #breaker: CircuitBreaker;

  constructor(plan: Plan, options: SchedulerOptions) {
    const inputs = resolveInputs(plan, options.inputs);
    if (!inputs.ok) throw new RunSetupError(inputs.problems);
    const maxRl = options.maxRateLimitRetries ?? 10;
    if (!Number.isInteger(maxRl) || maxRl < 0) {
      throw new RangeError(`Expected \`maxRateLimitRetries\` to be an integer >= 0, got ${String(maxRl)}`);
    }
    this.#plan = plan;
    this.inputs = inputs.values;
    this.#random = options.random ?? Math.random;
    this.#backoff = { ...defaultBackoff, ...options.backoff };
    this.#rateLimitBackoff = { ...defaultRateLimitBackoff, ...options.rateLimitBackoff };
    checkBackoffPolicy('backoff', this.#backoff);
    checkBackoffPolicy('rateLimitBackoff', this.#rateLimitBackoff);
    this.#maxRateLimitRetries = maxRl;
    this.#runDir = options.runDir;
    this.#emitter = options.emitter;
    this.#dag = planDag(plan);
    this.#budget = new BudgetLedger(plan);
    this.#budgetOverride = options.budgetUsd;
    this.#estimate = options.estimateUsd ?? (() => 0);
    this.#breaker = new CircuitBreaker(new Map(plan.workers.map((w) => [w.name, w.circuitBreaker ?? builtinDefaults.circuitBreaker])));
    for (const worker of plan.workers) {
      this.#parallel.set(worker.name, worker.parallel);
      this.#inFlight.set(worker.name, 0);
    }
    // The runner's own model calls are not bound by any worker's `parallel`.
    for (const worker of Object.values(runnerWorkers)) {
      this.#parallel.set(worker, Infinity);
      this.#inFlight.set(worker, 0);
    }
    for (const node of plan.nodes) this.#add(node, node.after.length);
    for (const state of this.#order) if (state.waitingOn === 0) this.#setStatus(state, 'ready');
  }

  /** The plan being run: the compiled one, with every decompose node's accepted tasks spliced in. */
  get plan(): Plan {
    return this.#plan;
  }

  #add(node: PlanNode, waitingOn: number): State {
    const state: State = {
      id: node.id,
      worker: workerOf(node),
      node,
      status: 'pending',
      attempt: 0,
      retriesUsed: 0,
      rateLimitRetries: 0,
      requeued: false,
      rank: { priority: node.kind === 'task' ? node.priority : 'normal', chain: node.chain, index: this.#order.length },
      waitingOn,
      version: 0,
    };
    this.#tasks.set(node.id, state);
    this.#order.push(state);
    this.#counts.pending++;
    return state;
  }

  /** `run:start`, with the resolved inputs, the plan's hash and any `--budget`. */
  begin(now: number, runId: string, resumed = false): RunEvent[] {
    const event: RunEvent = {
      type: 'run:start',
      at: isoAt(now),
      run_id: runId,
      workflow: this.plan.workflow.name,
      plan_hash: planHash(this.plan),
      inputs: this.inputs,
    };
    if (resumed) event.resumed = true;
    if (this.#budgetOverride !== undefined) event.budget_usd = this.#budgetOverride;
    return this.#commit([event]);
  }

  /**
   * The tasks to enqueue now: requeued ones first, then by priority, longer chain, plan
   * order, within each worker's `parallel` (queued + running). Retries whose backoff ended
   * by `now` compete with the other ready tasks.
   */
  dispatch(now: number): { tasks: DispatchedTask[]; events: RunEvent[] } {
    this.#wakeUntil(now);
    const tasks: DispatchedTask[] = [];
    const events: RunEvent[] = [];
    // A held task leaves its worker's place free: choose again until nothing more is held.
    for (let held = true; held; ) {
      held = false;
      const chosen: ReadyEntry[] = [];
      for (const [worker, parallel] of this.#parallel) {
        let room = parallel - (this.#inFlight.get(worker) ?? 0);
        while (room > 0) {
          const entry = this.#ready.take(worker, (e) => this.#isCurrentReady(e));
          if (entry === undefined) break;
          chosen.push(entry);
          room--;
        }
      }
      // In rank order, so the budget that is left goes to the most important tasks first.
      chosen.sort(compareRank);
      for (const entry of chosen) {
        const state = this.#get(entry.id);
        const stop = this.#stopFor(state);
        if (stop === 'wait') {
          // Back to the ready queue: the next dispatch, after an attempt in flight reports, decides.
          this.#ready.push(entry);
          continue;
        }
        if (stop !== undefined) {
          events.push(...this.#hold(state, now, stop));
          held = true;
          continue;
        }
        const attempt = state.requeued ? state.attempt : state.attempt + 1;
        const prompt = renderTemplate(state.node.prompt, { inputs: this.inputs, results: this.#results, runDir: this.#runDir });
        tasks.push({ task: state.id, worker: state.worker, attempt, prompt, node: state.node, requeued: state.requeued });
        events.push(...this.#commit([{ type: 'task:queued', at: isoAt(now), task: state.id, worker: state.worker, attempt }]));
      }
    }
    return { tasks, events };
  }

  /** A worker claimed the task. */
  started(task: string, report: { now: number; attempt: number; owner: string }): RunEvent[] {
    const state = this.#get(task);
    if (!this.#accepts(state, report.attempt) || state.status === 'running') return [];
    return this.#commit([
      { type: 'task:start', at: isoAt(report.now), task, worker: state.worker, attempt: report.attempt, owner: report.owner },
    ]);
  }

  /**
   * The attempt finished; downstream tasks whose upstreams are all done become ready. For a
   * decompose node, `planned` are the tasks its accepted plan adds (see `splicePlan`): they are
   * spliced in under it, and whatever ran after it now also runs after them.
   */
  succeeded(task: string, report: { now: number; attempt: number; result: TaskResult; planned?: TaskNode[] }): RunEvent[] {
    const state = this.#get(task);
    if (!this.#accepts(state, report.attempt)) return [];
    if (report.planned !== undefined && state.node.kind !== 'decompose') throw new SchedulerError(`Only a decompose node plans tasks; \`${task}\` is a ${state.node.kind}`);
    const event: RunEvent = { type: 'task:done', at: isoAt(report.now), task, worker: state.worker, attempt: report.attempt, result: report.result };
    if (report.planned !== undefined) event.planned = report.planned;
    return this.#commit([event]);
  }

  /**
   * The attempt failed. Retryable with a rate limit under the cap: `rate-limited`, free.
   * Retryable with budget left: `retrying`. Otherwise `failed`, and every task downstream
   * of it is skipped; unrelated branches go on.
   */
  failed(task: string, report: { now: number; attempt: number; error: Failure }): RunEvent[] {
    const state = this.#get(task);
    if (!this.#accepts(state, report.attempt)) return [];
    const events = this.#failure(state, report);
    if (!this.#breaker.due(state.worker)) return events;
    // This failure opened the worker's breaker: it takes nothing more, its waiting tasks are held.
    const streak = this.#breaker.streak(state.worker)!;
    const message = `worker \`${state.worker}\` stopped taking tasks: ${streak.count} attempts in a row failed with \`${streak.kind}\` (last: ${streak.message})`;
    const at = isoAt(report.now);
    events.push(...this.#commit([{ type: 'worker:tripped', at, worker: state.worker, kind: streak.kind, failures: streak.count, message }]));
    for (const other of this.#order) {
      if (other.worker !== state.worker || isFinal(other.status) || isInFlight(other.status)) continue;
      if (other.status === 'ready' && other.requeued) continue;
      events.push(...this.#hold(other, report.now, { cause: 'breaker', reason: message }));
    }
    return events;
  }

  #failure(state: State, report: { now: number; attempt: number; error: Failure }): RunEvent[] {
    const task = state.id;
    const { error, now, attempt } = report;
    const at = isoAt(now);
    const spent = spentOf(error);
    if (error.kind === 'budget') return this.#hold(state, now, { cause: 'budget', reason: error.message }, { attempt, ...spent });
    const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : Math.ceil(error.retryAfterSeconds * 1000);
    if (error.retryable && isRateLimit(error) && state.rateLimitRetries < this.#maxRateLimitRetries) {
      const delay = backoffDelay(this.#rateLimitBackoff, state.rateLimitRetries + 1, this.#random, retryAfterMs);
      const limit = error.status === undefined ? error.kind : String(error.status);
      return this.#commit([{ type: 'task:rate-limited', at, task, attempt, delay_ms: delay, limit, ...spent }]);
    }
    if (error.retryable && state.retriesUsed < retriesOf(state.node)) {
      const delay = backoffDelay(this.#backoff, state.retriesUsed + 1, this.#random, retryAfterMs);
      const reason = `${error.kind}: ${error.message}`;
      return this.#commit([{ type: 'task:retrying', at, task, attempt, delay_ms: delay, reason, kind: error.kind, ...spent }]);
    }
    const events: RunEvent[] = [
      { type: 'task:failed', at, task, worker: state.worker, attempt, error: { kind: error.kind, message: error.message }, ...spent },
    ];
    for (const id of this.#pendingDownstream(task)) {
      events.push({ type: 'task:skipped', at, task: id, reason: `upstream \`${task}\` failed`, because: task });
    }
    return this.#commit(events);
  }

  /** Hands a queued or running task back without fault (lease lapsed, runner resumed): same attempt. */
  requeue(task: string, report: { now: number; reason: string }): RunEvent[] {
    const state = this.#get(task);
    if (!isInFlight(state.status)) return [];
    return this.#commit([{ type: 'task:requeued', at: isoAt(report.now), task, attempt: state.attempt, reason: report.reason }]);
  }

  /**
   * Skips what a failure left pending downstream: after a crash between `task:failed` and its
   * `task:skipped` lines, replay finishes the cascade so the run can end.
   */
  settle(now: number): RunEvent[] {
    const events: RunEvent[] = [];
    for (const state of this.#order) {
      if (state.status !== 'failed' && state.status !== 'held') continue;
      for (const id of this.#pendingDownstream(state.id)) {
        events.push(...this.#commit([{ type: 'task:skipped', at: isoAt(now), task: id, reason: skipReason(state), because: state.id }]));
      }
    }
    return events;
  }

  /**
   * Puts back in play what this session held, for a resumed run: every held task, and every
   * task skipped because of one. Whatever still does not fit (the budget was not raised, the
   * worker is still broken) is held again when it comes up for dispatch.
   */
  reopen(now: number): RunEvent[] {
    const held = this.#order.filter((s) => s.status === 'held');
    const heldIds = new Set(held.map((s) => s.id));
    const skipped = this.#order.filter((s) => s.status === 'skipped' && s.because !== undefined && heldIds.has(s.because));
    const reason = this.#budget.runBudget === undefined ? 'run resumed' : `run resumed with a budget of ${usd(this.#budget.runBudget)}`;
    return this.#commit([...held, ...skipped].map((s): RunEvent => ({ type: 'task:reopened', at: isoAt(now), task: s.id, reason })));
  }

  /**
   * `run:end`: `done` if every task is done, `budget-exhausted` if a budget held a task,
   * `failed` if finished otherwise, else `interrupted`; with the reason when it is not `done`.
   */
  end(now: number, status?: RunStatus): RunEvent[] {
    const outcome = this.summary().outcome;
    const event: RunEvent = { type: 'run:end', at: isoAt(now), status: status ?? (outcome === 'running' ? 'interrupted' : outcome) };
    const reason = this.endReason();
    if (event.status !== 'done' && reason !== undefined) event.reason = reason;
    return this.#commit([event]);
  }

  /** Why the run could not finish everything: the budgets that ran out, the breakers that opened. */
  endReason(): string | undefined {
    const reasons = new Set<string>();
    for (const s of this.#order) if (s.status === 'held' && s.held?.cause === 'budget') reasons.add(s.held.reason);
    for (const reason of this.#breaker.opened().values()) reasons.add(reason);
    return reasons.size === 0 ? undefined : [...reasons].join('; ');
  }

  /** The earliest time a backoff ends, for the runner's one timer; undefined when none waits. */
  nextWakeAt(): number | undefined {
    for (;;) {
      const top = this.#wake.peek();
      if (top === undefined) return undefined;
      if (this.#isCurrentWake(top)) return top.wakeAt;
      this.#wake.pop();
    }
  }

  isFinished(): boolean {
    return this.#counts.done + this.#counts.failed + this.#counts.skipped + this.#counts.held === this.#order.length;
  }

  summary(): RunSummary {
    const total = this.#order.length;
    const finished = this.isFinished();
    const byBudget = this.#order.some((s) => s.status === 'held' && s.held?.cause === 'budget');
    const outcome = this.#counts.done === total ? 'done' : !finished ? 'running' : byBudget ? 'budget-exhausted' : 'failed';
    return { total, counts: { ...this.#counts }, finished, outcome };
  }

  /**
   * Whether a running task must stop because a budget it counts against is used up, counting
   * what the attempts in flight have spent so far: the reason, or undefined to go on.
   */
  budgetCrossed(task: string, live: LiveSpend): string | undefined {
    return this.#budget.crossed(budgetSubject(this.#get(task).node, this.#plan.nodes), live)?.reason;
  }

  /** Dollars spent so far, over every attempt that reported its cost. */
  spent(): number {
    return this.#budget.spent();
  }

  task(id: string): TaskView {
    return view(this.#get(id));
  }

  /** Every task, in plan order. */
  tasks(): TaskView[] {
    return this.#order.map(view);
  }

  /** Tasks handed to the queue and not yet back: what a resumed runner must reconcile with the queue. */
  inFlight(): TaskView[] {
    return this.#order.filter((s) => isInFlight(s.status)).map(view);
  }

  /** The result of every done task, by id. */
  results(): ReadonlyMap<string, TaskResult> {
    return this.#results;
  }

  /**
   * Applies one event without deciding or emitting anything: the only place state changes,
   * used by every method above and by replay. Throws `SchedulerError` for an event that does
   * not fit the current state.
   */
  restore(event: RunEvent): void {
    if (event.type === 'run:end' || event.type === 'limit:wait') return;
    if (event.type === 'run:start') {
      if (event.budget_usd !== undefined) this.#budget.runBudget = event.budget_usd;
      if (event.resumed === true) this.#breaker.reset();
      return;
    }
    if (event.type === 'worker:tripped') {
      if (!this.#parallel.has(event.worker)) throw new SchedulerError(`\`worker:tripped\` names unknown worker \`${event.worker}\``);
      this.#breaker.open(event.worker, event.message);
      return;
    }
    const state = this.#get(event.task);
    const at = Date.parse(event.at);
    const misfit = (what: string) =>
      new SchedulerError(`\`${event.type}\` for \`${state.id}\` attempt ${'attempt' in event ? event.attempt : '-'} ${what} (it is ${state.status}, attempt ${state.attempt})`);
    switch (event.type) {
      case 'task:queued': {
        const fresh = (state.status === 'ready' || isWaiting(state.status)) && !state.requeued && event.attempt === state.attempt + 1;
        const again = state.status === 'ready' && state.requeued && event.attempt === state.attempt;
        if (!fresh && !again) throw misfit('cannot be queued');
        if (event.worker !== state.worker) throw misfit(`names worker \`${event.worker}\`, not \`${state.worker}\``);
        state.attempt = event.attempt;
        state.requeued = false;
        state.wakeAt = undefined;
        this.#budget.reserve(state.id, state.worker, this.#estimateOf(state.node));
        this.#setStatus(state, 'queued');
        return;
      }
      case 'task:start':
        if (!this.#accepts(state, event.attempt) || state.status === 'running') throw misfit('cannot start');
        state.owner = event.owner;
        state.requeued = false;
        this.#setStatus(state, 'running');
        return;
      case 'task:done':
        if (!this.#accepts(state, event.attempt)) throw misfit('cannot finish');
        if (event.planned !== undefined) {
          if (state.node.kind !== 'decompose') throw misfit('cannot plan tasks: it is not a decompose node');
          this.#splice(state, event.planned);
        }
        state.result = event.result;
        state.requeued = false;
        this.#settleSpend(state, event.result.cost_usd);
        this.#breaker.succeeded(state.worker);
        this.#results.set(state.id, event.result);
        this.#setStatus(state, 'done');
        for (const id of this.#dag.successors(state.id) ?? []) {
          const down = this.#get(id);
          down.waitingOn--;
          if (down.waitingOn === 0 && down.status === 'pending') this.#setStatus(down, 'ready');
        }
        return;
      case 'task:retrying':
      case 'task:rate-limited':
        if (!this.#accepts(state, event.attempt)) throw misfit('cannot retry');
        if (event.type === 'task:retrying') state.retriesUsed++;
        else state.rateLimitRetries++;
        this.#settleSpend(state, event.cost_usd);
        if (event.type === 'task:retrying') this.#countFailure(state, event.kind ?? event.reason.split(':')[0]!, event.reason);
        state.requeued = false;
        state.wakeAt = at + event.delay_ms;
        this.#setStatus(state, event.type === 'task:retrying' ? 'retrying' : 'rate-limited');
        this.#wake.push({ id: state.id, wakeAt: state.wakeAt, version: state.version });
        return;
      case 'task:failed':
        if (!this.#accepts(state, event.attempt)) throw misfit('cannot fail');
        state.error = event.error;
        state.requeued = false;
        this.#settleSpend(state, event.cost_usd);
        this.#countFailure(state, event.error.kind, event.error.message);
        this.#setStatus(state, 'failed');
        return;
      case 'task:requeued':
        if (!isInFlight(state.status) || event.attempt !== state.attempt) throw misfit('cannot be requeued');
        state.requeued = true;
        state.owner = undefined;
        this.#setStatus(state, 'ready');
        return;
      case 'task:skipped':
        if (state.status !== 'pending') throw misfit('cannot be skipped');
        if (!this.#tasks.has(event.because)) throw misfit(`names unknown upstream \`${event.because}\``);
        state.because = event.because;
        this.#setStatus(state, 'skipped');
        return;
      case 'task:held': {
        const stopped = event.attempt !== undefined;
        if (stopped ? !this.#accepts(state, event.attempt!) : isFinal(state.status) || isInFlight(state.status)) throw misfit('cannot be held');
        state.held = { cause: event.cause, reason: event.reason };
        state.requeued = false;
        state.wakeAt = undefined;
        this.#settleSpend(state, event.cost_usd);
        this.#setStatus(state, 'held');
        return;
      }
      case 'task:reopened': {
        const byHold = state.status === 'skipped' && state.because !== undefined && this.#get(state.because).status !== 'failed';
        if (state.status !== 'held' && !byHold) throw misfit('cannot be reopened');
        state.held = undefined;
        state.because = undefined;
        this.#setStatus(state, state.status === 'held' && state.waitingOn === 0 ? 'ready' : 'pending');
        return;
      }
    }
  }

  /**
   * What keeps a ready task from going out now: its worker's open breaker, or a budget; `wait`
   * when it fits what is spent but not what attempts in flight have set aside.
   */
  #stopFor(state: State): Stop | 'wait' | undefined {
    const broken = this.#breaker.openReason(state.worker);
    if (broken !== undefined) return { cause: 'breaker', reason: broken };
    const verdict: BudgetVerdict | undefined = this.#budget.check(budgetSubject(state.node, this.#plan.nodes), this.#estimateOf(state.node));
    if (verdict === undefined) return undefined;
    return verdict.wait ? 'wait' : { cause: 'budget', reason: verdict.reason };
  }

  /** An estimate for a node the estimator may not know (a spliced task): unknown is $0. */
  #estimateOf(node: PlanNode): number {
    const usd = this.#estimate(node);
    return Number.isFinite(usd) && usd > 0 ? usd : 0;
  }

  /**
   * Adds a decompose node's planned tasks to the running plan: each waits on its upstreams not
   * yet done (the decompose node among them), and every node that waited on the decompose node
   * now waits on them too.
   */
  #splice(decompose: State, planned: TaskNode[]): void {
    const before = new Set(this.#tasks.keys());
    const spliced = splicePlan(this.#plan, decompose.id, planned);
    const clash = planned.find((t) => before.has(t.id));
    if (clash !== undefined) throw new SchedulerError(`\`${decompose.id}\` planned \`${clash.id}\`, which the run already has`);
    const successors = this.#dag.successors(decompose.id) ?? [];
    for (const node of spliced.nodes) {
      const existing = this.#tasks.get(node.id);
      if (existing !== undefined) {
        existing.node = node;
        continue;
      }
      if (!this.#parallel.has(workerOf(node))) throw new SchedulerError(`\`${decompose.id}\` planned \`${node.id}\` for unknown worker \`${workerOf(node)}\``);
      this.#add(node, node.after.filter((up) => this.#tasks.get(up)?.status !== 'done').length);
    }
    for (const id of successors) this.#get(id).waitingOn += planned.length;
    this.#plan = spliced;
    this.#dag = planDag(spliced);
  }

  /** Holds a task, and skips what waits on it, saying why. */
  #hold(state: State, now: number, stop: Stop, stopped?: { attempt: number; usage?: TaskResult['usage']; cost_usd?: number }): RunEvent[] {
    const at = isoAt(now);
    const events: RunEvent[] = [{ type: 'task:held', at, task: state.id, worker: state.worker, cause: stop.cause, reason: stop.reason, ...stopped }];
    const committed = this.#commit(events);
    for (const id of this.#pendingDownstream(state.id)) {
      committed.push(...this.#commit([{ type: 'task:skipped', at, task: id, reason: skipReason(state), because: state.id }]));
    }
    return committed;
  }

  /** An attempt ended: its reported cost is spent, its estimate no longer set aside. */
  #settleSpend(state: State, costUsd: number | undefined): void {
    this.#budget.release(state.id);
    this.#budget.spend(state.id, state.worker, costUsd);
  }

  #countFailure(state: State, kind: string, message: string): void {
    if (!notTheWorkersFault.has(kind)) this.#breaker.failed(state.worker, kind, message);
  }

  #commit(events: RunEvent[]): RunEvent[] {
    for (const event of events) {
      this.restore(event);
      this.#emitter?.emit(event);
    }
    return events;
  }

  /** A report about this attempt fits: it is the current one, and the task is out with a worker. */
  #accepts(state: State, attempt: number): boolean {
    if (attempt !== state.attempt) return false;
    return isInFlight(state.status) || (state.status === 'ready' && state.requeued);
  }

  #setStatus(state: State, status: TaskStatus): void {
    const before = state.status;
    if (isInFlight(before)) this.#inFlight.set(state.worker, (this.#inFlight.get(state.worker) ?? 0) - 1);
    if (isInFlight(status)) this.#inFlight.set(state.worker, (this.#inFlight.get(state.worker) ?? 0) + 1);
    this.#counts[before]--;
    this.#counts[status]++;
    state.status = status;
    state.version++;
    if (status === 'ready') {
      this.#ready.push({ id: state.id, worker: state.worker, version: state.version, requeued: state.requeued, ...state.rank });
    }
  }

  #isCurrentReady(entry: ReadyEntry): boolean {
    const state = this.#get(entry.id);
    return state.status === 'ready' && state.version === entry.version;
  }

  #isCurrentWake(entry: WakeEntry): boolean {
    const state = this.#get(entry.id);
    return isWaiting(state.status) && state.version === entry.version;
  }

  /** Backoffs that ended by `now` make their tasks ready again. */
  #wakeUntil(now: number): void {
    for (;;) {
      const top = this.#wake.peek();
      if (top === undefined || top.wakeAt > now) return;
      this.#wake.pop();
      if (this.#isCurrentWake(top)) this.#setStatus(this.#get(top.id), 'ready');
    }
  }

  /** Every pending task downstream of `task`, each once, in plan order; iterative for deep chains. */
  #pendingDownstream(task: string): string[] {
    const seen = new Set<string>([task]);
    const stack = [task];
    const found: State[] = [];
    while (stack.length > 0) {
      for (const id of this.#dag.successors(stack.pop()!) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(id);
        const state = this.#get(id);
        if (state.status === 'pending') found.push(state);
      }
    }
    return found.sort((a, b) => a.rank.index - b.rank.index).map((s) => s.id);
  }

  #get(id: string): State {
    const state = this.#tasks.get(id);
    if (state === undefined) throw new SchedulerError(`No task \`${id}\` in workflow \`${this.plan.workflow.name}\``);
    return state;
  }
}

/** Decompose and synthesize nodes get one retry: their failures are mostly the API's. */
function retriesOf(node: PlanNode): number {
  return node.kind === 'task' ? node.retries : 1;
}

function skipReason(upstream: State): string {
  return upstream.status === 'held' ? `upstream \`${upstream.id}\` held: ${upstream.held?.reason ?? 'stopped'}` : `upstream \`${upstream.id}\` failed`;
}

function spentOf(error: Failure): { usage?: TaskResult['usage']; cost_usd?: number } {
  const spent: { usage?: TaskResult['usage']; cost_usd?: number } = {};
  if (error.usage !== undefined) spent.usage = error.usage;
  if (error.costUsd !== undefined) spent.cost_usd = error.costUsd;
  return spent;
}

function view(state: State): TaskView {
  const { node: _node, rank: _rank, waitingOn: _waiting, version: _version, ...rest } = state;
  return { ...rest };
}
