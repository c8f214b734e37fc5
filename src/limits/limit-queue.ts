import { systemClock, type Clock } from './clock.ts';
import { checkDemand, limitKinds, type Demand, type LimitName, type RateLimiter, type Refusal, type Ticket } from './rate-limiter.ts';

/** Why a request is waiting. Behind an earlier request, it is that request's refusal: a scope and limit both charge. */
export interface Wait {
  scope: string;
  limit: LimitName;
  reason: Refusal['reason'];
  /** The wait if nothing else is taken first; a lower bound for a request behind another. */
  waitMs: number;
}

export interface AcquireOptions {
  /** Aborting rejects the acquire with the signal's reason and gives up its place. */
  signal?: AbortSignal;
  /** Called when the request starts waiting, and again whenever its scope, limit or reason changes. Must not throw. */
  onWait?: (wait: Wait) => void;
}

export interface Admission {
  ticket: Ticket;
  /** From `acquire` to admission, on the queue's clock. */
  waitedMs: number;
}

interface Waiter {
  scopes: string[];
  demand: Demand;
  arrivedAt: number;
  resolve: (admission: Admission) => void;
  reject: (reason: unknown) => void;
  options: AcquireOptions;
  onAbort?: () => void;
  reported?: string;
}

/**
 * Requests waiting for a `RateLimiter`. A waiting request holds back later ones only on the
 * bucket refusing it now (the scope and limit `reserve` names), and only those that charge
 * that bucket something: waiting on `worker marie` does not block the key for others, while a
 * request waiting on a bucket is never overtaken on it, so a stream of small requests cannot
 * starve a large one there. A request queued behind another holds nothing itself.
 *
 * The cost: a request is not protected on the buckets it is not waiting on. Later requests may
 * draw them down meanwhile, so when its bucket refills another may refuse it and it waits
 * again, now holding that one (marie's worker bucket refills, the key that jules drew on
 * refuses her, and from then later key requests queue behind her). Its wait stays bounded
 * while every request on its worker also charges the key bucket refusing it, as when each
 * worker's requests go through its key and charge every key limit: once the key refuses it,
 * nothing later can draw on its worker. Traffic that draws on each of two of its buckets
 * without the other can hand it between them without end. One timer is armed, for the
 * earliest time a refused request could fit; nothing polls.
 */
export class LimitQueue {
  readonly #limiter: RateLimiter;
  readonly #clock: Clock;
  #waiting: Waiter[] = [];
  #timer: { at: number; cancel(): void } | undefined;

  constructor(limiter: RateLimiter, clock: Clock = systemClock) {
    this.#limiter = limiter;
    this.#clock = clock;
  }

  /** Resolves once `demand` is reserved on every scope; settle the ticket when the answer ends. */
  acquire(scopes: string[], demand: Demand, options: AcquireOptions = {}): Promise<Admission> {
    try {
      checkDemand(demand);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Admission>((resolve, reject) => {
      const waiter: Waiter = { scopes: [...new Set(scopes)], demand: { ...demand }, arrivedAt: this.#clock.now(), resolve, reject, options };
      if (signal) {
        waiter.onAbort = () => this.#drop(waiter, signal.reason);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiting.push(waiter);
      this.#pump();
    });
  }

  /** `RateLimiter.settle` now; a refund may let waiting requests in at once. */
  settle(ticket: Ticket, actual: Demand): void {
    this.#limiter.settle(ticket, actual, this.#clock.now());
    this.#pump();
  }

  /** `RateLimiter.pause`, with waiting requests told why they now wait. */
  pause(scope: string, until: number, limit?: LimitName): void {
    this.#limiter.pause(scope, until, limit);
    this.#pump();
  }

  /** Requests waiting now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  #pump(): void {
    const now = this.#clock.now();
    // Per refusing scope and limit, why the earliest request refused there waits.
    const held = new Map<string, Wait>();
    const still: Waiter[] = [];
    const notices: [Waiter, Wait][] = [];
    let wake = Infinity;
    for (const w of this.#waiting) {
      let wait = behind(held, w);
      if (wait === undefined) {
        const r = this.#limiter.reserve(w.scopes, w.demand, now);
        if (r.ok) {
          this.#admit(w, r.ticket, now);
          continue;
        }
        wait = { scope: r.scope, limit: r.limit, reason: r.reason, waitMs: r.waitMs };
        wake = Math.min(wake, now + r.waitMs);
        // A pause, or a bucket in debt, refuses even a request that charges it nothing: the earliest keeps the place.
        const at = `${r.scope}\n${r.limit}`;
        if (!held.has(at)) held.set(at, wait);
      }
      still.push(w);
      const key = `${wait.scope}\n${wait.limit}\n${wait.reason}`;
      if (w.options.onWait && key !== w.reported) {
        w.reported = key;
        notices.push([w, wait]);
      }
    }
    this.#waiting = still;
    this.#arm(wake, now);
    // After the queue is consistent, so a callback may acquire or abort in turn.
    for (const [w, wait] of notices) w.options.onWait!(wait);
  }

  #admit(w: Waiter, ticket: Ticket, now: number): void {
    if (w.onAbort) w.options.signal!.removeEventListener('abort', w.onAbort);
    w.resolve({ ticket, waitedMs: now - w.arrivedAt });
  }

  #drop(w: Waiter, reason: unknown): void {
    const i = this.#waiting.indexOf(w);
    if (i < 0) return;
    this.#waiting.splice(i, 1);
    w.reject(reason);
    // Its place may have held others back.
    this.#pump();
  }

  #arm(at: number, now: number): void {
    if (this.#timer?.at === at) return;
    this.#timer?.cancel();
    this.#timer = undefined;
    if (at === Infinity) return;
    const handle = this.#clock.setTimer(at - now, () => {
      this.#timer = undefined;
      this.#pump();
    });
    this.#timer = { at, cancel: () => handle.cancel() };
  }
}

const amountOf = new Map(limitKinds.map((k) => [k.name, k.amount]));

/** The longest-held refusal of an earlier request on a bucket `w` would charge, if any. */
function behind(held: Map<string, Wait>, w: Waiter): Wait | undefined {
  let longest: Wait | undefined;
  for (const h of held.values()) {
    if (!w.scopes.includes(h.scope) || amountOf.get(h.limit)!(w.demand) <= 0) continue;
    if (longest === undefined || h.waitMs > longest.waitMs) longest = h;
  }
  return longest;
}
