import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets, maskSecretsMapped } from '../../src/diagnostics/secrets.ts';

const seed = Number(process.env['FC_SEED'] ?? 1729);

const positives: [string, string][] = [
  ['anthropic-api-key', 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-AbCdEf'],
  ['openai-api-key', 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
  ['openai-api-key', 'sk-AbCdEfGhIjKlMnOpQrStT3BlbkFJ0123456789abcdefghij'],
  ['aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE'],
  ['github-token', 'ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'],
  ['github-token', 'github_pat_11ABCDEFG0abcdefghijkl_MnOpQrStUvWxYz0123456789abcdefghijklmnopqrstuvwxyzAB'],
  ['slack-token', 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['google-api-key', 'AIzaSyAbCdEfGhIjKlMnOpQrStUvWxYz0123456'],
];

describe('findSecrets', () => {
  it.each(positives)('finds a %s inside ordinary text', (kind, secret) => {
    const text = `  api_key = "${secret}"\n`;
    expect(findSecrets(text)).toEqual([{ start: 13, end: 13 + secret.length, kind }]);
  });

  it('finds the token of a bearer header, not the scheme', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc123XYZ';
    const text = `header = "Authorization: Bearer ${token}"`;
    const start = text.indexOf(token);
    expect(findSecrets(text)).toEqual([{ start, end: start + token.length, kind: 'bearer-token' }]);
  });

  it.each([
    'pip install sk-learn and scikit-learn',
    'task "sk-some-very-long-kebab-case-task-name" {}',
    'prompt = "Ask the Bearer of the message to explain the proposal clearly"',
    'Bearer authentication-is-recommended-for-everyone',
    'ask-anthropic-support-for-more-information-now',
    'worker_sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz_01234567 is glued into a name',
    'AKIA is a prefix; AKIAIOSFODNN7EXAMPLEXX is too long',
    'ghp_short and github_pat_short',
    'env("ANTHROPIC_API_KEY")',
    'The quick brown fox jumps over the lazy dog 1234567890 times.',
  ])('finds nothing in %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it('reports overlapping matches once', () => {
    const text = 'Bearer sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    expect(findSecrets(text)).toEqual([{ start: 7, end: text.length, kind: 'anthropic-api-key' }]);
  });
});

describe('maskSecrets', () => {
  it('keeps the first six characters and an ellipsis', () => {
    expect(maskSecrets('key: sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789, more')).toBe('key: sk-ant…, more');
    expect(maskSecrets('no secrets here')).toBe('no secrets here');
  });

  it('maps offsets into the masked text', () => {
    const text = 'a AKIAIOSFODNN7EXAMPLE b';
    const { text: masked, mapOffset } = maskSecretsMapped(text);
    expect(masked).toBe('a AKIAIO… b');
    expect(mapOffset(2)).toBe(2);
    expect(mapOffset(text.length - 1)).toBe(masked.length - 1);
    expect(mapOffset(22)).toBe(9);
    expect(mapOffset(5)).toBe(5);
  });

  it('never leaves a detected secret in its output', () => {
    const alnum = fc.constantFrom(...'abcXYZ019_-');
    const token = (prefix: string, n: number) => fc.string({ unit: alnum, minLength: n, maxLength: n + 30 }).map((s) => prefix + s);
    const secret = fc.oneof(
      ...positives.map(([, s]) => fc.constant(s)),
      token('sk-ant-', 20),
      token('sk-aB3', 20),
      token('Bearer aB3', 20),
      token('AIza', 35),
    );
    const filler = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Bearer', 'sk-', 'x', 'AKIA'));
    // Parts are delimited, as keys in real files are; a key glued into a longer word is not a key.
    const part = fc.tuple(fc.oneof(secret, filler), fc.constantFrom(' ', '"', '\n', '=', ', '));
    const text = fc.array(part, { maxLength: 12 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, (t) => {
        const masked = maskSecrets(t);
        for (const s of findSecrets(t)) expect(masked).not.toContain(t.slice(s.start, s.end));
        expect(findSecrets(masked)).toEqual([]);
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('leaves nothing detectable behind in any text', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'sk-antAIzaghp_Bearer xoxb1234567890AbCdEf"') }));
    fc.assert(
      fc.property(text, (t) => {
        expect(findSecrets(maskSecrets(t))).toEqual([]);
      }),
      { seed, numRuns: 2000 },
    );
  });
});

describe('passwords inside URLs', () => {
  it('finds only the password of a URL with credentials', () => {
    const text = 'url = "redis://user:Pa55word@db:6379" and https://example.com/a:b@c';
    const found = findSecrets(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Pa55word']);
    expect(found[0]!.kind).toBe('url-password');
  });
});
