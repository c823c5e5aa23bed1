import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the whole platform in-process plus Debian's Chromium driven by playwright-core.
 * Run with `npm run test:e2e` (builds web/dist first). One file at a time, in one fork.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    env: { TZ: 'Europe/Brussels' },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
