import type Anthropic from '@anthropic-ai/sdk';
import { resolveModel } from '../compiler/known.ts';
import type { z } from 'zod';
import type { Plan, Template, synthesizeNodeSchema } from '../compiler/plan-schema.ts';
import type { InputValues, TaskResult } from '../runtime/events.ts';
import { renderTemplate } from '../runtime/render-template.ts';
import type { ArtifactText } from './read-artifacts.ts';
import { artifactSection, upstreamSection, type SectionCaps } from './request-sections.ts';
import { defaultInstructions, sectionMarker, synthesisRules } from './synthesis-rules.ts';
import type { UpstreamEntry } from './upstream.ts';

export type SynthesizeNode = z.infer<typeof synthesizeNodeSchema>;

/** What a synthesis merges: the run's inputs, the upstream nodes' results and their files' text. */
export interface SynthesisContext {
  inputs: InputValues;
  /** In the order they are shown (see `upstreamFor`). */
  upstream: readonly UpstreamEntry[];
  /** As `readArtifacts` gives them. */
  artifacts: readonly ArtifactText[];
  /** Makes relative artifact paths in results and the prompt absolute. */
  runDir?: string;
}

export interface SynthesisLimits {
  /** @default 40000 */
  perFileChars?: number;
  /** @default 160000 (about 40k tokens) */
  totalChars?: number;
  /**
   * The answer's token limit. Past about 21k the SDK insists on streaming.
   * @default 8192
   */
  maxTokens?: number;
}

export const defaultSynthesisLimits = { perFileChars: 40_000, totalChars: 160_000, maxTokens: 8192 } as const;

/** A synthesis request's body; `stream` is left for the caller. */
export type SynthesisParams = Anthropic.MessageCreateParamsNonStreaming;

/**
 * The one Messages request of a synthesize node. The system prompt is the node's instructions
 * (its `system`, or a short default), then the synthesis rules, both marked for caching and
 * free of anything from upstream, so runs of the node share the cached prefix. The user
 * message carries the upstream results, then the artifacts (cut to the caps, saying what was
 * cut), then the node's prompt and the file(s) to write: the question after the documents.
 * Throws `TemplateError` when a template reads a node `upstream` lacks: the caller's mistake.
 * @example
 * const params = synthesisRequest(plan, node, { inputs, upstream, artifacts: await readArtifacts({ paths, runDir }) });
 */
export function synthesisRequest(plan: Plan, node: SynthesizeNode, context: SynthesisContext, limits: SynthesisLimits = {}): SynthesisParams {
  const caps: SectionCaps = {
    perFileChars: positive('perFileChars', limits.perFileChars, defaultSynthesisLimits.perFileChars),
    totalChars: positive('totalChars', limits.totalChars, defaultSynthesisLimits.totalChars),
  };
  const results = new Map<string, TaskResult>(context.upstream.map((u) => [u.id, u.result]));
  const render = (template: Template) => renderTemplate(template, { inputs: context.inputs, results, ...(context.runDir !== undefined && { runDir: context.runDir }) });
  const instructions = node.system === undefined ? '' : render(node.system.template).trim();
  const ephemeral = { type: 'ephemeral' } as const;
  return {
    model: resolveModel(node.model)?.id ?? node.model,
    max_tokens: positive('maxTokens', limits.maxTokens, defaultSynthesisLimits.maxTokens),
    system: [
      { type: 'text', text: instructions === '' ? defaultInstructions : instructions, cache_control: ephemeral },
      { type: 'text', text: synthesisRules, cache_control: ephemeral },
    ],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: upstreamSection(withWorkers(plan, context.upstream), caps, context.runDir) },
          { type: 'text', text: artifactSection(context.artifacts, caps) },
          { type: 'text', text: `<task>\n${render(node.prompt).trim()}\n</task>\n\n${whatToWrite(node.outputs)}` },
        ],
      },
    ],
  };
}

/** Names each upstream task's worker from the plan when the caller did not. */
function withWorkers(plan: Plan, upstream: readonly UpstreamEntry[]): UpstreamEntry[] {
  return upstream.map((u) => {
    const node = plan.nodes.find((n) => n.id === u.id);
    return u.worker === undefined && node?.kind === 'task' ? { ...u, worker: node.worker } : u;
  });
}

function whatToWrite(outputs: readonly string[]): string {
  if (outputs.length === 0) return 'Your answer is the result of this step; it is not written to a file.';
  if (outputs.length === 1) return `Write ${outputs[0]}: your whole answer is that file's content.`;
  return [`Write these ${outputs.length} files, each beginning with its marker line:`, ...outputs.map(sectionMarker)].join('\n');
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`Expected \`${name}\` to be an integer >= 1, got ${value}`);
  return value;
}
