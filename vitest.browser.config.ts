import { defineConfig } from 'vitest/config';

// The browser suite (npm run test:browser): the public tracker in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
