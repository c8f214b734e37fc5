import { cliOverheadTokens, estimateTokens } from '../compiler/known.ts';
import type { Plan, PlanNode, PlanWorker, Template } from '../compiler/plan-schema.ts';
import type { InputValues, TaskUsage } from '../runtime/events.ts';
import { findingsJsonSchema } from '../worker/claude-result.ts';

/**
 * The estimate from prompt sizes alone, before any run has been seen. Each node is priced in
 * three scenarios (low, expected, high) whose every parameter is ordered low ≤ expected ≤ high;
 * token counts only grow with each parameter, so the three costs are ordered too.
 */

/** One scenario's assumptions about how a conversation goes. */
export interface Scenario {
  /** Requests of a task conversation with tools, before its `max-turns` cap. */
  turns: number;
  /** Tokens the model writes per request. */
  outputPerTurn: number;
  /** Tokens a tool call's result adds to the conversation (a file read, a command's output). */
  toolResultPerTurn: number;
  /** Tokens an upstream `${node.field}` fills in. */
  readTokens: number;
  /** Share of a worker's sub-agents that run once in the task. */
  subagentShare: number;
  /** Output of a planner or synthesizer's single request. */
  plannerOutput: number;
  /** Share of a decompose node's `max-tasks` it adds. */
  spawnedShare: number;
}

export const scenarios: Record<'low' | 'expected' | 'high', Scenario> = {
  low: { turns: 2, outputPerTurn: 150, toolResultPerTurn: 200, readTokens: 100, subagentShare: 0, plannerOutput: 300, spawnedShare: 0 },
  expected: { turns: 4, outputPerTurn: 400, toolResultPerTurn: 800, readTokens: 400, subagentShare: 0.5, plannerOutput: 1_500, spawnedShare: 0.5 },
  high: { turns: 12, outputPerTurn: 1_200, toolResultPerTurn: 3_000, readTokens: 1_500, subagentShare: 1, plannerOutput: 4_000, spawnedShare: 1 },
};

/** A conversation's usage plus the model it runs on, so sub-agents on other models price apart. */
export interface Spend {
  model: string;
  usage: TaskUsage;
}

// swarm's own additions to every task request: the protocol note and the StructuredOutput tool.
const protocolTokens = 120 + estimateTokens(JSON.stringify(findingsJsonSchema));
// What a worker asks a sub-agent to do, as the Agent tool's input.
const subagentTaskTokens = 200;
// A plan's workers as the planner sees them, each.
const plannerWorkerTokens = 200;

/**
 * One conversation of `turns` requests: a fixed prefix (tools and system prompt), the first
 * user message, then per turn the model's output and a tool's result. Claude Code marks its
 * system blocks and the last message with `cache_control`, so the first request writes the
 * prefix and prompt to the cache, each later request reads everything the previous one sent
 * from it and writes only what was added; little is left uncached, counted here as none.
 * Turns are seconds apart, well inside the cache's five minutes.
 */
export function conversationUsage(prefix: number, prompt: number, turns: number, perTurn: { output: number; toolResult: number }): TaskUsage {
  const step = perTurn.output + perTurn.toolResult;
  const later = Math.max(0, turns - 1);
  return {
    input_tokens: 0,
    output_tokens: turns * perTurn.output,
    cache_creation_input_tokens: prefix + prompt + later * step,
    cache_read_input_tokens: later * (prefix + prompt) + (step * later * (later - 1)) / 2,
  };
}

