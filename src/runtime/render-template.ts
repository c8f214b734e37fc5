import { isAbsolute, join } from 'node:path';
import { didYouMean } from '../compiler/did-you-mean.ts';
import type { Plan, Template } from '../compiler/plan-schema.ts';
import type { InputValue, InputValues, TaskResult } from './events.ts';

/** What a template reads from a finished upstream task. */
export type UpstreamResult = Pick<TaskResult, 'result' | 'findings' | 'artifacts'>;

export interface RenderContext {
  /** Resolved input values (see `resolveInputs`). */
  inputs: InputValues;
  /** Results of finished tasks, by task id. */
  results: ReadonlyMap<string, UpstreamResult>;
  /**
   * The run directory, absolute. Relative artifact paths are joined to it so a downstream
   * agent gets paths it can open from any working directory; without it they stay relative.
   */
  runDir?: string;
}

/** A template hole with nothing to fill it: a bug in the caller, since the plan is checked. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * Fills a plan template. Text is kept verbatim (shell metacharacters included: prompts go to
 * the CLI as one argv entry, never through a shell).
 * - `${input}`: the input's value, as text.
 * - `${node.result}`: the upstream's final text.
 * - `${node.findings}`: one `- finding` line each (continuation lines indented), `(none)` if empty.
 * - `${node.artifacts}`: one absolute path per line (see `runDir`), `(none)` if empty.
 */
export function renderTemplate(template: Template, ctx: RenderContext): string {
  let out = '';
  for (const part of template) {
    if ('text' in part) out += part.text;
    else if ('input' in part) {
      const value = ctx.inputs[part.input];
      if (value === undefined) throw new TemplateError(`No value for input \`${part.input}\``);
      out += String(value);
    } else {
      const upstream = ctx.results.get(part.node);
      if (upstream === undefined) throw new TemplateError(`No result yet for \`${part.node}.${part.field}\``);
      if (part.field === 'result') out += upstream.result;
      else if (part.field === 'findings') out += renderFindings(upstream.findings);
      else out += renderArtifacts(upstream.artifacts, ctx.runDir);
    }
  }
  return out;
}

export function renderFindings(findings: readonly string[]): string {
  if (findings.length === 0) return '(none)';
  return findings.map((f) => `- ${f.replace(/\r?\n/g, '\n  ')}`).join('\n');
}

export function renderArtifacts(artifacts: readonly string[], runDir?: string): string {
  if (artifacts.length === 0) return '(none)';
  return artifacts.map((p) => (runDir === undefined || isAbsolute(p) ? p : join(runDir, p))).join('\n');
}

export type InputsOutcome = { ok: true; values: InputValues } | { ok: false; problems: string[] };

/**
 * The run's input values: those given, then the plan's defaults. Every problem is reported
 * (unknown names, wrong types, missing required inputs), never thrown: they are the user's.
 */
export function resolveInputs(plan: Plan, given: Readonly<Record<string, InputValue>>): InputsOutcome {
  const problems: string[] = [];
  const values: InputValues = {};
  const names = plan.inputs.map((i) => i.name);
  for (const name of Object.keys(given)) {
    if (!names.includes(name)) problems.push(unknownInput(name, names));
  }
  for (const input of plan.inputs) {
    const value = given[input.name] ?? input.default;
    if (value === undefined) {
      problems.push(`Missing required input \`${input.name}\` (${input.type}): pass \`--input ${input.name}=…\``);
    } else if (typeof value !== input.type) {
      problems.push(`Expected input \`${input.name}\` to be a ${input.type}, got ${JSON.stringify(value)}`);
    } else values[input.name] = value;
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
}

/**
 * Converts `--input NAME=value` arguments to typed values per the plan's input types: a
 * number is any finite decimal (`3`, `-1.5`, `1e3`), a boolean is `true` or `false`, a string
 * is taken as is (it may be empty, and may contain `=`). Defaults are not applied here.
 */
export function parseInputArgs(plan: Plan, args: readonly string[]): InputsOutcome {
  const problems: string[] = [];
  const values: InputValues = {};
  const names = plan.inputs.map((i) => i.name);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      problems.push(`Expected \`--input\` as NAME=value, got \`${arg}\``);
      continue;
    }
    const name = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    const input = plan.inputs.find((i) => i.name === name);
    if (input === undefined) problems.push(unknownInput(name, names));
    else if (name in values) problems.push(`\`--input ${name}\` is given more than once`);
    else {
      const value = convert(raw, input.type);
      if (value === undefined) problems.push(`Expected \`--input ${name}\` to be a ${input.type}, got \`${raw}\``);
      else values[name] = value;
    }
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
}

function convert(raw: string, type: 'string' | 'number' | 'boolean'): InputValue | undefined {
  if (type === 'string') return raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function unknownInput(name: string, names: string[]): string {
  const hint = didYouMean(name, names);
  const takes = names.length === 0 ? 'the workflow takes no inputs' : `the workflow takes ${names.map((n) => `\`${n}\``).join(', ')}`;
  return `Unknown input \`${name}\`: ${hint ?? takes}`;
}
