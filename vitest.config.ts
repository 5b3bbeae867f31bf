import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      // Browser journeys (Playwright + Debian's Chromium) against server mode.
      'tests/e2e/**/*.test.ts',
    ],
    // Integration tests start servers and child processes; two workers match the 2-core machines.
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
