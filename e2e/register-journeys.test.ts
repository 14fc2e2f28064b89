import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpTransport, type MailWorker, startMailWorker } from '../src/features/mail/mail.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createPerson } from '../tests/people.ts';
import { startSmtpServer } from '../tests/smtp-server.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { launchBrowser } from './browser.ts';

/**
 * Issue 8, "done when": a coordinator, an editor and a member, each a new user invited by the
 * administrator and signed in with the link a real SMTP server received, do their jobs in Chromium with
 * JavaScript off, and the public pages show the edits at once. (Every page state here is also in the
 * crawl, which checks it with axe, the HTML validator and at 320 px.)
 */
let browser: Browser;
let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: MailWorker;
let transport: ReturnType<typeof createSmtpTransport>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  smtp = await startSmtpServer();
  server = await startAppServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
  transport = createSmtpTransport(server.config);
  worker = startMailWorker(
    { db: server.database.db, transport, clock: systemClock, logger: pino({ level: 'silent' }) },
    200,
  );
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await worker?.stop();
  transport?.close();
  await server?.stop();
  await smtp?.close();
  await browser?.close();
});

/** A browser of one's own, without JavaScript. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

async function mailTo(address: string, subject: RegExp) {
  await expect
    .poll(
      () => smtp.received.find((mail) => mail.envelopeTo.includes(address) && subject.test(mail.subject)),
      {
        timeout: 10_000,
      },
    )
    .toBeTruthy();
  return smtp.received.find((mail) => mail.envelopeTo.includes(address) && subject.test(mail.subject))!;
}

/** The path and query of the sign-in link in a mail (its host is BASE_URL). */
function linkIn(text: string): string {
  const match = text.match(/https?:\/\/[^/\s]+(\/logga-in\/lank\?token=[\w-]+)/);
  if (!match?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}

async function signInWithMailedLink(page: Page, address: string, subject: RegExp) {
  const mail = await mailTo(address, subject);
  await page.goto(`${server.baseUrl}${linkIn(mail.text)}`);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.waitForLoadState();
  expect(await page.getByText(/^Inloggad som/).count()).toBe(1);
}

const text = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

describe('the register kept up to date by new users, without JavaScript', () => {
  let coordinator: Page;
  let editor: Page;
  let member: Page;

  it('lets the administrator invite a coordinator, an editor and a member, who sign in from the mail', async () => {
    await createPerson(server.database.db, {
      name: 'Ada Administratör',
      email: 'ada@example.se',
      roles: { 'huddinge-kommun': 'administrator' },
    });
    const admin = await newPage();
    await admin.goto(`${server.baseUrl}/logga-in`);
    await admin.getByLabel('E-postadress').fill('ada@example.se');
    await admin.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
    await signInWithMailedLink(admin, 'ada@example.se', /inloggningslänk/);

    const invite = async (name: string, email: string, organisation: string, role: string) => {
      await admin.goto(`${server.baseUrl}/admin/bjud-in`);
      await admin.getByLabel('Namn', { exact: true }).fill(name);
      await admin.getByLabel('E-postadress').fill(email);
      await admin.getByLabel('Organisation (valfritt)').selectOption({ label: organisation });
      await admin.getByLabel('Roll i organisationen').selectOption({ label: role });
      await admin.getByRole('button', { name: 'Skicka inbjudan' }).click();
      await admin.waitForLoadState();
    };
    await invite('Cora Samordnare', 'cora@example.se', 'Huddinge kommun', 'Samverkanssamordnare');
    await invite('Erik Redaktör', 'erik@example.se', 'Barn- och utbildningsförvaltningen', 'Redaktör');
    await invite('Maja Medlem', 'maja@example.se', 'Barn- och utbildningsförvaltningen', 'Medlem');

    coordinator = await newPage();
    await signInWithMailedLink(coordinator, 'cora@example.se', /inbjud/i);
    editor = await newPage();
    await signInWithMailedLink(editor, 'erik@example.se', /inbjud/i);
    member = await newPage();
    await signInWithMailedLink(member, 'maja@example.se', /inbjud/i);
  });

  it('lets the editor change their own organisation, shown at once, and not another one', async () => {
    await editor.goto(`${server.baseUrl}/arbetsyta`);
    await editor.getByRole('link', { name: 'Ekdalsskolan', exact: true }).click();
    await editor.getByLabel('Beskrivning').fill('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.waitForLoadState();
    expect(new URL(editor.url()).pathname).toBe('/organisationer/ekdalsskolan');
    expect(await text(editor)).toContain('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');

    const anonymous = await newPage();
    await anonymous.goto(`${server.baseUrl}/organisationer/ekdalsskolan`);
    expect(await text(anonymous)).toContain('Grundskola F–9 med läsfrämjande arbete tillsammans med SH.');

    const refused = await editor.goto(`${server.baseUrl}/organisationer/flemingsbergs-gymnasium/andra`);
    expect(refused?.status()).toBe(403);
  });

  it('lets the member register a collaboration, and the coordinator accept it into the register', async () => {
    await member.goto(`${server.baseUrl}/registrera`);
    await member.getByLabel('Vad handlar samarbetet om?').fill('Robotprogrammering i fritidshemmet');
    await member.getByLabel('Lärosäte', { exact: true }).selectOption({ label: 'Södertörns högskola' });
    await member
      .getByLabel('Förvaltning eller enhet')
      .selectOption({ label: 'Barn- och utbildningsförvaltningen' });
    await member.getByLabel('Kontaktperson', { exact: true }).fill('Maja Medlem');
    await member.getByLabel('Kontaktpersonens e-postadress').fill('maja@example.se');
    await member.getByRole('button', { name: 'Skicka in' }).click();
    await member.waitForLoadState();
    // Likely duplicates are shown first (same university and förvaltning): it is a new one.
    if ((await member.getByText('Finns samarbetet redan i registret?').count()) > 0) {
      await member.getByLabel(/nytt samarbete/i).check();
      await member.getByRole('button', { name: 'Skicka in' }).click();
      await member.waitForLoadState();
    }
    const proposalPath = new URL(member.url()).pathname;
    expect(proposalPath).toMatch(/^\/forslag\/\d+$/);

    await coordinator.goto(`${server.baseUrl}/arbetsyta`);
    await coordinator.getByRole('link', { name: 'Robotprogrammering i fritidshemmet' }).click();
    await coordinator.getByLabel('Typ av aktivitet').selectOption({ label: 'Kurs' });
    await coordinator.getByRole('button', { name: 'Anta', exact: true }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('Förslaget är antaget');
    await mailTo('maja@example.se', /finns nu i registret/);

    const anonymous = await newPage();
    await anonymous.goto(`${server.baseUrl}/sok?q=Robotprogrammering`);
    await anonymous
      .getByRole('link', { name: /Robotprogrammering i fritidshemmet/ })
      .first()
      .click();
    expect(await text(anonymous)).toContain('Robotprogrammering i fritidshemmet');
  });

  it('lets the coordinator change an agreement and add its signed PDF, which residents can download', async () => {
    await coordinator.goto(`${server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola/andra`);
    await coordinator.getByLabel('Diarienummer').fill('KS-2026/123');
    await coordinator.getByRole('button', { name: 'Spara' }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('KS-2026/123');

    await coordinator.goto(`${server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola/andra`);
    await coordinator.getByRole('link', { name: 'Lägg till dokument' }).click();
    const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    await coordinator.getByLabel('PDF-fil').setInputFiles({
      name: 'Samverkansavtal SH.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await coordinator.getByLabel('Rubrik').fill('Undertecknat samverkansavtal');
    await coordinator.getByRole('button', { name: 'Ladda upp' }).click();
    await coordinator.waitForLoadState();
    expect(await text(coordinator)).toContain('Dokumentet är sparat.');

    const anonymous = await newPage();
    await anonymous.goto(`${server.baseUrl}/avtal/samverkansavtal-sodertorns-hogskola`);
    expect(await text(anonymous)).toContain('KS-2026/123');
    const link = anonymous.getByRole('link', { name: /Undertecknat samverkansavtal \(PDF/ });
    const href = await link.getAttribute('href');
    const file = await fetch(`${server.baseUrl}${href}`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(await file.text()).toBe(pdf);
  });
});
