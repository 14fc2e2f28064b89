import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv as t } from '../src/web/i18n/sv.ts';
import { startAppServer } from './app-server.ts';
import { findAxeViolations, launchBrowser, openTarget } from './browser.ts';
import { expectReflow, measureReflow, REFLOW_HEIGHT } from './reflow.ts';
import { buildCrawl, CRAWL_SERVER_ENV } from './routes.ts';

/** The size every target is opened and checked at (Playwright's default); the reflow check resizes from it. */
const VIEWPORT = { width: 1280, height: 720 };

/** A small, stable hash of a target's name: which share of the crawl it falls in. */
function shareOf(name: string, shares: number): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % shares;
}

/**
 * The crawl, in shares: each test file (accessibility.test.ts, accessibility-2.test.ts) runs the targets
 * whose name falls in its share, with its own app server and browser, so the two browser workers each take
 * half of the longest part of the run instead of one taking all of it while the other finishes the journeys.
 * The share follows from the target's name, not its place in the list, so every target is in exactly one.
 * The checks of the checks run once, in share 0.
 */
export async function defineCrawl(share: number, shares: number): Promise<void> {
  // The crawl list comes from the seeded database, so it is built before the tests are collected.
  const server = await startAppServer({ env: CRAWL_SERVER_ENV });
  const crawl = (await buildCrawl(server.baseUrl, server.database, server.devMailKey)).filter(
    (target) => shareOf(target.name, shares) === share,
  );

  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server.stop();
  });

  // One tab, one page after another: on two cores a second tab made the run slower, not faster. Each target
  // is loaded once: the axe, structure and skip-link checks at VIEWPORT, then the same page resized for reflow.
  describe('every page in the crawl', () => {
    it.for(crawl)('$name ($url) is accessible and reflows', async (target, { expect }) => {
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

      // WCAG 1.4.10 at 320 and 640 px (e2e/reflow.ts); the viewport is VIEWPORT again afterwards.
      await expectReflow(page, expect);
    });
  });

  if (share !== 0) return;

  describe('the axe check itself', () => {
    it('reports a violation when a page has one', async () => {
      await page.setContent(
        '<!DOCTYPE html><html lang="sv"><title>t</title><main><img src="/x.png"></main></html>',
      );
      expect((await findAxeViolations(page)).join('\n')).toContain('image-alt');
    });
  });

  describe('the reflow check itself', () => {
    it('names what makes a page scroll sideways, and not what scrolls in its own region', async () => {
      await page.setViewportSize({ width: 320, height: REFLOW_HEIGHT });
      // A fresh document: one written into a crawled page would keep its CSP, which refuses style="…".
      await page.goto('about:blank');
      await page.setContent(
        `<!DOCTYPE html><html lang="sv"><title>t</title><body style="margin:0"><main>
          <div class="table-scroll" style="overflow-x:auto"><table><tr><td style="white-space:nowrap">${'bred '.repeat(40)}<span id="escapes" style="position:absolute">gömd</span></td></tr></table></div>
          <section class="table-scroll" style="overflow-x:auto;position:relative" aria-labelledby="c" tabindex="0"><table><caption id="c">Tabell</caption><tr><td style="white-space:nowrap">${'bred '.repeat(40)}<span style="position:absolute">gömd</span></td></tr></table></section>
          <p class="long">Ordet ${'samverkansavtals'.repeat(6)} bryts inte.</p>
          <div id="box" style="width:400px">x</div>
        </main></body></html>`,
      );
      const reflow = await measureReflow(page);
      expect(reflow.excess).toBeGreaterThan(0);
      expect(reflow.culprits).toEqual([
        expect.stringMatching(/^span#escapes \(box to \d+px\): "gömd"$/),
        expect.stringMatching(/^main > p\.long \(text to \d+px\): "Ordet samverkansavtals/),
        expect.stringMatching(/^div#box \(box to 400px\)/),
      ]);
      // The first region is neither named nor focusable; the second is both.
      expect(reflow.unreachableScrollers).toEqual([expect.stringMatching(/^div\.table-scroll: "bred bred/)]);

      await page.setContent(
        '<!DOCTYPE html><html lang="sv"><title>t</title><body style="overflow-x:hidden"><p>x</p></body></html>',
      );
      expect((await measureReflow(page)).hiddenOverflow).toEqual(['body { overflow-x: hidden }']);
      await page.setViewportSize(VIEWPORT);
    });
  });
}
