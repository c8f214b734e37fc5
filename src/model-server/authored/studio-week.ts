import { taskHeader } from '../../cassette/exchange-key.ts';
import type { Plan } from '../../compiler/plan-schema.ts';
import { planToolName } from '../../planner/plan-answer.ts';
import type { ScriptRequest } from '../server.ts';
import { authoredResponder, type Responder } from './conversation.ts';
import { studioWeekAgents } from './studio-week/agents.ts';
import { decemberNewsletterTask } from './studio-week/december-newsletter.ts';
import { fixEnrolment } from './studio-week/fix-enrolment.ts';
import { newsletterData } from './studio-week/newsletter-data.ts';
import { placementLetters } from './studio-week/placement-letters.ts';
import { plannedResponder } from './studio-week/planned-responder.ts';
import { programmeAdTask } from './studio-week/programme-ad.ts';
import { registrationCheck } from './studio-week/registration-check.ts';
import { studioCheck } from './studio-week/studio-check.ts';
import { thompsonCall } from './studio-week/thompson-call.ts';
import { weekPlan } from './studio-week/week-plan.ts';
import { weeklyBrief } from './studio-week/weekly-brief.ts';

/**
 * Marie, Anga and Fabien on workflows/studio-week.swarm, and the runner's two calls. The
 * check-ins are worker tasks of the plan; `plan-week` and `weekly-brief` are the runner's own
 * SDK calls, which carry no `<swarm-task>` note and are known by their task header alone; the
 * planned tasks are known by their ids under `plan-week`. Sub-agents serve every task.
 */
export function studioWeek(plan: Plan): Responder {
  const checkIns = authoredResponder(plan, { 'studio-check': studioCheck, 'registration-check': registrationCheck, 'newsletter-data': newsletterData }, studioWeekAgents);
  const planned = plannedResponder(plan, 'plan-week', {
    'fix-enrolment': fixEnrolment,
    'thompson-call': thompsonCall,
    'placement-letters': placementLetters,
    'december-newsletter': decemberNewsletterTask,
    'programme-ad': programmeAdTask,
  });
  return (request) => {
    const task = taskOf(request);
    // The orchestrator answers through the tool alone, and gives the same plan if asked again.
    if (task === 'plan-week') return { tool: planToolName, input: weekPlan };
    if (task === 'weekly-brief') return { text: weeklyBrief };
    return planned(request) ?? checkIns(request);
  };
}

function taskOf(request: ScriptRequest): string | undefined {
  const value = request.headers[taskHeader];
  return Array.isArray(value) ? value[0] : value;
}
