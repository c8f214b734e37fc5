import { z } from 'zod';
import { executorKinds, expectStatuses, inputTypes, nodeFields, permissionModes, priorities, queueKinds } from './known.ts';

/**
 * The compiled plan: the one contract between the compiler and everything that runs a
 * workflow. Exported as JSON Schema into spec/plan.schema.json by `npm run gen`.
 */

/** A text with its `${…}` holes: inputs are filled when the run starts, node fields when they finish. */
export const templatePartSchema = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ input: z.string() }).strict(),
  z.object({ node: z.string(), field: z.enum(nodeFields) }).strict(),
]);
export const templateSchema = z.array(templatePartSchema);

const id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*(\/[A-Za-z_][A-Za-z0-9_-]*)*$/);
const positiveInt = z.number().int().min(1);

export const limitsSchema = z
  .object({
    requestsPerMinute: z.number().positive().optional(),
    tokensPerMinute: z.number().positive().optional(),
    inputTokensPerMinute: z.number().positive().optional(),
    outputTokensPerMinute: z.number().positive().optional(),
  })
  .strict();

export const systemPromptSchema = z
  .object({
    template: templateSchema,
    /** Where the text came from, relative to the workflow file; absent when written inline. */
    file: z.string().optional(),
  })
  .strict();

export const agentSchema = z
  .object({
    name: id,
    description: z.string(),
    /** Inputs in an inline prompt are filled in when the run starts; a file's text is taken as is. */
    prompt: templateSchema,
    tools: z.array(z.string()).optional(),
    model: z.string().optional(),
    file: z.string().optional(),
  })
  .strict();

export const workerSchema = z
  .object({
    name: id,
    description: z.string().optional(),
    system: systemPromptSchema.optional(),
    model: z.string(),
    /** Absent: Claude Code's default tool set. */
    tools: z.array(z.string()).optional(),
    agents: z.array(id),
    /** Relative to the workflow file; absent: each task works in its own directory. */
    workspace: z.string().optional(),
    readonly: z.boolean(),
    image: z.string().optional(),
    /** The container's network under the docker executor; absent: `none`. */
    network: z.string().optional(),
    cpus: z.number().positive().optional(),
    memoryBytes: positiveInt.optional(),
    /** The environment variable that holds the worker's API key; never the key itself. */
    apiKeyEnv: z.string().optional(),
    parallel: positiveInt,
    permissionMode: z.enum(permissionModes),
    maxTurns: positiveInt.optional(),
    limits: limitsSchema.optional(),
    /** The most this worker's tasks may spend together. */
    budgetUsd: z.number().positive().optional(),
    /** Consecutive failures of one kind after which the worker stops taking tasks; the compiler always sets it (3 by default). */
    circuitBreaker: positiveInt.optional(),
  })
  .strict();

const readSchema = z.object({ node: id, field: z.enum(nodeFields) }).strict();

const nodeBase = {
  id,
  after: z.array(id),
  reads: z.array(readSchema),
  prompt: templateSchema,
  model: z.string(),
  /** Nodes on the longest chain starting here, itself included: the scheduler's tie-break. */
  chain: positiveInt,
};

export const taskNodeSchema = z
  .object({
    kind: z.literal('task'),
    ...nodeBase,
    worker: id,
    timeoutMs: z.number().positive(),
    retries: z.number().int().min(0),
    priority: z.enum(priorities),
    outputs: z.array(z.string()),
    tools: z.array(z.string()).optional(),
    maxTurns: positiveInt.optional(),
    budgetUsd: z.number().positive().optional(),
  })
  .strict();

export const decomposeNodeSchema = z
  .object({
    kind: z.literal('decompose'),
    ...nodeBase,
    system: systemPromptSchema.optional(),
    workers: z.array(id),
    maxTasks: positiveInt,
    budgetUsd: z.number().positive().optional(),
    approve: z.boolean(),
  })
  .strict();

export const synthesizeNodeSchema = z
  .object({
    kind: z.literal('synthesize'),
    ...nodeBase,
    system: systemPromptSchema.optional(),
    outputs: z.array(z.string()),
  })
  .strict();

export const planNodeSchema = z.discriminatedUnion('kind', [taskNodeSchema, decomposeNodeSchema, synthesizeNodeSchema]);

export const inputSchema = z
  .object({
    name: id,
    type: z.enum(inputTypes),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().optional(),
  })
  .strict();

/** An `expect` block: what `swarm test` checks once the replayed run has ended. */
export const expectationSchema = z
  .object({
    name: id,
    description: z.string().optional(),
    /** 1-based line of the block in the workflow file, so a failure points at it. */
    line: positiveInt,
    /** Absent: the check is about the whole run. */
    task: id.optional(),
    status: z.enum(expectStatuses),
    /** Relative to the task's working directory. */
    file: z.string().optional(),
    contains: z.array(z.string()),
    excludes: z.array(z.string()),
    /** A JavaScript regular expression, with the `m` and `u` flags: `^` and `$` match at each line. */
    matches: z.string().optional(),
    costUnderUsd: z.number().positive().optional(),
  })
  .strict();

export const planSchema = z
  .object({
    version: z.literal(1),
    workflow: z.object({ name: id, description: z.string().optional(), file: z.string() }).strict(),
    inputs: z.array(inputSchema),
    budgetUsd: z.number().positive().optional(),
    limits: limitsSchema.optional(),
    queue: z
      .object({
        kind: z.enum(queueKinds),
        path: z.string().optional(),
        url: z.string().optional(),
        /** The environment variable holding the Redis URL, when it carries a password. */
        urlEnv: z.string().optional(),
      })
      .strict(),
    runtime: z.object({ executor: z.enum(executorKinds), image: z.string().optional() }).strict().optional(),
    agents: z.array(agentSchema),
    workers: z.array(workerSchema),
    nodes: z.array(planNodeSchema),
    /** Every node id, each after all the nodes it runs after. */
    order: z.array(id),
    /** The longest chain of dependent nodes. */
    criticalPath: z.array(id),
    /** Present when the file has `expect` blocks. They change nothing about a run, so the plan's hash leaves them out. */
    expects: z.array(expectationSchema).optional(),
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanNode = z.infer<typeof planNodeSchema>;
export type PlanWorker = z.infer<typeof workerSchema>;
export type PlanAgent = z.infer<typeof agentSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Limits = z.infer<typeof limitsSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
