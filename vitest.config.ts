import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Dates are shown in Stockholm time; tests pin the zone so they pass on any machine.
process.env.TZ = 'Europe/Stockholm';

/** Unit, service, route and database tests. Browser tests live in vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    env: { TZ: 'Europe/Stockholm' },
    // The database tests mostly wait on PostgreSQL, so two workers pay off even on two cores.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
