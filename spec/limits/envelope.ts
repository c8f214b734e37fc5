/**
 * The token-bucket envelope, checked from a bucket's ledger alone: an independent oracle for
 * the limiter, which never runs a bucket. See the top of src/limits/rate-limiter.ts for the
 * definition this encodes.
 */

/** One line of a bucket's ledger, in the order things happened. */
export interface LedgerLine {
  at: number;
  /** An admission's estimate, or (not an admission) a settlement's actual − estimate. */
  amount: number;
  admission: boolean;
}

export interface Breach {
  from: number;
  to: number;
  charged: number;
  allowed: number;
}

/**
 * Every pair of admissions i ≤ j whose ledger from i through j sums to more than
 * capacity + rate × (t_j − t_i) + max(0, a_j − capacity). Quadratic on purpose: it is the
 * definition, pair by pair, with nothing clever to get wrong.
 */
export function envelopeBreaches(ledger: LedgerLine[], perMinute: number, capacity = perMinute): Breach[] {
  const perMs = perMinute / 60_000;
  // Float sums over hundreds of lines: far below one token.
  const tolerance = 1e-6 * Math.max(1, capacity);
  const breaches: Breach[] = [];
  for (let i = 0; i < ledger.length; i++) {
    const first = ledger[i]!;
    if (!first.admission) continue;
    let charged = 0;
    for (let j = i; j < ledger.length; j++) {
      const line = ledger[j]!;
      charged += line.amount;
      if (!line.admission) continue;
      const allowed = capacity + perMs * (line.at - first.at) + Math.max(0, line.amount - capacity);
      if (charged > allowed + tolerance) breaches.push({ from: first.at, to: line.at, charged, allowed });
    }
  }
  return breaches;
}
