import fc from 'fast-check';
import { expect } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { RunEmitter, type RunEvent, type TaskResult } from '../../src/runtime/events.ts';
import { compareRank } from '../../src/runtime/ready-queue.ts';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.ts';
import type { DispatchedTask, Failure, TaskNode, TaskView } from '../../src/runtime/task-state.ts';
import { isWaiting } from '../../src/runtime/task-state.ts';
import { compileText } from '../support/workspace.ts';

/** 2026-11-25T00:00:00Z: simulated time starts here. */
export const t0 = Date.UTC(2026, 10, 25);
/** The rate-limit cap the simulations run with, small so runs stay short. */
export const rateLimitCap = 3;

const priorities = ['low', 'normal', 'high', 'critical'] as const;

export interface DagSpec {
  workers: number[];
  tasks: { worker: number; priority: (typeof priorities)[number]; retries: number; deps: boolean[]; reads: boolean[] }[];
}

/** Random DAGs: each task may run after any earlier one, on a random worker. */
export const dagSpec: fc.Arbitrary<DagSpec> = fc
  .record({
    workers: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
    tasks: fc.array(
      fc.record({
        worker: fc.nat(),
        priority: fc.constantFrom(...priorities),
        retries: fc.integer({ min: 0, max: 2 }),
        deps: fc.array(fc.integer({ min: 0, max: 9 }).map((n) => n < 3), { maxLength: 18 }),
        reads: fc.array(fc.boolean(), { maxLength: 18 }),
      }),
      { minLength: 1, maxLength: 18 },
    ),
  })
  .map((spec) => ({ ...spec, tasks: spec.tasks.map((t) => ({ ...t, worker: t.worker % spec.workers.length })) }));

const breakerOutOfReach = 1_000_000;

/**
 * The workflow source for a spec, compiled through the real compiler. The breaker would stop
 * a worker that fails at random; worlds that test the DAG set it out of reach, the default.
 */
export function planOf(spec: DagSpec, options: { breaker?: number; budget?: number } = {}): Plan {
  const lines = ['workflow sim {', '  input topic {', '    default = "a; b | c"', '  }'];
  if (options.budget !== undefined) lines.push(`  budget = $${options.budget.toFixed(2)}`);
  lines.push(`  circuit-breaker = ${options.breaker ?? breakerOutOfReach}`);
  spec.workers.forEach((parallel, w) => lines.push(`  worker w${w} {`, `    parallel = ${parallel}`, '  }'));
  spec.tasks.forEach((task, i) => {
    const deps = task.deps.slice(0, i).flatMap((on, j) => (on ? [`t${j}`] : []));
    const reads = deps.filter((_, k) => task.reads[k] === true);
    const holes = reads.map((d, k) => `\${${d}.${['result', 'findings', 'artifacts'][k % 3]}}`).join(' ');
    lines.push(
      `  task t${i} {`,
      `    worker   = w${task.worker}`,
      `    priority = ${task.priority}`,
      `    retries  = ${task.retries}`,
      `    after    = [${deps.join(', ')}]`,
      `    prompt   = "t${i} on \${topic} ${holes}"`,
      '  }',
    );
  });
  lines.push('}');
  const compiled = compileText(lines.join('\n'));
  const plan = compiled.plan;
  if (plan === undefined) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return plan;
}

/** A small seeded PRNG (mulberry32): the simulated world's only randomness. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function resultFor(task: string, attempt: number): TaskResult {
  return {
    result: `${task} done on attempt ${attempt}`,
    findings: [`${task} finding`],
    artifacts: [`out/${task}.md`],
    usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 2 },
    cost_usd: 0.01,
    num_turns: 1,
    execution_time: 1.5,
  };
}

/**
 * Watches the event stream and fails the test the moment an invariant breaks: dependencies
 * done before queue or start, one attempt in flight per task, nothing after done, parallel.
 */
export class Monitor {
  readonly events: RunEvent[] = [];
  readonly done = new Set<string>();
  readonly failed = new Set<string>();
  readonly skipped = new Map<string, string>();
  readonly held = new Set<string>();
  readonly #inFlight = new Map<string, 'queued' | 'running'>();
  readonly #perWorker = new Map<string, number>();
  readonly plan: Plan;
  readonly #nodes: Map<string, TaskNode>;
  readonly #parallel: Map<string, number>;

  constructor(plan: Plan) {
    this.plan = plan;
    this.#nodes = new Map(plan.nodes.map((n) => [n.id, n as TaskNode]));
    this.#parallel = new Map(plan.workers.map((w) => [w.name, w.parallel]));
  }

