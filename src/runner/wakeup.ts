/**
 * The runner's one waiting point: anything that may change what to do next (a result, a
 * worker's exit, Ctrl-C, a timer) wakes it. A wake before the wait is kept, not lost.
 */
export class Wakeup {
  #pending = false;
  #resolve: (() => void) | undefined;

  wake(): void {
    if (this.#resolve) {
      const resolve = this.#resolve;
      this.#resolve = undefined;
      resolve();
    } else {
      this.#pending = true;
    }
  }

  /** Resolves at the next wake, or after `timeoutMs` when given. */
  wait(timeoutMs?: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => this.wake(), timeoutMs);
      this.#resolve = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }
}
