import { readFileSync } from 'node:fs';
import { swarmFilesIn } from '../../scripts/conformance-fixtures.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileNode, ValueNode } from '../../src/language/ast.ts';
import { astShape } from '../../src/language/ast-shape.ts';
import { format } from '../../src/language/format.ts';
import { parse } from '../../src/language/parse.ts';
import { print } from '../../src/language/printer.ts';
import type { Span } from '../../src/language/span.ts';
import { lexer } from '../../src/language/tokens.ts';
import { seeded } from '../support/property.ts';
import { repoRoot } from '../support/workspace.ts';
import { commentText, fileNode } from './ast-arbitrary.ts';

const comments = (ast: FileNode) => ast.comments.map((c) => c.text.replace(/[ \t]+$/, '')).sort();

describe('print', () => {
  it('prints any AST the grammar can express so that it parses back to the same AST, without diagnostics', () => {
    fc.assert(
      fc.property(fileNode, (ast) => {
        const text = print(ast, { reorder: false });
        const back = parse(text, 'random.swarm');
        expect(back.diagnostics).toEqual([]);
        expect(astShape(back.ast)).toEqual(astShape(ast));
      }),
      seeded(400),
    );
  });

  it('keeps every comment wherever it stands, and formats to a fixed point', () => {
    const insertion = fc.record({ line: fc.nat(), ownLine: fc.boolean(), text: commentText });
    fc.assert(
      fc.property(fileNode, fc.array(insertion, { maxLength: 12 }), (ast, insertions) => {
        const source = withComments(print(ast, { reorder: false }), insertions);
        const first = format(source, 'random.swarm');
        expect(first.diagnostics).toEqual([]);
        const formatted = first.text!;
        expect(format(formatted, 'random.swarm').text).toBe(formatted);
        const before = parse(source, 'random.swarm').ast;
        const after = parse(formatted, 'random.swarm').ast;
        expect(comments(after)).toEqual(comments(before));
        expect(astShape(after, { unordered: true })).toEqual(astShape(before, { unordered: true }));
      }),
      seeded(300),
    );
  });

  it('formats any layout of the same tokens alike, and keeps comments put between any two', () => {
    const separator = fc.oneof(fc.constantFrom(' ', '\n', '\t', '\r\n', '\n\n  ', '\r'), commentText.map((c) => ` #${c}\n`));
    fc.assert(
      fc.property(fileNode, fc.infiniteStream(separator), (ast, separators) => {
        const tidy = print(ast, { reorder: false });
        const between = lexer.tokenize(tidy).tokens.map((t) => [t.image, separators.next().value] as const);
        const bare = between.map(([image, sep]) => image + (sep.includes('#') ? '\n' : sep)).join('');
        expect(format(bare, 'bare.swarm').text).toBe(format(tidy, 'tidy.swarm').text);

        const messy = between.map(([image, sep]) => image + sep).join('');
        const formatted = format(messy, 'messy.swarm').text!;
        expect(formatted).toBeDefined();
        expect(format(formatted, 'messy.swarm').text).toBe(formatted);
        const after = parse(formatted, 'messy.swarm').ast;
        expect(comments(after)).toEqual(comments(parse(messy, 'messy.swarm').ast));
        expect(astShape(after, { unordered: true })).toEqual(astShape(ast, { unordered: true }));
      }),
      seeded(300),
    );
  });
});

describe('format on the shipped workflows', () => {
  const files = swarmFilesIn('workflows').map((f) => f.slice('workflows/'.length));

  it.each(files)('%s formats to a fixed point that means the same', (file) => {
    const source = readFileSync(repoRoot + 'workflows/' + file, 'utf8');
    const formatted = format(source, file).text!;
    expect(formatted).toBeDefined();
    expect(format(formatted, file).text).toBe(formatted);
    const before = parse(source, file).ast;
    const after = parse(formatted, file).ast;
    expect(astShape(after, { unordered: true })).toEqual(astShape(before, { unordered: true }));
    expect(comments(after)).toEqual(comments(before));
  });
});

/**
 * Adds comments at line ends and on lines of their own, never inside a string, where `#`
 * would be text rather than a comment.
 */
function withComments(text: string, insertions: { line: number; ownLine: boolean; text: string }[]): string {
  const strings = stringSpans(parse(text, 'random.swarm').ast);
  const inString = (offset: number) => strings.some((s) => s.start < offset && offset < s.end);
  const lines = text.split('\n');
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  const above = lines.map((): string[] => []);
  for (const { line, ownLine, text: comment } of insertions) {
    const i = line % lines.length;
    const end = starts[i]! + lines[i]!.length;
    if (ownLine && !inString(starts[i]!)) above[i]!.push('#' + comment);
    else if (!ownLine && !inString(end)) lines[i] += ' #' + comment;
  }
  return lines.flatMap((l, i) => [...above[i]!, l]).join('\n');
}

function stringSpans(ast: FileNode): Span[] {
  const spans: Span[] = [];
  const visit = (v: ValueNode): void => {
    if (v.type === 'String') spans.push(v.span);
    if (v.type === 'List') v.items.forEach(visit);
    if (v.type === 'Call') v.args.forEach(visit);
  };
  const walk = (items: FileNode['blocks'][number]['body']): void => {
    for (const item of items) {
      if (item.type === 'Block') walk(item.body);
      else visit(item.value);
    }
  };
  ast.blocks.forEach((b) => walk(b.body));
  return spans;
}
