import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../../seeds/apply-seed.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/database.ts';
import {
  listenIdentityProvider,
  signInAtProvider,
  type TestAccount,
  type TestIdentityProvider,
} from '../../../../tests/oidc-provider.ts';
import { buildTestApp, type TestApp, textOf } from '../../../../tests/test-app.ts';
import type { Clock } from '../../../lib/clock.ts';
import { auditLog, people, personIdentities, sessions } from '../../accounts/accounts.table.ts';
import { hashToken, SESSION_COOKIE } from '../sessions.ts';
import { OIDC_STATE_COOKIE } from './oidc.routes.tsx';
import { oidcSignInRequests } from './oidc.table.ts';

const APP = 'http://localhost';
const ANNA: TestAccount = { sub: 'a1b2-anna', email: 'anna.andersson@huddinge.se', name: 'Anna Andersson' };
const BERTIL: TestAccount = { sub: 'c3d4-bertil', email: 'bertil@huddinge.se', name: 'Bertil Berg' };
/** The same address as Anna's, at another provider, under another subject: must be another person. */
const ANNA_AT_SH: TestAccount = {
  sub: '99-anna-sh',
  email: 'anna.andersson@huddinge.se',
  name: 'Anna A. (SH)',
};

const clock = { current: new Date('2026-11-27T09:00:00+01:00') };
const movingClock: Clock = { now: () => new Date(clock.current) };

let database: TestDatabase;
/** Huddinge: strict to the spec, so e-mail and name come from the userinfo endpoint. */
let huddinge: TestIdentityProvider;
/** Södertörns högskola: e-mail and name in the ID token. */
let sh: TestIdentityProvider;
/** Configured but never started: it listens and answers 503 to everything. */
let silent: TestIdentityProvider;
/** Configured at an address where nothing listens. */
let closedPort: number;
let subject: TestApp;
let logLines: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { demo: false });
  [huddinge, sh, silent, closedPort] = await Promise.all([
    listenIdentityProvider({ accounts: [ANNA, BERTIL] }),
    listenIdentityProvider({ accounts: [ANNA_AT_SH], conformIdTokenClaims: false }),
    listenIdentityProvider({ accounts: [BERTIL] }),
    freePort(),
  ]);
  huddinge.start({ redirectUris: [`${APP}/logga-in/oidc/huddinge/callback`] });
  sh.start({ redirectUris: [`${APP}/logga-in/oidc/sh/callback`] });
});

afterAll(async () => {
  await Promise.all([huddinge?.stop(), sh?.stop(), silent?.stop()]);
  await database?.cleanup();
});

beforeEach(async () => {
  await database.db.execute(
    sql`truncate people, person_identities, sessions, audit_log, oidc_sign_in_requests, rate_limit_counts cascade`,
  );
  clock.current = new Date('2026-11-27T09:00:00+01:00');
  logLines = [];
  subject = buildTestApp(database, {
    clock: movingClock,
    logger: pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) }),
    env: {
      BASE_URL: APP,
      OIDC_START_RATE_LIMIT: '5',
      OIDC_PROVIDERS: JSON.stringify([
        huddinge.providerSetting('huddinge', 'Huddinge kommun'),
        sh.providerSetting('sh', 'Södertörns högskola'),
        silent.providerSetting('tyst', 'Tyst leverantör'),
        { ...huddinge.providerSetting('nere', 'Nere AB'), issuer: `http://127.0.0.1:${closedPort}` },
      ]),
    },
  });
});

/** Starts a sign-in at our app: where it sends the browser, and the state cookie it set. */
async function begin(providerId: string, next = '/mina-uppgifter') {
  const response = await subject.request(
    `/logga-in/oidc/${providerId}?${new URLSearchParams({ nasta: next })}`,
  );
  expect(response.status).toBe(302);
  const cookie = response.headers.get('set-cookie')?.match(new RegExp(`${OIDC_STATE_COOKIE}=([^;]+)`));
  if (!cookie?.[1]) throw new Error('no state cookie');
  return {
    authorizationUrl: response.headers.get('location') ?? '',
    cookie: `${OIDC_STATE_COOKIE}=${cookie[1]}`,
    setCookie: response.headers.get('set-cookie') ?? '',
  };
}

