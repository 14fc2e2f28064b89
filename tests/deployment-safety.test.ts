import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildTestApp, createTestApp, formPost, textOf } from './test-app.ts';

/** The README's production example, as written: identity providers and an https BASE_URL, nothing else. */
const README_PRODUCTION_EXAMPLE = {
  OIDC_PROVIDERS: JSON.stringify([
    {
      id: 'huddinge',
      name: 'Huddinge kommun',
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      clientId: 'samverkan',
      clientSecret: 'hemligt',
    },
  ]),
  BASE_URL: 'https://samverkan.huddinge.se',
};

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
});
afterAll(() => subject.cleanup());

/** An app as `npm start` would configure it from these settings (NODE_ENV only if given). */
function appWith(env: Record<string, string>) {
  // The limits are counted in the database these apps share; this file asks for many links from one client.
  return buildTestApp(subject.database, { env: { NODE_ENV: '', SIGN_IN_RATE_LIMIT: '10000', ...env } });
}

describe('the mode without NODE_ENV (decision 009)', () => {
  it.each([
    [{}, 'development'],
    [{ BASE_URL: 'http://localhost:3000' }, 'development'],
    [{ BASE_URL: 'http://127.0.0.1:8080' }, 'development'],
    [{ BASE_URL: 'https://localhost' }, 'production'],
    [{ BASE_URL: 'http://samverkan.huddinge.se' }, 'production'],
    [README_PRODUCTION_EXAMPLE, 'production'],
    [{ BASE_URL: 'https://samverkan.huddinge.se', NODE_ENV: 'development' }, 'development'],
  ])('with %o is %s', (env, mode) => {
    expect(loadConfig(env).env).toBe(mode);
  });
});

