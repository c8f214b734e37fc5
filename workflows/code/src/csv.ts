/** Turns rows into CSV text for spreadsheets (the office opens these in a spreadsheet app). */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const lines = [header, ...rows].map((row) => row.join(','));
  return lines.join('\n') + '\n';
}
