import { defineConfig } from 'vitest/config';

// The fault suite (npm run test:faults): whole services, a PostgreSQL of its own that scenarios stop and start,
// one scenario at a time.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
