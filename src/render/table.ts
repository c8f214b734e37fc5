/** A column: its header, and whether it lines up on the right (numbers) or the left (names). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Colours a padded cell; applied after padding so escape codes never skew the widths. */
  style?: (padded: string, raw: string) => string;
}

/** A plain-text table with a rule under the header, two spaces between columns. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number) => (columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[], styled: boolean) =>
    cells
      .map((cell, i) => {
        const padded = pad(cell, i);
        const style = columns[i]!.style;
        return styled && style ? style(padded, cell) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header), false), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r, true))].join('\n');
}
