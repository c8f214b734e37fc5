import { readFileSync } from 'node:fs';
import { planGraphModel } from '../compiler/plan-graph-model.ts';
import { estimatePlan } from '../cost/estimate.ts';
import { splicePlan } from '../planner/splice.ts';
import { renderMermaid } from '../render/graph-mermaid.ts';
import type { Styler } from '../render/color.ts';
import { renderCostEstimate } from '../render/dry-run-view.ts';
import type { Approver } from '../runner/runner-nodes.ts';
import { UsageError, type Io } from './io.ts';

export interface ApprovalOptions {
  /** `--approve`: accept every plan, still printing it. */
  approve?: boolean;
  /** `--approval-file FILE`: `accept` or `reject` for every plan, or JSON `{"node-id": "accept"}`. */
  approvalFile?: string;
}

/**
 * How `swarm run` answers a decompose node with `approve = true`: `--approve`, an approval
 * file (for CI), or the person at the terminal. With none of these, the plan is rejected and
 * the run says how to accept it: nothing meant to be seen runs unseen.
 */
export function planApprover(io: Io, style: Styler, options: ApprovalOptions): Approver {
  const decisions = options.approvalFile === undefined ? undefined : readDecisions(options.approvalFile);
  return async ({ node, tasks, plan }) => {
    // The sub-graph as `swarm graph` draws it: the node, its tasks, and what waits on them.
    const spliced = splicePlan(plan, node.id, tasks);
    const shown = new Set([node.id, ...tasks.map((t) => t.id), ...spliced.nodes.filter((n) => n.after.includes(node.id)).map((n) => n.id)]);
    const graph = await renderMermaid(planGraphModel({ ...spliced, nodes: spliced.nodes.filter((n) => shown.has(n.id)).map((n) => ({ ...n, after: n.after.filter((a) => shown.has(a)), reads: n.reads.filter((r) => shown.has(r.node)) })) }));
    const proposal = [
      `${style.bold(node.id)} proposes ${tasks.length} task${tasks.length === 1 ? '' : 's'}:`,
      ...tasks.map((t) => `  ${t.id} [${t.worker}]${t.after.length > 0 ? ` after ${t.after.join(', ')}` : ''}: ${firstLine(t.prompt.map((p) => ('text' in p ? p.text : '${…}')).join(''))}`),
      '',
      graph.text.trimEnd(),
      '',
      ...renderCostEstimate(estimatePlan({ ...plan, nodes: tasks, order: tasks.map((t) => t.id), criticalPath: [] }), style),
      '',
    ].join('\n');
    io.stderr.write(proposal);
    if (options.approve) {
      io.stderr.write(`swarm: ${node.id}: plan accepted (--approve)\n`);
      return true;
    }
    if (decisions !== undefined) {
      const decision = decisions.get(node.id) ?? decisions.get('*');
      if (decision === undefined) throw new UsageError(`${options.approvalFile} says nothing about decompose node \`${node.id}\`: write "accept" or "reject" for it`);
      io.stderr.write(`swarm: ${node.id}: plan ${decision === 'accept' ? 'accepted' : 'rejected'} (${options.approvalFile})\n`);
      return decision === 'accept';
    }
    if (io.ask !== undefined) return /^y(es)?$/i.test((await io.ask(`Run this plan of ${node.id}? [y/N] `)).trim());
    io.stderr.write(`swarm: ${node.id}: plan rejected: it needs approval; pass --approve, or --approval-file FILE holding "accept"\n`);
    return false;
  };
}

function readDecisions(file: string): Map<string, 'accept' | 'reject'> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`cannot read the approval file ${file}: ${(error as Error).message}`);
  }
  const word = (value: unknown, where: string): 'accept' | 'reject' => {
    if (value === 'accept' || value === 'reject') return value;
    throw new UsageError(`${file}: expected "accept" or "reject"${where}, got ${JSON.stringify(value)}`);
  };
  if (!text.startsWith('{')) return new Map([['*', word(text.toLowerCase(), '')]]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON nor a single word: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${file}: expected an object of node ids to "accept" or "reject"`);
  return new Map(Object.entries(parsed).map(([id, value]) => [id, word(value, ` for \`${id}\``)]));
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
