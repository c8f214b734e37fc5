import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesRequestSchema } from '../../src/model-server/request.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { requestsFor } from './processes.ts';

// As written in the .swarm string, then as the task's prompt once its escapes are read.
const written = String.raw`[task:meta] Say $(touch PWNED) and ` + '`touch PWNED2`' + String.raw`; rm -rf ~/notes && echo \"it's\" > PWNED3 | cat $HOME 'q' \\ || touch PWNED4 & done`;
const prompt = '[task:meta] Say $(touch PWNED) and `touch PWNED2`; rm -rf ~/notes && echo "it\'s" > PWNED3 | cat $HOME \'q\' \\ || touch PWNED4 & done';
// An upstream result that looks like the CLI's own options, read into a downstream prompt's start.
const optionLike = '--version --add-dir / --permission-mode bypassPermissions --allowedTools Bash';

const source = `workflow hostile {
  worker marie {
    tools = [Read]
  }
  task risky {
    worker = marie
    prompt = "${written}"
  }
  task dashes {
    worker = marie
    after  = [risky]
    prompt = "\${risky.result} [task:dashes]"
  }
}
`;

/** Every file and folder name under `dir`, recursively. */
function namesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((path) => path.split('/').at(-1)!);
}

/** Whether some text block of the conversation's first user message is exactly `text`. */
/** Whether the first user message holds `text` exactly, followed only by swarm's `<swarm-task>` note. */
function hasUserBlock(body: unknown, text: string): boolean {
  const first = messagesRequestSchema.parse(body).messages.find((m) => m.role === 'user')!;
  const blocks = typeof first.content === 'string' ? [{ type: 'text', text: first.content }] : first.content;
  return blocks.some((b) => typeof b['text'] === 'string' && b['text'].replace(/\n\n<swarm-task id="[^"]+">\n[^]*\n<\/swarm-task>$/, '') === text);
}

describe('prompts full of shell metacharacters', () => {
  let p: Project;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:meta]': [{ tool: 'StructuredOutput', input: { summary: optionLike, findings: [], artifacts: [] } }],
          '[task:dashes]': [{ tool: 'StructuredOutput', input: { summary: 'Read as a prompt', findings: [], artifacts: [] } }],
        },
      },
    });
  });
  afterAll(() => p.close());

  it('reach the model verbatim, and nothing in them is run', async () => {
    const outcome = await p.run({ runId: 'hostile' });
    expect(outcome.status).toBe('done');
    const [risky] = requestsFor(p.server, '[task:meta]');
    expect(hasUserBlock(risky!.body, prompt)).toBe(true);
    const [dashes] = requestsFor(p.server, '[task:dashes]');
    expect(hasUserBlock(dashes!.body, `${optionLike} [task:dashes]`)).toBe(true);
    expect(eventsOf(outcome.events, 'task:done').map((e) => e.result.result)).toEqual([optionLike, 'Read as a prompt']);

    const pwned = (names: string[]) => names.filter((n) => n.startsWith('PWNED'));
    expect(pwned(namesUnder(p.dir))).toEqual([]);
    expect(pwned(readdirSync(process.cwd()))).toEqual([]);
    expect(namesUnder(join(p.runsDir, 'hostile', 'results', 'marie'))).toEqual(expect.arrayContaining(['risky.json', 'dashes.json']));
  });
});
