import { defineCrawl } from './crawl-suite.ts';

/** The crawl's second share (e2e/crawl-suite.ts), run beside the first on the other browser worker. */
await defineCrawl(1, 2);
