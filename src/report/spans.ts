import type { RunEvent } from '../runtime/events.ts';
import type { Span, SpanOutcome } from './report-schema.ts';

/**
 * Every stretch of every attempt, by task, in journal order: queued, maybe started, then
 * ended by a result, a retry, a hand-back or the runner stopping. Nothing is dropped, so a
 * retried task shows each try.
 */
export function attemptSpans(events: readonly RunEvent[]): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  const open = new Map<string, Span>();
  const close = (task: string, at: string, outcome: SpanOutcome, reason?: string) => {
    const span = open.get(task);
    if (span === undefined) return;
    span.ended_at = at;
    span.outcome = outcome;
    if (reason !== undefined) span.reason = reason;
    open.delete(task);
  };
  // A runner that died left its spans open; the resume closes them where its journal stopped.
  const stopAll = (at: string, reason: string) => {
    for (const task of [...open.keys()]) close(task, at, 'interrupted', reason);
  };
  let previousAt: string | undefined;
  for (const event of events) {
    switch (event.type) {
      case 'run:start':
        if (previousAt !== undefined) stopAll(previousAt, 'the runner stopped');
        break;
      case 'run:end':
        stopAll(event.at, `the run ended ${event.status}`);
        break;
      case 'task:queued': {
        const span: Span = { attempt: event.attempt, queued_at: event.at, outcome: 'queued' };
        spans.set(event.task, [...(spans.get(event.task) ?? []), span]);
        open.set(event.task, span);
        break;
      }
      case 'task:start': {
        const span = open.get(event.task);
        if (span !== undefined) {
          span.started_at = event.at;
          span.outcome = 'running';
        }
        break;
      }
      case 'task:done':
        close(event.task, event.at, 'done');
        break;
      case 'task:failed':
        close(event.task, event.at, 'failed', `${event.error.kind}: ${event.error.message}`);
        break;
      case 'task:retrying':
        close(event.task, event.at, 'retried', event.reason);
        break;
      case 'task:rate-limited':
        close(event.task, event.at, 'rate-limited', `rate limited (${event.limit})`);
        break;
      case 'task:requeued':
        close(event.task, event.at, 'requeued', event.reason);
        break;
      case 'task:held':
        close(event.task, event.at, 'held', event.reason);
        break;
      default:
        break;
    }
    previousAt = event.at;
  }
  return spans;
}
