import type Anthropic from '@anthropic-ai/sdk';
import type { Plan } from '../compiler/plan-schema.ts';
import type { History } from '../cost/history.ts';
import { costOf } from '../cost/prices.ts';
import type { TaskUsage } from '../runtime/events.ts';
import type { TaskNode } from '../runtime/task-state.ts';
import { plannerCallError, type PlannerCallError } from './call-error.ts';
import { checkPlan } from './check-plan.ts';
import type { DecomposeNode } from './decompose-node.ts';
import { defaultOrchestratorPrompt } from './default-system.ts';
import { planToolName } from './plan-answer.ts';
import { plannerRequest, type PlannerContext } from './planner-request.ts';
import { followUp } from './follow-up.ts';

export interface AskPlannerOptions {
  /** Its `baseURL`, key, `defaultHeaders` and `maxRetries` are the caller's choice. */
  client: Anthropic;
  plan: Plan;
  node: DecomposeNode;
  context: PlannerContext;
  /**
   * Requests at most, the first included: an answer with problems is sent back with them while
   * asks remain.
   * @default 2
   */
  maxAsks?: number;
  signal?: AbortSignal;
  /** Past runs, for the budget check's estimate (see `loadHistory`). */
  history?: History;
}

/** What the asks cost, whatever came of them. */
export interface PlannerSpend {
  /** Requests sent, a failed one included. */
  asks: number;
  usage: TaskUsage;
  /** By the price table; a model it lacks counts $0. */
  costUsd: number;
}

export type AskPlannerResult =
  | ({ ok: true; tasks: TaskNode[] } & PlannerSpend)
  /** `error` is set when a request failed; without it, the model's last plan still had `problems`. */
  | ({ ok: false; problems: string[]; error?: PlannerCallError } & PlannerSpend);

/**
 * Asks a decompose node's planner for its plan and checks it (checkPlan). An answer that
 * calls no tool, or whose plan has problems, is sent back (the problems in an `is_error`
 * tool result) until `maxAsks` is reached. A failed request ends the asking; it is returned,
 * never thrown, so the caller can retry on a 429 or 529.
 * @example
 * const answer = await askPlanner({ client: new Anthropic({ baseURL, apiKey, maxRetries: 0 }), plan, node, context: { inputs, results } });
 * if (answer.ok) plan = splicePlan(plan, node.id, answer.tasks);
 */
export async function askPlanner(options: AskPlannerOptions): Promise<AskPlannerResult> {
  const { client, plan, node, signal } = options;
  const maxAsks = options.maxAsks ?? 2;
  if (!Number.isInteger(maxAsks) || maxAsks < 1) throw new RangeError(`Expected \`maxAsks\` to be an integer >= 1, got ${maxAsks}`);
  const context = node.system || options.context.defaultSystem !== undefined ? options.context : { ...options.context, defaultSystem: defaultOrchestratorPrompt() };
  const request = plannerRequest(plan, node, context);
  const messages: Anthropic.MessageParam[] = [...request.messages];
  const spend: PlannerSpend = { asks: 0, usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, costUsd: 0 };
  let problems: string[] = [];

  while (spend.asks < maxAsks) {
    spend.asks++;
    let response: Anthropic.Message;
    try {
      response = await client.messages.create({ ...request, messages: [...messages] }, signal === undefined ? {} : { signal });
    } catch (thrown) {
      const error = plannerCallError(thrown, signal);
      return { ok: false, problems: [`the planner call failed: ${error.message}`], error, ...spend };
    }
    add(spend, request.model, response.usage);
    const call = response.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use' && b.name === planToolName);
    const checked = call === undefined ? undefined : checkPlan(plan, node, call.input, { inputs: context.inputs, ...(options.history && { history: options.history }) });
    if (checked?.ok) return { ok: true, tasks: checked.tasks, ...spend };
    problems = checked?.problems ?? [`the answer did not call \`${planToolName}\`: the plan must be the input of one \`${planToolName}\` call`];
    if (response.stop_reason === 'max_tokens') problems.unshift(`the answer was cut off at ${request.max_tokens} tokens: write shorter prompts or fewer tasks`);
    messages.push(...followUp(response.content, call, problems));
  }
  return { ok: false, problems, ...spend };
}

function add(spend: PlannerSpend, model: string, usage: Anthropic.Usage): void {
  const u: TaskUsage = {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
  };
  for (const key of Object.keys(u) as (keyof TaskUsage)[]) spend.usage[key] += u[key];
  spend.costUsd += costOf(model, u) ?? 0;
}
