import type Anthropic from '@anthropic-ai/sdk';
import { resolveModel } from '../compiler/known.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import type { InputValues } from '../runtime/events.ts';
import { renderTemplate, type UpstreamResult } from '../runtime/render-template.ts';
import type { DecomposeNode } from './decompose-node.ts';
import { planToolInputSchema, planToolName } from './plan-answer.ts';
import { upstreamText } from './upstream-text.ts';
import { workflowContext } from './workflow-context.ts';

export interface PlannerContext {
  /** Resolved input values (see `resolveInputs`). */
  inputs: InputValues;
  /** Results of finished nodes, by id: the decompose node's upstream at least. */
  results: ReadonlyMap<string, UpstreamResult>;
  /** The run directory, absolute: relative artifact paths are shown joined to it. */
  runDir?: string;
  /**
   * The instructions when the node has no `system`; askPlanner passes the shipped
   * prompts/orchestrator.md (`defaultOrchestratorPrompt()`).
   */
  defaultSystem?: string;
}

/**
 * The most the planner may write. A plan of ten self-contained prompts fits well inside; the
 * SDK refuses a non-streaming request whose `max_tokens` could take over ten minutes (~21k).
 */
export const plannerMaxTokens = 16_000;

const toolDescription =
  'Submit the plan: the tasks to add to the workflow, each for one worker. Call it exactly once; the plan is checked like a hand-written workflow, and any problems come back in the tool result.';

/**
 * The Messages request for a decompose node's first ask. Both system blocks (the instructions,
 * then the workflow's workers and rules) are the same bytes in every ask of the node, so each
 * carries a cache breakpoint; the results and the task go in the user message. The tool choice
 * forces a `submit_plan` call (which is also why extended thinking stays off: the API refuses
 * it with a forced tool). Pure.
 */
export function plannerRequest(plan: Plan, node: DecomposeNode, context: PlannerContext): Anthropic.MessageCreateParamsNonStreaming {
  const render = { inputs: context.inputs, results: context.results, ...(context.runDir !== undefined && { runDir: context.runDir }) };
  const instructions = node.system ? renderTemplate(node.system.template, render) : context.defaultSystem;
  if (instructions === undefined) throw new TypeError(`Expected \`defaultSystem\` for decompose node \`${node.id}\`, which has no system prompt of its own`);
  const user = [upstreamText(plan, node, context.results, context.runDir), `# What to plan\n\n${renderTemplate(node.prompt, render).trim()}\n`].filter((t) => t !== '').join('\n');
  return {
    model: resolveModel(node.model)?.id ?? node.model,
    max_tokens: plannerMaxTokens,
    system: [
      { type: 'text', text: instructions, cache_control: { type: 'ephemeral' } },
      { type: 'text', text: workflowContext(plan, node), cache_control: { type: 'ephemeral' } },
    ],
    tools: [{ name: planToolName, description: toolDescription, input_schema: planToolInputSchema() }],
    tool_choice: { type: 'tool', name: planToolName },
    messages: [{ role: 'user', content: user }],
  };
}
