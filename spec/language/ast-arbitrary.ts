import fc from 'fast-check';
import type * as A from '../../src/language/ast.ts';
import { readDuration, readMoney, readNumber, readRate, type Literal } from '../../src/language/literals.ts';

// Generated nodes have no source; every span is empty, and comparisons ignore spans.
const at = { start: 0, end: 0 };

/** Names the grammar accepts: `true` and `false` would lex as keywords. */
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,10}$/);
const hyphenated = fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join('-'));
// Known kinds and attributes, so that reordering by the block-kind table is exercised too.
const known = fc.constantFrom('workflow', 'task', 'worker', 'limits', 'input', 'defaults', 'prompt', 'after', 'model', 'tools', 'max-turns');
export const identifier = fc.oneof(name, hyphenated, known).filter((s) => s !== 'true' && s !== 'false');
const ident = identifier.map((n): A.Ident => ({ name: n, span: at }));

const digits = fc.stringMatching(/^\d{1,4}$/);
const decimal = fc.tuple(digits, fc.option(digits, { nil: undefined })).map(([i, f]) => (f === undefined ? i : `${i}.${f}`));
const sign = fc.constantFrom('', '', '-');

function literal<T>(raw: fc.Arbitrary<string>, read: (raw: string) => Literal<T>): fc.Arbitrary<{ raw: string; value: T }> {
  return raw.map((r) => ({ raw: r, value: read(r) })).filter((l) => l.value.ok).map((l) => ({ raw: l.raw, value: (l.value as { value: T }).value }));
}

const numberNode = literal(
  fc.tuple(sign, decimal, fc.constantFrom('', '', 'e3', 'E-2', 'e+1'), fc.constantFrom('', 'k', 'M')).map((p) => p.join('')),
  readNumber,
).map(({ raw, value }): A.NumberNode => ({ type: 'Number', value, raw, span: at }));

const durationNode = literal(
  fc
    .subarray(['d', 'h', 'm', 's', 'ms'], { minLength: 1 })
    .chain((units) => fc.tuple(sign, fc.tuple(...units.map((u) => decimal.map((d) => d + u)))))
    .map(([s, parts]) => s + parts.join('')),
  readDuration,
).map(({ raw, value }): A.DurationNode => ({ type: 'Duration', ms: value, raw, span: at }));

const rateNode = literal(
  fc.tuple(sign, decimal, fc.constantFrom('', 'k', 'M'), fc.constantFrom('s', 'min', 'h', 'day')).map(([s, d, k, u]) => `${s}${d}${k}/${u}`),
  readRate,
).map(({ raw, value }): A.RateNode => ({ type: 'Rate', ...value, raw, span: at }));

const moneyNode = literal(
  fc.tuple(sign, decimal).map(([s, d]) => `${s}$${d}`),
  readMoney,
).map(({ raw, value }): A.MoneyNode => ({ type: 'Money', usd: value, raw, span: at }));

// The characters strings must escape, and the sequences that look like syntax.
const tricky = fc.constantFrom('"', '\\', '$', '${x}', '"""', '\n', '\r', '\t', '  ', '\r\n', '${', '}', '$$', '\\n', '""', '""""', '\n  \n', ' ', '\\${', '\n\t', '\u2028');
const fragment = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }), tricky);
const plainText = fc.array(fragment, { maxLength: 8 }).map((a) => a.join(''));
// Leading spaces on every line test that text blocks keep indentation that is part of the value.
const text = fc.oneof(plainText, plainText.map((t) => t.split('\n').map((l) => '  ' + l).join('\n')));

const pathName = name.map((n): A.Ident => ({ name: n, span: at }));
const part: fc.Arbitrary<A.StringPart> = fc.oneof(
  { weight: 3, arbitrary: text.map((value): A.TextPart => ({ type: 'Text', value })) },
  { weight: 1, arbitrary: fc.array(pathName, { minLength: 1, maxLength: 3 }).map((path): A.InterpolationPart => ({ type: 'Interpolation', path, span: at })) },
);
const stringNode = fc
  .tuple(fc.constantFrom<A.StringNode['style']>('quoted', 'text'), fc.array(part, { maxLength: 5 }))
  .map(([style, parts]): A.StringNode => ({ type: 'String', style, parts, span: at }));

const scalar: fc.Arbitrary<A.ValueNode> = fc.oneof(
  stringNode,
  numberNode,
  durationNode,
  rateNode,
  moneyNode,
  fc.boolean().map((value): A.BoolNode => ({ type: 'Bool', value, span: at })),
  identifier.map((n): A.RefNode => ({ type: 'Ref', name: n, span: at })),
);

export const { value } = fc.letrec<{ value: A.ValueNode; list: A.ListNode; call: A.CallNode }>((tie) => ({
  value: fc.oneof({ maxDepth: 3, depthIdentifier: 'value' }, scalar, scalar, tie('list'), tie('call')),
  list: fc.array(tie('value'), { maxLength: 6, depthIdentifier: 'value' }).map((items): A.ListNode => ({ type: 'List', items, span: at })),
  call: fc
    .tuple(ident, fc.array(tie('value'), { maxLength: 3, depthIdentifier: 'value' }))
    .map(([callee, args]): A.CallNode => ({ type: 'Call', callee, args, span: at })),
}));

const attribute = fc.tuple(ident, value).map(([n, v]): A.AttributeNode => ({ type: 'Attribute', name: n, value: v, span: at }));

function block(depth: number): fc.Arbitrary<A.BlockNode> {
  const item: fc.Arbitrary<A.BodyItem> = depth <= 1 ? attribute : fc.oneof({ weight: 3, arbitrary: attribute }, { weight: 1, arbitrary: block(depth - 1) });
  return fc
    .tuple(ident, fc.option(ident, { nil: undefined }), fc.array(item, { maxLength: 5 }))
    .map(([kind, label, body]): A.BlockNode => ({ type: 'Block', kind, label, body, span: at }));
}

/** Generic ASTs the grammar can express: nested blocks up to depth 4, every kind of value. */
export const fileNode = fc
  .array(block(4), { maxLength: 3 })
  .map((blocks): A.FileNode => ({ type: 'File', blocks, comments: [], span: at }));

/** Comment texts: anything but a line break, which would end the comment. */
export const commentText = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' '));
