/** Text made safe for HTML and SVG, in element content and in quoted attributes alike. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Attributes from a record, each value escaped; undefined ones are left out. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

/** A class name from a status or outcome, so `rate-limited` and friends stay valid CSS identifiers. */
export function statusClass(prefix: 's' | 'o', status: string): string {
  return `${prefix}-${status.replace(/[^a-z0-9-]/gi, '_')}`;
}

/** A number in SVG coordinates: short, and never `-0` or an exponent. */
export function px(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A token count with thousands separators, the same on every machine. */
export function tokens(n: number): string {
  return n.toLocaleString('en-US');
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Roughly how wide a line of text is in the page's sans-serif at `size` px, for laying out boxes. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.6;
}
