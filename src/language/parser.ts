import { CstParser, tokenMatcher, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import { errorMessages } from './parse-messages.ts';
import * as t from './tokens.ts';

/**
 * The generic grammar: blocks of attributes and nested blocks, and values. It knows no block
 * kinds; those are schemas in the compiler. Rules are class fields so a misspelt SUBRULE fails
 * to compile.
 */
export class SwarmParser extends CstParser {
  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'none',
      maxLookahead: 3,
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.block));
  });

  public block = this.RULE('block', () => {
    this.CONSUME(t.Identifier, { LABEL: 'kind' });
    this.OPTION(() => this.CONSUME2(t.Identifier, { LABEL: 'label' }));
    this.CONSUME(t.LCurly);
    // Any name starts an item. Only `name {` and `name label {` start a block; everything else
    // is taken as an attribute, so `prompt "…"` gets the missing `=` inserted by recovery
    // instead of throwing the parser out of the block.
    this.MANY({
      MAX_LOOKAHEAD: 1,
      DEF: () =>
        this.OR({
          MAX_LOOKAHEAD: 1,
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { GATE: () => this.#startsBlock(), ALT: () => this.SUBRULE2(this.block) },
            { ALT: () => this.SUBRULE(this.attribute) },
          ],
        }),
    });
    this.CONSUME(t.RCurly);
  });

  #startsBlock(): boolean {
    const next = this.LA(2).tokenType;
    return next === t.LCurly || (tokenMatcher(this.LA(2), t.Identifier) && this.LA(3).tokenType === t.LCurly);
  }

  public attribute = this.RULE('attribute', () => {
    this.CONSUME(t.Identifier, { LABEL: 'name' });
    this.CONSUME(t.Equals);
    this.SUBRULE(this.value);
  });

  public value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.StringLiteral) },
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.Duration) },
      { ALT: () => this.CONSUME(t.Rate) },
      { ALT: () => this.CONSUME(t.Money) },
      { ALT: () => this.CONSUME(t.True) },
      { ALT: () => this.CONSUME(t.False) },
      { ALT: () => this.CONSUME(t.BadLiteral) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.CONSUME(t.Identifier) },
    ]);
  });

  public list = this.RULE('list', () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.value);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  public call = this.RULE('call', () => {
    this.CONSUME(t.Identifier, { LABEL: 'callee' });
    this.CONSUME(t.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.value);
      });
    });
    this.CONSUME(t.RParen);
  });
}

// One instance serves every parse: Chevrotain parsers are reusable by resetting `input`.
export const parser = new SwarmParser();

/** Deeper than this, blocks, lists and calls are surely a mistake, and would overflow the stack. */
export const maxNesting = 64;

export interface CstParseResult {
  cst: CstNode;
  tokens: IToken[];
  /** The first token nested deeper than `maxNesting`; parsing stopped before it. */
  tooDeep?: IToken;
  comments: IToken[];
  lexErrors: { offset: number; length: number; message: string }[];
  parseErrors: IRecognitionException[];
}

export function parseCst(text: string): CstParseResult {
  const lexed = t.lexer.tokenize(text);
  const cut = tooDeepAt(lexed.tokens);
  parser.input = cut === undefined ? lexed.tokens : lexed.tokens.slice(0, cut);
  const cst = parser.file();
  return {
    cst,
    tokens: lexed.tokens,
    ...(cut === undefined ? {} : { tooDeep: lexed.tokens[cut]! }),
    comments: lexed.groups['comments'] ?? [],
    lexErrors: lexed.errors.map((e) => ({ offset: e.offset, length: e.length, message: e.message })),
    parseErrors: parser.errors,
  };
}

function tooDeepAt(tokens: IToken[]): number | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === t.LCurly || type === t.LBracket || type === t.LParen) {
      if (++depth > maxNesting) return i;
    } else if (type === t.RCurly || type === t.RBracket || type === t.RParen) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
