import { defineCrawl } from './crawl-suite.ts';

/** The crawl's first share, and the checks of the checks (e2e/crawl-suite.ts). */
await defineCrawl(0, 2);
