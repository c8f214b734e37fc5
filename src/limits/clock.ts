/** Time for the limit queue, injectable so tests and the benchmark run on virtual time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once, `ms` from now, unless cancelled first. */
  setTimer(ms: number, fn: () => void): { cancel(): void };
}

// setTimeout fires at once for delays past a signed 32-bit count of ms; the queue re-arms.
const longestTimeout = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const handle = setTimeout(fn, Math.min(Math.max(0, ms), longestTimeout));
    return { cancel: () => clearTimeout(handle) };
  },
};
