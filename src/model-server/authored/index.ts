import type { Plan } from '../../compiler/plan-schema.ts';
import type { Responder } from './conversation.ts';
import { campaignLaunch } from './campaign-launch.ts';
import { codeReview } from './code-review.ts';
import { studentReview } from './student-review.ts';
import { studioWeek } from './studio-week.ts';

export type { Responder } from './conversation.ts';

/**
 * The authored model of each shipped workflow that has no decompose or synthesize node, by
 * workflow name: what the cassettes shipped beside workflows/ are recorded from.
 */
export const authoredResponders: Record<string, (plan: Plan) => Responder> = {
  'student-review': studentReview,
  'code-review': codeReview,
  'campaign-launch': campaignLaunch,
  'studio-week': studioWeek,
};

/**
 * The authored responder for a plan's workflow. Throws for a workflow nobody has authored, as
 * a cassette of placeholder answers must not ship in its place.
 */
export function responderFor(plan: Plan): Responder {
  const author = authoredResponders[plan.workflow.name];
  if (!author) throw new Error(`no authored answers for workflow \`${plan.workflow.name}\`; authored: ${Object.keys(authoredResponders).join(', ')}`);
  return author(plan);
}
