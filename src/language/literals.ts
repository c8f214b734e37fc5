import type { RateUnit } from './ast.ts';

/** A literal's meaning, or why it has none. Pure: the caller attaches spans. */
export type Literal<T> = { ok: true; value: T } | { ok: false; message: string; help?: string };

const suffix: Record<string, number> = { k: 1e3, M: 1e6 };

function finite<T extends number>(value: T, raw: string): Literal<T> {
  if (!Number.isFinite(value)) return { ok: false, message: `\`${raw}\` is too large` };
  return { ok: true, value };
}

/** `12`, `-3`, `0.5`, `40k`, `1.5M`, `1e3`. */
export function readNumber(raw: string): Literal<number> {
  const last = raw.at(-1)!;
  const scale = suffix[last];
  const digits = scale === undefined ? raw : raw.slice(0, -1);
  return finite(Number(digits) * (scale ?? 1), raw);
}

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const unitOrder = ['d', 'h', 'm', 's', 'ms'];

/** `500ms`, `30s`, `5m`, `1h30m`: units from largest to smallest, each at most once. */
export function readDuration(raw: string): Literal<number> {
  const negative = raw.startsWith('-');
  const body = negative ? raw.slice(1) : raw;
  let total = 0;
  let previous = -1;
  for (const m of body.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    const rank = unitOrder.indexOf(m[2]!);
    if (rank <= previous) {
      return {
        ok: false,
        message: `\`${raw}\` is not a duration: its units must go from largest to smallest, each once`,
        help: 'write durations like 1h30m, 5m or 500ms',
      };
    }
    previous = rank;
    total += Number(m[1]) * unitMs[m[2]!]!;
  }
  return finite(negative ? -total : total, raw);
}

/** `50/min`, `40k/min`, `2/s`, `1000/h`, `5/day`. */
export function readRate(raw: string): Literal<{ amount: number; unit: RateUnit }> {
  const slash = raw.lastIndexOf('/');
  const amount = readNumber(raw.slice(0, slash));
  if (!amount.ok) return amount;
  return { ok: true, value: { amount: amount.value, unit: raw.slice(slash + 1) as RateUnit } };
}

/** `$5`, `$0.25`, `-$1`. */
export function readMoney(raw: string): Literal<number> {
  return finite(Number(raw.replace('$', '')), raw);
}

const rateSeconds: Record<RateUnit, number> = { s: 1, min: 60, h: 3600, day: 86_400 };

/** A rate's amount per minute, the unit the Anthropic API states its limits in. */
export function perMinute(amount: number, unit: RateUnit): number {
  return (amount * 60) / rateSeconds[unit];
}

/** Explains a token that started like a literal but is none. */
export function explainBadLiteral(raw: string): { message: string; help: string } {
  if (/^-?\d+(?:\.\d+)?[kM]?\//.test(raw)) {
    return { message: `\`${raw}\` is not a rate`, help: 'rates are per s, min, h or day, like 50/min or 40k/min' };
  }
  if (raw.includes('$')) return { message: `\`${raw}\` is not an amount`, help: 'write amounts in dollars, like $5 or $0.25' };
  return {
    message: `\`${raw}\` is not a number, duration or rate`,
    help: 'numbers look like 12, 0.5 or 40k; durations like 30s, 5m or 1h30m; rates like 50/min',
  };
}
