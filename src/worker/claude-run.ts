import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { claudeArgs, claudeSpecSchema, type ClaudeSpec } from './claude-args.ts';
import { claudeEnv } from './claude-env.ts';
import { reapTree, signalTree, startTicksOf, treeMarkerName } from './claude-process-tree.ts';
import { claudeOutcome, type ClaudeOutcome } from './claude-result.ts';

export interface RunClaudeOptions {
  /** The task's working directory: the CLI's cwd, where its tools read and write. */
  cwd: string;
  /** Passed as `ANTHROPIC_API_KEY`, the only credential the CLI sees. */
  apiKey: string | undefined;
  /** The runner's environment, filtered through an allowlist (see `claudeEnv`). @default process.env */
  env?: Record<string, string | undefined>;
  /** This worker's throwaway HOME (created if missing, kept). @default a fresh temporary directory per run, removed after it */
  home?: string;
  /** Ends the whole process group after this long. @default no limit */
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when ending the group. @default 2000 */
  killGraceMs?: number;
  /** Ends the whole process group when aborted. */
  signal?: AbortSignal;
  /** @default the binary of the `@anthropic-ai/claude-code` dependency */
  claudePath?: string;
  /**
   * Told once the CLI is started and again once all of it is gone: its pid (also its process
   * group's id) and the `NAME=value` marker its every process carries, so whoever outlives a
   * crashed caller can end the run with `signalTree`.
   */
  onProcess?: (event: { pid: number; marker: string; state: 'started' | 'ended' }) => void;
}

/** The outcome, plus the process facts a worker logs. */
export type RunClaudeResult = ClaudeOutcome & {
  /** The CLI's pid, which is also its process group's id. */
  pid?: number;
  durationMs: number;
  stderr: string;
};

/** The native binary the pinned npm package installs. */
export function defaultClaudePath(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@anthropic-ai/claude-code/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { claude: string } };
  return join(dirname(manifest), bin.claude);
}

/**
 * Runs `claude -p` once and sorts how it ended. The CLI gets an argument array (no shell), no
 * stdin (an open one costs it a 3 s wait), and a process group of its own plus a marker in
 * its environment, so a timeout or an abort ends everything it started, including the Bash
 * tool's commands, which run in sessions of their own. Whatever of the run is still alive
 * once the CLI has exited (a command left in the background) is killed too. Never throws for
 * a failed run: that is an outcome.
 */
export async function runClaude(spec: ClaudeSpec, options: RunClaudeOptions): Promise<RunClaudeResult> {
  const started = Date.now();
  const valid = claudeSpecSchema.safeParse(spec);
  if (!valid.success) {
    const message = valid.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ');
    return { ok: false, kind: 'invalid-spec', retryable: false, message, durationMs: 0, stderr: '' };
  }
  if (options.signal?.aborted) return { ...claudeOutcome({ exitCode: undefined, stdout: '', stderr: '', aborted: true }), durationMs: 0, stderr: '' };
  const ownHome = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'swarm-claude-home-'));
  mkdirSync(home, { recursive: true });
  const runId = randomUUID();
  const marker = `${treeMarkerName}=${runId}`;
  try {
    const child = execa(options.claudePath ?? defaultClaudePath(), claudeArgs(spec), {
      cwd: options.cwd,
      env: { ...claudeEnv(options.env ?? process.env, { apiKey: options.apiKey, home }), [treeMarkerName]: runId },
      extendEnv: false,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      reject: false,
      stripFinalNewline: false,
    });
    const pid = child.pid;
    // Read before anything can reap the CLI; a CLI too quick for that has started nothing left to find.
    const since = pid === undefined ? undefined : startTicksOf(pid);
    if (pid !== undefined) options.onProcess?.({ pid, marker, state: 'started' });
    let ending: 'timeout' | 'abort' | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    const end = (why: 'timeout' | 'abort') => {
      if (ending || pid === undefined) return;
      ending = why;
      signalTree(pid, marker, 'SIGTERM', since);
      graceTimer = setTimeout(() => signalTree(pid, marker, 'SIGKILL', since), options.killGraceMs ?? 2_000);
    };
    const timeoutTimer = options.timeoutMs === undefined ? undefined : setTimeout(() => end('timeout'), options.timeoutMs);
    const onAbort = () => end('abort');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const result = await child;
    clearTimeout(timeoutTimer);
    clearTimeout(graceTimer);
    options.signal?.removeEventListener('abort', onAbort);
    if (pid !== undefined) {
      await reapTree(pid, marker, 2_000, since);
      options.onProcess?.({ pid, marker, state: 'ended' });
    }
    const spawnFailed = pid === undefined || (result.failed && result.exitCode === undefined && !result.signal && !ending);
    const outcome = claudeOutcome({
      exitCode: result.exitCode,
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      timedOut: ending === 'timeout',
      aborted: ending === 'abort',
      signal: result.signal ?? null,
      ...(spawnFailed && { spawnError: result.cause instanceof Error ? result.cause.message : result.shortMessage }),
      expectStructured: spec.jsonSchema !== undefined,
    });
    return { ...outcome, ...(pid !== undefined && { pid }), durationMs: Date.now() - started, stderr: String(result.stderr ?? '') };
  } finally {
    if (ownHome) rmSync(home, { recursive: true, force: true });
  }
}
