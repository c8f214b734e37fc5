import { identifierPattern } from './plan-answer.ts';

/**
 * Pieces of `.swarm` source for the synthetic workflow the planner's answer is compiled in.
 * Every value is written in a form the lexer reads back exactly.
 */

/** A prompt as pieces: text taken literally, and `${…}` holes left for the compiler to resolve. */
export type PromptPiece = { text: string } | { hole: string };

const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A quoted string holding exactly `text`, with no interpolation. */
export function quotePlain(text: string): string {
  return `"${escapeText(text)}"`;
}

/** A quoted string whose holes the compiler will read as interpolations. */
export function quotePrompt(pieces: readonly PromptPiece[]): string {
  return `"${pieces.map((p) => ('hole' in p ? '${' + p.hole + '}' : escapeText(p.text))).join('')}"`;
}

function escapeText(text: string): string {
  return text.replace(/["\\\n\r\t]|\$(?=\{)/g, (c) => escapes[c] ?? '\\$');
}

/**
 * Splits a prompt the model wrote at its `${…}` holes. A hole whose inside would end the
 * quoted string (a quote, a backslash, a line break) cannot be an interpolation, so it stays
 * text, as does a `${` that is never closed.
 */
export function promptPieces(prompt: string): PromptPiece[] {
  const pieces: PromptPiece[] = [];
  let last = 0;
  for (const m of prompt.matchAll(/\$\{([^{}"\\\r\n]*)\}/g)) {
    if (m.index > last) pieces.push({ text: prompt.slice(last, m.index) });
    pieces.push({ hole: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < prompt.length) pieces.push({ text: prompt.slice(last) });
  return pieces;
}

/** A duration literal for a number of milliseconds. */
export function durationLiteral(ms: number): string {
  return `${ms}ms`;
}

/** A per-minute rate literal, or undefined for a figure the lexer cannot read (`1e21`). */
export function rateLiteral(perMinute: number): string | undefined {
  const digits = String(perMinute);
  return /^\d+(?:\.\d+)?$/.test(digits) ? `${digits}/min` : undefined;
}

export function nameList(names: readonly string[]): string {
  return `[${names.join(', ')}]`;
}

export function isIdentifier(name: string): boolean {
  return identifierPattern.test(name) && name !== 'true' && name !== 'false';
}
