import { styleText } from 'node:util';

/** What colour detection looks at: the output stream's TTY flag and the environment. */
export interface ColorIo {
  isTTY?: boolean;
  env: Record<string, string | undefined>;
}

/**
 * Decides whether output should be coloured.
 * `NO_COLOR` (any non-empty value, per no-color.org) wins; then `FORCE_COLOR` turns colour on,
 * unless it is `0` or `false`; otherwise colour only on a TTY whose `TERM` is not `dumb`.
 */
export function shouldColor(io: ColorIo): boolean {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY === true && io.env['TERM'] !== 'dumb';
}

/** The few styles the renderers use; each is the identity when colour is off. */
export interface Styler {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
}

type Format = Parameters<typeof styleText>[0];

// validateStream: false because the decision was already made from the io we were given,
// not from process.stdout, which tests and piped output do not reflect.
function style(format: Format): (text: string) => string {
  return (text) => (text === '' ? text : styleText(format, text, { validateStream: false }));
}

const identity = (text: string): string => text;

/** A styler that colours when `enabled` is true and returns text unchanged otherwise. */
export function createStyler(enabled: boolean): Styler {
  if (!enabled) return plain;
  return {
    enabled: true,
    bold: style('bold'),
    dim: style('dim'),
    red: style('red'),
    yellow: style('yellow'),
    blue: style('blue'),
    cyan: style('cyan'),
    green: style('green'),
  };
}

/** The styler with colour off. */
export const plain: Styler = {
  enabled: false,
  bold: identity,
  dim: identity,
  red: identity,
  yellow: identity,
  blue: identity,
  cyan: identity,
  green: identity,
};

/** Shorthand for `createStyler(shouldColor(io))`. */
export function stylerFor(io: ColorIo): Styler {
  return createStyler(shouldColor(io));
}
