import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Span } from '../language/span.ts';

/** A Claude Code sub-agent, in the shape the CLI's `--agents` flag takes. */
export interface AgentDefinition {
  name?: string;
  description: string;
  prompt: string;
  tools?: string[];
  model?: string;
}

export interface AgentFileProblem {
  message: string;
  help?: string;
  span: Span;
}

export interface AgentFileResult {
  agent?: AgentDefinition;
  problems: AgentFileProblem[];
  /** Tool names and models with their spans, for the shared tool and model checks. */
  tools: { value: string; span: Span }[];
  model?: { value: string; span: Span };
  nameSpan?: Span;
}

/**
 * Reads a sub-agent markdown file: YAML front matter between `---` lines, then the prompt.
 * Claude Code ignores a malformed file silently; here every problem has a position.
 */
export function parseAgentFile(text: string): AgentFileResult {
  const result: AgentFileResult = { problems: [], tools: [] };
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) {
    result.problems.push({ message: 'an agent file starts with YAML front matter between `---` lines', help: 'begin with ---, then name, description, tools and model, then ---', span: { start: 0, end: Math.min(text.length, 3) } });
    return result;
  }
  const fmStart = open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(fmStart);
  const closeMatch = close.exec(rest);
  if (!closeMatch) {
    result.problems.push({ message: 'the front matter is never closed with `---`', span: { start: 0, end: 3 } });
    return result;
  }
  const fm = rest.slice(0, closeMatch.index);
  const prompt = rest.slice(closeMatch.index + closeMatch[0].length).trim();
  const doc = parseDocument(fm, { prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined, fallback: Span): Span => (node?.range ? { start: fmStart + node.range[0], end: fmStart + node.range[1] } : fallback);
  const whole = { start: fmStart, end: fmStart + fm.length };
  for (const error of doc.errors) {
    result.problems.push({ message: `invalid YAML: ${error.message.split('\n')[0]}`, span: { start: fmStart + error.pos[0], end: fmStart + error.pos[1] } });
  }
  if (doc.errors.length > 0) return result;
  if (!isMap(doc.contents)) {
    result.problems.push({ message: 'the front matter must be a mapping of `key: value` lines', span: whole });
    return result;
  }
  const field = (key: string) => doc.contents && isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) : undefined;
  const str = (key: string): { value: string; span: Span } | undefined => {
    const node = field(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string') {
      result.problems.push({ message: `\`${key}\` must be text`, span: at(node, whole) });
      return undefined;
    }
    return { value: node.value, span: at(node, whole) };
  };
  const name = str('name');
  const description = str('description');
  const model = str('model');
  if (name) result.nameSpan = name.span;
  if (model) result.model = model;
  if (!description && field('description') === undefined) {
    result.problems.push({ message: 'the front matter has no `description`', help: 'Claude Code ignores the whole agent list when one agent lacks a description', span: whole });
  }
  const toolsNode = field('tools');
  if (isScalar(toolsNode) && typeof toolsNode.value === 'string') {
    const base = at(toolsNode, whole).start + sourceOffset(text, at(toolsNode, whole).start);
    let offset = 0;
    for (const piece of toolsNode.value.split(',')) {
      const trimmed = piece.trim();
      const start = base + offset + piece.indexOf(trimmed);
      if (trimmed) result.tools.push({ value: trimmed, span: { start, end: start + trimmed.length } });
      offset += piece.length + 1;
    }
  } else if (isSeq(toolsNode)) {
    for (const item of toolsNode.items) {
      if (isScalar(item) && typeof item.value === 'string') result.tools.push({ value: item.value, span: at(item as Node, whole) });
      else result.problems.push({ message: 'each tool must be a name such as Read', span: at(item as Node, whole) });
    }
  } else if (toolsNode !== undefined) {
    result.problems.push({ message: '`tools` must be a list or a comma-separated string such as `Read, Grep`', span: at(toolsNode, whole) });
  }
  if (prompt === '') {
    result.problems.push({ message: 'the agent has no prompt after its front matter', help: 'write the sub-agent’s instructions below the closing ---', span: { start: fmStart + closeMatch.index, end: fmStart + closeMatch.index + 3 } });
  }
  if (description && prompt !== '') {
    result.agent = { description: description.value, prompt, ...(name ? { name: name.value } : {}) };
    if (result.tools.length > 0) result.agent.tools = result.tools.map((t) => t.value);
    if (model) result.agent.model = model.value;
  }
  return result;
}

/** A quoted scalar's text starts one character after its range. */
function sourceOffset(text: string, start: number): number {
  const c = text[start];
  return c === '"' || c === "'" ? 1 : 0;
}
