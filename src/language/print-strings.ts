import type { StringNode, StringPart } from './ast.ts';

type Piece = { text: string } | { path: string };

/** Whether a string prints as a `"""` text block: it was one, or a quoted form would need `\n`. */
export function isTextBlock(node: StringNode): boolean {
  return node.style === 'text' || node.parts.some((p) => p.type === 'Text' && p.value.includes('\n'));
}

/**
 * Prints a string so that it reads back to exactly the same parts. `indent` is the indentation
 * of the line the string starts on; a text block's lines and closing quotes go 2 deeper.
 */
export function printString(node: StringNode, indent: string): string {
  return isTextBlock(node) ? textBlock(node.parts, indent + '  ') : quoted(node.parts);
}

// Adjacent text parts are one run, so `$` and `{` from two parts still get their `\$`.
function pieces(parts: StringPart[]): Piece[] {
  const out: Piece[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.type === 'Interpolation') out.push({ path: part.path.map((p) => p.name).join('.') });
    else if (last && 'text' in last) last.text += part.value;
    else out.push({ text: part.value });
  }
  return out;
}

const quotedEscapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function quoted(parts: StringPart[]): string {
  let out = '"';
  for (const piece of pieces(parts)) {
    out += 'path' in piece ? '${' + piece.path + '}' : piece.text.replace(/["\\\n\r\t]|\$(?=\{)/g, (c) => quotedEscapes[c] ?? '\\$');
  }
  return out + '"';
}

/**
 * The opening quotes stand alone on their line and the closing ones on their own line at
 * `indent`; the closing line's width is then the common indentation, so leading spaces of
 * the value survive (the Java text-block rule that `scanTextBlock` applies).
 */
function textBlock(parts: StringPart[], indent: string): string {
  let body = '';
  for (const piece of pieces(parts)) body += 'path' in piece ? '${' + piece.path + '}' : escapeTextBlock(piece.text);
  if (body === '') return '"""\n' + indent + '"""';
  const lines = body.split('\n').map((line) => (line === '' ? '' : indent + line));
  return '"""\n' + lines.join('\n') + '\n' + indent + '"""';
}

function escapeTextBlock(text: string): string {
  let out = '';
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      // Three unescaped quotes in a row would close the block; escape every third.
      out += quotes === 2 ? '\\"' : '"';
      quotes = quotes === 2 ? 0 : quotes + 1;
      continue;
    }
    quotes = 0;
    if (c === '\\') out += '\\\\';
    // A raw CR would read as a line break and come back as `\n`.
    else if (c === '\r') out += '\\r';
    else if (c === '$' && text[i + 1] === '{') out += '\\$';
    else out += c;
  }
  return out;
}
