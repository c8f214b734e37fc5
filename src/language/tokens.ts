import { createToken, Lexer, type TokenType } from 'chevrotain';

// Order matters: Chevrotain tries tokens in this order and takes the first match, so each
// longer or more specific pattern stands before the shorter one that would swallow it.

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/,
  group: Lexer.SKIPPED,
});

export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

/** The category the parser consumes; both spellings of a string belong to it. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });

// Text blocks before quoted strings: `"""` would otherwise lex as `""` then `"`.
export const TextBlock = createToken({
  name: 'TextBlock',
  pattern: /"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""/,
  categories: [StringLiteral],
  line_breaks: true,
  label: 'a text block',
});

export const UnterminatedTextBlock = createToken({
  name: 'UnterminatedTextBlock',
  pattern: /"""[\s\S]*/,
  categories: [StringLiteral],
  line_breaks: true,
  label: 'a text block',
});

export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: [StringLiteral],
  label: 'a string',
});

// A string left open runs to the end of its line, so the next line still parses.
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  categories: [StringLiteral],
  label: 'a string',
});

// A literal must end where a word would: `300/week` or `5.` is one bad literal, not a number and junk.
const wordEnd = '(?![A-Za-z0-9_./$])';

export const Money = createToken({
  name: 'Money',
  pattern: new RegExp(`-?\\$\\d+(?:\\.\\d+)?${wordEnd}`),
  label: 'an amount such as $5',
});

// Rates before durations and numbers: `50/min` starts like the number `50`.
export const Rate = createToken({
  name: 'Rate',
  pattern: new RegExp(`-?\\d+(?:\\.\\d+)?[kM]?\\/(?:s|min|h|day)${wordEnd}`),
  label: 'a rate such as 50/min',
});

// Durations before numbers: `5m` starts like the number `5`. `ms` is tried before `m`.
export const Duration = createToken({
  name: 'Duration',
  pattern: new RegExp(`-?(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+${wordEnd}`),
  label: 'a duration such as 5m',
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: new RegExp(`-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[kM]?${wordEnd}`),
  label: 'a number',
});

// Anything else that starts with a digit (`5x`, `3/week`) is one bad literal, not a cascade of errors.
export const BadLiteral = createToken({
  name: 'BadLiteral',
  pattern: /-?[$]?\d[A-Za-z0-9_.$/]*/,
  label: 'a literal',
});

// Letters beyond ASCII, minus the Unicode spaces and punctuation block, so `élève` is one token.
const wide = '\\u00c0-\\u1fff\\u2070-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff';

// The lookahead makes a name that runs on into wide letters fail here and lex as NonAsciiName.
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[A-Za-z_][A-Za-z0-9_-]*(?![A-Za-z0-9_${wide}-])`),
  label: 'a name',
});

// Names are ASCII, but `élève` should be one clear error, not a letter-by-letter cascade. It
// is an Identifier for the parser, and the AST builder reports it.
export const NonAsciiName = createToken({
  name: 'NonAsciiName',
  pattern: new RegExp(`[A-Za-z_${wide}][A-Za-z0-9_${wide}-]*`),
  categories: [Identifier],
  label: 'a name',
});

// `'text'` is a string written in the wrong quotes: parsed as a string, reported once.
export const SingleQuotedString = createToken({
  name: 'SingleQuotedString',
  pattern: /'[^'\r\n]*'/,
  categories: [StringLiteral],
  label: 'a string',
});

// Keywords after Identifier's definition but before it in the list, with longer_alt so `trueish` stays a name.
export const True = createToken({ name: 'True', pattern: /true/, longer_alt: Identifier, label: '`true`' });
export const False = createToken({ name: 'False', pattern: /false/, longer_alt: Identifier, label: '`false`' });

export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: '`}`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  TextBlock,
  UnterminatedTextBlock,
  QuotedString,
  UnterminatedString,
  SingleQuotedString,
  Money,
  Rate,
  Duration,
  NumberLiteral,
  BadLiteral,
  True,
  False,
  Identifier,
  NonAsciiName,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Equals,
  Comma,
];

export const lexer = new Lexer(allTokens, {
  // Offsets suffice: lines and columns are computed on demand from a LineIndex.
  positionTracking: 'onlyOffset',
  // First-character dispatch roughly halves lexing time; a test keeps every pattern eligible.
  ensureOptimizations: true,
});
