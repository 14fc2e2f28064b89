import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv as t } from '../src/web/i18n/sv.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { findAxeViolations, launchBrowser } from './browser.ts';

const PAGE = '/larosaten/sodertorns-hogskola';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let server: AppServer;
let browser: Browser;
/** The headers of every response either context saw, to prove that none of them set a cookie. */
const responseHeaders: Promise<{ url: string; setCookie: string | undefined }>[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openContext(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled });
  // allHeaders(), asked at once: headers() leaves out Set-Cookie, and the context is gone by the end.
  context.on('response', (response) =>
    responseHeaders.push(
      response.allHeaders().then((headers) => ({ url: response.url(), setCookie: headers['set-cookie'] })),
    ),
  );
  return { context, page: await context.newPage() };
}

async function feedbackRow(id: string) {
  const result = await server.database.pool.query('select * from page_feedback where id = $1', [id]);
  return result.rows[0];
}

function answerIdIn(url: string): string {
  const id = new URL(url).searchParams.get('svar');
  if (!id) throw new Error(`no answer id in ${url}`);
  return id;
}

describe('"Var informationen till din hjälp?" without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openContext(false));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('takes a "Nej", asks what was missing, and keeps the comment', async () => {
    await page.goto(server.baseUrl + PAGE);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/aterkoppling')),
      page.getByRole('button', { name: t.feedback.no, exact: true }).click(),
    ]);
    expect(answer.status()).toBe(303);
    await page.waitForURL(new RegExp(`${PAGE}\\?aterkoppling=nej&svar=${UUID}#aterkoppling$`));
    const answerId = answerIdIn(page.url());

    const comment = 'Kontaktuppgifter till arbetsgruppen saknades.';
    await page.getByLabel(t.feedback.whatWasMissing).fill(comment);
    await page.getByRole('button', { name: t.feedback.send }).click();
    await page.waitForURL(`${server.baseUrl}${PAGE}?aterkoppling=kommentar-tack#aterkoppling`);
    await expect(page.getByText(t.feedback.commentThanks).isVisible()).resolves.toBe(true);

    expect(await feedbackRow(answerId)).toMatchObject({ page_path: PAGE, helpful: false, comment });
  });

  it('keeps a comment that is too long, with the Swedish message next to the field', async () => {
    await page.goto(server.baseUrl + PAGE);
    await page.getByRole('button', { name: t.feedback.no, exact: true }).click();
    await page.waitForURL(/aterkoppling=nej/);
    const answerId = answerIdIn(page.url());

    const tooLong = `${'Det saknades uppgifter om vem som leder arbetet. '.repeat(21)}`.slice(0, 1001);
    const [sent] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/kommentar')),
      page
        .getByLabel(t.feedback.whatWasMissing)
        .fill(tooLong)
        .then(() => page.getByRole('button', { name: t.feedback.send }).click()),
    ]);
    expect(sent.status()).toBe(422);
    await page.waitForLoadState('load');

    const field = page.getByLabel(t.feedback.whatWasMissing);
    expect(await field.inputValue()).toBe(tooLong);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const message = t.feedback.commentTooLong({ input: 'x'.repeat(1001) });
    expect((await page.locator('#feedback-comment-error').textContent())?.trim()).toBe(message);
    // The message is tied to the field, so a screen reader reads it with the field.
    expect(await field.getAttribute('aria-describedby')).toContain('feedback-comment-error');
    expect(await page.locator('.error-summary a[href="#feedback-comment"]').textContent()).toBe(message);
    expect((await feedbackRow(answerId)).comment).toBeNull();

    // Shortened, the same form sends, and the person is taken back to the page they were on.
    await field.fill(tooLong.slice(0, 1000));
    await page.getByRole('button', { name: t.feedback.send }).click();
    await page.waitForURL(`${server.baseUrl}${PAGE}?aterkoppling=kommentar-tack#aterkoppling`);
    expect((await feedbackRow(answerId)).comment).toBe(tooLong.slice(0, 1000).trim());
  });

  it('thanks a "Ja"', async () => {
    await page.goto(server.baseUrl + PAGE);
    await page.getByRole('button', { name: t.feedback.yes, exact: true }).click();
    await page.waitForURL(`${server.baseUrl}${PAGE}?aterkoppling=tack#aterkoppling`);
    await expect(page.getByText(t.feedback.thanks).isVisible()).resolves.toBe(true);
    const rows = await server.database.pool.query('select * from page_feedback where helpful');
    expect(rows.rows).toMatchObject([{ page_path: PAGE, helpful: true, comment: null }]);
  });

  it('set no cookie', async () => {
    expect(await context.cookies()).toEqual([]);
  });
});

describe('"Var informationen till din hjälp?" with JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openContext(true));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('answers "Nej" in place and moves focus to the comment step', async () => {
    await page.goto(server.baseUrl + PAGE);
    const url = page.url();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    await page.getByRole('button', { name: t.feedback.no, exact: true }).click();
    const field = page.getByLabel(t.feedback.whatWasMissing);
    await field.waitFor();
    expect(page.url()).toBe(url);
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-comment');
    expect(await findAxeViolations(page)).toEqual([]);

    const action = await page.locator('form.feedback-comment').getAttribute('action');
    const answerId = new RegExp(`^/aterkoppling/(${UUID})/kommentar$`).exec(action ?? '')?.[1] ?? '';
    await field.fill('Tider för nästa möte.');
    await page.getByRole('button', { name: t.feedback.send }).click();
    await page.getByText(t.feedback.commentThanks).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.feedback.commentThanks);
    expect(page.url()).toBe(url);
    expect(navigations).toBe(0);
    expect(await feedbackRow(answerId)).toMatchObject({
      page_path: PAGE,
      helpful: false,
      comment: 'Tider för nästa möte.',
    });
  });

  it('shows a comment that is too long again in place, with the message and the text kept', async () => {
    await page.goto(server.baseUrl + PAGE);
    await page.getByRole('button', { name: t.feedback.no, exact: true }).click();
    const field = page.getByLabel(t.feedback.whatWasMissing);
    await field.waitFor();
    const tooLong = 'x'.repeat(1200);
    await field.fill(tooLong);
    await page.getByRole('button', { name: t.feedback.send }).click();
    await page.locator('#feedback-comment-error').waitFor();
    expect(await page.locator('#feedback-comment-error').textContent()).toContain(
      t.feedback.commentTooLong({ input: 'x'.repeat(1200) }),
    );
    expect(await page.getByLabel(t.feedback.whatWasMissing).inputValue()).toBe(tooLong);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await findAxeViolations(page)).toEqual([]);
  });

  it('set no cookie', async () => {
    expect(await context.cookies()).toEqual([]);
  });
});

describe('what is kept', () => {
  it('never sent a Set-Cookie header', async () => {
    const headers = await Promise.all(responseHeaders);
    expect(headers.length).toBeGreaterThan(10);
    expect(headers.filter((response) => response.setCookie !== undefined)).toEqual([]);
  });

  it('has no column for an address or anything else about the person', async () => {
    const columns = await server.database.pool.query(
      "select column_name from information_schema.columns where table_name = 'page_feedback' order by ordinal_position",
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      'id',
      'page_path',
      'helpful',
      'comment',
      'created_at',
      // Set by staff in the feedback viewer: about who handled the answer, never about who gave it.
      'handled_at',
      'handled_by_person_id',
    ]);
    const rows = await server.database.pool.query('select * from page_feedback');
    expect(rows.rows.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(rows.rows)).not.toContain('127.0.0.1');
  });
});
