import { readFileSync } from 'node:fs';
import type { CompileHost } from './file-loader.ts';

/** Reads from disk. The only file-system access in the compiler, kept at the edge. */
export const nodeHost: CompileHost = {
  readFile(path) {
    try {
      return { text: readFileSync(path, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { error: 'missing' };
      if (code === 'EISDIR') return { error: 'directory' };
      return { error: 'unreadable' };
    }
  },
};
