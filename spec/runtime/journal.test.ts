import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunEmitter, type RunEvent } from '../../src/runtime/events.ts';
import { Journal, JournalError, journalPath, parseJournal, readJournal } from '../../src/runtime/journal.ts';
import { seeded } from '../support/property.ts';
import { resultFor } from './sim.ts';

const events: RunEvent[] = [
  { type: 'run:start', at: '2026-11-25T00:00:00.000Z', run_id: 'r1', workflow: 'w', plan_hash: 'sha256:ab', inputs: { student: 'Emma', n: 3, ok: true } },
  { type: 'task:queued', at: '2026-11-25T00:00:00.001Z', task: 'a', worker: 'marie', attempt: 1 },
  { type: 'task:start', at: '2026-11-25T00:00:01.000Z', task: 'a', worker: 'marie', attempt: 1, owner: 'pid-42' },
  { type: 'task:done', at: '2026-11-25T00:00:09.000Z', task: 'a', worker: 'marie', attempt: 1, result: resultFor('a', 1) },
  { type: 'run:end', at: '2026-11-25T00:00:09.500Z', status: 'done' },
];
const lines = events.map((e) => JSON.stringify(e) + '\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swarm-journal-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('Journal', () => {
  it('appends one line per event, readable at once, and refuses to create over an existing journal', () => {
    const path = journalPath(dir);
    const journal = Journal.create(path);
    for (const [i, e] of events.entries()) {
      journal.append(e);
      expect(readJournal(path).events).toHaveLength(i + 1);
    }
    journal.close();
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
    expect(readJournal(path)).toEqual({ events, warnings: [], validBytes: Buffer.byteLength(lines.join('')), torn: false, unterminated: false });
    expect(() => Journal.create(path)).toThrow(JournalError);
  });

  it('records what an emitter carries', () => {
    const path = journalPath(dir);
    const journal = Journal.create(path);
    const emitter = new RunEmitter();
    const off = journal.listen(emitter);
    emitter.emit(events[0]!);
    off();
    emitter.emit(events[1]!);
    journal.close();
    expect(readJournal(path).events).toEqual([events[0]]);
  });

  it('refuses to record an invalid event', () => {
    const journal = Journal.create(journalPath(dir));
    expect(() => journal.append({ type: 'task:queued', at: 'yesterday', task: 'a', worker: 'w', attempt: 0 } as RunEvent)).toThrow(/refusing to record an invalid event: `at` .*; `attempt`/);
    journal.close();
    expect(() => journal.append(events[0]!)).toThrow('journal.jsonl: the journal is closed');
  });

  it('resumes a journal torn mid-line: the fragment is cut off so the next line stands alone', () => {
    const path = journalPath(dir);
    writeFileSync(path, lines.slice(0, 3).join('') + lines[3]!.slice(0, 40));
    const { journal, events: read, warnings } = Journal.resume(path);
    expect(read).toEqual(events.slice(0, 3));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^journal\.jsonl:4: ignored a torn last line \(40 bytes, not valid JSON/);
    journal.append(events[3]!);
    journal.close();
    expect(readJournal(path)).toMatchObject({ events: events.slice(0, 4), warnings: [] });
  });

  it('keeps a last line that lost only its newline, and ends it before appending', () => {
    const path = journalPath(dir);
    writeFileSync(path, lines.slice(0, 2).join('') + lines[2]!.trimEnd());
    expect(readJournal(path)).toMatchObject({ events: events.slice(0, 3), warnings: [], unterminated: true, torn: false });
    const { journal } = Journal.resume(path);
    journal.append(events[3]!);
    journal.close();
    expect(readFileSync(path, 'utf8')).toBe(lines.slice(0, 4).join(''));
  });

  it('will not resume a run that has no journal', () => {
    expect(() => Journal.resume(journalPath(dir))).toThrow('journal.jsonl: no journal to resume: was this run started?');
  });
});

describe('parseJournal', () => {
  it('reports a corrupt line in the middle with its line number', () => {
    const broken = lines[0]! + '{"type":"task:queued",\n' + lines.slice(1).join('');
    expect(() => parseJournal(broken)).toThrow(JournalError);
    expect(() => parseJournal(broken)).toThrow(/^journal\.jsonl:2: not valid JSON/);
    try {
      parseJournal(broken, '/runs/r1/journal.jsonl');
    } catch (error) {
      expect((error as JournalError).line).toBe(2);
      expect((error as JournalError).file).toBe('/runs/r1/journal.jsonl');
    }
  });

  it('reports a line that is JSON but not a run event, saying what is wrong', () => {
    const wrong = lines.slice(0, 3).join('') + JSON.stringify({ type: 'task:done', at: '2026-11-25T00:00:09.000Z', task: 'a' }) + '\n' + lines[4]!;
    expect(() => parseJournal(wrong)).toThrow(/^journal\.jsonl:4: not a run event: `worker` .*; `attempt` .*; `result`/);
    expect(() => parseJournal(lines[0]! + '{"type":"task:exploded","at":"2026-11-25T00:00:00.000Z"}\n')).toThrow(/^journal\.jsonl:2: not a run event/);
  });

  it('treats a bad last line that did end in a newline as corruption, not a tear', () => {
    expect(() => parseJournal(lines[0]! + '{"type":\n')).toThrow(/^journal\.jsonl:2:/);
    expect(() => parseJournal(lines[0]! + '\n')).toThrow(/^journal\.jsonl:2:/);
  });

  it('reads the complete lines of a journal cut at any byte, and warns only when a line was torn', () => {
    const text = Buffer.from(lines.join('') + JSON.stringify({ ...events[1], task: 'é-ü' }) + '\n', 'utf8');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        const bytes = text.subarray(0, cut);
        const parsed = parseJournal(bytes);
        const complete = bytes.toString('utf8').split('\n').length - 1;
        expect(parsed.events.length === complete || parsed.events.length === complete + 1).toBe(true);
        expect(parsed.warnings.length).toBe(parsed.torn ? 1 : 0);
        expect(parsed.torn).toBe(parsed.events.length === complete && parsed.unterminated);
        expect(parsed.validBytes).toBeLessThanOrEqual(cut);
      }),
      seeded(300),
    );
  });

  it('reads an empty journal as no events', () => {
    expect(parseJournal('')).toEqual({ events: [], warnings: [], validBytes: 0, torn: false, unterminated: false });
    const path = join(dir, 'empty.jsonl');
    appendFileSync(path, '');
    expect(readJournal(path).events).toEqual([]);
  });
});
