import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv as t } from '../src/web/i18n/sv.ts';
import { startAppServer } from './app-server.ts';
import { findAxeViolations, launchBrowser, openTarget } from './browser.ts';
import { buildCrawl, CRAWL_SERVER_ENV } from './routes.ts';

// The crawl list comes from the seeded database, so it is built before the tests are collected.
const server = await startAppServer({ env: CRAWL_SERVER_ENV });
const crawl = await buildCrawl(server.baseUrl, server.database, server.devMailKey);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server.stop();
});

// One tab, one page after another: on two cores a second tab made the run slower, not faster.
describe('every page in the crawl', () => {
  it.for(crawl)('$name ($url) is accessible', async (target, { expect }) => {
    expect(await openTarget(page, server.baseUrl, target)).toBe(target.status);

    const violations = await findAxeViolations(page);
    expect.soft(violations, `axe found on ${target.url}:\n${violations.join('\n')}`).toEqual([]);

    const structure = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      h1: document.querySelectorAll('h1').length,
      header: document.querySelectorAll('body > header').length,
      nav: document.querySelectorAll('header nav').length > 0,
      main: document.querySelectorAll('main').length,
      footer: document.querySelectorAll('body > footer').length,
    }));
    expect.soft(structure).toEqual({ lang: 'sv', h1: 1, header: 1, nav: true, main: 1, footer: 1 });

    // The first Tab lands on a skip link that can be seen, and following it puts focus in <main>.
    await page.keyboard.press('Tab');
    const skipLink = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      const box = focused?.getBoundingClientRect();
      return {
        text: focused?.textContent?.trim(),
        href: focused?.getAttribute('href'),
        onScreen: Boolean(box && box.left >= 0 && box.top >= 0 && box.width > 1 && box.height > 1),
      };
    });
    expect.soft(skipLink).toEqual({ text: t.site.skipLink, href: '#main', onScreen: true });
    await page.keyboard.press('Enter');
    expect.soft(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('the axe check itself', () => {
  it('reports a violation when a page has one', async () => {
    await page.setContent(
      '<!DOCTYPE html><html lang="sv"><title>t</title><main><img src="/x.png"></main></html>',
    );
    expect((await findAxeViolations(page)).join('\n')).toContain('image-alt');
  });
});