  see(event: RunEvent): void {
    this.events.push(event);
    if (event.type === 'run:start' || event.type === 'run:end' || event.type === 'worker:tripped' || event.type === 'limit:wait') return;
    const node = this.#nodes.get(event.task)!;
    const id = event.task;
    const leave = () => {
      if (this.#inFlight.delete(id)) this.#perWorker.set(node.worker, this.#perWorker.get(node.worker)! - 1);
    };
    switch (event.type) {
      case 'task:queued': {
        expect(this.done.has(id), `${id} queued after it was done`).toBe(false);
        expect(this.#inFlight.has(id), `${id} queued while in flight`).toBe(false);
        for (const dep of node.after) expect(this.done.has(dep), `${id} queued before ${dep} was done`).toBe(true);
        const n = (this.#perWorker.get(node.worker) ?? 0) + 1;
        expect(n, `worker ${node.worker} over its parallel`).toBeLessThanOrEqual(this.#parallel.get(node.worker)!);
        this.#perWorker.set(node.worker, n);
        this.#inFlight.set(id, 'queued');
        break;
      }
      case 'task:start':
        expect(this.#inFlight.get(id), `${id} started twice or without being queued`).toBe('queued');
        for (const dep of node.after) expect(this.done.has(dep), `${id} started before ${dep} was done`).toBe(true);
        this.#inFlight.set(id, 'running');
        break;
      case 'task:done':
        expect(this.#inFlight.has(id)).toBe(true);
        leave();
        this.done.add(id);
        break;
      case 'task:failed':
        leave();
        this.failed.add(id);
        break;
      case 'task:retrying':
      case 'task:rate-limited':
      case 'task:requeued':
        expect(this.#inFlight.has(id)).toBe(true);
        leave();
        break;
      case 'task:skipped':
        expect(this.#inFlight.has(id)).toBe(false);
        this.skipped.set(id, event.because);
        break;
      case 'task:held':
        expect(this.#inFlight.has(id), `${id} held while in flight without naming its attempt`).toBe(event.attempt !== undefined);
        leave();
        this.held.add(id);
        break;
      case 'task:reopened':
        this.held.delete(id);
        this.skipped.delete(id);
        break;
    }
  }

  /** Run over: every task final, and skipped exactly the transitive dependants of the failed and held not done. */
  checkEnd(): void {
    for (const node of this.plan.nodes) {
      const final = this.done.has(node.id) || this.failed.has(node.id) || this.skipped.has(node.id) || this.held.has(node.id);
      expect(final, `${node.id} never finished`).toBe(true);
    }
    const downstream = dependantsOf(this.plan, new Set([...this.failed, ...this.held]));
    for (const id of this.held) downstream.delete(id);
    expect([...this.skipped.keys()].sort()).toEqual([...downstream].sort());
    for (const [id, because] of this.skipped) {
      expect(this.failed.has(because) || this.held.has(because)).toBe(true);
      expect(dependantsOf(this.plan, new Set([because])).has(id)).toBe(true);
    }
  }
}

export function dependantsOf(plan: Plan, roots: ReadonlySet<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of plan.nodes) for (const up of node.after) children.set(up, [...(children.get(up) ?? []), node.id]);
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}

/** The oracle for one dispatch: per worker, the top `room` eligible tasks by rank. */
export function expectedDispatch(plan: Plan, views: TaskView[], now: number): Set<string> {
  const nodes = new Map(plan.nodes.map((n, index) => [n.id, { node: n as TaskNode, index }]));
  const expected = new Set<string>();
  for (const worker of plan.workers) {
    const mine = views.filter((v) => v.worker === worker.name);
    const room = worker.parallel - mine.filter((v) => v.status === 'queued' || v.status === 'running').length;
    const eligible = mine.filter((v) => v.status === 'ready' || (isWaiting(v.status) && v.wakeAt! <= now));
    const rank = (v: TaskView) => {
      const { node, index } = nodes.get(v.id)!;
      return { requeued: v.requeued, priority: node.priority, chain: node.chain, index };
    };
    eligible.sort((a, b) => compareRank(rank(a), rank(b)));
    for (const v of eligible.slice(0, Math.max(0, room))) expected.add(v.id);
  }
  return expected;
}

export interface Item {
  task: string;
  attempt: number;
  started: boolean;
}

/** The simulated world: a queue, workers that start and finish items at random, and a clock. */
export class World {
  now = t0;
  readonly items: Item[] = [];
  /** Leases that lapse at random, at most this many per world so every run stays bounded. */
  lapses = 4;
  readonly #rand: () => number;
  readonly #failureRate: number;

  readonly scheduler: Scheduler;
  readonly monitor: Monitor;

  constructor(scheduler: Scheduler, monitor: Monitor, seed: number, failureRate: number) {
    this.scheduler = scheduler;
    this.monitor = monitor;
    this.#rand = prng(seed);
    this.#failureRate = failureRate;
  }

  /** Dispatches, checking the order oracle, and puts new items on the queue (idempotently). */
  dispatch(): DispatchedTask[] {
    const expected = expectedDispatch(this.scheduler.plan, this.scheduler.tasks(), this.now);
    const { tasks } = this.scheduler.dispatch(this.now);
    expect(new Set(tasks.map((t) => t.task))).toEqual(expected);
    const nodes = this.scheduler.plan.nodes;
    const rank = (t: DispatchedTask) => ({ requeued: t.requeued, priority: t.node.kind === 'task' ? t.node.priority : 'normal', chain: t.node.chain, index: nodes.indexOf(t.node) });
    for (let i = 1; i < tasks.length; i++) expect(compareRank(rank(tasks[i - 1]!), rank(tasks[i]!))).toBeLessThan(0);
    for (const t of tasks) {
      const same = this.items.find((i) => i.task === t.task);
      if (same !== undefined) {
        expect(t.requeued, `${t.task} dispatched again while its item is out`).toBe(true);
        expect(same.attempt).toBe(t.attempt);
      } else this.items.push({ task: t.task, attempt: t.attempt, started: false });
    }
    return tasks;
  }

  /** One random step; false when there was nothing at all to do. */
  step(): boolean {
    const r = this.#rand;
    if (this.items.length === 0 || r() < 0.1) {
      const wake = this.scheduler.nextWakeAt();
      if (this.items.length === 0) {
        if (wake === undefined) return false;
        this.now = Math.max(this.now, wake);
      } else this.now += Math.floor(r() * 3000);
      return true;
    }
    const item = this.items[Math.floor(r() * this.items.length)]!;
    if (item.started && this.lapses > 0 && r() < 0.05) {
      // The worker died holding the task: its lease lapses and the queue hands the item back.
      this.lapses--;
      this.items.splice(this.items.indexOf(item), 1);
      this.scheduler.requeue(item.task, { now: this.now, reason: 'lease lapsed' });
      return true;
    }
    if (!item.started && r() < 0.8) {
      item.started = true;
      this.scheduler.started(item.task, { now: this.now, attempt: item.attempt, owner: `pid-${item.task}` });
      return true;
    }
    this.items.splice(this.items.indexOf(item), 1);
    this.finish(item);
    if (r() < 0.05) {
      // At-least-once delivery: the same report again changes nothing.
      const before = this.monitor.events.length;
      this.finish(item);
      expect(this.monitor.events.length).toBe(before);
    }
    return true;
  }

  finish(item: Item): void {
    const r = this.#rand;
    const report = { now: this.now, attempt: item.attempt };
    if (r() >= this.#failureRate) {
      this.scheduler.succeeded(item.task, { ...report, result: resultFor(item.task, item.attempt) });
      return;
    }
    const pick = r();
    let error: Failure;
    if (pick < 0.45) error = { kind: 'exit', message: 'exited with code 1', retryable: true };
    else if (pick < 0.85) {
      error = { kind: 'api', message: 'rate limited', retryable: true, status: r() < 0.5 ? 429 : 529 };
      if (r() < 0.5) error.retryAfterSeconds = Math.floor(r() * 5);
    } else error = { kind: 'spawn', message: 'claude not found', retryable: false };
    this.scheduler.failed(item.task, { ...report, error });
  }
}

/** Steps a run can take at most: every attempt a task may get, a few steps each. */
export function stepBound(plan: Plan): number {
  return plan.nodes.reduce((sum, n) => sum + 12 * (1 + (n as TaskNode).retries + rateLimitCap), 100);
}

export function newRun(plan: Plan, seed: number) {
  const emitter = new RunEmitter();
  const monitor = new Monitor(plan);
  emitter.onAny((e) => monitor.see(e));
  const scheduler = createScheduler(plan, {
    inputs: {},
    runDir: '/runs/sim',
    random: prng(seed ^ 0x5eed),
    maxRateLimitRetries: rateLimitCap,
    emitter,
  });
  return { emitter, monitor, scheduler };
}

/** Drives a world until the scheduler finishes or `maxSteps` pass; returns the steps taken. */
export function drive(world: World, maxSteps: number): number {
  let steps = 0;
  while (steps < maxSteps) {
    world.dispatch();
    if (world.scheduler.isFinished()) break;
    expect(world.step(), 'the run is stuck: nothing in flight and nothing to wake').toBe(true);
    steps++;
  }
  return steps;
}
