import { z } from 'zod';
import { staticText, type Ident, type StringNode, type ValueNode } from '../language/ast.ts';
import { perMinute } from '../language/literals.ts';
import type { Span } from '../language/span.ts';
import type { RuleName } from '../diagnostics/rules.ts';
import { didYouMean } from './did-you-mean.ts';

/**
 * Schemas for attribute values. Each validates one AST value node and turns it into the plain
 * value the compiler works with, keeping spans where later checks point back at the source.
 * A failure becomes a zod issue carrying its rule and help, which `schema-issues.ts` locates.
 */
type Failure = { ok: false; rule: RuleName; message: string; help?: string; at?: Span; /** Further bad items of a list. */ more?: Failure[] };
type Decoded<T> = { ok: true; value: T } | Failure;

export interface Located<T> {
  value: T;
  span: Span;
}

export type TypeDoc = {
  /** How the reference names the type, e.g. "duration". */
  typeName: string;
  /** A literal to show in the reference, e.g. "5m". */
  example: string;
};

function valueSchema<T>(doc: TypeDoc, decode: (v: ValueNode) => Decoded<T>) {
  return z
    .custom<ValueNode>((x) => x !== undefined && x !== null, { error: 'this attribute is required' })
    .transform((v, ctx) => {
      const result = decode(v);
      if (result.ok) return result.value;
      for (const f of [result, ...(result.more ?? [])]) {
        ctx.issues.push({ code: 'custom', message: f.message, input: v, params: { rule: f.rule, help: f.help, at: f.at } });
      }
      return z.NEVER;
    })
    .meta(doc);
}

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const mismatch = (expected: string, got: ValueNode, help?: string): Decoded<never> => ({
  ok: false,
  rule: 'type-mismatch',
  message: `expected ${expected}, found ${describe(got)}`,
  help,
});
const impossible = (message: string, help?: string): Decoded<never> => ({ ok: false, rule: 'impossible-value', message, help });

/** How a value reads in a message: "a string", "the name `marie`", "a list". */
export function describe(v: ValueNode): string {
  switch (v.type) {
    case 'String': return v.style === 'text' ? 'a text block' : 'a string';
    case 'Number': return `the number ${v.raw}`;
    case 'Duration': return `the duration ${v.raw}`;
    case 'Rate': return `the rate ${v.raw}`;
    case 'Money': return `the amount ${v.raw}`;
    case 'Bool': return `\`${v.value}\``;
    case 'Ref': return `the name \`${v.name}\``;
    case 'List': return 'a list';
    case 'Call': return `a call to \`${v.callee.name}(…)\``;
    case 'Missing': return 'nothing';
  }
}

export const text = valueSchema({ typeName: 'string', example: '"Review ${student}\'s progress"' }, (v) =>
  v.type === 'String' ? ok(v) : mismatch('a string', v),
);

function decodePlain(v: ValueNode, what: string): Decoded<Located<string>> {
  if (v.type !== 'String') return mismatch(what, v);
  const value = staticText(v);
  if (value === undefined) return { ok: false, rule: 'type-mismatch', message: `${what} cannot interpolate \`\${…}\`` };
  return ok({ value, span: v.span });
}

export const plainText = valueSchema({ typeName: 'string (no ${…})', example: '"Evaluate a student"' }, (v) => decodePlain(v, 'a plain string'));

/** A relative path that stays inside the directory it is relative to. */
function decodeRelativePath(v: ValueNode): Decoded<Located<string>> {
  const d = decodePlain(v, 'a path');
  if (!d.ok) return d;
  const p = d.value.value;
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.split(/[\\/]/).includes('..')) {
    return impossible(`\`${p}\` must be a relative path inside the task's directory`, 'write outputs like "evaluation.md" or "reports/week.md"');
  }
  return d;
}

function positive(n: number): boolean {
  return n > 0;
}

export const duration = valueSchema({ typeName: 'duration', example: '5m' }, (v) => {
  if (v.type !== 'Duration') return mismatch('a duration such as 30s, 5m or 1h30m', v);
  return positive(v.ms) ? ok(v.ms) : impossible(`a duration of ${v.raw} can never be met`, 'durations must be greater than zero');
});

export const money = valueSchema({ typeName: 'amount', example: '$5' }, (v) => {
  if (v.type !== 'Money') return mismatch('an amount such as $5 or $0.25', v);
  return positive(v.usd) ? ok(v.usd) : impossible(`a budget of ${v.raw} leaves nothing to spend`, 'budgets must be greater than $0');
});

export interface RateValue {
  perMinute: number;
  raw: string;
  span: Span;
}