/** Opens the provider's redirect back to our app, as the browser that started the sign-in. */
function returnToApp(callbackUrl: string, cookie?: string) {
  expect(callbackUrl.startsWith(`${APP}/`)).toBe(true);
  const { pathname, search } = new URL(callbackUrl);
  return subject.request(`${pathname}${search}`, cookie ? { headers: { cookie } } : {});
}

async function signIn(providerId: string, idp: TestIdentityProvider, login: string, next?: string) {
  const started = await begin(providerId, next);
  const callbackUrl = await signInAtProvider(idp, started.authorizationUrl, login);
  return { response: await returnToApp(callbackUrl, started.cookie), callbackUrl, started };
}

const identitiesOf = () =>
  database.db
    .select({
      personId: personIdentities.personId,
      issuer: personIdentities.issuer,
      subject: personIdentities.subject,
      name: people.name,
      email: people.email,
    })
    .from(personIdentities)
    .innerJoin(people, eq(people.id, personIdentities.personId));

const refusals = async () =>
  (await database.db.select().from(auditLog).where(eq(auditLog.action, 'sign_in_refused'))).map(
    (entry) => entry.detail,
  );

async function expectRefusedPage(response: Response) {
  expect(response.status).toBe(400);
  const text = textOf(await response.text());
  expect(text).toContain('Inloggningen kunde inte slutföras. Försök igen.');
  expect(text).toContain('Till inloggningen');
  expect(response.headers.get('set-cookie') ?? '').not.toContain(`${SESSION_COOKIE}=`);
}

