import type { Plan, PlanNode, PlanWorker, Limits, Template } from '../compiler/plan-schema.ts';
import type { Span } from '../language/span.ts';
import type { TaskDefaults } from './inferred-defaults.ts';
import type { SkeletonNames } from './skeleton-names.ts';
import { durationLiteral, nameList, quotePlain, quotePrompt, rateLiteral, type PromptPiece } from './swarm-text.ts';

/** A planned task as it goes into the synthetic workflow; names are already synthetic ones. */
export interface SkeletonTask {
  id: string;
  worker: string;
  prompt: PromptPiece[];
  /** The decompose node first, then the task's own entries. */
  after: string[];
  priority?: string;
  timeout?: string;
  outputs?: string[];
}

/** Where one planned task's block and each of its attributes lie in the synthetic text. */
export interface PlannedBlock {
  id: string;
  span: Span;
  attributes: Map<string, Span>;
}

export interface Skeleton {
  file: string;
  text: string;
  /** The texts `file(…)` reads, by the path the compiler resolves. */
  files: Record<string, string>;
  blocks: PlannedBlock[];
}

export const skeletonFile = 'planned.swarm';

export interface SkeletonInput {
  decomposeId: string;
  tasks: readonly SkeletonTask[];
  /** Planned ids the decompose node's successors wait for: those that clash with no other name. */
  spliced: readonly string[];
  defaults: TaskDefaults;
  names: SkeletonNames;
}

/**
 * The running plan, written back as a `.swarm` workflow with the planned tasks at the end and
 * the splice already made (the decompose node's successors wait for every planned task), so
 * the real compiler checks the tasks against exactly what will run. It holds what any check of
 * a task can reach: names, workers with their models, tools, workspaces, limits and system
 * prompt texts, sub-agent descriptions, every node's `after` and outputs. Prompts of existing
 * nodes are left empty: they were checked when the workflow compiled.
 */
export function renderSkeleton(plan: Plan, { decomposeId, tasks, spliced, defaults, names }: SkeletonInput): Skeleton {
  const out = new SourceWriter();
  const files: Record<string, string> = {};
  const name = (n: string) => names.of(n)!;

  out.line(`workflow ${name(plan.workflow.name)} {`);
  for (const input of plan.inputs) out.block(`input ${name(input.name)}`, [`type = ${input.type}`]);
  out.limits(plan.limits);
  out.block('defaults', [
    `timeout = ${durationLiteral(defaults.timeoutMs)}`,
    `retries = ${defaults.retries}`,
    `priority = ${defaults.priority}`,
    ...(defaults.maxTurns === undefined ? [] : [`max-turns = ${defaults.maxTurns}`]),
  ]);
  for (const agent of plan.agents) out.block(`agent ${name(agent.name)}`, [`description = ${quotePlain(agent.description)}`, 'prompt = ""']);
  for (const worker of plan.workers) {
    const system = `system/${worker.name.replaceAll('/', '__')}.md`;
    if (worker.system) files[system] = templateText(worker.system.template);
    out.block(`worker ${name(worker.name)}`, workerLines(worker, system, name), () => out.limits(worker.limits));
  }
  for (const node of plan.nodes) {
    const after = node.after.map(name);
    if (node.after.includes(decomposeId)) after.push(...spliced);
    out.block(`${node.kind} ${name(node.id)}`, nodeLines(node, after, name));
  }
  const blocks = tasks.map((task) => {
    const start = out.length;
    const attributes = new Map<string, Span>();
    out.line(`  task ${task.id} {`);
    const attribute = (key: string, value: string) => {
      const at = out.length;
      out.line(`    ${key} = ${value}`);
      attributes.set(key, { start: at, end: out.length });
    };
    attribute('worker', task.worker);
    attribute('prompt', quotePrompt(task.prompt));
    attribute('after', nameList(task.after));
    if (task.priority !== undefined) attribute('priority', task.priority);
    if (task.timeout !== undefined) attribute('timeout', task.timeout);
    if (task.outputs !== undefined) attribute('outputs', `[${task.outputs.map(quotePlain).join(', ')}]`);
    out.line('  }');
    return { id: task.id, span: { start, end: out.length }, attributes };
  });
  out.line('}');
  return { file: skeletonFile, text: out.text, files, blocks };
}

function workerLines(worker: PlanWorker, system: string, name: (n: string) => string): string[] {
  return [
    ...(worker.system ? [`system = file(${quotePlain(system)})`] : []),
    `model = ${quotePlain(worker.model)}`,
    ...(worker.tools ? [`tools = [${worker.tools.map(quotePlain).join(', ')}]`] : []),
    `agents = ${nameList(worker.agents.map(name))}`,
    ...(worker.workspace === undefined ? [] : [`workspace = ${quotePlain(worker.workspace)}`]),
    `readonly = ${worker.readonly}`,
    ...(worker.maxTurns === undefined ? [] : [`max-turns = ${worker.maxTurns}`]),
  ];
}

function nodeLines(node: PlanNode, after: string[], name: (n: string) => string): string[] {
  const lines = [`after = ${nameList(after)}`, 'prompt = ""'];
  if (node.kind === 'task') lines.unshift(`worker = ${name(node.worker)}`);
  if (node.kind === 'decompose') lines.push(`workers = ${nameList(node.workers.map(name))}`);
  if (node.kind !== 'decompose' && node.outputs.length > 0) lines.push(`outputs = [${node.outputs.map(quotePlain).join(', ')}]`);
  return lines;
}

/** A template as a file holds it: taken as is, so holes are just text of the same length. */
function templateText(template: Template): string {
  return template.map((p) => ('text' in p ? p.text : 'input' in p ? `\${${p.input}}` : `\${${p.node}.${p.field}}`)).join('');
}

/** Lines of source, with the offset each starts at. */
class SourceWriter {
  #text = '';

  get length(): number {
    return this.#text.length;
  }

  get text(): string {
    return this.#text;
  }

  line(line: string): void {
    this.#text += line + '\n';
  }

  block(header: string, lines: readonly string[], inner?: () => void): void {
    this.line(`  ${header} {`);
    for (const l of lines) this.line(`    ${l}`);
    inner?.();
    this.line('  }');
  }

  /** The limits the compiler's size check reads: tokens per minute, total and input. */
  limits(limits: Limits | undefined): void {
    const lines = [
      ['tokens', limits?.tokensPerMinute],
      ['input-tokens', limits?.inputTokensPerMinute],
    ].flatMap(([key, perMinute]) => {
      const rate = typeof perMinute === 'number' ? rateLiteral(perMinute) : undefined;
      return rate === undefined ? [] : [`${key} = ${rate}`];
    });
    if (lines.length > 0) this.block('limits', lines);
  }
}