export const rate = valueSchema({ typeName: 'rate', example: '50/min' }, (v) => {
  if (v.type !== 'Rate') return mismatch('a rate such as 50/min or 40k/min', v);
  if (!positive(v.amount)) return impossible(`a limit of ${v.raw} lets nothing through`, 'rates must be greater than zero');
  return ok({ perMinute: perMinute(v.amount, v.unit), raw: v.raw, span: v.span });
});

export function integer(min: number, what: string) {
  return valueSchema({ typeName: `integer ≥ ${min}`, example: String(Math.max(min, 1)) }, (v) => {
    if (v.type !== 'Number' || !Number.isInteger(v.value)) return mismatch('a whole number', v);
    return v.value >= min ? ok(v.value) : impossible(`${what} of ${v.raw} is impossible`, `it must be at least ${min}`);
  });
}

export const boolean = valueSchema({ typeName: 'true | false', example: 'true' }, (v) =>
  v.type === 'Bool' ? ok(v.value) : mismatch('`true` or `false`', v),
);

function ref(v: ValueNode, what: string): Decoded<Ident> {
  return v.type === 'Ref' ? ok({ name: v.name, span: v.span }) : mismatch(`the name of ${what}`, v, 'names are written bare, without quotes');
}

export function reference(noun: string, example: string) {
  return valueSchema({ typeName: `${noun} name`, example }, (v) => ref(v, `${article(noun)} ${noun}`));
}

function listOf<T>(v: ValueNode, expected: string, item: (i: ValueNode) => Decoded<T>): Decoded<T[]> {
  if (v.type !== 'List') return mismatch(`a list of ${expected}, like [a, b]`, v);
  const out: T[] = [];
  const failures: Failure[] = [];
  for (const i of v.items) {
    const d = item(i);
    if (d.ok) out.push(d.value);
    else if (i.type !== 'Missing') failures.push({ ...d, at: d.at ?? i.span });
  }
  const [first, ...more] = failures;
  return first ? { ...first, more } : ok(out);
}

export function references(noun: string, example: string) {
  return valueSchema({ typeName: `list of ${noun} names`, example }, (v) => listOf(v, `${noun} names`, (i) => ref(i, `${article(noun)} ${noun}`)));
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}

export const path = valueSchema({ typeName: 'path', example: '"evaluation.md"' }, decodeRelativePath);

export const paths = valueSchema({ typeName: 'list of paths', example: '["evaluation.md"]' }, (v) => listOf(v, 'paths', decodeRelativePath));

/** Words to look for: one string, or a list of them. */
export const phrases = valueSchema({ typeName: 'string or list of strings', example: '["Strengths", "Next steps"]' }, (v): Decoded<Located<string>[]> => {
  if (v.type === 'List') return listOf(v, 'strings', (i) => decodePlain(i, 'a plain string'));
  const one = decodePlain(v, 'a string or a list of strings');
  return one.ok ? ok([one.value]) : one;
});

/** A JavaScript regular expression, checked here so a typo is a diagnostic and not a failing test. */
export const pattern = valueSchema({ typeName: 'regular expression', example: '"Grade: [A-F]"' }, (v): Decoded<Located<string>> => {
  const d = decodePlain(v, 'a regular expression in a string');
  if (!d.ok) return d;
  try {
    new RegExp(d.value.value, 'u');
    return d;
  } catch (error) {
    const why = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /, '');
    return { ok: false, rule: 'invalid-pattern', message: `\`${d.value.value}\` is not a regular expression: ${why}`, help: 'write it as JavaScript reads it, with \\\\ for a backslash: "\\\\d+ points"' };
  }
});

/** A name from a fixed set, written bare (`high`) or quoted. */
export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return valueSchema({ typeName: values.join(' | '), example: values[0]! }, (v) => {
    const name = v.type === 'Ref' ? v.name : v.type === 'String' ? staticText(v) : undefined;
    if (name === undefined) return mismatch(`one of ${values.join(', ')}`, v);
    if ((values as readonly string[]).includes(name)) return ok({ value: name as T[number], span: v.span });
    return { ok: false, rule: 'invalid-enum', message: `\`${name}\` is not a ${what}; expected one of ${values.join(', ')}`, help: didYouMean(name, values) };
  });
}

/** A model alias or id, checked against the known list by the tools-and-models check. */
export const model = valueSchema({ typeName: 'model', example: 'sonnet' }, (v) => {
  const name = v.type === 'Ref' ? v.name : v.type === 'String' ? staticText(v) : undefined;
  return name === undefined ? mismatch('a model such as sonnet, opus or haiku', v) : ok({ value: name, span: v.span });
});

