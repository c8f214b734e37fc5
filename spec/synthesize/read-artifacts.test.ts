import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArtifacts } from '../../src/synthesize/read-artifacts.ts';
import { tempLayout } from './fixture.ts';

let layout: ReturnType<typeof tempLayout>;
afterEach(() => layout?.cleanup());

describe('readArtifacts: what a synthesis may show the model', () => {
  it('reads text files in the run directory (relative paths from it) and in a workspace', async () => {
    layout = tempLayout();
    const studio = '# Studio\nTwo dancers at risk.\n';
    layout.write(join(layout.runDir, 'results/studio-check/studio-check.md'), studio);
    const inWorkspace = layout.write(join(layout.workspace, 'notes/plan.md'), 'Café at 10:00 ☕\n');
    const read = await readArtifacts({ paths: ['results/studio-check/studio-check.md', inWorkspace], runDir: layout.runDir, roots: [layout.workspace] });
    expect(read).toEqual([
      { path: join(layout.runDir, 'results/studio-check/studio-check.md'), text: studio, bytes: studio.length },
      { path: inWorkspace, text: 'Café at 10:00 ☕\n', bytes: Buffer.byteLength('Café at 10:00 ☕\n') },
    ]);
  });

  it('refuses a file outside the run directory and the workspaces, relative or absolute, with a note', async () => {
    layout = tempLayout();
    const secret = layout.write(join(layout.outside, 'secret.md'), 'not for the model');
    const read = await readArtifacts({ paths: [secret, '../elsewhere/secret.md'], runDir: layout.runDir, roots: [layout.workspace] });
    // Both name the same file, so it is refused once, before anything is opened.
    expect(read).toEqual([{ path: secret, text: undefined, bytes: 0, note: 'outside the run directory and the workspaces: not read' }]);
  });

  it('refuses a symlink, or a linked directory, that leads outside, and follows one that stays inside', async () => {
    layout = tempLayout();
    layout.write(join(layout.outside, 'secret.md'), 'not for the model');
    const inside = layout.write(join(layout.runDir, 'real.md'), 'inside');
    symlinkSync(join(layout.outside, 'secret.md'), join(layout.runDir, 'leak.md'));
    symlinkSync(layout.outside, join(layout.runDir, 'linked-dir'));
    symlinkSync(inside, join(layout.runDir, 'alias.md'));
    const read = await readArtifacts({ paths: ['leak.md', 'linked-dir/secret.md', 'alias.md'], runDir: layout.runDir });
    const note = 'a symlink that leads outside the run directory and the workspaces: not read';
    expect(read).toEqual([
      { path: join(layout.runDir, 'leak.md'), text: undefined, bytes: 0, note },
      { path: join(layout.runDir, 'linked-dir/secret.md'), text: undefined, bytes: 0, note },
      { path: join(layout.runDir, 'alias.md'), text: 'inside', bytes: 6 },
    ]);
  });

  it('skips binary files, directories and missing files with a note', async () => {
    layout = tempLayout();
    layout.write(join(layout.runDir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]));
    layout.write(join(layout.runDir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]));
    mkdirSync(join(layout.runDir, 'folder'));
    const read = await readArtifacts({ paths: ['photo.png', 'latin1.txt', 'folder', 'gone.md'], runDir: layout.runDir });
    expect(read.map((a) => [a.text, a.bytes, a.note])).toEqual([
      [undefined, 6, 'binary, not text: not included'],
      [undefined, 6, 'binary, not text: not included'],
      [undefined, 0, 'not a regular file: not read'],
      [undefined, 0, 'missing: the file does not exist'],
    ]);
  });

  it('reads at most maxBytes, says the file was longer, and never splits a character', async () => {
    layout = tempLayout();
    // "é" is two bytes: a limit of 3 falls inside the second one.
    layout.write(join(layout.runDir, 'long.md'), 'éé and more');
    const [read] = await readArtifacts({ paths: ['long.md'], runDir: layout.runDir, maxBytes: 3 });
    expect(read).toEqual({ path: join(layout.runDir, 'long.md'), text: 'é', bytes: 13, note: 'only the first 3 of 13 bytes were read' });
  });

  it('reads a file once however many upstream nodes list it', async () => {
    layout = tempLayout();
    const path = layout.write(join(layout.runDir, 'shared.md'), 'x');
    const read = await readArtifacts({ paths: [path, 'shared.md', ''], runDir: layout.runDir });
    expect(read.map((a) => a.path)).toEqual([path]);
  });

  it('rejects a read limit that is not a positive integer', async () => {
    await expect(readArtifacts({ paths: [], runDir: '/', maxBytes: 0 })).rejects.toThrow('Expected `maxBytes` to be an integer >= 1, got 0');
  });
});
