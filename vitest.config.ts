import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores on the CI machines: forks keep better-sqlite3 and PostgreSQL connections per process.
    pool: 'forks',
    testTimeout: 20_000,
    // Hooks build whole servers (migrations, seeded accounts): give them room on a busy two-core machine.
    hookTimeout: 30_000,
  },
});
