import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { defaultClaudePath } from '../../src/worker/claude-run.ts';
import type { ModelServer, RecordedRequest } from '../../src/model-server/server.ts';
import { firstUserText, messagesRequestSchema } from '../../src/model-server/request.ts';

const claudeBinary = realpathSync(defaultClaudePath());

/**
 * The Claude Code CLI processes alive now whose working directory is under `dir`: the CLIs
 * of one test's runs, not those of tests running beside it. Read from /proc, at once.
 */
export function claudeProcessesUnder(dir: string): number[] {
  const root = realpathSync(dir);
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/exe`) !== claudeBinary) continue;
      if (isZombie(name)) continue;
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      if (cwd === root || cwd.startsWith(root + sep)) found.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

function isZombie(pid: string): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

/** A Messages request's body, parsed, with what the tests ask of it. */
function parsed(request: RecordedRequest) {
  const body = messagesRequestSchema.safeParse(request.body);
  return body.success ? body.data : undefined;
}

/** The main-agent Messages requests of the conversations whose first user message contains `marker`. */
export function requestsFor(server: ModelServer, marker: string): RecordedRequest[] {
  return server.messages().filter((r) => {
    const body = parsed(r);
    return body !== undefined && !r.subagent && firstUserText(body).includes(marker);
  });
}

/** The first request of each CLI run for `marker`: how many times the task was sent to the model. */
export function firstTurnsFor(server: ModelServer, marker: string): RecordedRequest[] {
  return requestsFor(server, marker).filter((r) => !parsed(r)!.messages.some((m) => m.role === 'assistant'));
}
