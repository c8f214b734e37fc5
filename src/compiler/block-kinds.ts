import { z } from 'zod';
import { executorKinds, expectStatuses, inputTypes, permissionModes, priorities, queueKinds } from './known.ts';
import * as v from './values.ts';

/**
 * The one table of block kinds. It drives validation (each attribute's schema), the language
 * reference (descriptions and examples) and `swarm fmt` (attribute order is the shape's order).
 */
export interface BlockKind {
  kind: string;
  summary: string;
  /** `required`: `task evaluate { … }`; `none`: `defaults { … }`. */
  label: 'required' | 'none';
  /** Kinds of block this one may stand in; `file` is the top level. */
  parents: readonly string[];
  /** Whether a parent may hold several (named blocks) or at most one. */
  repeatable: boolean;
  attributes: z.ZodObject;
}

/** Reference text for an attribute; `example` overrides the value type's generic one. */
const doc = (description: string, example?: string) => (example === undefined ? { description } : { description, example });

const limitsShape = z.object({
  requests: v.rate.optional().meta(doc('Requests per period, counted when each request is sent.')),
  tokens: v.rate.optional().meta(doc('Input plus output tokens per period.')),
  'input-tokens': v.rate.optional().meta(doc('Input tokens per period; cache reads do not count.')),
  'output-tokens': v.rate.optional().meta(doc('Output tokens per period.')),
});

const priority = v.oneOf(priorities, 'priority');

