import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.test.ts'],
    // fast-check seeds are fixed per run in CI through FC_SEED (see spec/support/property.ts).
    testTimeout: 60_000,
  },
});
