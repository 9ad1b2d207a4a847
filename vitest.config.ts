import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite runs whole services one at a time: npm run test:faults; the browser suite needs
    // Chromium: npm run test:browser.
    exclude: ['test/faults/**', 'test/browser/**', '**/node_modules/**'],
    // One PostgreSQL server for the run (embedded unless TEST_DATABASE_URL is set); each file clones its
    // own database from a migrated template, so files run in parallel and leave nothing behind.
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