export const blockKinds = {
  workflow: {
    kind: 'workflow',
    summary: 'The whole file: one workflow, its declarations and its nodes.',
    label: 'required',
    parents: ['file'],
    repeatable: false,
    attributes: z.object({
      description: v.plainText.optional().meta(doc('What the workflow does, for people and for the planner.')),
      budget: v.money.optional().meta(doc('The most the whole run may spend; `swarm run --budget` overrides it.')),
      'circuit-breaker': v.integer(1, 'a failure count').optional().meta(doc('Consecutive failures of one kind after which a worker stops taking tasks; 3 when omitted.', '3')),
    }),
  },
  input: {
    kind: 'input',
    summary: 'A run parameter, set with `swarm run … --input NAME=value` and read as `${NAME}`.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      type: v.oneOf(inputTypes, 'input type').optional().meta(doc('The value’s type; `string` when omitted.')),
      default: v.inputValue.optional().meta(doc('The value when the run does not set one; without it the input is required.')),
      description: v.plainText.optional().meta(doc('What the input means.')),
    }),
  },
  defaults: {
    kind: 'defaults',
    summary: 'Settings every task inherits unless it sets its own.',
    label: 'none',
    parents: ['workflow'],
    repeatable: false,
    attributes: z.object({
      model: v.model.optional().meta(doc('The model tasks use.')),
      timeout: v.duration.optional().meta(doc('How long one attempt of a task may run.')),
      retries: v.integer(0, 'a retry count').optional().meta(doc('Attempts after the first one fails.')),
      priority: priority.optional().meta(doc('Dispatch priority among ready tasks.')),
      'max-turns': v.integer(1, 'a turn limit').optional().meta(doc('Agent turns one attempt may take.', '30')),
    }),
  },
  queue: {
    kind: 'queue',
    summary: 'Where tasks and results are exchanged.',
    label: 'none',
    parents: ['workflow'],
    repeatable: false,
    attributes: z.object({
      kind: v.oneOf(queueKinds, 'queue kind').optional().meta(doc('`file` (one machine) or `redis`.')),
      path: v.plainText.optional().meta(doc('The run directory for a file queue.', '".swarm/runs"')),
      url: v.plainTextOrEnv.optional().meta(doc('The Redis URL for a redis queue; `env("NAME")` when it holds a password.', '"redis://127.0.0.1:6379"')),
    }),
  },
  runtime: {
    kind: 'runtime',
    summary: 'Where the workers run: local processes (the default) or one container per worker.',
    label: 'none',
    parents: ['workflow'],
    repeatable: false,
    attributes: z.object({
      executor: v.oneOf(executorKinds, 'executor').optional().meta(doc('`local` (child processes) or `docker` (a container per worker); `swarm run --executor` overrides it.', 'docker')),
      image: v.plainText.optional().meta(doc('The worker image for every worker that names none; `swarm image build` makes the default.', '"swarm-worker:0.1.0-claude-2.1.197"')),
    }),
  },
  limits: {
    kind: 'limits',
    summary: 'Rate limits: in the workflow, for the whole account; in a worker, for that worker.',
    label: 'none',
    parents: ['workflow', 'worker'],
    repeatable: false,
    attributes: limitsShape,
  },
  agent: {
    kind: 'agent',
    summary: 'A Claude Code sub-agent a worker can hand work to: from a markdown file or inline.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      file: v.plainText.optional().meta(doc('A Claude Code sub-agent file (front matter, then the prompt), relative to this file.', '"../agents/choreography-analyzer.md"')),
      description: v.plainText.optional().meta(doc('When the worker should use this sub-agent.')),
      prompt: v.text.optional().meta(doc('The sub-agent’s system prompt.')),
      tools: v.tools.optional().meta(doc('Tools the sub-agent may use; all of the worker’s when omitted.')),
      model: v.model.optional().meta(doc('The sub-agent’s model, or `inherit`.')),
    }),
  },
  worker: {
    kind: 'worker',
    summary: 'A Claude Code instance with its own prompt, tools, sub-agents, workspace and key.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      description: v.plainText.optional().meta(doc('What the worker is good at, for the planner.')),
      system: v.textSource.optional().meta(doc('The worker’s system prompt.')),
      model: v.model.optional().meta(doc('The worker’s model.')),
      tools: v.tools.optional().meta(doc('Tools the worker may use.')),
      agents: v.references('agent', '[choreography-analyzer]').optional().meta(doc('Sub-agents the worker may use.')),
      workspace: v.plainText.optional().meta(doc('The directory the worker works in, relative to this file.', '"studio"')),
      readonly: v.boolean.optional().meta(doc('Whether the workspace is read-only; outputs then go to the task’s own directory.')),
      image: v.plainText.optional().meta(doc('The container image for the docker executor.', '"swarm-worker:latest"')),
      network: v.network.optional().meta(doc('The container’s network under the docker executor: `none` (the default; the run’s gateway is still reached, through a socket), `host`, or a docker network’s name.', 'none')),
      cpus: v.cpus.optional().meta(doc('The CPUs the worker’s container may use, as docker’s `--cpus`.', '1.5')),
      memory: v.memory.optional().meta(doc('The memory the worker’s container may use; a task that needs more fails with an out-of-memory error.', '"2GiB"')),
      'api-key': v.envSecret.optional().meta(doc('The environment variable holding this worker’s API key.')),
      parallel: v.integer(1, 'a parallelism').optional().meta(doc('How many tasks the worker runs at once.')),
      'permission-mode': v.oneOf(permissionModes, 'permission mode').optional().meta(doc('Claude Code’s permission mode.')),
      'max-turns': v.integer(1, 'a turn limit').optional().meta(doc('Agent turns one attempt may take.', '30')),
      budget: v.money.optional().meta(doc('The most this worker’s tasks may spend together.')),
      'circuit-breaker': v.integer(1, 'a failure count').optional().meta(doc('Consecutive failures of one kind after which this worker stops taking tasks.', '3')),
    }),
  },
  task: {
    kind: 'task',
    summary: 'One prompt for one worker.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      worker: v.reference('worker', 'marie').meta(doc('The worker that runs the task.')),
      prompt: v.text.meta(doc('What to do; may read `${input}` and `${node.result}` of upstream nodes.')),
      after: v.references('node', '[evaluate]').optional().meta(doc('Nodes that must finish first.')),
      timeout: v.duration.optional().meta(doc('How long one attempt may run.')),
      retries: v.integer(0, 'a retry count').optional().meta(doc('Attempts after the first one fails.')),
      priority: priority.optional().meta(doc('Dispatch priority among ready tasks.')),
      outputs: v.paths.optional().meta(doc('Files the task must produce, relative to its working directory.')),
      model: v.model.optional().meta(doc('Overrides the worker’s model.')),
      tools: v.tools.optional().meta(doc('Narrows the worker’s tools for this task.')),
      'max-turns': v.integer(1, 'a turn limit').optional().meta(doc('Agent turns one attempt may take.', '30')),
      budget: v.money.optional().meta(doc('The most this task may spend.')),
    }),
  },
  decompose: {
    kind: 'decompose',
    summary: 'A planner (Opus by default) that adds tasks at run time, checked like hand-written ones.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      after: v.references('node', '[evaluate]').optional().meta(doc('Nodes that must finish first.')),
      model: v.model.optional().meta(doc('The planner’s model; `opus` when omitted.')),
      system: v.textSource.optional().meta(doc('The planner’s instructions.')),
      prompt: v.text.meta(doc('What to plan.')),
      workers: v.references('worker', '[marie, fabien]').optional().meta(doc('Workers the plan may use; all when omitted.')),
      'max-tasks': v.integer(1, 'a task limit').optional().meta(doc('The most tasks the plan may add.')),
      budget: v.money.optional().meta(doc('The most the planned tasks may spend together.')),
      approve: v.boolean.optional().meta(doc('Whether a person must accept the plan before it runs.')),
    }),
  },
  synthesize: {
    kind: 'synthesize',
    summary: 'A model call that merges the results and artifacts of upstream nodes.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      after: v.references('node', '[follow-up]').optional().meta(doc('Nodes whose results are merged.')),
      model: v.model.optional().meta(doc('The model; `opus` when omitted.')),
      system: v.textSource.optional().meta(doc('Instructions for merging.')),
      prompt: v.text.meta(doc('What to produce.')),
      outputs: v.paths.optional().meta(doc('Files the synthesis writes.')),
    }),
  },
  expect: {
    kind: 'expect',
    summary: 'A check `swarm test` makes after replaying the workflow’s cassette: a task’s status, its files, words in its result, the cost.',
    label: 'required',
    parents: ['workflow'],
    repeatable: true,
    attributes: z.object({
      description: v.plainText.optional().meta(doc('What the check is for, shown when it fails.')),
      task: v.reference('node', 'evaluate').optional().meta(doc('The task, decompose or synthesize node it checks; the whole run when omitted.')),
      status: v.oneOf(expectStatuses, 'status').optional().meta(doc('How the task (or, without `task`, the run) must end; `done` when omitted.')),
      file: v.path.optional().meta(doc('A file the task must have written, relative to its working directory; `contains`, `excludes` and `matches` then read it instead of the result.')),
      contains: v.phrases.optional().meta(doc('Words the result (or `file`) must contain, each as written.')),
      excludes: v.phrases.optional().meta(doc('Words the result (or `file`) must not contain.')),
      matches: v.pattern.optional().meta(doc('A regular expression the result (or `file`) must match somewhere; `^` and `$` match at each line.')),
      'cost-under': v.money.optional().meta(doc('The task (or, without `task`, the run) must cost less than this, as recorded.')),
    }),
  },
} as const satisfies Record<string, BlockKind>;

export type BlockKindName = keyof typeof blockKinds;
export type Attributes<K extends BlockKindName> = Partial<z.output<(typeof blockKinds)[K]['attributes']>>;

export function blockKind(name: string): BlockKind | undefined {
  return Object.hasOwn(blockKinds, name) ? blockKinds[name as BlockKindName] : undefined;
}

const children = new Map<string, BlockKind[]>();

export function childKinds(parent: string): BlockKind[] {
  let kinds = children.get(parent);
  if (!kinds) children.set(parent, (kinds = Object.values(blockKinds).filter((k) => (k.parents as readonly string[]).includes(parent))));
  return kinds;
}

const attributeNames = new Map<BlockKind, ReadonlySet<string>>();

/** The attribute names a kind accepts, in the reference's order. */
export function attributesOf(kind: BlockKind): ReadonlySet<string> {
  let names = attributeNames.get(kind);
  if (!names) attributeNames.set(kind, (names = new Set(Object.keys(kind.attributes.shape))));
  return names;
}

/** Attributes that must be present: those whose schema rejects `undefined`. */
export function requiredAttributes(kind: BlockKind): string[] {
  return Object.entries(kind.attributes.shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}
