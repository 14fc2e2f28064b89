import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv as t } from '../src/web/i18n/sv.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { launchBrowser } from './browser.ts';

let server: AppServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the focused element is, where it is, and whether its focus can be seen. */
function describeFocus(currentPage: Page) {
  return currentPage.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      index: element.dataset.focusIndex ?? null,
      text: element.textContent?.trim() ?? '',
      onScreen: box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0 && box.left >= 0,
      focusVisible:
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none',
    };
  });
}

describe('keyboard only, on the start page', () => {
  it('reaches the skip link first, and shows it while it has focus', async () => {
    await page.goto(`${server.baseUrl}/`);
    const hidden = await page.locator('.skip-link').boundingBox();
    expect(hidden === null || hidden.x + hidden.width <= 0).toBe(true);

    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toMatchObject({
      text: t.site.skipLink,
      onScreen: true,
      focusVisible: true,
    });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('reaches every link and button with Tab, each with a visible focus', async () => {
    await page.goto(`${server.baseUrl}/`);
    // Number everything a person can act on, as the browser would offer it to the Tab key.
    const focusable = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, [tabindex]';
      const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (element) =>
          element.tabIndex >= 0 &&
          !element.matches(':disabled') &&
          !element.closest('[aria-hidden="true"], [hidden], [inert]') &&
          element.getClientRects().length > 0,
      );
      return candidates.map((element, index) => {
        element.dataset.focusIndex = String(index);
        const tag = element.tagName.toLowerCase();
        return `${index}: ${tag} ${element.textContent?.trim() || element.getAttribute('name')}`;
      });
    });
    expect(focusable.length).toBeGreaterThan(15);
    // Every link and button on the page is among them: none is hidden from the keyboard.
    const linksAndButtons = await page.locator('a[href], button').count();
    expect(focusable.filter((entry) => /^\d+: (a|button) /.test(entry)).length).toBe(linksAndButtons);

    const reached: string[] = [];
    const notVisible: string[] = [];
    for (let presses = 0; presses < focusable.length + 5; presses += 1) {
      await page.keyboard.press('Tab');
      const focus = await describeFocus(page);
      if (!focus || focus.index === null || reached.includes(focus.index)) break;
      reached.push(focus.index);
      if (!focus.onScreen || !focus.focusVisible)
        notVisible.push(focusable[Number(focus.index)] ?? focus.index);
    }
    const missed = focusable.filter((_, index) => !reached.includes(String(index)));
    expect(missed, 'not reached by Tab').toEqual([]);
    // In document order: the Tab order follows what is read.
    expect(reached).toEqual(focusable.map((_, index) => String(index)));
    expect(notVisible, 'focus not visible').toEqual([]);
  });
});
