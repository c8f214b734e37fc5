import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { durableEvents, runEventSchema, type RunEmitter, type RunEvent } from './events.ts';

/** The journal's name inside a run directory. */
export const journalName = 'journal.jsonl';

export function journalPath(runDir: string): string {
  return join(runDir, journalName);
}

/** A journal that cannot be read or written; `line` is 1-based when one line is at fault. */
export class JournalError extends Error {
  override name = 'JournalError';
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, message: string, line?: number) {
    super(`${basename(file)}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

export interface ParsedJournal {
  events: RunEvent[];
  /** e.g. a torn last line that was ignored. */
  warnings: string[];
  /** Bytes of the complete lines: where the next append belongs. */
  validBytes: number;
  /** The last line was cut short and ignored. */
  torn: boolean;
  /** The file does not end in a newline (a torn line, or a last line that lost only its newline). */
  unterminated: boolean;
}

/**
 * Parses journal bytes: one JSON event per line, each ending in `\n`. A last line without
 * its newline that does not parse is torn (the runner died mid-write) and ignored with a
 * warning; one that parses is kept. Any other bad line throws `JournalError` with its number.
 */
export function parseJournal(bytes: Uint8Array | string, file: string = journalName): ParsedJournal {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lastNewline = buf.lastIndexOf(0x0a);
  const complete = buf.subarray(0, lastNewline + 1).toString('utf8');
  const tail = buf.subarray(lastNewline + 1);
  const lines = complete === '' ? [] : complete.slice(0, -1).split('\n');
  const events = lines.map((line, i) => {
    const outcome = parseLine(line);
    if (!outcome.ok) throw new JournalError(file, outcome.problem, i + 1);
    return outcome.event;
  });
  const warnings: string[] = [];
  let validBytes = lastNewline + 1;
  let torn = false;
  if (tail.length > 0) {
    const outcome = parseLine(tail.toString('utf8'));
    if (outcome.ok) {
      events.push(outcome.event);
      validBytes = buf.length;
    } else {
      torn = true;
      warnings.push(`${basename(file)}:${lines.length + 1}: ignored a torn last line (${tail.length} bytes, ${outcome.problem})`);
    }
  }
  return { events, warnings, validBytes, torn, unterminated: tail.length > 0 };
}

/** Reads a journal file; see `parseJournal`. */
export function readJournal(path: string): ParsedJournal {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new JournalError(path, `cannot read the journal: ${(cause as Error).message}`);
  }
  return parseJournal(bytes, path);
}

type LineOutcome = { ok: true; event: RunEvent } | { ok: false; problem: string };

function parseLine(line: string): LineOutcome {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (cause) {
    return { ok: false, problem: `not valid JSON (${(cause as Error).message})` };
  }
  const parsed = runEventSchema.safeParse(json);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, problem: `not a run event: ${describeIssues(parsed.error)}` };
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => (issue.path.length > 0 ? `\`${issue.path.join('.')}\` ${issue.message}` : issue.message));
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/**
 * The append-only journal of one run. Each event is validated, then written as one line
 * with a single `write` on a file opened for appending, so it survives the process being
 * killed the moment after. `task:done`, `task:failed` and `run:end` are also fsynced against
 * the machine going down: once per turn of the event loop, for every such event written in
 * it (a group commit), since one fsync per result stalled the runner for 0.5 ms each.
 */
export class Journal {
  readonly path: string;
  #fd: number | undefined;
  #syncPending: NodeJS.Immediate | undefined;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.#fd = fd;
  }

  /** Starts the journal of a new run; refuses to touch one that already exists. */
  static create(path: string): Journal {
    try {
      return new Journal(path, openSync(path, 'wx'));
    } catch (cause) {
      throw new JournalError(path, `cannot create the journal: ${(cause as Error).message}`);
    }
  }

  /**
   * Opens an existing journal to continue it: reads every event, cuts a torn last line off
   * (so the next line does not fuse with it) and ends an unterminated valid line.
   */
  static resume(path: string): { journal: Journal; events: RunEvent[]; warnings: string[] } {
    if (!existsSync(path)) throw new JournalError(path, 'no journal to resume: was this run started?');
    const parsed = readJournal(path);
    if (parsed.torn) truncateSync(path, parsed.validBytes);
    const journal = new Journal(path, openSync(path, 'a'));
    if (parsed.unterminated && !parsed.torn) journal.#write('\n');
    return { journal, events: parsed.events, warnings: parsed.warnings };
  }

  append(event: RunEvent): void {
    const checked = runEventSchema.safeParse(event);
    if (!checked.success) throw new JournalError(this.path, `refusing to record an invalid event: ${describeIssues(checked.error)}`);
    this.#write(JSON.stringify(checked.data) + '\n');
    if (durableEvents.has(event.type)) this.#syncPending ??= setImmediate(() => this.flush());
  }

  /** Makes everything appended so far durable now. */
  flush(): void {
    if (this.#syncPending) clearImmediate(this.#syncPending);
    this.#syncPending = undefined;
    if (this.#fd !== undefined) fsyncSync(this.#fd);
  }

  /** Records every event the emitter carries; returns the unsubscribe function. */
  listen(emitter: RunEmitter): () => void {
    return emitter.onAny((event) => this.append(event));
  }

  close(): void {
    if (this.#fd === undefined) return;
    this.flush();
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  #write(text: string): void {
    const fd = this.#open();
    const bytes = Buffer.from(text, 'utf8');
    let written = writeSync(fd, bytes);
    // A regular file takes the whole line at once; finish a short write rather than lose it.
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  }

  #open(): number {
    if (this.#fd === undefined) throw new JournalError(this.path, 'the journal is closed');
    return this.#fd;
  }
}
