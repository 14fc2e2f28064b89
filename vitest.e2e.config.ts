import { defineConfig } from 'vitest/config';

process.env.TZ = 'Europe/Stockholm';

/** Browser journeys in Chromium: slower, so a run of their own after the other tests. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    env: { TZ: 'Europe/Stockholm' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time keeps timings steady on a 2-core machine.
    fileParallelism: false,
  },
});
