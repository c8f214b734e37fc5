/** Where something that looks like a credential sits in a text, as half-open UTF-16 offsets. */
export interface SecretMatch {
  start: number;
  end: number;
  kind: string;
}

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** An extra test for shapes that ordinary identifiers could also take. */
  accept?: (token: string) => boolean;
  /** Text every match contains: a cheap `includes` skips the regex on most files. */
  hint: string;
}

// Keys are glued into URLs, quotes and `KEY=…`, but never into a longer identifier: refuse a
// match that continues a word on either side.
const before = String.raw`(?<![A-Za-z0-9_\-])`;
const after = String.raw`(?![A-Za-z0-9_\-])`;

function re(body: string): RegExp {
  return new RegExp(before + body + after, 'g');
}

/** Random tokens mix letter cases and digits; kebab-case names and prose do not. */
function looksRandom(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}

// Earlier entries win when two patterns find the same text (an Anthropic key is also `sk-…`).
const patterns: readonly SecretPattern[] = [
  { kind: 'anthropic-api-key', hint: 'sk-ant-', pattern: re(String.raw`sk-ant-[A-Za-z0-9_\-]{20,}`) },
  {
    kind: 'openai-api-key',
    hint: 'sk-',
    pattern: re(String.raw`sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}`),
    accept: looksRandom,
  },
  { kind: 'aws-access-key-id', hint: 'IA', pattern: re(String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}`) },
  { kind: 'github-token', hint: 'gh', pattern: re(String.raw`gh[pousr]_[A-Za-z0-9]{36,}`) },
  { kind: 'github-token', hint: 'github_pat_', pattern: re(String.raw`github_pat_[A-Za-z0-9_]{22,}`) },
  { kind: 'slack-token', hint: 'xox', pattern: re(String.raw`xox[abprs]-[0-9]+-[A-Za-z0-9\-]{8,}`) },
  { kind: 'google-api-key', hint: 'AIza', pattern: re(String.raw`AIza[A-Za-z0-9_\-]{35}`) },
  {
    // Only the token is the secret; the scheme name stays readable.
    kind: 'bearer-token',
    hint: 'earer',
    pattern: new RegExp(String.raw`(?<=\b[Bb]earer[ \t]+)[A-Za-z0-9._~+/\-]{20,}=*(?![A-Za-z0-9._~+/=\-])`, 'g'),
    accept: (token) => /[A-Za-z]/.test(token) && /[0-9]/.test(token),
  },
  {
    // `redis://:hunter2@host`: only the password is the secret.
    kind: 'url-password',
    hint: '://',
    pattern: /(?<=[a-z][a-z0-9+.\-]*:\/\/[^\s/:@"]*:)[^\s/@"]+(?=@)/g,
  },
];

/** Finds strings that look like API keys or bearer tokens, in text order, never overlapping. */
export function findSecrets(text: string): SecretMatch[] {
  const found: (SecretMatch & { rank: number })[] = [];
  patterns.forEach(({ kind, pattern, accept, hint }, rank) => {
    if (!text.includes(hint)) return;
    for (const m of text.matchAll(pattern)) {
      if (accept !== undefined && !accept(m[0])) continue;
      found.push({ start: m.index, end: m.index + m[0].length, kind, rank });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const out: SecretMatch[] = [];
  for (const { start, end, kind } of found) {
    const last = out.at(-1);
    if (last !== undefined && start < last.end) {
      last.end = Math.max(last.end, end);
      continue;
    }
    out.push({ start, end, kind });
  }
  return out;
}

/** How many leading characters of a secret stay visible, so a reader can tell which key it was. */
const KEEP = 6;

/** A masked text, plus the position in it of any offset of the original. */
export interface MaskedText {
  text: string;
  mapOffset: (offset: number) => number;
}

/**
 * Masks each secret as its first six characters and `…`, and maps offsets so carets can still
 * point under the masked text.
 * @example maskSecretsMapped('key = "sk-ant-api03-…"').text // 'key = "sk-ant…"'
 */
export function maskSecretsMapped(text: string): MaskedText {
  const secrets = findSecrets(text);
  if (secrets.length === 0) return { text, mapOffset: (offset) => offset };
  let out = '';
  let from = 0;
  for (const s of secrets) {
    out += text.slice(from, s.start) + text.slice(s.start, s.start + KEEP) + '…';
    from = s.end;
  }
  out += text.slice(from);
  const masked = KEEP + 1;
  const mapOffset = (offset: number): number => {
    let shift = 0;
    for (const s of secrets) {
      if (offset <= s.start) break;
      if (offset < s.end) return s.start + shift + Math.min(offset - s.start, masked);
      shift += masked - (s.end - s.start);
    }
    return offset + shift;
  };
  return { text: out, mapOffset };
}

/** Replaces each secret found by {@link findSecrets} with its first six characters and `…`. */
export function maskSecrets(text: string): string {
  return maskSecretsMapped(text).text;
}