/** Tool names, bare (`Read`) or quoted with a rule (`"Bash(git diff:*)"`). */
export const tools = valueSchema({ typeName: 'list of tools', example: '[Read, Write, "Bash(git diff:*)"]' }, (v) =>
  listOf(v, 'tools', (i) => {
    const name = i.type === 'Ref' ? i.name : i.type === 'String' ? staticText(i) : undefined;
    return name === undefined ? mismatch('a tool such as Read or "Bash(git diff:*)"', i) : ok({ value: name, span: i.span });
  }),
);

export type TextSource = { kind: 'inline'; node: StringNode } | { kind: 'file'; path: Located<string> };

/** Text written inline, or read with `file("…")` relative to the .swarm file. */
export const textSource = valueSchema({ typeName: 'string or file("…")', example: 'file("../prompts/DANCE.md")' }, (v): Decoded<TextSource> => {
  if (v.type === 'String') return ok({ kind: 'inline', node: v });
  if (v.type === 'Call' && v.callee.name === 'file') {
    const path = decodePlain(v.args[0] ?? v, 'a path');
    return path.ok ? ok({ kind: 'file', path: path.value }) : path;
  }
  return mismatch('a string or file("path")', v);
});

function decodeEnv(v: ValueNode): Located<string> | undefined {
  const arg = v.type === 'Call' && v.callee.name === 'env' ? v.args[0] : undefined;
  const name = arg?.type === 'String' ? staticText(arg) : undefined;
  return name === undefined ? undefined : { value: name, span: arg!.span };
}

/** A secret, which may only come from the environment. */
export const envSecret = valueSchema({ typeName: 'env("NAME")', example: 'env("MARIE_API_KEY")' }, (v) => {
  const env = decodeEnv(v);
  return env ? ok(env) : mismatch('env("NAME")', v, 'keys are read from the environment when the run starts, never written in the file');
});

export type TextOrEnv = { kind: 'text'; text: Located<string> } | { kind: 'env'; name: Located<string> };

/** A setting that may hold a password, such as a Redis URL: written out, or read from the environment. */
export const plainTextOrEnv = valueSchema({ typeName: 'string or env("NAME")', example: 'env("REDIS_URL")' }, (v): Decoded<TextOrEnv> => {
  const env = decodeEnv(v);
  if (env) return ok({ kind: 'env', name: env });
  const text = decodePlain(v, 'a string or env("NAME")');
  return text.ok ? ok({ kind: 'text', text: text.value }) : text;
});

export type InputValue = string | number | boolean;

export const inputValue = valueSchema({ typeName: 'string | number | boolean', example: '"Emma Rodriguez"' }, (v): Decoded<Located<InputValue>> => {
  if (v.type === 'String') return decodePlain(v, 'a default');
  if (v.type === 'Number' || v.type === 'Bool') return ok({ value: v.value, span: v.span });
  return mismatch('a string, number or true/false', v);
});

/** A CPU share for a container, like docker's `--cpus`: `1`, `0.5`, `2`. */
export const cpus = valueSchema({ typeName: 'number > 0', example: '1.5' }, (v) => {
  if (v.type !== 'Number') return mismatch('a number of CPUs such as 1 or 0.5', v);
  return positive(v.value) ? ok(v.value) : impossible(`a CPU share of ${v.raw} runs nothing`, 'it must be greater than zero, e.g. 0.5');
});

const memoryUnits: Record<string, number> = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, KB: 1e3, MB: 1e6, GB: 1e9 };

/** A container's memory limit, in bytes: written `"512MiB"` or `"2GiB"` (or KB, MB, GB). */
export const memory = valueSchema({ typeName: 'memory size', example: '"2GiB"' }, (v) => {
  const d = decodePlain(v, 'a memory size such as "512MiB"');
  if (!d.ok) return d;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(KiB|MiB|GiB|KB|MB|GB)\s*$/.exec(d.value.value);
  if (!m) return impossible(`\`${d.value.value}\` is not a memory size`, 'write a number and a unit: "512MiB", "2GiB", "1GB"');
  const bytes = Math.round(Number(m[1]) * memoryUnits[m[2]!]!);
  // Docker refuses limits under 6 MiB; a worker's CLI needs far more anyway.
  return bytes >= 6 * 2 ** 20 ? ok({ value: bytes, span: v.span }) : impossible(`a memory limit of ${d.value.value} is too small to start a container`, 'docker needs at least 6MiB; a Claude Code worker wants 512MiB or more');
});

/** A container network: `none`, `host`, or the name of a docker network, bare or quoted. */
export const network = valueSchema({ typeName: 'none | host | network name', example: 'none' }, (v) => {
  const name = v.type === 'Ref' ? v.name : v.type === 'String' ? staticText(v) : undefined;
  if (name === undefined || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) return mismatch('`none`, `host` or a docker network name', v);
  return ok({ value: name, span: v.span });
});
