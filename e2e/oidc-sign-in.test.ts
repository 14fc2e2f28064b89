import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/features/auth/sessions.ts';
import { sv as t } from '../src/web/i18n/sv.ts';
import {
  listenIdentityProvider,
  type TestAccount,
  type TestIdentityProvider,
} from '../tests/oidc-provider.ts';
import { type AppServer, startAppServer } from './app-server.ts';
import { findAxeViolations, launchBrowser } from './browser.ts';

const ANNA: TestAccount = { sub: 'a1b2-anna', email: 'anna.andersson@huddinge.se', name: 'Anna Andersson' };

let idp: TestIdentityProvider;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  // The provider listens first (the app's settings name its address), and answers once it knows ours.
  idp = await listenIdentityProvider({ accounts: [ANNA], conformIdTokenClaims: false });
  [server, browser] = await Promise.all([
    startAppServer({
      env: {
        OIDC_PROVIDERS: JSON.stringify([
          idp.providerSetting('huddinge', 'Huddinge kommun'),
          // Nothing listens on port 9 (discard) on loopback: the provider that is down.
          { ...idp.providerSetting('nere', 'Nere AB'), issuer: 'http://127.0.0.1:9' },
        ]),
      },
    }),
    launchBrowser(),
  ]);
  idp.start({ redirectUris: [`${server.baseUrl}/logga-in/oidc/huddinge/callback`] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
});

describe('signing in with an OIDC provider in Chromium, without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('goes from a protected page through the provider and back, signed in', async () => {
    await page.goto(`${server.baseUrl}/mina-uppgifter`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');

    await page.getByRole('link', { name: t.auth.withProvider('Huddinge kommun') }).click();
    await page.waitForURL(`${idp.issuer}/interaction/**`);
    await page.getByLabel('Användarnamn').fill(ANNA.sub);
    const [landing] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/logga-in/oidc/huddinge/callback')),
      page.getByRole('button', { name: 'Logga in' }).click(),
    ]);
    expect(landing.status()).toBe(303);
    await page.waitForURL(`${server.baseUrl}/mina-uppgifter`);

    const cookies = await context.cookies(server.baseUrl);
    const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    // The sign-in's own cookie is gone once it has done its work.
    expect(cookies.map((cookie) => cookie.name)).not.toContain('__Host-oidc-state');
    await expect(page.getByText(ANNA.name).first().isVisible()).resolves.toBe(true);

    const identities = await server.database.pool.query(
      'select issuer, subject from person_identities join people on people.id = person_id where people.name = $1',
      [ANNA.name],
    );
    expect(identities.rows).toEqual([{ issuer: idp.issuer, subject: ANNA.sub }]);
  });
});

describe('when the sign-in cannot be completed', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // With JavaScript: axe runs in the page.
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('says so in Swedish with a way back, when the person cancels at the provider', async () => {
    await page.goto(`${server.baseUrl}/logga-in`);
    await page.getByRole('link', { name: t.auth.withProvider('Huddinge kommun') }).click();
    await page.waitForURL(`${idp.issuer}/interaction/**`);
    const [landing] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/logga-in/oidc/huddinge/callback')),
      page.getByRole('button', { name: 'Avbryt' }).click(),
    ]);
    expect(landing.status()).toBe(400);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.oidc.refusedTitle);
    await expect(page.getByText(t.oidc.refusedBody).isVisible()).resolves.toBe(true);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: t.oidc.backToSignIn }).click();
    expect(new URL(page.url()).pathname).toBe('/logga-in');
  });

  it('shows a 503 page naming the provider when it does not answer', async () => {
    await page.goto(`${server.baseUrl}/logga-in`);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/logga-in/oidc/nere')),
      page.getByRole('link', { name: t.auth.withProvider('Nere AB') }).click(),
    ]);
    expect(answer.status()).toBe(503);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.oidc.unavailableTitle);
    await expect(page.getByText(t.oidc.unavailableBody('Nere AB')).isVisible()).resolves.toBe(true);
    expect(await findAxeViolations(page)).toEqual([]);
  });
});