describe('starting an OIDC sign-in', () => {
  it('sends the browser to the provider with PKCE (S256), state, nonce and our callback', async () => {
    const { authorizationUrl, setCookie } = await begin('huddinge', '/mina-uppgifter?flik=1');
    const url = new URL(authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${huddinge.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: huddinge.clientId,
      response_type: 'code',
      redirect_uri: `${APP}/logga-in/oidc/huddinge/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toMatch(/^[\w-]{43}$/);
    expect(params.nonce).toMatch(/^[\w-]{43}$/);

    // Server-side: the state only as a hash; the verifier never leaves our server.
    const [row] = await database.db.select().from(oidcSignInRequests);
    expect(row).toMatchObject({
      stateHash: hashToken(params.state ?? ''),
      providerId: 'huddinge',
      nonce: params.nonce,
      nextPath: '/mina-uppgifter?flik=1',
      expiresAt: new Date('2026-11-27T09:10:00+01:00'),
    });
    expect(row?.codeVerifier).toMatch(/^[\w-]{43}$/);
    expect(authorizationUrl).not.toContain(row?.codeVerifier);

    // The browser is bound to this sign-in by a short-lived, host-only cookie holding the state.
    expect(setCookie).toContain(`${OIDC_STATE_COOKIE}=${params.state};`);
    expect(setCookie).toMatch(/Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  it('only keeps a relative path of our own to go to afterwards', async () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/logga-in']) {
      await begin('huddinge', next);
    }
    const rows = await database.db.select().from(oidcSignInRequests);
    expect(rows.map((row) => row.nextPath)).toEqual(Array(4).fill('/mina-uppgifter'));
  });

  it('clears abandoned sign-ins older than ten minutes', async () => {
    await begin('huddinge');
    clock.current = new Date('2026-11-27T09:10:00+01:00');
    await begin('huddinge');
    expect(await database.db.select().from(oidcSignInRequests)).toHaveLength(1);
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await subject.request('/logga-in/oidc/okand')).status).toBe(404);
    expect((await subject.request('/logga-in/oidc/okand/callback?state=x&code=y')).status).toBe(404);
  });

  it('shows a Swedish 503 page, not a 500, when the provider cannot be reached', async () => {
    for (const id of ['nere', 'tyst']) {
      const response = await subject.request(`/logga-in/oidc/${id}`);
      expect(response.status).toBe(503);
      const text = textOf(await response.text());
      expect(text).toContain('Inloggningen fungerar inte just nu');
      expect(text).toContain(`Vi får inte kontakt med ${id === 'nere' ? 'Nere AB' : 'Tyst leverantör'}`);
    }
    expect(await database.db.select().from(oidcSignInRequests)).toHaveLength(0);
    // The rest of the site, and the other providers, are unaffected.
    expect((await subject.request('/')).status).toBe(200);
    expect((await begin('huddinge')).authorizationUrl).toContain(huddinge.issuer);
  });

  it('tries discovery again once a provider that was down answers', async () => {
    expect((await subject.request('/logga-in/oidc/tyst')).status).toBe(503);
    silent.start({ redirectUris: [`${APP}/logga-in/oidc/tyst/callback`] });
    const { response } = await signIn('tyst', silent, BERTIL.sub);
    expect(response.status).toBe(303);
  });
});

describe('finishing an OIDC sign-in', () => {
  it('signs a new person in, keyed by issuer and sub, and goes to the path asked for', async () => {
    const { response } = await signIn('huddinge', huddinge, ANNA.sub, '/mina-uppgifter?flik=1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/mina-uppgifter?flik=1');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`${SESSION_COOKIE}=[\\w-]{43};`));
    // The state cookie is removed: it was for this one sign-in.
    expect(setCookie).toMatch(new RegExp(`${OIDC_STATE_COOKIE}=; Max-Age=0`));

    const identities = await identitiesOf();
    expect(identities).toEqual([
      {
        personId: expect.any(Number),
        issuer: huddinge.issuer,
        subject: ANNA.sub,
        // This provider gives e-mail and name only from userinfo; we asked it.
        name: ANNA.name,
        email: ANNA.email,
      },
    ]);
    const [session] = await database.db.select().from(sessions);
    expect(session?.personId).toBe(identities[0]?.personId);
    expect(await database.db.select().from(oidcSignInRequests)).toHaveLength(0);
    const [entry] = await database.db.select().from(auditLog);
    expect(entry).toMatchObject({ action: 'sign_in', detail: { method: 'huddinge' } });
  });

  it('finds the same person the next time, and another person for another account', async () => {
    await signIn('huddinge', huddinge, ANNA.sub);
    await signIn('huddinge', huddinge, ANNA.sub);
    await signIn('huddinge', huddinge, BERTIL.sub);
    const identities = await identitiesOf();
    expect(identities.map((identity) => identity.subject).sort()).toEqual([ANNA.sub, BERTIL.sub].sort());
    expect(await database.db.select().from(people)).toHaveLength(2);
  });

  it('refuses a disabled account, and starts no session', async () => {
    await signIn('huddinge', huddinge, ANNA.sub);
    await database.db.update(people).set({ disabledAt: clock.current });
    await database.db.delete(sessions);
    const { response } = await signIn('huddinge', huddinge, ANNA.sub);
    expect(response.status).toBe(403);
    expect(await database.db.select().from(sessions)).toHaveLength(0);
  });

  it('never merges the same e-mail arriving from two providers', async () => {
    expect((await signIn('huddinge', huddinge, ANNA.sub)).response.status).toBe(303);
    expect((await signIn('sh', sh, ANNA_AT_SH.sub)).response.status).toBe(303);
    const identities = await identitiesOf();
    expect(identities).toHaveLength(2);
    expect(new Set(identities.map((identity) => identity.personId)).size).toBe(2);
    expect(identities.find((identity) => identity.issuer === sh.issuer)).toMatchObject({
      subject: ANNA_AT_SH.sub,
      email: ANNA.email,
      // From the ID token this time.
      name: ANNA_AT_SH.name,
    });
  });

  it('refuses a replayed state: the second use of the same answer fails', async () => {
    const { response, callbackUrl, started } = await signIn('huddinge', huddinge, ANNA.sub);
    expect(response.status).toBe(303);
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'unknown_state' }]);
    expect(await database.db.select().from(sessions)).toHaveLength(1);
  });

  it('refuses an ID token whose nonce is not the one we sent', async () => {
    const started = await begin('huddinge');
    const tampered = new URL(started.authorizationUrl);
    tampered.searchParams.set('nonce', 'a-nonce-we-never-made');
    const callbackUrl = await signInAtProvider(huddinge, tampered.href, ANNA.sub);
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([
      { method: 'huddinge', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:nonce' },
    ]);
    expect(await database.db.select().from(people)).toHaveLength(0);
  });

  it('refuses an ID token the provider signed for another client (wrong aud)', async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, ANNA.sub);
    huddinge.tamperNextIdToken((claims) => ({ ...claims, aud: 'another-app' }));
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([
      { method: 'huddinge', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud' },
    ]);
    expect(await database.db.select().from(people)).toHaveLength(0);
  });

  it('refuses an ID token from another issuer, even one signed with the right key', async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, ANNA.sub);
    huddinge.tamperNextIdToken((claims) => ({ ...claims, iss: sh.issuer }));
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([
      { method: 'huddinge', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED:iss' },
    ]);
    expect(await database.db.select().from(people)).toHaveLength(0);
  });

  it('refuses an ID token signed with a key the provider never published', async () => {
    // The control: the same token signed again with the provider's own key is accepted.
    const control = await begin('huddinge');
    const controlUrl = await signInAtProvider(huddinge, control.authorizationUrl, ANNA.sub);
    huddinge.tamperNextIdToken((claims) => claims, { signer: 'provider' });
    expect((await returnToApp(controlUrl, control.cookie)).status).toBe(303);

    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, BERTIL.sub);
    huddinge.tamperNextIdToken((claims) => claims, { signer: 'stranger' });
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    // openid-client's code for "JWT signature verification failed".
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'OAUTH_INVALID_RESPONSE' }]);
    expect((await identitiesOf()).map((identity) => identity.subject)).toEqual([ANNA.sub]);
  });

  it('refuses when the provider answers with an error (the person pressed Avbryt)', async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, '', { cancel: true });
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'provider_error:access_denied' }]);
  });

  it('limits sign-ins started per client, and a made-up X-Forwarded-For does not reset the count', async () => {
    for (let i = 0; i < 5; i += 1) {
      const started = await subject.request('/logga-in/oidc/huddinge', {
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      expect(started.status).toBe(302);
    }
    const sixth = await subject.request('/logga-in/oidc/huddinge', {
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(sixth.status).toBe(429);
    expect(textOf(await sixth.text())).toContain('För många försök');
    // Another client is not affected.
    expect((await subject.request('/logga-in/oidc/huddinge', {}, '192.0.2.77')).status).toBe(302);
  });

  it('keeps a made-up error code out of the log as it is: NUL and the like are dropped, never a 500', async () => {
    const started = await begin('huddinge');
    const state = new URL(started.authorizationUrl).searchParams.get('state') ?? '';
    const callbackUrl = `${APP}/logga-in/oidc/huddinge/callback?state=${state}&error=access%00_denied%F0%9F%98%80`;
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'provider_error:access_denied' }]);
  });

  it('refuses an answer opened in another browser than the one that started (login CSRF)', async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, BERTIL.sub);
    await expectRefusedPage(await returnToApp(callbackUrl));
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'other_browser' }]);
    expect(await database.db.select().from(sessions)).toHaveLength(0);
  });

  it('refuses an answer that comes back more than ten minutes later', async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, ANNA.sub);
    clock.current = new Date('2026-11-27T09:10:00+01:00');
    await expectRefusedPage(await returnToApp(callbackUrl, started.cookie));
    expect(await refusals()).toEqual([{ method: 'huddinge', reason: 'expired' }]);
  });

  it("refuses one provider's answer at another provider's callback", async () => {
    const started = await begin('huddinge');
    const callbackUrl = await signInAtProvider(huddinge, started.authorizationUrl, ANNA.sub);
    const elsewhere = callbackUrl.replace('/oidc/huddinge/', '/oidc/sh/');
    await expectRefusedPage(await returnToApp(elsewhere, started.cookie));
    expect(await refusals()).toEqual([{ method: 'sh', reason: 'provider_mismatch' }]);
  });

  it('refuses a callback without a state, or with one we never issued', async () => {
    await expectRefusedPage(await subject.request('/logga-in/oidc/huddinge/callback?code=abc'));
    await expectRefusedPage(
      await subject.request('/logga-in/oidc/huddinge/callback?code=abc&state=made-up', {
        headers: { cookie: `${OIDC_STATE_COOKIE}=made-up` },
      }),
    );
    expect(await refusals()).toEqual([
      { method: 'huddinge', reason: 'missing_state' },
      { method: 'huddinge', reason: 'unknown_state' },
    ]);
  });

  it('writes no code, token or state into the log', async () => {
    const { callbackUrl, started } = await signIn('huddinge', huddinge, ANNA.sub);
    await returnToApp(callbackUrl, started.cookie);
    const code = new URL(callbackUrl).searchParams.get('code') ?? '';
    const state = new URL(callbackUrl).searchParams.get('state') ?? '';
    expect(code.length).toBeGreaterThan(20);
    const log = logLines.join('\n');
    expect(log).toContain('oidc sign-in refused');
    expect(log).not.toContain(code);
    expect(log).not.toContain(state);
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});

/** A loopback port with nothing listening on it. */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
