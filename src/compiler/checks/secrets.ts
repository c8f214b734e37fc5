import { findSecrets } from '../../diagnostics/secrets.ts';
import type { Reporter } from '../reporter.ts';

const labels: Record<string, string> = {
  'anthropic-api-key': 'an Anthropic API key',
  'openai-api-key': 'an API key',
  'aws-access-key-id': 'an AWS access key',
  'github-token': 'a GitHub token',
  'slack-token': 'a Slack token',
  'google-api-key': 'a Google API key',
  'bearer-token': 'a bearer token',
  'url-password': 'a password inside a URL',
};

/**
 * Scans the whole source, comments included: a key pasted anywhere in a committed file has
 * leaked. The message never repeats the key; renderers mask it in excerpts.
 */
export function checkSecrets(text: string, reporter: Reporter): void {
  for (const secret of findSecrets(text)) {
    reporter.report('literal-secret', { start: secret.start, end: secret.end }, `this looks like ${labels[secret.kind] ?? 'a secret'} written into the file`, {
      help: secret.kind === 'url-password'
        ? 'remove it (and change it if it was ever committed); read the whole URL from the environment: `url = env("REDIS_URL")`'
        : 'remove it (and revoke it if it was ever committed); give workers keys with `api-key = env("NAME")`',
    });
  }
}
