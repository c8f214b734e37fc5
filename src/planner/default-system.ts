import { readFileSync } from 'node:fs';

const shipped = new URL('../../prompts/orchestrator.md', import.meta.url);
let text: string | undefined;

/**
 * The planner's instructions when a decompose node gives none: the shipped
 * prompts/orchestrator.md, read once. Kept out of plannerRequest so that stays pure.
 */
export function defaultOrchestratorPrompt(): string {
  return (text ??= readFileSync(shipped, 'utf8'));
}
