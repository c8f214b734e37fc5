import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { FileQueue, type FileQueueOptions } from '../../src/queue/file-queue.ts';
import type { QuarantineNotice } from '../../src/queue/quarantine.ts';
import type { Clock } from '../../src/queue/task-queue.ts';

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-25T09:00:00Z')): ManualClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh run directory, removed after the test. */
export function tempRunDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-queue-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestQueue {
  queue: FileQueue;
  dir: string;
  clock: ManualClock;
  /** Every quarantine notice, in order; `quarantine.until(n)` waits for the n-th. */
  quarantine: Inbox<QuarantineNotice>;
  quarantined: QuarantineNotice[];
  errors: unknown[];
}

/** A file queue over a fresh run directory, with a manual clock, closed after the test. */
export function testQueue(options: FileQueueOptions & { dir?: string; clock?: ManualClock } = {}): TestQueue {
  const dir = options.dir ?? tempRunDir();
  const clock = options.clock ?? manualClock();
  const quarantine = new Inbox<QuarantineNotice>();
  const errors: unknown[] = [];
  const queue = new FileQueue(dir, { ...options, clock, onQuarantine: quarantine.push, onError: (error) => errors.push(error) });
  cleanups.push(() => queue.close());
  return { queue, dir, clock, quarantine, quarantined: quarantine.items, errors };
}

/** Collects values pushed by callbacks; `until(n)` resolves once n have arrived, with no timer. */
export class Inbox<T> {
  readonly items: T[] = [];
  #waiters: { count: number; resolve: (items: T[]) => void }[] = [];

  push = (item: T): void => {
    this.items.push(item);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (this.items.length < waiter.count) return true;
      waiter.resolve([...this.items]);
      return false;
    });
  };

  until(count: number): Promise<T[]> {
    if (this.items.length >= count) return Promise.resolve([...this.items]);
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Resolves with the first item, pushed from now on or already there, that matches. */
  first(match: (item: T) => boolean): Promise<T> {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => {
      const check = () => {
        const hit = this.items.find(match);
        if (hit !== undefined) return resolve(hit);
        this.#waiters.push({ count: this.items.length + 1, resolve: check });
      };
      check();
    });
  }
}
