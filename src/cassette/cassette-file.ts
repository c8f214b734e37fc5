import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeIssues } from '../queue/atomic.ts';
import { cassetteHeaderSchema, cassetteLineSchema, exchangeSchema, type CassetteHeader, type Exchange } from './cassette-schema.ts';

/** `wf.swarm` → `wf.cassette.jsonl` beside it. */
export function defaultCassettePath(workflowFile: string): string {
  return join(dirname(workflowFile), `${basename(workflowFile).replace(/\.swarm$/, '')}.cassette.jsonl`);
}

export interface Cassette {
  path: string;
  header: CassetteHeader;
  exchanges: Exchange[];
}

export class CassetteError extends Error {
  override name = 'CassetteError';
}

/** Reads a cassette; a line that is not one names its number and what is wrong with it. */
export function readCassette(path: string): Cassette {
  if (!existsSync(path)) throw new CassetteError(`${path}: no cassette there (record one with \`swarm run --record\`)`);
  const lines = readFileSync(path, 'utf8').split('\n');
  let header: CassetteHeader | undefined;
  const exchanges: Exchange[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CassetteError(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = cassetteLineSchema.safeParse(json);
    if (!parsed.success) throw new CassetteError(`${path}:${i + 1}: ${describeIssues(parsed.error.issues)}`);
    if (parsed.data.type === 'cassette') {
      if (header) throw new CassetteError(`${path}:${i + 1}: a second header line`);
      header = parsed.data;
    } else {
      if (!header) throw new CassetteError(`${path}:${i + 1}: an exchange before the header line`);
      exchanges.push(parsed.data);
    }
  });
  if (!header) throw new CassetteError(`${path}: empty, no header line`);
  return { path, header, exchanges };
}

/**
 * Writes a cassette one line at a time as answers arrive, so a run that is killed keeps what it
 * recorded. Every value is checked against the schema first, and every string in it scrubbed of
 * the secrets given (the keys in use), wherever the model or the API might have echoed them.
 */
export class CassetteWriter {
  readonly path: string;
  readonly #secrets: string[];

  constructor(path: string, header: CassetteHeader, secrets: readonly string[]) {
    this.path = path;
    this.#secrets = secrets.filter((s) => s.length >= 8);
    writeFileSync(path, this.#line(cassetteHeaderSchema.parse(header)));
  }

  append(exchange: Exchange): void {
    appendFileSync(this.path, this.#line(exchangeSchema.parse(exchange)));
  }

  #line(value: unknown): string {
    let text = JSON.stringify(value);
    for (const secret of this.#secrets) text = text.split(secret).join('[redacted]');
    return text + '\n';
  }
}
