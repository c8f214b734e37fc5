import { z } from 'zod';
import { priorities } from '../compiler/known.ts';
import { readDuration } from '../language/literals.ts';

/**
 * What a decompose node's planner answers with: the input of its `submit_plan` tool call. The
 * answer crosses a trust boundary (a model wrote it), so it is parsed once, here, and every
 * field's rule is written so its message tells the model what to change.
 */

/** The tool the planner must call; its input is a `PlanAnswer`. */
export const planToolName = 'submit_plan';

/** A name as the language writes one: what `task NAME { … }` accepts. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A node id of a running plan: tasks an earlier decompose node added are `decompose-id/task-id`. */
const nodeIdPattern = /^[A-Za-z_][A-Za-z0-9_-]*(\/[A-Za-z_][A-Za-z0-9_-]*)*$/;
/** The language's duration literal (`30s`, `10m`, `1h30m`); units largest first, each once. */
const durationPattern = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

// `true` and `false` are the language's keywords, so they cannot name a block.
const keywords = new Set(['true', 'false']);

const identifier = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .regex(identifierPattern, { error: `${what} must be letters, digits, \`_\` and \`-\`, starting with a letter or \`_\``, abort: true })
    .refine((s) => !keywords.has(s), { error: `${what} cannot be \`true\` or \`false\`` });

const duration = z
  .string({ error: 'timeout must be a string such as "10m"' })
  .regex(durationPattern, { error: 'timeout must be a duration such as "30s", "10m" or "1h30m"', abort: true })
  .refine((raw) => readDuration(raw).ok, { error: 'timeout must give its units from largest to smallest, each once, like "1h30m"', abort: true })
  .refine((raw) => {
    const ms = readDuration(raw);
    return ms.ok && ms.value > 0;
  }, { error: 'timeout must be longer than zero' });

export const plannedTaskSchema = z
  .strictObject({
    id: identifier('id').describe('Unique among the tasks, and not a name the workflow already uses; says what the task does, e.g. "fix-proration".'),
    worker: identifier('worker').describe('One of the workers this plan may use.'),
    prompt: z
      .string({ error: 'prompt must be a string' })
      .min(1, { error: 'prompt must not be empty', abort: true })
      .refine((s) => s.trim() !== '', { error: 'prompt must not be blank' })
      .describe('Self-contained instructions: the worker sees nothing else. May read ${input} and ${node.result}, ${node.findings} or ${node.artifacts} of a node the task runs after.'),
    after: z
      .array(z.string({ error: 'each `after` entry must be a task id' }).regex(nodeIdPattern, { error: 'each `after` entry must be the id of a task of this plan or a node of the workflow' }), {
        error: 'after must be a list of task ids',
      })
      .optional()
      .describe('Ids of tasks of this plan, or nodes of the workflow, that must finish first.'),
    priority: z.enum(priorities, { error: `priority must be one of ${priorities.join(', ')}` }).optional(),
    timeout: duration.optional().describe('How long one attempt may run, as a duration: "30s", "10m", "1h30m".'),
    outputs: z
      .array(z.string({ error: 'each output must be a file path' }).min(1, { error: 'an output path must not be empty' }), { error: 'outputs must be a list of file paths' })
      .optional()
      .describe('Files the task must write, relative to its working directory; distinct across tasks that may run at once.'),
  })
  .describe('One task for one worker.');

export const planAnswerSchema = z.strictObject({
  tasks: z.array(plannedTaskSchema, { error: 'tasks must be a list of tasks' }).min(1, { error: 'plan at least one task' }),
});

export type PlannedTask = z.infer<typeof plannedTaskSchema>;
export type PlanAnswer = z.infer<typeof planAnswerSchema>;

/** The JSON Schema of the tool's input, as the Messages API's `input_schema` wants it. */
export function planToolInputSchema(): { type: 'object'; [key: string]: unknown } {
  const { $schema: _, ...schema } = z.toJSONSchema(planAnswerSchema) as { $schema?: string; type: 'object' };
  return schema;
}