describe('the development mail page', () => {
  const pageOf = (app: ReturnType<typeof appWith>, origin: string) =>
    `${origin}/utveckling/mejl/${app.deps.devMailKey}`;

  let attempt = 0;
  /** Asks for a sign-in link for an administrator's address, then opens the page that would show it. */
  async function tryTheTakeover(app: ReturnType<typeof appWith>, origin: string, headers = {}) {
    // Each address gets five links an hour: a new administrator each time.
    attempt += 1;
    const asked = await app.request(
      `${origin}/logga-in/lank`,
      formPost({ email: `admin${attempt}@huddinge.se` }, { origin }),
    );
    expect(asked.status).toBe(303);
    return app.request(pageOf(app, origin), { headers });
  }

  it('shows the links on a laptop in development: loopback, no SMTP, addressed as this machine', async () => {
    const laptop = appWith({ NODE_ENV: 'development' });
    const page = await tryTheTakeover(laptop, 'http://localhost:3000');
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain(`admin${attempt}@huddinge.se`);
    expect((await laptop.request(pageOf(laptop, 'http://127.0.0.1:3000'))).status).toBe(200);
  });

  it('is 404 without this start’s key, or with another', async () => {
    const laptop = appWith({ NODE_ENV: 'development' });
    for (const path of ['/utveckling/mejl', '/utveckling/mejl/', `/utveckling/mejl/${'0'.repeat(32)}`]) {
      expect((await laptop.request(`http://localhost:3000${path}`)).status, path).toBe(404);
    }
    const otherStart = appWith({ NODE_ENV: 'development' });
    expect((await laptop.request(pageOf(otherStart, 'http://localhost:3000'))).status).toBe(404);
  });

  it.each([
    ['x-forwarded-for', '203.0.113.5'],
    ['forwarded', 'for=203.0.113.5'],
    ['x-real-ip', '203.0.113.5'],
    ['via', '1.1 proxy'],
    ['x-forwarded-host', 'localhost'],
  ])('is 404 to a request that came through a proxy or tunnel (%s)', async (header, value) => {
    const laptop = appWith({ NODE_ENV: 'development' });
    const page = await tryTheTakeover(laptop, 'http://localhost:3000', { [header]: value });
    expect(page.status).toBe(404);
  });

  it('is 404 with the README’s production example as written (no NODE_ENV, no SMTP)', async () => {
    const app = appWith(README_PRODUCTION_EXAMPLE);
    const page = await tryTheTakeover(app, 'https://samverkan.huddinge.se');
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(`admin${attempt}@huddinge.se`);
  });

  it.each([
    ['production on loopback', { NODE_ENV: 'production' }],
    ['development with SMTP', { NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' }],
    ['development listening on every address', { NODE_ENV: 'development', HOST: '0.0.0.0' }],
    ['development with an https BASE_URL', { NODE_ENV: 'development', BASE_URL: 'https://localhost:3000' }],
    [
      'development with a public BASE_URL',
      { NODE_ENV: 'development', BASE_URL: 'http://samverkan.huddinge.se' },
    ],
    ['the test mode', { NODE_ENV: 'test' }],
  ])('is 404 in %s', async (_shape, env) => {
    const app = appWith(env);
    expect((await app.request(pageOf(app, 'http://localhost:3000'))).status).toBe(404);
  });
});

describe('hosts', () => {
  const production = () => appWith(README_PRODUCTION_EXAMPLE);

  it('serves BASE_URL’s host in production, and refuses any other with a Swedish 421', async () => {
    const app = production();
    expect((await app.request('https://samverkan.huddinge.se/larosaten')).status).toBe(200);
    // Host names are case-insensitive; a port the proxy left on is the same host.
    expect((await app.request('https://SAMVERKAN.huddinge.se:443/larosaten')).status).toBe(200);
    for (const host of ['evil.example', 'localhost', '127.0.0.1', 'samverkan.huddinge.se.evil.example']) {
      const refused = await app.request(`http://${host}/larosaten`);
      expect(refused.status, host).toBe(421);
      expect(textOf(await refused.text())).toContain('Fel adress');
    }
  });

  it('refuses a forged Host before any form is handled', async () => {
    const refused = await production().request(
      'http://evil.example/aterkoppling',
      formPost({ page: '/', answer: 'ja' }, { origin: 'http://evil.example' }),
    );
    expect(refused.status).toBe(421);
  });

  it('never reads X-Forwarded-Host or Forwarded: they neither pass the check nor change a link', async () => {
    const app = production();
    for (const headers of [
      { 'x-forwarded-host': 'samverkan.huddinge.se' } as Record<string, string>,
      { forwarded: 'host=samverkan.huddinge.se;proto=https' },
    ]) {
      expect((await app.request('http://evil.example/', { headers })).status).toBe(421);
    }
    for (const headers of [
      { 'x-forwarded-host': 'evil.example' } as Record<string, string>,
      { forwarded: 'host=evil.example' },
    ]) {
      const response = await app.request('https://samverkan.huddinge.se/logga-in', { headers });
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('evil.example');
    }
  });

  it('in development also serves this machine’s names, on any port, and nothing else', async () => {
    const app = appWith({ NODE_ENV: 'development' });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:4000', 'http://[::1]:3000']) {
      expect((await app.request(`${origin}/larosaten`)).status, origin).toBe(200);
    }
    // DNS rebinding: an attacker's name that resolves to 127.0.0.1 still arrives with the attacker's Host.
    expect(
      (await app.request(`http://rebind.evil.example:3000/utveckling/mejl/${app.deps.devMailKey}`)).status,
    ).toBe(421);
  });
});

describe('the same-origin check on forms', () => {
  const answer = (app: ReturnType<typeof appWith>, url: string, origin: string) =>
    app.request(
      url,
      // A browser without Sec-Fetch-Site (older ones, some privacy settings): only Origin decides.
      formPost({ page: '/', answer: 'ja' }, { origin, 'sec-fetch-site': '' }),
    );

  it('in production compares Origin with BASE_URL’s origin only', async () => {
    const app = appWith({ ...README_PRODUCTION_EXAMPLE, FEEDBACK_RATE_LIMIT: '10000' });
    const url = 'https://samverkan.huddinge.se/aterkoppling';
    expect((await answer(app, url, 'https://samverkan.huddinge.se')).status).toBe(303);
    for (const origin of ['http://samverkan.huddinge.se', 'https://evil.example', 'http://localhost']) {
      expect((await answer(app, url, origin)).status, origin).toBe(403);
    }
  });

  it('in development also takes this machine’s own address, as the request named it', async () => {
    const app = appWith({ NODE_ENV: 'development', FEEDBACK_RATE_LIMIT: '10000' });
    expect((await answer(app, 'http://127.0.0.1:4000/aterkoppling', 'http://127.0.0.1:4000')).status).toBe(
      303,
    );
    // Another local port is another site (some other program on this machine).
    expect((await answer(app, 'http://127.0.0.1:4000/aterkoppling', 'http://127.0.0.1:8080')).status).toBe(
      403,
    );
  });
});
