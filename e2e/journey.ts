import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSmtpTransport, type MailWorker, startMailWorker } from '../src/features/mail/mail.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createPerson } from '../tests/people.ts';
import { startSmtpServer } from '../tests/smtp-server.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { launchBrowser } from './browser.ts';

/**
 * What the browser journeys (a new user's day, JavaScript off) share: the app with a real SMTP server and
 * its mail worker, Chromium, and signing in with the link a mail brought. A test file calls
 * `useJourney()` once at its top; `journey.server` and `journey.smtp` are there once its tests run.
 */
export const journey = {} as {
  server: AppServer;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
};

let browser: Browser;
let worker: MailWorker;
let transport: ReturnType<typeof createSmtpTransport>;
const contexts: BrowserContext[] = [];

export function useJourney(): void {
  beforeAll(async () => {
    browser = await launchBrowser();
    journey.smtp = await startSmtpServer();
    journey.server = await startAppServer({ env: { SMTP_URL: `smtp://127.0.0.1:${journey.smtp.port}` } });
    transport = createSmtpTransport(journey.server.config);
    worker = startMailWorker(
      { db: journey.server.database.db, transport, clock: systemClock, logger: pino({ level: 'silent' }) },
      200,
    );
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await worker?.stop();
    transport?.close();
    await journey.server?.stop();
    await journey.smtp?.close();
    await browser?.close();
  });
}

/** A browser of one's own, without JavaScript. */
export async function newPage(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

/** The mail to `address` with a subject like this, once the SMTP server has it (within 10 s). */
export async function mailTo(address: string, subject: RegExp) {
  const find = () =>
    journey.smtp.received.find((mail) => mail.envelopeTo.includes(address) && subject.test(mail.subject));
  await expect.poll(find, { timeout: 10_000 }).toBeTruthy();
  return find()!;
}

/** The path and query of the sign-in link in a mail (its host is BASE_URL). */
function linkIn(text: string): string {
  const match = text.match(/https?:\/\/[^/\s]+(\/logga-in\/lank\?token=[\w-]+)/);
  if (!match?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}

export async function signInWithMailedLink(page: Page, address: string, subject: RegExp) {
  const mail = await mailTo(address, subject);
  await page.goto(`${journey.server.baseUrl}${linkIn(mail.text)}`);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.waitForLoadState();
  expect(await page.getByText(/^Inloggad som/).count()).toBe(1);
}

// biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with breaks between blocks.
export const text = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/**
 * The administrator every journey starts with (Ada, administrator of Huddinge kommun), signed in by a
 * mailed link, and how she invites someone with a role in an organisation: the page she is left on is
 * the new person's page in /admin.
 */
export async function signInAsAdministrator() {
  await createPerson(journey.server.database.db, {
    name: 'Ada Administratör',
    email: 'ada@example.se',
    roles: { 'huddinge-kommun': 'administrator' },
  });
  const admin = await newPage();
  await admin.goto(`${journey.server.baseUrl}/logga-in`);
  await admin.getByLabel('E-postadress').fill('ada@example.se');
  await admin.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
  await signInWithMailedLink(admin, 'ada@example.se', /inloggningslänk/);
  const invite = async (name: string, email: string, organisation: string, role: string) => {
    await admin.goto(`${journey.server.baseUrl}/admin/bjud-in`);
    await admin.getByLabel('Namn', { exact: true }).fill(name);
    await admin.getByLabel('E-postadress').fill(email);
    await admin.getByLabel('Organisation (valfritt)').selectOption({ label: organisation });
    await admin.getByLabel('Roll i organisationen').selectOption({ label: role });
    await admin.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await admin.waitForLoadState();
    expect(new URL(admin.url()).pathname).toMatch(/^\/admin\/personer\/\d+$/);
  };
  return { admin, invite };
}
