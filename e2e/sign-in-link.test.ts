import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpTransport, type MailWorker, startMailWorker } from '../src/features/mail/mail.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { startSmtpServer } from '../tests/smtp-server.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { findAxeViolations, launchBrowser } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The link's path and query; the host in the mail is BASE_URL, which a test server on port 0 cannot know. */
function linkPathIn(text: string): string {
  const match = text.match(/https?:\/\/[^/\s]+(\/logga-in\/lank\?token=[\w-]+)/);
  if (!match?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}

/** Pages opened with JavaScript off: axe runs as a script in the page, so it is skipped there. */
const withoutJavaScript = new WeakSet<Page>();

/** The crawl (accessibility.test.ts) checks these pages too; here they are checked in this journey's state. */
async function expectAccessible(page: Page) {
  if (withoutJavaScript.has(page)) return;
  expect(await findAxeViolations(page)).toEqual([]);
}

async function askForLink(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/mina-uppgifter`);
  // Signed out, the protected page sends us to sign in, and back there afterwards.
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  await expectAccessible(page);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
  await page.waitForURL(`${baseUrl}/logga-in/skickad`);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Titta i din e-post');
}

async function useLink(page: Page, baseUrl: string, linkPath: string) {
  await page.goto(`${baseUrl}${linkPath}`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.waitForURL(`${baseUrl}/mina-uppgifter`);
}

describe('sign-in with a link delivered by a real SMTP server', () => {
  let server: AppServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let worker: MailWorker;
  let transport: ReturnType<typeof createSmtpTransport>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startAppServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    transport = createSmtpTransport(server.config);
    worker = startMailWorker(
      { db: server.database.db, transport, clock: systemClock, logger: pino({ level: 'silent' }) },
      200,
    );
  });
  afterAll(async () => {
    await worker?.stop();
    transport?.close();
    await server?.stop();
    await smtp?.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`signs in and out in Chromium (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      if (!javaScriptEnabled) withoutJavaScript.add(page);
      const email = `forskare-${javaScriptEnabled ? 'js' : 'nojs'}@example.se`;
      await askForLink(page, server.baseUrl, email);

      await expect
        .poll(() => smtp.received.find((mail) => mail.envelopeTo.includes(email)), { timeout: 10_000 })
        .toBeTruthy();
      const mail = smtp.received.find((candidate) => candidate.envelopeTo.includes(email))!;
      expect(mail.subject).toBe('Din inloggningslänk till Samverkan');
      await useLink(page, server.baseUrl, linkPathIn(mail.text));

      const [cookie] = await context.cookies();
      expect(cookie).toMatchObject({
        name: '__Host-samverkan',
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/',
      });
      expect(await page.getByText(`Inloggad som ${email}`).count()).toBe(1);

      await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
      await page.waitForURL(`${server.baseUrl}/logga-in?utloggad=1`);
      expect(await context.cookies()).toEqual([]);
      // The same link does not work twice.
      await page.goto(`${server.baseUrl}${linkPathIn(mail.text)}`);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Länken går inte att använda');
      await context.close();
    });
  }
});

describe('development without SMTP: the link is on the development mail page', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ env: { NODE_ENV: 'development' } });
  });
  afterAll(() => server?.stop());

  it('lets a new person sign in with the link shown on the development mail page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await askForLink(page, server.baseUrl, 'ny.person@example.se');
    await page.goto(`${server.baseUrl}/utveckling/mejl/${server.devMailKey}`);
    expect(await findAxeViolations(page)).toEqual([]);
    const link = page.getByRole('link', { name: /\/logga-in\/lank\?token=/ });
    const href = await link.first().getAttribute('href');
    await useLink(page, server.baseUrl, linkPathIn(href ?? ''));
    expect(await page.getByText('Inloggad som ny.person@example.se').count()).toBe(1);
    await context.close();
  });
});
