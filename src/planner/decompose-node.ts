import type { PlanNode } from '../compiler/plan-schema.ts';

/** A plan's decompose node: what the planner is asked for, and the rules its answer must keep. */
export type DecomposeNode = Extract<PlanNode, { kind: 'decompose' }>;