/** One uncached request, as the planner sends it through the SDK. */
function singleRequest(input: number, output: number): TaskUsage {
  return { input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

/** A template's tokens, inputs filled in and each upstream field as `readTokens`. */
export function templateTokens(template: Template, inputs: InputValues, readTokens: number): number {
  return template.reduce((sum, part) => {
    if ('text' in part) return sum + estimateTokens(part.text);
    if ('input' in part) return sum + estimateTokens(String(inputs[part.input] ?? ''));
    return sum + readTokens;
  }, 0);
}

const agentTool = (tool: string) => tool === 'Task' || tool === 'Agent';

/**
 * The prompt model's spend for one node in one scenario: one entry per conversation. `cost`
 * prices spends; it picks the dearest worker for a decompose node's tasks, so the pick keeps
 * the scenarios' costs in order.
 */
export function promptSpend(plan: Plan, node: PlanNode, inputs: InputValues, s: Scenario, cost: (spends: Spend[]) => number): Spend[] {
  if (node.kind === 'decompose') {
    const system = node.system ? templateTokens(node.system.template, inputs, s.readTokens) : 0;
    const planner = { model: node.model, usage: singleRequest(system + templateTokens(node.prompt, inputs, s.readTokens) + node.workers.length * plannerWorkerTokens, s.plannerOutput) };
    // The tasks it adds are not known yet: each as a short task on the dearest of its workers.
    const spawned = Math.ceil(node.maxTasks * s.spawnedShare);
    const workers = plan.workers.filter((w) => node.workers.includes(w.name));
    const perTask = workers.map((w) => taskSpend(plan, w, { tools: w.tools, maxTurns: w.maxTurns, model: w.model, promptTokens: plannerWorkerTokens, inputs }, s));
    const dearest = perTask.sort((a, b) => cost(b) - cost(a))[0] ?? [];
    return [planner, ...Array.from({ length: spawned }, () => dearest).flat()];
  }
  if (node.kind === 'synthesize') {
    const system = node.system ? templateTokens(node.system.template, inputs, s.readTokens) : 0;
    const input = system + templateTokens(node.prompt, inputs, s.readTokens) + node.after.length * s.readTokens;
    return [{ model: node.model, usage: singleRequest(input, s.plannerOutput) }];
  }
  const worker = plan.workers.find((w) => w.name === node.worker)!;
  return taskSpend(plan, worker, { tools: node.tools ?? worker.tools, maxTurns: node.maxTurns ?? worker.maxTurns, model: node.model, promptTokens: templateTokens(node.prompt, inputs, s.readTokens), inputs }, s);
}

interface TaskShape {
  tools: string[] | undefined;
  maxTurns: number | undefined;
  model: string;
  promptTokens: number;
  inputs: InputValues;
}

function taskSpend(plan: Plan, worker: PlanWorker, task: TaskShape, s: Scenario): Spend[] {
  const agents = plan.agents.filter((a) => worker.agents.includes(a.name));
  const system = worker.system ? templateTokens(worker.system.template, task.inputs, 0) : 0;
  const agentDefs = agents.reduce((sum, a) => sum + estimateTokens(`${a.name}: ${a.description}`), 0);
  const prefix = cliOverheadTokens(task.model, task.tools) + system + agentDefs + protocolTokens;
  // Without tools there is still the StructuredOutput call, and the answer after it.
  const offered = task.tools === undefined || task.tools.length > 0;
  const turns = Math.min(offered ? s.turns : 2, task.maxTurns ?? Infinity);
  const main: Spend = { model: task.model, usage: conversationUsage(prefix, task.promptTokens, turns, { output: s.outputPerTurn, toolResult: s.toolResultPerTurn }) };
  const canDelegate = task.tools === undefined || task.tools.some(agentTool);
  if (!canDelegate) return [main];
  const delegated = agents.slice(0, Math.round(agents.length * s.subagentShare));
  return [
    main,
    ...delegated.map((a) => {
      const model = a.model === undefined || a.model === 'inherit' ? task.model : a.model;
      const agentPrefix = cliOverheadTokens(model, a.tools) + templateTokens(a.prompt, task.inputs, 0);
      return { model, usage: conversationUsage(agentPrefix, subagentTaskTokens, Math.max(1, Math.ceil(s.turns / 2)), { output: s.outputPerTurn, toolResult: s.toolResultPerTurn }) };
    }),
  ];
}
