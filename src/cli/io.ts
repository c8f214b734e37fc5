import { createInterface } from 'node:readline/promises';
/** What a command may touch. Tests pass buffers; `bin.ts` passes the real process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks the person at the terminal a question and resolves with the line typed; absent when stdin is not a terminal. */
  ask?: (question: string) => Promise<string>;
}

export interface OutStream {
  write(text: string): void;
  isTTY?: boolean;
}

/** Named exit codes, documented in the README. */
export const exitCodes = {
  ok: 0,
  /** The input has problems: errors (or warnings with --strict), or unformatted files with --check. */
  problems: 1,
  /** The command line is wrong, or a named file cannot be read. */
  usage: 2,
  /** A bug or an unexpected failure in swarm itself. */
  internal: 3,
  /** `swarm status`: the run has not ended (or its runner died without ending it). */
  running: 4,
  /** `swarm run`: a budget ran out before every task was done; `--resume ID --budget N` continues it. */
  budget: 5,
  /** `swarm run` was stopped (Ctrl-C, SIGTERM); `--resume` continues it. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** An error the user can fix from the command line, reported without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function processIo(): Io {
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY },
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY && {
      ask: async (question: string) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        try {
          return await rl.question(question);
        } finally {
          rl.close();
        }
      },
    }),
  };
}
