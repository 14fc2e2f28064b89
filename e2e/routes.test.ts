import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './app-server.ts';
import {
  buildCrawl,
  CRAWL_SERVER_ENV,
  type CrawlTarget,
  fetchTarget,
  findStaleExclusions,
  findUncoveredRoutes,
} from './routes.ts';

let server: AppServer;
let crawl: CrawlTarget[];

beforeAll(async () => {
  server = await startAppServer({ env: CRAWL_SERVER_ENV });
  crawl = await buildCrawl(server.baseUrl, server.database, server.devMailKey);
});

afterAll(async () => {
  await server?.stop();
});

describe('the crawl list', () => {
  it('visits every registered route or says why not', () => {
    expect(findUncoveredRoutes(server.app.routes, crawl)).toEqual([]);
  });

  it('notices a new route that nobody added to it', () => {
    const routes = [...server.app.routes, { method: 'GET', path: '/nyheter/:slug' }];
    expect(findUncoveredRoutes(routes, crawl)).toEqual(['GET /nyheter/:slug']);
  });

  it('names no excluded route that is gone', () => {
    expect(findStaleExclusions(server.app.routes)).toEqual([]);
  });

  it('has detail pages of every kind of organisation, agreement, group and activity, the longest name included', async () => {
    const { pool } = server.database;
    // Public detail pages: signed out, one path segment after the prefix (not …/internt).
    const urls = new Set(crawl.filter((target) => !target.cookie).map((target) => target.url));
    for (const [table, name, prefixes] of [
      ['organisations', 'name', ['/larosaten/', '/organisationer/']],
      ['agreements', 'title', ['/avtal/']],
      ['groups', 'name', ['/grupper/']],
      ['activities', 'title', ['/aktiviteter/']],
    ] as const) {
      // An internal or deleted record has no public page (buildCrawl leaves it out).
      const shown = `deleted_at is null${table === 'organisations' ? '' : ` and visibility = 'public'`}`;
      const rows = (
        await pool.query<{ slug: string; kind: string; length: number }>(
          `select slug, kind::text, length(${name}) as length from ${table} where ${shown}`,
        )
      ).rows;
      const crawled = rows.filter((row) => prefixes.some((prefix) => urls.has(`${prefix}${row.slug}`)));
      expect(new Set(crawled.map((row) => row.kind)), table).toEqual(new Set(rows.map((row) => row.kind)));
      const longest = Math.max(...rows.map((row) => row.length));
      expect(
        crawled.some((row) => row.length === longest),
        `${table}: the longest name`,
      ).toBe(true);
    }
  });

  it('gets the status each page state should have', async () => {
    const statuses = await Promise.all(
      crawl.map(async (target) => `${target.name}: ${(await fetchTarget(server.baseUrl, target)).status}`),
    );
    expect(statuses).toEqual(crawl.map((target) => `${target.name}: ${target.status}`));
  });
});
