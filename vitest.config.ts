import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary; keep parallelism within the machine's two cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Drops the PostgreSQL schemas the store suites made, once every worker is done.
    globalSetup: ['test/global-setup.ts'],
  },
});
