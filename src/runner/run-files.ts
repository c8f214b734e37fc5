import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { planSchema, type Plan } from '../compiler/plan-schema.ts';
import { writeFileAtomic } from '../queue/atomic.ts';

/**
 * What a run directory holds besides the queue and the journal: the plan it runs, and where
 * it came from. Worker processes read both; neither ever holds a secret, only the names of
 * the environment variables that do.
 */
export const runInfoSchema = z
  .object({
    run_id: z.string().min(1),
    /** The workflow file, absolute. */
    workflow_file: z.string().min(1),
    /** The directory paths in the plan (workspaces, prompt files) are relative to. */
    base_dir: z.string().min(1),
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    created_at: z.iso.datetime(),
  })
  .strict();

export type RunInfo = z.infer<typeof runInfoSchema>;

export function planPath(runDir: string): string {
  return join(runDir, 'plan.json');
}

export function runInfoPath(runDir: string): string {
  return join(runDir, 'run.json');
}

export async function writeRunFiles(runDir: string, plan: Plan, info: RunInfo): Promise<void> {
  await writeFileAtomic(planPath(runDir), JSON.stringify(plan, null, 2) + '\n');
  await writeFileAtomic(runInfoPath(runDir), JSON.stringify(info, null, 2) + '\n');
}

export class RunFilesError extends Error {
  override name = 'RunFilesError';
}

/** Reads and validates plan.json and run.json; a missing or altered file is a clear error. */
export function readRunFiles(runDir: string): { plan: Plan; info: RunInfo } {
  return { plan: readJson(planPath(runDir), planSchema), info: readJson(runInfoPath(runDir), runInfoSchema) };
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RunFilesError(`${path} is missing: is this a swarm run directory?`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunFilesError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RunFilesError(`${path} does not match its schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
