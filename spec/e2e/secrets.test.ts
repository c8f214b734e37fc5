import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, project, taskDir, testEnv, type Project } from './harness.ts';
import { claudeProcessesUnder, requestsFor } from './processes.ts';

const source = `workflow keyed {
  worker marie {
    tools   = [Bash]
    api-key = env("MARIE_API_KEY")
  }
  worker fabien {
    tools = [Read]
  }
  task evaluate {
    worker = marie
    prompt = "[task:evaluate] Evaluate Emma"
  }
  task newsletter {
    worker = fabien
    prompt = "[task:newsletter] Draft the newsletter"
  }
}
`;

const marieKey = 'sk-ant-marie-5f1e0c2a';
const runnerKey = 'sk-ant-runner-9b7d3e41';
const otherSecret = 'other-secret-c0ffee42';
const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });

/** Every regular file under `dir`, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

describe('API keys and other secrets', () => {
  let p: Project;
  const runId = 'keys';
  // The environment of fabien's CLI, read from /proc while it waits for its answer.
  const cliEnvs: string[][] = [];
  beforeAll(async () => {
    p = await project(source, {}, ({ runsDir }) => ({
      script: {
        tasks: {
          // What a model can learn by asking: the Bash tool's `env` comes back to the server as a tool_result.
          '[task:evaluate]': [{ tool: 'Bash', input: { command: 'env', description: 'List the environment' } }, summary('Evaluated')],
          '[task:newsletter]': [summary('Drafted')],
        },
      },
      respond: (request) => {
        if (request.firstUserText.includes('[task:newsletter]') && cliEnvs.length === 0) {
          for (const pid of claudeProcessesUnder(taskDir(runsDir, runId, 'fabien', 'newsletter'))) {
            cliEnvs.push(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'));
          }
        }
        return undefined;
      },
    }));
  });
  afterAll(() => p.close());

  it('gives each worker its own key and nothing else secret, and writes no key anywhere', async () => {
    const outcome = await p.run({ runId, env: testEnv(p.server.url, { ANTHROPIC_API_KEY: runnerKey, MARIE_API_KEY: marieKey, OTHER_SECRET_TOKEN: otherSecret }) });
    expect(outcome.status).toBe('done');
    expect(eventsOf(outcome.events, 'task:done').map((e) => e.task).sort()).toEqual(['evaluate', 'newsletter']);

    const marie = requestsFor(p.server, '[task:evaluate]');
    const fabien = requestsFor(p.server, '[task:newsletter]');
    expect(marie).toHaveLength(2);
    expect(marie.map((r) => r.headers['x-api-key'])).toEqual([marieKey, marieKey]);
    expect(fabien.map((r) => r.headers['x-api-key'])).toEqual([runnerKey]);

    // Marie's `env`, as the model saw it: her own key only, none of the runner's other secrets.
    const seen = JSON.stringify(marie[1]!.body);
    expect(seen).toContain('tool_result');
    expect(seen).toContain(`ANTHROPIC_API_KEY=${marieKey}`);
    expect(seen).not.toContain(runnerKey);
    expect(seen).not.toContain('OTHER_SECRET_TOKEN');
    expect(seen).not.toContain(otherSecret);
    expect(seen).not.toContain('MARIE_API_KEY');

    expect(cliEnvs).toHaveLength(1);
    const env = cliEnvs[0]!;
    expect(env).toContain(`ANTHROPIC_API_KEY=${runnerKey}`);
    expect(env.filter((v) => v.includes(marieKey) || v.includes(otherSecret) || v.startsWith('OTHER_SECRET_TOKEN='))).toEqual([]);

    const runDir = join(p.runsDir, runId);
    const files = filesUnder(runDir);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([join(runDir, 'journal.jsonl'), join(runDir, 'logs', 'marie.log'), join(runDir, 'logs', 'fabien.log')]));
    for (const secret of [marieKey, runnerKey, otherSecret]) expect(files.filter((f) => f.text.includes(secret)).map((f) => f.path)).toEqual([]);
  });
});
