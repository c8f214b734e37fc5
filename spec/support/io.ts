import type { Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { repoRoot } from './workspace.ts';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, as a user would type it, from the repository root by default. */
export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t) => void (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t) => void (stderr += t), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
