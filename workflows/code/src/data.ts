import { readFileSync } from 'node:fs';
import type { Studio } from './types.ts';

/** Reads the studio's data file. The office updates it from the front-desk tablet. */
export function loadStudio(file = 'data/studio.json'): Studio {
  return JSON.parse(readFileSync(file, 'utf8')) as Studio;
}
