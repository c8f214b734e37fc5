import type { z } from 'zod';
import { blockKinds, childKinds, requiredAttributes, type BlockKind } from '../src/compiler/block-kinds.ts';
import type { TypeDoc } from '../src/compiler/values.ts';
import { ruleLine } from './grammar-ebnf.ts';
import { grammarRules, tokenTable } from './grammar-model.ts';
import { code, fenced, inline, table } from './markdown.ts';

/** The language reference's generated sections for the grammar and the block kinds. */

export function grammarSection(): string {
  const parts = [
    'Generated from the running parser. The whole grammar, tokens included, is in [`swarm.ebnf`](swarm.ebnf).',
  ];
  for (const rule of grammarRules()) {
    parts.push(`### ${code(rule.name)}`, `![${rule.name}](diagrams/${rule.name}.svg)`, fenced('ebnf', ruleLine(rule)));
  }
  parts.push('### Tokens', 'The lexer tries these in order and takes the first that matches; patterns are JavaScript regular expressions.', tokensTable());
  return parts.join('\n\n');
}

function tokensTable(): string {
  const { tokens, categories } = tokenTable();
  const rows = tokens.map((t) => [code(t.name, true), code(t.literal ?? `/${t.pattern}/`, true), inline(t.notes.join('; '), true)]);
  for (const c of categories) rows.push([code(c.name, true), `any of ${c.members!.map((m) => code(m, true)).join(', ')}`, 'a category: the parser consumes it, the lexer never produces it']);
  return table(['Token', 'Matches', 'Notes'], rows);
}

export function blocksSection(): string {
  const kinds = Object.values(blockKinds) as BlockKind[];
  const index = kinds.map((k) => `[${code(k.kind)}](#${k.kind})`).join(' · ');
  return [`Block kinds: ${index}.`, ...kinds.map(blockKindDoc)].join('\n\n');
}

function blockKindDoc(kind: BlockKind): string {
  const written = kind.label === 'required' ? `${kind.kind} NAME { … }` : `${kind.kind} { … }`;
  const where = kind.parents.map((p) => (p === 'file' ? 'the top level of the file' : `a ${code(p)} block`)).join(' or ');
  const children = childKinds(kind.kind).map((c) => `[${code(c.kind)}](#${c.kind})`);
  const facts = [
    `- **Written:** ${code(written)}${kind.label === 'required' ? ' — the name is required' : ' — it takes no name'}`,
    `- **Stands in:** ${where}, ${kind.repeatable ? 'any number of times' : 'at most once'}`,
    ...(children.length > 0 ? [`- **Holds blocks:** ${children.join(', ')}`] : []),
  ];
  return [`### ${kind.kind}`, inline(kind.summary), facts.join('\n'), attributeTable(kind)].join('\n\n');
}

function attributeTable(kind: BlockKind): string {
  const required = new Set(requiredAttributes(kind));
  const rows = Object.entries(kind.attributes.shape).map(([name, schema]) => {
    const doc = attributeDoc(schema as z.ZodType);
    return [
      code(name, true),
      inline(doc.typeName, true),
      required.has(name) ? '**yes**' : 'no',
      inline(doc.description, true),
      code(`${name} = ${doc.example}`, true),
    ];
  });
  return table(['Attribute', 'Type', 'Required', 'Description', 'Example'], rows);
}

/** The description sits on the attribute; the type and example on the value schema it wraps. */
function attributeDoc(schema: z.ZodType): TypeDoc & { description: string } {
  const inner = unwrapOptional(schema);
  const meta = { ...(inner.meta() ?? {}), ...(schema.meta() ?? {}) } as Partial<TypeDoc> & { description?: string };
  if (meta.typeName === undefined || meta.example === undefined || meta.description === undefined) {
    throw new Error(`reference: an attribute schema lacks typeName, example or description: ${JSON.stringify(meta)}`);
  }
  return { typeName: meta.typeName, example: meta.example, description: meta.description };
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  return def.type === 'optional' && def.innerType ? def.innerType : schema;
}
