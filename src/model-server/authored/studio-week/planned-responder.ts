import { join } from 'node:path';
import type { Plan } from '../../../compiler/plan-schema.ts';
import { planIdOf } from '../../../queue/protocol.ts';
import { placeOf, turnsTaken, type Responder, type TaskAuthor, type TaskContext } from '../conversation.ts';

/**
 * Plays the tasks a decompose node adds at run time, which the compiled plan does not hold (so
 * authoredResponder cannot find them): each is known by its id under the node, which the note
 * ending its prompt gives as the queue writes it (`plan-week.fix-enrolment` for the plan's
 * `plan-week/fix-enrolment`). A planned prompt is the planner's own text, not a template of
 * the workflow, so an input reads as its default. Sub-agent requests and other tasks get
 * `undefined`, for the next responder.
 */
export function plannedResponder(plan: Plan, decompose: string, tasks: Record<string, TaskAuthor>): Responder {
  const prefix = `${decompose}/`;
  return (request) => {
    if (request.subagent) return undefined;
    const place = placeOf(request.firstUserText);
    if (place === undefined) return undefined;
    const id = planIdOf(place.task);
    if (!id.startsWith(prefix)) return undefined;
    const author = tasks[id.slice(prefix.length)];
    if (author === undefined) return undefined;
    const context: TaskContext = {
      place,
      prompt: request.firstUserText,
      input: (name) => String(plan.inputs.find((i) => i.name === name)?.default ?? ''),
      out: (file) => join(place.cwd, file),
      at: (file) => join(place.material, file),
    };
    // As for the hand-written tasks: a stray request after the structured output gets a plain close.
    return author(context)[turnsTaken(request)] ?? { text: 'Done: the summary and findings are in the structured output.' };
  };
}
