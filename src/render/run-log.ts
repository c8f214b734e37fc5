import { usd } from '../runtime/budget-ledger.ts';
import type { RunEvent } from '../runtime/events.ts';
import type { Styler } from './color.ts';

/**
 * One plain line per run event: the progress view when stdout is not a terminal (CI logs),
 * and what `swarm run --format json` replaces with the events themselves.
 */
export function renderEventLine(event: RunEvent, style: Styler): string {
  const time = event.at.slice(11, 19);
  return `${style.dim(time)} ${describeEvent(event, style)}`;
}

export function describeEvent(event: RunEvent, style: Styler): string {
  switch (event.type) {
    case 'run:start':
      return `${style.bold(event.resumed ? 'resumed' : 'started')} run ${event.run_id} of ${event.workflow}`;
    case 'task:queued':
      return `${event.task} queued for ${event.worker}${attemptNote(event.attempt)}`;
    case 'task:start':
      return `${event.task} ${style.cyan('running')} on ${event.worker}${attemptNote(event.attempt)}`;
    case 'task:retrying':
      return `${event.task} ${style.yellow('failed')} (attempt ${event.attempt}: ${event.reason}); retrying in ${seconds(event.delay_ms)}`;
    case 'task:rate-limited':
      return `${event.task} ${style.yellow('rate-limited')} (${event.limit}); retrying in ${seconds(event.delay_ms)}`;
    case 'task:requeued':
      return `${event.task} requeued (${event.reason})`;
    case 'task:done': {
      const r = event.result;
      const tokens = r.usage.input_tokens + r.usage.output_tokens + r.usage.cache_creation_input_tokens + r.usage.cache_read_input_tokens;
      const planned = event.planned === undefined ? '' : `; planned ${event.planned.length} task${event.planned.length === 1 ? '' : 's'}: ${event.planned.map((t) => `${t.id} [${t.worker}]`).join(', ')}`;
      return `${event.task} ${style.green('done')} on ${event.worker} in ${r.execution_time.toFixed(1)}s, ${r.num_turns} turns, ${tokens} tokens, ${money(r.cost_usd)}${planned}`;
    }
    case 'task:failed':
      return `${event.task} ${style.red('failed')} on ${event.worker} (${event.error.kind}): ${event.error.message}`;
    case 'task:skipped':
      return `${event.task} ${style.dim('skipped')}: ${event.reason}`;
    case 'task:held':
      return `${event.task} ${style.yellow('held')}: ${event.reason}`;
    case 'task:reopened':
      return `${event.task} reopened (${event.reason})`;
    case 'limit:wait':
      return `${event.task} ${style.yellow('rate-limited')} (${event.limit} on ${event.scope}${event.cause === 'capacity' ? '' : `, ${event.cause}`}); waiting ${seconds(event.wait_ms)}`;
    case 'worker:tripped':
      return `${style.red('circuit open')}: ${event.message}`;
    case 'run:end': {
      const status = event.status === 'done' ? style.green('done') : event.status === 'interrupted' ? style.yellow('interrupted') : style.red(event.status === 'budget-exhausted' ? 'budget exhausted' : 'failed');
      return `${style.bold('run')} ${status}${event.reason === undefined ? '' : `: ${event.reason}`}`;
    }
  }
}

function attemptNote(attempt: number): string {
  return attempt > 1 ? ` (attempt ${attempt})` : '';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export const money = usd;
