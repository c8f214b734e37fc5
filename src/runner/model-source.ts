import { existsSync } from 'node:fs';
import type { Plan } from '../compiler/plan-schema.ts';
import { CassetteWriter, defaultCassettePath, readCassette } from '../cassette/cassette-file.ts';
import { cassetteVersion } from '../cassette/cassette-schema.ts';
import { startRecorder } from '../cassette/recorder.ts';
import { startReplayServer } from '../cassette/replay-server.ts';
import { runPaths } from '../cassette/run-paths.ts';
import { apiKeyFor } from './worker-env.ts';

/** Where the model's answers come from: the API, the API with every answer saved, or a cassette. */
export type ModelChoice =
  | { mode: 'live' }
  /** `source: 'authored'` marks a cassette whose upstream was a scripted stand-in, not a model. */
  | { mode: 'record'; cassette: string; source?: 'recorded' | 'authored' }
  | { mode: 'replay'; cassette: string; pace?: boolean };

/** The key a replay gives workers that have none: the CLI wants one, the cassette does not check it. */
export const replayKey = 'sk-swarm-replay-no-key-needed';

/**
 * What `swarm run` does about the model. `--record` and `--replay` say it; without either, a
 * run with keys is live, and a run without any key replays the cassette beside the workflow
 * when there is one (so the README's command works on a fresh machine) and otherwise explains
 * the choices.
 */
export function chooseModel(options: {
  plan: Plan;
  workflowFile: string;
  env: Readonly<Record<string, string | undefined>>;
  record?: boolean;
  /** `true` for `--replay` with no path. */
  replay?: string | boolean;
  cassette?: string;
}): { ok: true; choice: ModelChoice; notice?: string } | { ok: false; problem: string } {
  const beside = defaultCassettePath(options.workflowFile);
  if (options.record && options.replay) return { ok: false, problem: '--record and --replay cannot be used together: record a cassette first, then replay it' };
  if (options.record) return { ok: true, choice: { mode: 'record', cassette: options.cassette ?? beside } };
  if (options.replay) return { ok: true, choice: { mode: 'replay', cassette: typeof options.replay === 'string' ? options.replay : (options.cassette ?? beside) } };
  const problems = options.plan.workers.flatMap((w) => {
    const problem = apiKeyFor(w.apiKeyEnv, options.env).problem;
    return problem === undefined ? [] : [`worker \`${w.name}\`: ${problem}`];
  });
  if (problems.length < options.plan.workers.length) return { ok: true, choice: { mode: 'live' } };
  const cassette = options.cassette ?? beside;
  if (existsSync(cassette)) return { ok: true, choice: { mode: 'replay', cassette }, notice: `no API key is set: replaying the recorded answers in ${cassette} (set ANTHROPIC_API_KEY to run against the API)` };
  return {
    ok: false,
    problem: [
      'No API key is set, and there is no cassette to replay:',
      ...problems.map((p) => `  ${p}`),
      'Either:',
      '  - set ANTHROPIC_API_KEY (and the keys the workers name with api-key = env("…")) to run against the API, adding --record to save the answers;',
      `  - replay recorded answers with --replay [PATH] (by default ${beside});`,
      '  - or see what would run, without running it, with --dry-run.',
    ].join('\n'),
  };
}

export interface ActiveModel {
  /** The environment the workers start from: ANTHROPIC_BASE_URL pointing at the recorder or the replay server. */
  env: Record<string, string | undefined>;
  /** Said once the run starts. */
  notice?: string;
  close(): Promise<void>;
}

/** Starts what the choice needs for one run, whose run directory is `runDir`. */
export async function startModel(
  choice: ModelChoice,
  options: { plan: Plan; runDir: string; baseDir: string; env: Readonly<Record<string, string | undefined>> },
): Promise<ActiveModel> {
  const paths = runPaths(options.runDir, options.baseDir);
  if (choice.mode === 'live') return { env: { ...options.env }, close: async () => {} };
  if (choice.mode === 'record') {
    const upstream = options.env['ANTHROPIC_BASE_URL'] ?? 'https://api.anthropic.com';
    const keys = options.plan.workers.flatMap((w) => apiKeyFor(w.apiKeyEnv, options.env).key ?? []);
    const writer = new CassetteWriter(
      choice.cassette,
      { type: 'cassette', version: cassetteVersion, workflow: options.plan.workflow.name, recorded_at: new Date().toISOString(), source: choice.source ?? 'recorded', upstream, paths },
      keys,
    );
    const recorder = await startRecorder({ upstream, cassette: writer, paths });
    return {
      env: { ...options.env, ANTHROPIC_BASE_URL: recorder.url },
      notice: `recording every answer of ${upstream} to ${choice.cassette}`,
      close: () => recorder.close(),
    };
  }
  const cassette = readCassette(choice.cassette);
  const server = await startReplayServer(cassette, { paths, ...(choice.pace !== undefined && { pace: choice.pace }) });
  const env: Record<string, string | undefined> = { ...options.env, ANTHROPIC_BASE_URL: server.url };
  // Replaying needs no key; each worker gets a stand-in one, and never a real one.
  for (const worker of options.plan.workers) env[worker.apiKeyEnv ?? 'ANTHROPIC_API_KEY'] = replayKey;
  return { env, notice: `replaying ${cassette.exchanges.length} recorded answers from ${choice.cassette}`, close: () => server.close() };
}
