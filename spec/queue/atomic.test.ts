import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from 'chokidar';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../../src/queue/atomic.ts';
import { repoRoot } from '../support/workspace.ts';
import { tempRunDir } from './helpers.ts';

const node = join(repoRoot, 'node_modules/.bin/node');
const writer = join(repoRoot, 'spec/queue/fixtures/atomic-writer.ts');
const versioned = z.object({ version: z.number(), padding: z.string() });

function startWriter(path: string, count: number, size: number) {
  const child = spawn(node, [writer, path, String(count), String(size)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited };
}

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temporary file behind', async () => {
    const path = join(tempRunDir(), 'a.json');
    await writeJsonAtomic(path, { version: 1, padding: '' });
    await writeJsonAtomic(path, { version: 2, padding: 'x' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 2, padding: 'x' });
    expect(readdirSync(join(path, '..'))).toEqual(['a.json']);
  });

  it('with exclusive, never replaces an existing file', async () => {
    const path = join(tempRunDir(), 'a.json');
    expect(await writeFileAtomic(path, 'first', { exclusive: true })).toBe(true);
    expect(await writeFileAtomic(path, 'second', { exclusive: true })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(join(path, '..'))).toEqual(['a.json']);
  });

  it('never shows a partial file under the final name to a reader watching it', async () => {
    const dir = tempRunDir();
    const path = join(dir, 'big.json');
    const seen: number[] = [];
    const problems: string[] = [];
    const watcher = watch(dir, { ignoreInitial: true, atomic: false });
    const onEvent = (changed: string) => {
      if (changed !== path) return;
      // Read synchronously inside the event, while the writer is still going.
      const read = versioned.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!read.success || read.data.padding.length !== 2_000_000) problems.push(String(read.error ?? read.data?.padding.length));
      else seen.push(read.data.version);
    };
    watcher.on('add', onEvent).on('change', onEvent);
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    const { exited } = startWriter(path, 20, 2_000_000);
    expect(await exited).toBe(0);
    await watcher.close();
    expect(problems).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    expect(versioned.parse(JSON.parse(readFileSync(path, 'utf8'))).version).toBe(20);
  });

  it('leaves the old content, or nothing, under the final name when the writer is killed mid-write', async () => {
    const dir = tempRunDir();
    const path = join(dir, 'big.json');
    // Killed as soon as a temporary file shows up while a complete version is already in place.
    const watcher = watch(dir, { ignoreInitial: true, atomic: false });
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    const { child, exited } = startWriter(path, 1000, 20_000_000);
    const killedWhileWriting = new Promise<string>((resolve) => {
      watcher.on('add', (added) => {
        if (added === path || !existsSync(path)) return;
        child.kill('SIGKILL');
        resolve(added);
      });
    });
    const temp = await killedWhileWriting;
    await exited;
    await watcher.close();
    expect(temp).toMatch(/\/\.big\.json\.\d+\.[0-9a-f]+\.tmp$/);
    const read = await readJsonFile(path, versioned);
    if (read.kind !== 'ok') throw new Error(`expected a complete file, got ${JSON.stringify(read)}`);
    expect([1, 2]).toContain(read.value.version);
    expect(read.value.padding.length).toBe(20_000_000);
    // Whatever was left half-written is hidden.
    for (const name of readdirSync(dir)) expect(name === 'big.json' || /^\.big\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name), name).toBe(true);
  });
});

describe('readJsonFile', () => {
  it('tells missing, malformed and invalid files apart without throwing', async () => {
    const dir = tempRunDir();
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    writeFileSync(join(dir, 'invalid.json'), '{"version": "one", "padding": ""}');
    expect(await readJsonFile(join(dir, 'none.json'), versioned)).toEqual({ kind: 'missing' });
    expect(await readJsonFile(join(dir, 'bad.json'), versioned)).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/^not valid JSON/) });
    expect(await readJsonFile(join(dir, 'invalid.json'), versioned)).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/^version: /) });
    expect(await readJsonFile(dir, versioned)).toEqual({ kind: 'malformed', message: 'is a directory, not a file' });
    expect(existsSync(join(dir, 'bad.json'))).toBe(true);
  });
});
