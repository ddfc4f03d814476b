import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores on the CI machines: forks keep better-sqlite3 and PostgreSQL connections per process.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
