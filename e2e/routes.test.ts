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

  it('has a detail page for every organisation, agreement, group and activity', async () => {
    const { pool } = server.database;
    // An internal or deleted agreement, group or activity has no public page (buildCrawl leaves it out).
    const count = async (table: string) =>
      (
        await pool.query(
          `select count(*)::int as n from ${table}${table === 'organisations' ? '' : ` where deleted_at is null and visibility = 'public'`}`,
        )
      ).rows[0].n;
    // Public detail pages: signed out, one path segment after the prefix (not …/internt).
    const urls = crawl.filter((target) => !target.cookie).map((target) => target.url);
    const detailPages = (prefix: string) =>
      urls.filter((url) => url.startsWith(prefix) && !url.slice(prefix.length).includes('/')).length;
    expect(detailPages('/larosaten/') + detailPages('/organisationer/')).toBe(await count('organisations'));
    expect(detailPages('/avtal/') - 1).toBe(await count('agreements')); // less the not-found page
    expect(detailPages('/grupper/')).toBe(await count('groups'));
    expect(detailPages('/aktiviteter/')).toBe(await count('activities'));
  });

  it('gets the status each page state should have', async () => {
    const statuses = await Promise.all(
      crawl.map(async (target) => `${target.name}: ${(await fetchTarget(server.baseUrl, target)).status}`),
    );
    expect(statuses).toEqual(crawl.map((target) => `${target.name}: ${target.status}`));
  });
});
