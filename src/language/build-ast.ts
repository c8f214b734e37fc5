import type { IToken } from 'chevrotain';
import type * as A from './ast.ts';
import type * as C from './cst-types.generated.ts';
import { explainBadLiteral, readDuration, readMoney, readNumber, readRate, type Literal } from './literals.ts';
import type { Span } from './span.ts';
import { scanQuoted, scanTextBlock } from './strings.ts';
import type { RuleName } from '../diagnostics/rules.ts';

export interface AstProblem {
  rule: RuleName;
  message: string;
  help?: string;
  span: Span;
}

/**
 * Turns the CST into the AST. Recovery may leave tokens with no position or whole parts
 * missing; every span then falls back to the nearest real token, never to NaN.
 */
export class AstBuilder {
  readonly problems: AstProblem[] = [];
  /** End of the last real token seen, the fallback position for recovered parts. */
  #lastEnd = 0;

  file(cst: C.FileCstNode, comments: IToken[], textLength: number): A.FileNode {
    const blocks = (cst.children.block ?? []).map((b) => this.block(b));
    return {
      type: 'File',
      blocks,
      comments: comments.map((c) => ({ type: 'Comment', text: c.image.slice(1), span: this.tokenSpan(c) })),
      span: { start: 0, end: textLength },
    };
  }

