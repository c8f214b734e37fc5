import type Anthropic from '@anthropic-ai/sdk';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Plan } from '../compiler/plan-schema.ts';
import { costOf } from '../cost/prices.ts';
import { writeFileAtomic } from '../queue/atomic.ts';
import type { TaskResult, TaskUsage } from '../runtime/events.ts';
import { actionLines, summaryOf } from './answer-summary.ts';
import { apiFailure, type SynthesisError } from './api-failure.ts';
import { splitSections } from './output-sections.ts';
import { gatherContext, isSynthesisContext, type SynthesisSources } from './synthesis-sources.ts';
import { synthesisRequest, type SynthesisContext, type SynthesisLimits, type SynthesizeNode } from './synthesis-request.ts';

export interface RunSynthesisOptions {
  /** Built by the runner: its base URL, key and `x-swarm-task` headers decide where the call goes and whose it is. */
  client: Anthropic;
  plan: Plan;
  node: SynthesizeNode;
  /** The context itself, or where to gather it from (the artifacts are then read with `readArtifacts`). */
  context: SynthesisContext | SynthesisSources;
  /** Where the node's `outputs` are written, relative to it; created when missing. */
  outDir: string;
  signal?: AbortSignal;
  limits?: SynthesisLimits;
}

export type SynthesisOutcome =
  | {
      ok: true;
      result: TaskResult;
      /** One line per artifact that was refused, skipped or cut short when read: for the run's notices. */
      notes: string[];
    }
  | { ok: false; error: SynthesisError; usage: TaskUsage; costUsd: number };

const noUsage: TaskUsage = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

/**
 * Runs a synthesize node: one `messages.create` call, the answer written atomically to each of
 * the node's outputs, and a result like a task's. `result` is the answer's first paragraph (the
 * whole answer when the node writes no file), `findings` its numbered action lines (see
 * `actionLines`), `artifacts` the absolute paths written. API failures, an answer without text,
 * a missing section and a failed write are outcomes, never throws; what the call used is
 * reported with them. Cost is at swarm's price table for the requested model ($0 for a model
 * it lacks).
 */
export async function runSynthesis(options: RunSynthesisOptions): Promise<SynthesisOutcome> {
  const started = performance.now();
  const { node } = options;
  const context = isSynthesisContext(options.context) ? options.context : await gatherContext(options.context);
  const params = synthesisRequest(options.plan, node, context, options.limits);
  let message: Anthropic.Message;
  try {
    message = await options.client.messages.create(params, options.signal === undefined ? undefined : { signal: options.signal });
  } catch (error) {
    const failure = apiFailure(error);
    if (failure === undefined) throw error;
    return { ok: false, error: failure, usage: noUsage, costUsd: 0 };
  }
  const usage = usageOf(message.usage);
  const costUsd = costOf(params.model, usage) ?? 0;
  const fail = (kind: SynthesisError['kind'], text: string): SynthesisOutcome => ({ ok: false, error: { kind, message: text, retryable: false }, usage, costUsd });

  const answer = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  if (message.stop_reason === 'max_tokens') return fail('max-tokens', `the answer reached its limit of ${params.max_tokens} tokens and was cut off`);
  if (answer.trim() === '') return fail('no-output', `the answer has no text (stop reason: ${message.stop_reason ?? 'none'})`);
  const sections = node.outputs.length === 0 ? { ok: true as const, files: [] } : splitSections(answer, node.outputs);
  if (!sections.ok) return fail('missing-output', sections.message);

  const written: string[] = [];
  for (const file of sections.files) {
    const path = resolve(options.outDir, file.name);
    if (!isInside(path, resolve(options.outDir))) return fail('write', `output \`${file.name}\` would be written outside ${options.outDir}`);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, file.text);
    } catch (error) {
      return fail('write', `could not write ${path}: ${(error as Error).message}`);
    }
    written.push(path);
  }
  const result: TaskResult = {
    result: node.outputs.length === 0 ? answer.trim() : (summaryOf(answer) ?? `wrote ${node.outputs.join(', ')}`),
    findings: actionLines(answer),
    artifacts: written,
    usage,
    cost_usd: costUsd,
    num_turns: 1,
    execution_time: (performance.now() - started) / 1000,
  };
  const notes = context.artifacts.flatMap((a) => (a.note === undefined ? [] : [`${a.path}: ${a.note}`]));
  return { ok: true, result, notes };
}

/** The SDK's usage in a task result's shape: the API sends null for cache fields it has nothing for. */
function usageOf(usage: Anthropic.Usage): TaskUsage {
  return {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
  };
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
