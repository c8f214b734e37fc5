import { planDag, type PlanDag } from '../compiler/plan-dag.ts';
import type { Plan } from '../compiler/plan-schema.ts';
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
} from './task-state.ts';

export interface SchedulerOptions {
  /** Input values as given; the plan's defaults fill the rest (see `resolveInputs`). */
  inputs: InputValues;
  /** Absolute run directory, to render `${node.artifacts}` as absolute paths. */
  runDir?: string;
  /**
   * The jitter source, in [0, 1).
   * @default Math.random
   */
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
  rateLimitBackoff?: Partial<BackoffPolicy>;
  /**
   * Rate-limited retries a task may take without touching its `retries` budget; past this,
   * a rate limit costs a retry like any failure.
   * @default 10
   */
  maxRateLimitRetries?: number;
  /** Receives every event as it is committed (journal, progress view, report). */
  emitter?: RunEmitter;
}

/** A plan the scheduler cannot run, or a run it cannot start: the caller reports the message. */
export class RunSetupError extends Error {
  override name = 'RunSetupError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** An event that does not fit the state it is applied to: a runner bug or a corrupt journal. */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
}

interface State extends TaskView {
  node: TaskNode;
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

/**
 * Builds the scheduler for a plan of task nodes. Throws `RunSetupError` for a plan holding
 * decompose or synthesize nodes (a later version runs them) and for inputs that do not
 * resolve; check them first with `resolveInputs` to report them as the user's mistakes.
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
  readonly plan: Plan;
  readonly inputs: InputValues;
  readonly #dag: PlanDag;
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

  constructor(plan: Plan, options: SchedulerOptions) {
    const unsupported = plan.nodes.filter((n) => n.kind !== 'task');
    if (unsupported.length > 0) {
      throw new RunSetupError(
        unsupported.map((n) => `\`${n.kind}\` node \`${n.id}\` cannot run yet: this version of swarm run runs task nodes only`),
      );
    }
    const inputs = resolveInputs(plan, options.inputs);
    if (!inputs.ok) throw new RunSetupError(inputs.problems);
    const maxRl = options.maxRateLimitRetries ?? 10;
    if (!Number.isInteger(maxRl) || maxRl < 0) {
      throw new RangeError(`Expected \`maxRateLimitRetries\` to be an integer >= 0, got ${String(maxRl)}`);
    }
    this.plan = plan;
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
    for (const worker of plan.workers) {
      this.#parallel.set(worker.name, worker.parallel);
      this.#inFlight.set(worker.name, 0);
    }
    plan.nodes.forEach((node, index) => {
      if (node.kind !== 'task') return;
      const state: State = {
        id: node.id,
        worker: node.worker,
        node,
        status: 'pending',
        attempt: 0,
        retriesUsed: 0,
        rateLimitRetries: 0,
        requeued: false,
        rank: { priority: node.priority, chain: node.chain, index },
        waitingOn: node.after.length,
        version: 0,
      };
      this.#tasks.set(node.id, state);
      this.#order.push(state);
      this.#counts.pending++;
    });
    for (const state of this.#order) if (state.waitingOn === 0) this.#setStatus(state, 'ready');
  }

  /** `run:start`, with the resolved inputs and the plan's hash. */
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
    return this.#commit([event]);
  }

  /**
   * The tasks to enqueue now: requeued ones first, then by priority, longer chain, plan
   * order, within each worker's `parallel` (queued + running). Retries whose backoff ended
   * by `now` compete with the other ready tasks.
   */
  dispatch(now: number): { tasks: DispatchedTask[]; events: RunEvent[] } {
    this.#wakeUntil(now);
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
    chosen.sort(compareRank);
    const tasks: DispatchedTask[] = [];
    const events: RunEvent[] = [];
    for (const entry of chosen) {
      const state = this.#get(entry.id);
      const attempt = state.requeued ? state.attempt : state.attempt + 1;
      const prompt = renderTemplate(state.node.prompt, { inputs: this.inputs, results: this.#results, runDir: this.#runDir });
      tasks.push({ task: state.id, worker: state.worker, attempt, prompt, node: state.node, requeued: state.requeued });
      events.push(...this.#commit([{ type: 'task:queued', at: isoAt(now), task: state.id, worker: state.worker, attempt }]));
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

  /** The attempt finished; downstream tasks whose upstreams are all done become ready. */
  succeeded(task: string, report: { now: number; attempt: number; result: TaskResult }): RunEvent[] {
    const state = this.#get(task);
    if (!this.#accepts(state, report.attempt)) return [];
    return this.#commit([
      { type: 'task:done', at: isoAt(report.now), task, worker: state.worker, attempt: report.attempt, result: report.result },
    ]);
  }

  /**
   * The attempt failed. Retryable with a rate limit under the cap: `rate-limited`, free.
   * Retryable with budget left: `retrying`. Otherwise `failed`, and every task downstream
   * of it is skipped; unrelated branches go on.
   */
  failed(task: string, report: { now: number; attempt: number; error: Failure }): RunEvent[] {
    const state = this.#get(task);
    if (!this.#accepts(state, report.attempt)) return [];
    const { error, now, attempt } = report;
    const at = isoAt(now);
    const spent = spentOf(error);
    const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : Math.ceil(error.retryAfterSeconds * 1000);
    if (error.retryable && isRateLimit(error) && state.rateLimitRetries < this.#maxRateLimitRetries) {
      const delay = backoffDelay(this.#rateLimitBackoff, state.rateLimitRetries + 1, this.#random, retryAfterMs);
      const limit = error.status === undefined ? error.kind : String(error.status);
      return this.#commit([{ type: 'task:rate-limited', at, task, attempt, delay_ms: delay, limit, ...spent }]);
    }
    if (error.retryable && state.retriesUsed < state.node.retries) {
      const delay = backoffDelay(this.#backoff, state.retriesUsed + 1, this.#random, retryAfterMs);
      const reason = `${error.kind}: ${error.message}`;
      return this.#commit([{ type: 'task:retrying', at, task, attempt, delay_ms: delay, reason, ...spent }]);
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
      if (state.status !== 'failed') continue;
      for (const id of this.#pendingDownstream(state.id)) {
        events.push(...this.#commit([{ type: 'task:skipped', at: isoAt(now), task: id, reason: `upstream \`${state.id}\` failed`, because: state.id }]));
      }
    }
    return events;
  }

  /** `run:end`: `done` if every task is done, `failed` if finished otherwise, else `interrupted`. */
  end(now: number, status?: RunStatus): RunEvent[] {
    const outcome = this.summary().outcome;
    return this.#commit([{ type: 'run:end', at: isoAt(now), status: status ?? (outcome === 'running' ? 'interrupted' : outcome) }]);
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
    return this.#counts.done + this.#counts.failed + this.#counts.skipped === this.#order.length;
  }

  summary(): RunSummary {
    const total = this.#order.length;
    const finished = this.isFinished();
    const outcome = this.#counts.done === total ? 'done' : finished ? 'failed' : 'running';
    return { total, counts: { ...this.#counts }, finished, outcome };
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
    if (event.type === 'run:start' || event.type === 'run:end') return;
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
        state.result = event.result;
        state.requeued = false;
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
        state.requeued = false;
        state.wakeAt = at + event.delay_ms;
        this.#setStatus(state, event.type === 'task:retrying' ? 'retrying' : 'rate-limited');
        this.#wake.push({ id: state.id, wakeAt: state.wakeAt, version: state.version });
        return;
      case 'task:failed':
        if (!this.#accepts(state, event.attempt)) throw misfit('cannot fail');
        state.error = event.error;
        state.requeued = false;
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
    }
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
