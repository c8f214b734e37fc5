import { createHash } from 'node:crypto';
import type { Plan } from '../compiler/plan-schema.ts';

/**
 * A stable fingerprint of a plan: SHA-256 of its JSON with keys sorted, so the same plan
 * hashes the same whether it came from the compiler or from plan.json on disk. `run:start`
 * records it; resume refuses a journal written for another plan.
 */
export function planHash(plan: Plan): string {
  // `expect` blocks are for `swarm test` and change nothing a run does: adding one keeps a run resumable.
  return 'sha256:' + createHash('sha256').update(canonicalJson({ ...plan, expects: undefined })).digest('hex');
}

/** JSON with object keys sorted and `undefined` members left out, at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
