import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { CrawlTarget } from './routes.ts';

/** Debian's Chromium: `npx playwright install` cannot download in CI. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium with nothing that phones home. Playwright gives every launch a fresh temporary
 * profile (its own --user-data-dir) and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Opens a crawl target the way a person would reach it: a GET, or, for a form state, the page with the
 * form and then a real form post from it (a navigation, so the browser sends its own Origin and
 * Sec-Fetch-Site). Returns the status of the page that ends up shown.
 */
export async function openTarget(
  page: Page,
  baseUrl: string,
  target: CrawlTarget,
): Promise<number | undefined> {
  // Signed in as the target says (the session cookie sent with every request of the page), or not at all.
  await page.setExtraHTTPHeaders(target.cookie ? { cookie: target.cookie } : {});
  const first = await page.goto(new URL(target.url, baseUrl).href);
  const { form } = target;
  if (!form) return first?.status();
  const actionUrl = new URL(form.action, baseUrl).href;
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) => candidate.url() === actionUrl && candidate.request().method() === 'POST',
    ),
    // The next load event is the answer's document (the form page itself has loaded already; its URL may
    // even be the same as the action's, so waiting for the URL would not wait at all).
    page.waitForEvent('load'),
    page.evaluate(({ action, fields, multipart }) => {
      const element = document.createElement('form');
      element.method = 'post';
      element.action = action;
      if (multipart) element.enctype = 'multipart/form-data';
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        element.append(input);
      }
      document.body.append(element);
      // submit(), not requestSubmit(): a plain post, as without JavaScript, past any enhancement.
      element.submit();
    }, form),
  ]);
  return response.status();
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations as readable lines (none: empty). */
export async function findAxeViolations(page: Page, include?: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per check to merge frame
  // results, which triples the time and buys nothing here (our pages have no frames).
  let builder = new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .setLegacyMode()
    .options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes
      .map(
        (node) =>
          `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      )
      .join('\n');
    return `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
  });
}
