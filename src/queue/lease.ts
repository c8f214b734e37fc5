import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Claim } from './task-queue.ts';

/** A claimer's identity, `host:pid:random`: unique even across machines sharing a run directory. */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface RenewOptions {
  /** How often to renew, in milliseconds; a third of the lease leaves room for two misses. */
  everyMs: number;
  /** Called once when a renewal finds the lease lost; renewing stops. */
  onLost?: () => void;
  /** Called after each successful renewal. */
  onRenewed?: () => void;
  /** Called when a renewal fails with an I/O error; renewing goes on. */
  onError?: (error: unknown) => void;
}

export interface Renewer {
  /** Stops renewing; resolves once a renewal in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Renews a claim's lease every `everyMs` until stopped or lost. Renewals never overlap:
 * the next is scheduled only when the last has finished.
 *
 * @example
 * const renewer = keepRenewed(claim, { everyMs: leaseMs / 3, onLost: () => abort.abort() });
 * try { await claim.complete(await run(claim.task)); } finally { await renewer.stop(); }
 */
export function keepRenewed(claim: Claim, options: RenewOptions): Renewer {
  if (!Number.isFinite(options.everyMs) || options.everyMs <= 0) {
    throw new RangeError(`Expected \`everyMs\` to be a finite number > 0, got ${options.everyMs}`);
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const held = await claim.renew();
      if (stopped) return;
      if (!held) {
        stopped = true;
        options.onLost?.();
        return;
      }
      options.onRenewed?.();
    } catch (error) {
      options.onError?.(error);
    }
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick();
    }, options.everyMs);
    // Renewing alone must not keep a process alive.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