  block(cst: C.BlockCstNode): A.BlockNode {
    const kind = this.ident(cst.children.kind?.[0]);
    const labelToken = cst.children.label?.[0];
    const label = labelToken && isReal(labelToken) ? this.ident(labelToken) : undefined;
    // Chevrotain groups children by rule, each group in source order; merging the two by
    // offset restores the order of the file. Items are built in that order because a
    // recovered item's fallback span is the end of the one before it.
    const attributes = cst.children.attribute ?? [];
    const blocks = cst.children.block ?? [];
    const body: A.BodyItem[] = [];
    let a = 0;
    let b = 0;
    while (a < attributes.length || b < blocks.length) {
      const takeAttribute = b >= blocks.length || (a < attributes.length && firstOffset(attributes[a]!.children.name) <= firstOffset(blocks[b]!.children.kind));
      body.push(takeAttribute ? this.attribute(attributes[a++]!) : this.block(blocks[b++]!));
    }
    const close = cst.children.RCurly?.[0];
    const end = close && isReal(close) ? this.tokenSpan(close).end : Math.max(this.#lastEnd, (body.at(-1) ?? label ?? kind).span.end);
    return { type: 'Block', kind, label, body, span: { start: kind.span.start, end } };
  }

  attribute(cst: C.AttributeCstNode): A.AttributeNode {
    const name = this.ident(cst.children.name?.[0]);
    const valueCst = cst.children.value?.[0];
    const value = valueCst ? this.value(valueCst) : this.missing();
    return { type: 'Attribute', name, value, span: { start: name.span.start, end: Math.max(name.span.end, value.span.end) } };
  }

  value(cst: C.ValueCstNode): A.ValueNode {
    const c = cst.children;
    if (c.StringLiteral) return this.string(c.StringLiteral[0]!);
    if (c.NumberLiteral) return this.literal(c.NumberLiteral[0]!, readNumber, (value, raw, span) => ({ type: 'Number', value, raw, span }));
    if (c.Duration) return this.literal(c.Duration[0]!, readDuration, (ms, raw, span) => ({ type: 'Duration', ms, raw, span }));
    if (c.Rate) return this.literal(c.Rate[0]!, readRate, (v, raw, span) => ({ type: 'Rate', ...v, raw, span }));
    if (c.Money) return this.literal(c.Money[0]!, readMoney, (usd, raw, span) => ({ type: 'Money', usd, raw, span }));
    if (c.True) return { type: 'Bool', value: true, span: this.tokenSpan(c.True[0]!) };
    if (c.False) return { type: 'Bool', value: false, span: this.tokenSpan(c.False[0]!) };
    if (c.BadLiteral) {
      const token = c.BadLiteral[0]!;
      const span = this.tokenSpan(token);
      this.problems.push({ rule: 'invalid-literal', ...explainBadLiteral(token.image), span });
      return { type: 'Missing', span };
    }
    if (c.list) return this.list(c.list[0]!);
    if (c.call) return this.call(c.call[0]!);
    const name = c.Identifier?.[0];
    if (name && isReal(name)) {
      const span = this.tokenSpan(name);
      if (name.tokenType.name === 'NonAsciiName') this.nonAscii(name.image, span);
      return { type: 'Ref', name: name.image, span };
    }
    return this.missing();
  }

  list(cst: C.ListCstNode): A.ListNode {
    const open = this.tokenSpan(cst.children.LBracket?.[0]);
    const items = (cst.children.value ?? []).map((v) => this.value(v));
    const close = cst.children.RBracket?.[0];
    const end = close && isReal(close) ? this.tokenSpan(close).end : (items.at(-1)?.span ?? open).end;
    return { type: 'List', items, span: { start: open.start, end } };
  }

  call(cst: C.CallCstNode): A.CallNode {
    const callee = this.ident(cst.children.callee?.[0]);
    const args = (cst.children.value ?? []).map((v) => this.value(v));
    const close = cst.children.RParen?.[0];
    const end = close && isReal(close) ? this.tokenSpan(close).end : (args.at(-1)?.span ?? callee.span).end;
    return { type: 'Call', callee, args, span: { start: callee.span.start, end } };
  }

  string(token: IToken): A.StringNode {
    const span = this.tokenSpan(token);
    const kind = token.tokenType.name;
    if (kind === 'SingleQuotedString') {
      this.problems.push({ rule: 'unexpected-character', message: 'strings are written in double quotes', help: `write "${token.image.slice(1, -1)}"`, span: { start: span.start, end: span.start + 1 } });
      return { type: 'String', style: 'quoted', parts: token.image.length > 2 ? [{ type: 'Text', value: token.image.slice(1, -1) }] : [], span };
    }
    const text = kind === 'TextBlock' || kind === 'UnterminatedTextBlock';
    const terminated = kind === 'TextBlock' || kind === 'QuotedString';
    if (!terminated) {
      this.problems.push({
        rule: 'unterminated-string',
        message: text ? 'this text block is never closed' : 'this string is never closed',
        help: text ? 'end it with """' : 'end it with " on the same line, or use a """ text block for several lines',
        span: { start: span.start, end: span.start + (text ? 3 : 1) },
      });
    }
    const scanned = text ? scanTextBlock(token.image, span.start, terminated) : scanQuoted(token.image, span.start, terminated);
    this.problems.push(...scanned.problems);
    return { type: 'String', style: text ? 'text' : 'quoted', parts: scanned.parts, span };
  }

  literal<T, N extends A.ValueNode>(token: IToken, read: (raw: string) => Literal<T>, make: (value: T, raw: string, span: Span) => N): N | A.MissingNode {
    const span = this.tokenSpan(token);
    const result = read(token.image);
    if (!result.ok) {
      this.problems.push({ rule: 'invalid-literal', message: result.message, help: result.help, span });
      return { type: 'Missing', span };
    }
    return make(result.value, token.image, span);
  }

  ident(token: IToken | undefined): A.Ident {
    const ident = { name: token && isReal(token) ? token.image : '', span: this.tokenSpan(token) };
    if (token?.tokenType.name === 'NonAsciiName') this.nonAscii(ident.name, ident.span);
    return ident;
  }

  nonAscii(name: string, span: Span): void {
    const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9_-]/g, '');
    this.problems.push({
      rule: 'unexpected-character',
      message: `\`${name}\` is not a valid name: names use ASCII letters, digits, \`_\` and \`-\``,
      help: /^[A-Za-z_]/.test(ascii) ? `write \`${ascii}\`` : 'start the name with a letter',
      span,
    });
  }

  missing(): A.MissingNode {
    return { type: 'Missing', span: { start: this.#lastEnd, end: this.#lastEnd } };
  }

  tokenSpan(token: IToken | undefined): Span {
    if (!token || !isReal(token)) return { start: this.#lastEnd, end: this.#lastEnd };
    const end = token.startOffset + token.image.length;
    this.#lastEnd = Math.max(this.#lastEnd, end);
    return { start: token.startOffset, end };
  }
}

function firstOffset(tokens: IToken[] | undefined): number {
  const offset = tokens?.[0]?.startOffset;
  return offset !== undefined && Number.isFinite(offset) ? offset : Infinity;
}

/** Tokens that recovery inserted have no position (NaN offsets). */
function isReal(token: IToken): boolean {
  return !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}
