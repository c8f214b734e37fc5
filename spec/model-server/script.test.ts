import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { scriptSchema } from '../../src/model-server/script.ts';

const main = fileURLToPath(new URL('../../src/model-server/main.ts', import.meta.url));

describe('script', () => {
  it('accepts every kind of turn', () => {
    const script = {
      tasks: {
        '[task:a]': [
          { text: 'hi', delayMs: 5 },
          { tool: 'Agent', input: { subagent_type: 'reviewer', description: 'Review', prompt: 'Review [sub:r]' } },
          { tool: 'StructuredOutput', input: { findings: ['f'] }, text: 'Here.' },
          { error: 429, retryAfterSeconds: 2 },
          { error: 500 },
          { hang: true },
          { hang: 'after-start' },
          { drop: true },
          { error: 529, midStream: true },
        ],
      },
      subagents: { '[sub:r]': [{ text: 'fine' }] },
      default: { text: 'default' },
    };
    expect(scriptSchema.parse(script)).toEqual(script);
  });

  it.each([
    [{ tasks: { '[a]': [{ error: 418 }] } }, 'tasks.[a].0.error'],
    [{ tasks: { '[a]': [{ text: 'x', extra: 1 }] } }, 'tasks.[a].0'],
    [{ tasks: { '': [{ text: 'x' }] } }, 'tasks.'],
    [{ default: { hang: false } }, 'default'],
    [{ task: {} }, ''],
  ])('rejects %j at %s', (script, path) => {
    const result = scriptSchema.safeParse(script);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('node src/model-server/main.ts', () => {
  it('serves a script file on a free port and prints its URL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'swarm-script-')), 'script.json');
    writeFileSync(file, JSON.stringify({ default: { text: 'from the file' } }));
    const child = execa(process.execPath, [main, '--script', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], reject: false });
    const url = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/messages`, { method: 'POST', body: JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }) });
    expect(await res.json()).toMatchObject({ content: [{ type: 'text', text: 'from the file' }] });
    child.kill('SIGTERM');
    expect((await child).exitCode).toBe(0);
  });

  it('exits 2 naming the problem in a bad script', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'swarm-script-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ tasks: { '[a]': [{ error: 418 }] } }));
    const r = await execa(process.execPath, [main, '--script', file], { stdio: ['ignore', 'pipe', 'pipe'], reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('tasks.[a].0.error');
  });
});
