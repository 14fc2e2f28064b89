import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

process.env.TZ = 'Europe/Stockholm';

/**
 * The crawl (every page through axe, vnu-less structure checks and reflow) is by far the longest file, and
 * one page after another it keeps about one core busy: it starts first, and the journeys run beside it on
 * the other core, so the browser run takes about as long as the crawl alone.
 */
class CrawlFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isCrawl = (file: TestSpecification) => file.moduleId.endsWith('/e2e/accessibility.test.ts');
    return [...sorted.filter(isCrawl), ...sorted.filter((file) => !isCrawl(file))];
  }
}

/** Browser journeys in Chromium: slower, so a run of their own after the other tests. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    env: { TZ: 'Europe/Stockholm' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    sequence: { sequencer: CrawlFirst },
  },
});
