import type { CheckContext } from '../check-context.ts';

/** Attributes that read what a task wrote: its result text or a file. */
const readers = ['file', 'contains', 'excludes', 'matches'] as const;

/**
 * An `expect` block that reads something it can never have would fail on every run, so it is
 * an error here rather than a red test later: a result with no task named, or the result of a
 * task it expects to be skipped (a skipped task writes nothing).
 */
export function checkExpects(ctx: CheckContext): void {
  const { ir, reporter } = ctx;
  for (const check of ir.expects) {
    const status = check.attrs.status;
    if (status?.value === 'skipped' && !check.sources.has('task')) {
      reporter.report('expect-target', status.span, `expect \`${check.name.name}\` expects the run to be skipped`, {
        help: 'a run ends `done` or `failed`; name a task with `task = NAME` to expect it to be skipped',
      });
    }
    const present = readers.filter((name) => check.sources.has(name));
    if (present.length === 0) continue;
    const first = check.sources.get(present[0]!)!;
    const what = present.map((p) => `\`${p}\``).join(', ');
    if (!check.sources.has('task')) {
      reporter.report('expect-target', first.name.span, `expect \`${check.name.name}\` reads ${what} but names no task`, {
        help: 'add `task = NAME`: without it an expect block checks only the run’s status and cost',
      });
    } else if (check.attrs.status?.value === 'skipped') {
      reporter.report('expect-target', first.name.span, `expect \`${check.name.name}\` reads ${what} of a task it expects to be skipped`, {
        related: [reporter.related(check.attrs.status.span, 'expected to be skipped here')],
        help: 'a skipped task writes no result and no files; check its status alone',
      });
    }
  }
}
