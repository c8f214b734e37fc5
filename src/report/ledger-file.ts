import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ledgerEntrySchema, ledgerFile, type LedgerEntry } from '../cost/ledger-schema.ts';

/** A ledger line that is not JSON or not a ledger entry; `line` is 1-based. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

export interface ParsedLedger {
  entries: LedgerEntry[];
  /** e.g. a torn last line that was ignored. */
  warnings: string[];
}

/**
 * Parses `usage.jsonl`. The gateway appends while a run goes on, so a last line without its
 * newline that does not parse is torn and ignored with a warning; any other bad line throws.
 */
export function parseLedger(text: string, file: string = ledgerFile): ParsedLedger {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const entries: LedgerEntry[] = [];
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const outcome = parseEntry(line);
    if (typeof outcome === 'string') throw new LedgerError(`${file}:${i + 1}: ${outcome}`);
    entries.push(outcome);
  });
  if (tail.trim() !== '') {
    const outcome = parseEntry(tail);
    if (typeof outcome === 'string') warnings.push(`${file}:${lines.length + 1}: ignored a torn last line (${outcome})`);
    else entries.push(outcome);
  }
  return { entries, warnings };
}

/** The run's ledger, or undefined when the run has none (it ran without the gateway). */
export function readLedger(runDir: string): ParsedLedger | undefined {
  const path = join(runDir, ledgerFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LedgerError(`${path}: cannot read the ledger: ${(error as Error).message}`);
  }
  return parseLedger(text, path);
}

function parseEntry(line: string): LedgerEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const parsed = ledgerEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : `not a ledger entry: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`;
}
