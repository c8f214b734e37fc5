import type { CheckContext } from '../check-context.ts';

/** An input's default must have the input's declared type. */
export function checkInputs(ctx: CheckContext): void {
  for (const input of ctx.ir.inputs) {
    const type = input.attrs.type?.value ?? 'string';
    const fallback = input.attrs.default;
    if (fallback === undefined || typeof fallback.value === type) continue;
    ctx.reporter.report('type-mismatch', fallback.span, `input \`${input.name.name}\` is a ${type}, but its default is a ${typeof fallback.value}`, {
      help: type === 'string' ? 'quote the default' : `set \`type = ${typeof fallback.value}\`, or give a ${type} default`,
    });
  }
}
