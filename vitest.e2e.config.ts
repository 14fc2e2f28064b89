import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

process.env.TZ = 'Europe/Stockholm';

/**
 * The crawl (every page through axe, structure checks and reflow) is by far the longest part, and one page
 * after another it keeps about one core busy: it is split in two shares (e2e/crawl-suite.ts) that start
 * first, one on each worker, and the journeys follow them, so neither worker waits long for the other.
 */
class CrawlFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isCrawl = (file: TestSpecification) => /\/e2e\/accessibility(-\d+)?\.test\.ts$/.test(file.moduleId);
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
