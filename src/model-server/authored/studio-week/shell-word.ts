/** A path as one shell word, whatever quotes it holds: authored commands name the run's own directories. */
export function shellWord(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
