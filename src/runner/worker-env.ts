import { isPassedThrough } from '../worker/claude-env.ts';

const secretLooking = /(KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION)/i;

/**
 * The environment a worker process gets: the allowlist its CLI gets too (what tools need to
 * run, and the non-secret Anthropic and Claude settings, ANTHROPIC_BASE_URL above all, so a
 * proxy or gateway works), swarm's own non-secret settings, and exactly one API key, its own,
 * as ANTHROPIC_API_KEY. No other secret of the runner's reaches it, so one worker can never
 * read another's key.
 */
export function workerEnv(parent: Readonly<Record<string, string | undefined>>, apiKey: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    if (isPassedThrough(name) || (name.startsWith('SWARM_') && !secretLooking.test(name))) env[name] = value;
  }
  if (apiKey !== undefined) env['ANTHROPIC_API_KEY'] = apiKey;
  return env;
}

/** The key a worker runs with: its own `api-key = env("X")`, else the runner's ANTHROPIC_API_KEY. */
export function apiKeyFor(apiKeyEnv: string | undefined, parent: Readonly<Record<string, string | undefined>>): { key?: string; problem?: string } {
  if (apiKeyEnv !== undefined) {
    const key = parent[apiKeyEnv];
    return key ? { key } : { problem: `the worker's api-key names ${apiKeyEnv}, which is not set` };
  }
  const key = parent['ANTHROPIC_API_KEY'];
  return key ? { key } : { problem: 'ANTHROPIC_API_KEY is not set and the worker names no api-key' };
}
