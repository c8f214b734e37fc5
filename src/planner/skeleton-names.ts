import type { Plan } from '../compiler/plan-schema.ts';
import { isIdentifier } from './swarm-text.ts';

/**
 * Names in the synthetic workflow. A plan's names are the source's, except the ids of tasks an
 * earlier decompose node added (`plan-week/fix`), which no `.swarm` name can spell; those get a
 * stand-in that clashes with no other name, and messages are translated back.
 */
export class SkeletonNames {
  readonly #toSkeleton = new Map<string, string>();
  readonly #fromSkeleton = new Map<string, string>();

  /** `reserved`: names the answer uses for its own tasks, which a stand-in must not take. */
  constructor(plan: Plan, reserved: Iterable<string>) {
    const names = [...plan.inputs.map((i) => i.name), ...plan.agents.map((a) => a.name), ...plan.workers.map((w) => w.name), ...plan.nodes.map((n) => n.id)];
    const taken = new Set([...names.filter(isIdentifier), ...reserved]);
    for (const name of names) {
      if (isIdentifier(name)) {
        this.#toSkeleton.set(name, name);
        continue;
      }
      const base = name.replaceAll('/', '__').replace(/^(?![A-Za-z_])/, '_');
      let stand = base;
      for (let n = 2; taken.has(stand); n++) stand = `${base}_${n}`;
      taken.add(stand);
      this.#toSkeleton.set(name, stand);
      this.#fromSkeleton.set(stand, name);
    }
  }

  /** The synthetic name of a plan name; undefined for a name the plan does not have. */
  of(name: string): string | undefined {
    return this.#toSkeleton.get(name);
  }

  /** The plan name a synthetic name stands for; a name that stands for none is its own. */
  planName(stand: string): string {
    return this.#fromSkeleton.get(stand) ?? stand;
  }

  /** A compiler message with every stand-in replaced by the plan name it stands for. */
  translate(message: string): string {
    let out = message;
    for (const [stand, name] of this.#fromSkeleton) out = out.replace(new RegExp(`(?<![A-Za-z0-9_-])${stand}(?![A-Za-z0-9_-])`, 'g'), name);
    return out;
  }
}
