import type { LedgerEntry } from '../../src/cost/ledger-schema.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import type { Failure } from '../../src/runtime/task-state.ts';
import { Drive, planFrom, request, usage } from './drive.ts';

/**
 * A small studio run with something of everything: a task that fails once and is retried, a
 * task that fails for good, the task skipped because of it, one that runs beside the others,
 * and a worker with no tasks at all.
 */
export const studioPlan = planFrom(`workflow studio {
  worker marie {
    parallel = 2
  }
  worker fabien {}
  worker office {}
  task evaluate {
    worker  = marie
    retries = 1
    prompt  = "Evaluate"
  }
  task newsletter {
    worker  = fabien
    after   = [evaluate]
    retries = 0
    prompt  = "Newsletter"
  }
  task letter {
    worker = marie
    after  = [newsletter]
    prompt = "Letter"
  }
  task side {
    worker = marie
    prompt = "Side"
  }
}
`);

export const crash: Failure = { kind: 'exit', message: 'exited with code 1', retryable: true, usage: usage(100, 50, 1000, 0), costUsd: 0.02 };

export function studioRun(fatal: Partial<Failure> = {}): RunEvent[] {
  const d = new Drive(studioPlan);
  d.tick(0);
  d.start('evaluate').fail('evaluate', crash);
  d.start('side').succeed('side', usage(10, 20, 500, 500), 0.003);
  d.tick(2000);
  d.start('evaluate').succeed('evaluate', usage(200, 300, 0, 4000), 0.05, 7);
  d.tick();
  d.start('newsletter').fail('newsletter', { kind: 'api', message: 'invalid request', retryable: false, usage: usage(50, 10), costUsd: 0.001, ...fatal });
  return d.end();
}

/** The ledger the gateway would have written for `studioRun`: every call, sub-agents split out. */
export function studioLedger(): LedgerEntry[] {
  return [
    request('evaluate', 'marie', usage(60, 30, 1000, 0), 0.015),
    request('evaluate', 'marie', usage(40, 20, 0, 0), 0.005, { agent: 'choreography-analyzer' }),
    request('side', 'marie', usage(10, 20, 500, 500), 0.003),
    request('evaluate', 'marie', usage(150, 200, 0, 3000), 0.03, { attempt: 2 }),
    request('evaluate', 'marie', usage(50, 100, 0, 1000), 0.02, { attempt: 2, agent: 'choreography-analyzer' }),
    request('newsletter', 'fabien', usage(50, 10), 0.001),
  ];
}
