/**
 * The environment a worker process gets: what tools need to run (PATH, locale, temp dir),
 * the non-secret Anthropic and Claude settings (ANTHROPIC_BASE_URL above all, so a proxy or
 * gateway works), and exactly one API key, its own, as ANTHROPIC_API_KEY. No other secret
 * of the runner's reaches it, so one worker can never read another's key.
 */
const passThrough = /^(PATH|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|TERM|NO_COLOR|FORCE_COLOR|SHELL|USER|LOGNAME|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|IS_SANDBOX|SWARM_[A-Z0-9_]+|ANTHROPIC_[A-Z0-9_]+|CLAUDE_[A-Z0-9_]+|DISABLE_[A-Z0-9_]+)$/;
const secretLooking = /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?|AUTH)/;

export function workerEnv(parent: Readonly<Record<string, string | undefined>>, apiKey: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || !passThrough.test(name) || secretLooking.test(name)) continue;
    env[name] = value;
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
