import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeEnv, isPassedThrough } from '../../src/worker/claude-env.ts';
import { seeded } from '../support/property.ts';

const parent = {
  PATH: '/usr/bin',
  LANG: 'C.UTF-8',
  TZ: 'Europe/Paris',
  ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
  ANTHROPIC_MODEL: 'claude-sonnet-5',
  CLAUDE_CODE_USE_BEDROCK: '0',
  ANTHROPIC_API_KEY: 'sk-parent-key',
  ANTHROPIC_AUTH_TOKEN: 'tok',
  OTHER_API_KEY: 'sk-other',
  GITHUB_TOKEN: 'ghp_x',
  AWS_ACCESS_KEY_ID: 'AKIA',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_REGION: 'eu-west-3',
  DATABASE_URL: 'postgres://u:p@h/db',
  CLAUDE_CODE_MAX_RETRIES: '10',
  NODE_OPTIONS: '--require /tmp/hook.js',
};

describe('claudeEnv', () => {
  it('keeps harmless and non-secret Anthropic/Claude settings, sets the one key, drops everything else', () => {
    expect(claudeEnv(parent, { apiKey: 'sk-worker', home: '/tmp/h' })).toEqual({
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      TZ: 'Europe/Paris',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      ANTHROPIC_MODEL: 'claude-sonnet-5',
      CLAUDE_CODE_USE_BEDROCK: '0',
      HOME: '/tmp/h',
      CLAUDE_CONFIG_DIR: '/tmp/h/.claude',
      ANTHROPIC_API_KEY: 'sk-worker',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      // Retries belong to swarm, whatever the runner's environment says.
      CLAUDE_CODE_MAX_RETRIES: '0',
    });
  });

  it('never passes a variable whose name says it holds a credential', () => {
    const secretName = fc
      .tuple(fc.constantFrom('', 'ANTHROPIC_', 'CLAUDE_', 'LC_', 'X_'), fc.constantFrom('KEY', 'API_KEY', 'TOKEN', 'SECRET', 'PASSWORD', 'CREDENTIALS', 'AUTH_TOKEN'), fc.constantFrom('', '_1', '_FILE'))
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(secretName, fc.string(), (name, value) => {
        expect(isPassedThrough(name)).toBe(false);
        const env = claudeEnv({ [name]: value }, { apiKey: 'k', home: '/h' });
        expect(Object.keys(env).filter((k) => k !== 'ANTHROPIC_API_KEY')).not.toContain(name);
      }),
      seeded(200),
    );
  });
});
