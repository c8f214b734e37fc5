/**
 * Harmless variables a process may inherit: locale, time zone, temp dir, terminal and colour
 * hints, and what reaching the network through a proxy or a private CA takes (a gateway in
 * ANTHROPIC_BASE_URL is useless without them).
 */
const harmless =
  /^(PATH|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|TERM|NO_COLOR|FORCE_COLOR|SHELL|USER|LOGNAME|IS_SANDBOX|API_TIMEOUT_MS|BASH_DEFAULT_TIMEOUT_MS|BASH_MAX_TIMEOUT_MS|MAX_THINKING_TOKENS|DISABLE_[A-Z0-9_]+|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy)$/;

/** Names that hold credentials, whatever their prefix; such a variable never passes. */
export const secretLike = /(KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION)/i;

/** Whether a variable of the runner's environment may reach a worker and its CLI. */
export function isPassedThrough(name: string): boolean {
  if (secretLike.test(name)) return false;
  return harmless.test(name) || name.startsWith('ANTHROPIC_') || name.startsWith('CLAUDE_');
}

export interface ClaudeEnvOptions {
  /** The one credential the CLI gets, as `ANTHROPIC_API_KEY`; absent: none (the CLI then says it is not logged in). */
  apiKey: string | undefined;
  /** A throwaway home for this worker: the CLI keeps its config in `<home>/.claude`. */
  home: string;
}

/**
 * The whole environment of a CLI run, built from an allowlist: nothing else of the runner's
 * environment (other keys, tokens, cloud credentials) reaches the model's tools. Retries are
 * swarm's, so the CLI's own are off; so is its traffic besides the Messages API.
 */
export function claudeEnv(parent: Readonly<Record<string, string | undefined>>, options: ClaudeEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && isPassedThrough(name)) env[name] = value;
  }
  return {
    ...env,
    HOME: options.home,
    CLAUDE_CONFIG_DIR: `${options.home}/.claude`,
    ...(options.apiKey !== undefined && { ANTHROPIC_API_KEY: options.apiKey }),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
  };
}
