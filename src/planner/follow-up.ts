import type Anthropic from '@anthropic-ai/sdk';
import { planToolName } from './plan-answer.ts';

/**
 * The two messages that send a refused answer back: the model's own turn as it came, then a
 * user turn answering every tool call in it (the API refuses a tool call left unanswered).
 * The checked `submit_plan` call gets the problems as an `is_error` result; with no such call
 * the user turn says to make one.
 */
export function followUp(content: readonly Anthropic.ContentBlock[], call: Anthropic.ToolUseBlock | undefined, problems: readonly string[]): Anthropic.MessageParam[] {
  const said = content.flatMap((b): Anthropic.ContentBlockParam[] => {
    if (b.type === 'text') return b.text === '' ? [] : [{ type: 'text', text: b.text }];
    if (b.type === 'tool_use') return [{ type: 'tool_use', id: b.id, name: b.name, input: b.input }];
    return [];
  });
  const results = content.flatMap((b): Anthropic.ToolResultBlockParam[] => {
    if (b.type !== 'tool_use') return [];
    const text = b === call ? refusal(problems) : `Only one \`${planToolName}\` call is read, and no other tool is available.`;
    return [{ type: 'tool_result', tool_use_id: b.id, is_error: true, content: text }];
  });
  const reply: Anthropic.ContentBlockParam[] =
    call === undefined ? [...results, { type: 'text', text: [...problems, `Call \`${planToolName}\` now, with the whole plan as its input, and write nothing else.`].join('\n') }] : results;
  return [...(said.length === 0 ? [] : [{ role: 'assistant' as const, content: said }]), { role: 'user', content: reply }];
}

function refusal(problems: readonly string[]): string {
  return ['The plan was not accepted:', ...problems.map((p) => `- ${p}`), `Fix every problem and call \`${planToolName}\` again with the whole corrected plan.`].join('\n');
}
