import net from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../src/features/accounts/accounts.table.ts';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { MAX_BODY_BYTES } from '../src/web/middleware/security.ts';
import { createPerson, sessionCookieFor } from './people.ts';
import {
  OTHER_OPEN_ADDRESSES,
  OTHER_PAGE_STATES,
  PUBLIC_PAGES,
  SIGN_IN_PAGES,
  SIGNED_IN_PAGES,
} from './public-pages.ts';
import { buildTestApp, createTestApp, formPost, OWN_ORIGIN, textOf, UUID } from './test-app.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
  const administrator = await createPerson(subject.deps.db, {
    roles: { 'huddinge-kommun': 'administrator' },
  });
  administratorCookie = await sessionCookieFor(subject.deps.db, administrator, subject.deps.clock.now());
});
let administratorCookie: string;
afterAll(() => subject.cleanup());

const storedFeedback = () => subject.database.db.select().from(pageFeedback);

/**
 * Every kind of response the app gives: pages, other page states, redirects and refusals. Asked for once
 * and shared by the tests below, which read only headers (there are hundreds of addresses).
 */
let walked: Promise<{ name: string; response: Response }[]> | undefined;
function everyResponse(): Promise<{ name: string; response: Response }[]> {
  walked ??= walkEveryResponse();
  return walked;
}

async function walkEveryResponse(): Promise<{ name: string; response: Response }[]> {
  const responses: { name: string; response: Response }[] = [];
  for (const path of [
    ...Object.values(PUBLIC_PAGES),
    ...OTHER_PAGE_STATES,
    ...Object.values(SIGN_IN_PAGES),
    ...Object.values(OTHER_OPEN_ADDRESSES),
    '/static/styles.css',
  ]) {
    responses.push({ name: `GET ${path}`, response: await subject.request(path) });
  }
  for (const path of Object.values(SIGNED_IN_PAGES)) {
    const response = await subject.request(path, { headers: { cookie: administratorCookie } });
    responses.push({ name: `GET ${path} (signed in)`, response });
  }
  const posts: [string, RequestInit][] = [
    ['answer', formPost({ page: '/', answer: 'nej' })],
    ['answer by fetch', formPost({ page: '/', answer: 'ja' }, { 'x-requested-with': 'fetch' })],
    ['bad answer', formPost({ page: '//evil.example', answer: 'ja' })],
    [
      'cross-site answer',
      formPost(
        { page: '/', answer: 'ja' },
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      ),
    ],
    [
      'json answer',
      { method: 'POST', headers: { 'content-type': 'application/json', origin: OWN_ORIGIN }, body: '{}' },
    ],
    ['too large answer', formPost({ page: '/', answer: 'ja', comment: 'x'.repeat(MAX_BODY_BYTES) })],
  ];
  for (const [name, init] of posts)
    responses.push({ name, response: await subject.request('/aterkoppling', init) });
  return responses;
}

describe('security headers', () => {
  it('has an address for every GET route, so every page is checked', () => {
    const getRoutes = subject.app.routes
      .filter((route) => route.method === 'GET')
      .map((route) => route.path)
      .filter((path) => !path.startsWith('/static'));
    expect([...new Set(getRoutes)].sort()).toEqual(
      Object.keys({ ...PUBLIC_PAGES, ...SIGN_IN_PAGES, ...OTHER_OPEN_ADDRESSES, ...SIGNED_IN_PAGES }).sort(),
    );
  });

  it('sends a strict Content-Security-Policy with a fresh nonce on every response', async () => {
    const nonces = new Set<string>();
    for (const { name, response } of await everyResponse()) {
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((part) => {
          const [directive = '', ...values] = part.trim().split(/\s+/);
          return [directive, values.join(' ')];
        }),
      );
      expect(directives['object-src'], name).toBe("'none'");
      expect(directives['base-uri'], name).toBe("'none'");
      expect(directives['frame-ancestors'], name).toBe("'none'");
      expect(directives['default-src'], name).toBe("'self'");
      expect(directives['script-src'], name).toMatch(/^'nonce-[A-Za-z0-9+/=_-]{16,}'$/);
      expect(csp, name).not.toContain('unsafe-inline');
      expect(csp, name).not.toContain('unsafe-eval');
      const nonce = directives['script-src']?.slice("'nonce-".length, -1) ?? '';
      nonces.add(nonce);

      const html = response.headers.get('content-type')?.startsWith('text/html') ? await response.text() : '';
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        expect(tag, name).toContain(`nonce="${nonce}"`);
        expect(tag, name).toMatch(/ src="\/static\//);
      }
      expect(html, name).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html, name).not.toMatch(/ on[a-z]+="/);
      // The archive copy of approved minutes (decision 014) is an attachment, saved and opened away from the
      // site, and must carry its own stylesheet; it still has no script and no event handler (checked above).
      const attachment = response.headers.get('content-disposition')?.startsWith('attachment') ?? false;
      if (!attachment) expect(html, name).not.toMatch(/<style\b| style="/);
    }
    expect(nonces.size).toBeGreaterThan(20);
  });

  it('puts the nonce of the header on the page’s script tag', async () => {
    const response = await subject.request('/');
    const nonce = response.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(
      `<script src="/static/feedback.js" defer="" nonce="${nonce}"></script>`,
    );
  });

  it('sends nosniff, a referrer policy and no framing on every response', async () => {
    for (const { name, response } of await everyResponse()) {
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), name).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
    }
  });

  it('sends HSTS only when the site is served over TLS', async () => {
    expect((await subject.request('/')).headers.get('strict-transport-security')).toBeNull();
    const tls = buildTestApp(subject.database, { env: { BASE_URL: 'https://samverkan.huddinge.se' } });
    expect((await tls.request('/')).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('sets no cookie on any response', async () => {
    for (const { name, response } of await everyResponse()) {
      expect(response.headers.get('set-cookie'), name).toBeNull();
    }
  });
});

describe('request ids', () => {
  it('gives every response its own uuid as X-Request-Id and ignores one sent by the client', async () => {
    const ids = new Set<string>();
    for (const { name, response } of await everyResponse()) {
      const id = response.headers.get('x-request-id') ?? '';
      expect(id, name).toMatch(UUID);
      ids.add(id);
    }
    const chosen = await subject.request('/', { headers: { 'x-request-id': 'forged-by-client' } });
    expect(chosen.headers.get('x-request-id')).toMatch(UUID);
    const alsoUuid = '11111111-1111-4111-8111-111111111111';
    const second = await subject.request('/', { headers: { 'x-request-id': alsoUuid } });
    expect(second.headers.get('x-request-id')).not.toBe(alsoUuid);
    expect(ids.size).toBeGreaterThan(20);
  });
});

describe('cross-site requests', () => {
  it('refuses a POST from another site with a Swedish 403 page and stores nothing', async () => {
    const before = (await storedFeedback()).length;
    const response = await subject.request(
      '/aterkoppling',
      formPost(
        { page: '/', answer: 'ja' },
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      ),
    );
    expect(response.status).toBe(403);
    const text = textOf(await response.text());
    expect(text).toContain('Åtgärden är inte tillåten');
    expect(text).toContain('Begäran kom inte från den här webbplatsen och stoppades av säkerhetsskäl.');
    expect(await storedFeedback()).toHaveLength(before);
  });

  it('refuses a cross-site POST even when the browser sends a valid session cookie along', async () => {
    const victim = await createPerson(subject.deps.db, { name: 'Offer Person' });
    const crossSite = {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      cookie: administratorCookie,
    };
    const disable = await subject.request(`/admin/personer/${victim}/stang-av`, formPost({}, crossSite));
    expect(disable.status).toBe(403);
    const [row] = await subject.deps.db.select().from(people).where(eq(people.id, victim));
    expect(row?.disabledAt).toBeNull();
    // Nor can another site sign the administrator out.
    const signOut = await subject.request('/logga-ut', formPost({}, crossSite));
    expect(signOut.status).toBe(403);
    const still = await subject.request('/mina-uppgifter', { headers: { cookie: administratorCookie } });
    expect(still.status).toBe(200);
  });

  it.each([
    ['no Origin and no Sec-Fetch-Site', { origin: '', 'sec-fetch-site': '' }],
    ['Origin null', { origin: 'null', 'sec-fetch-site': '' }],
    ['a sibling site', { origin: 'https://annat.huddinge.se', 'sec-fetch-site': 'same-site' }],
    ['another port on our host', { origin: 'http://localhost:8080', 'sec-fetch-site': '' }],
  ])('refuses a form POST with %s (403)', async (_case, headers) => {
    const init = formPost({ page: '/', answer: 'ja' });
    const merged = new Headers(init.headers);
    for (const [name, value] of Object.entries(headers)) {
      if (value) merged.set(name, value);
      else merged.delete(name);
    }
    const before = (await storedFeedback()).length;
    const response = await subject.request('/aterkoppling', { ...init, headers: merged });
    expect(response.status).toBe(403);
    expect(await storedFeedback()).toHaveLength(before);
  });

  it('accepts a POST whose Origin is the configured BASE_URL (behind a proxy)', async () => {
    const proxied = buildTestApp(subject.database, {
      env: { BASE_URL: 'https://samverkan.huddinge.se', FEEDBACK_RATE_LIMIT: '10000' },
    });
    const response = await proxied.request(
      '/aterkoppling',
      formPost(
        { page: '/', answer: 'ja' },
        { origin: 'https://samverkan.huddinge.se', 'sec-fetch-site': '' },
      ),
    );
    expect(response.status).toBe(303);
  });
});

describe('request body limit', () => {
  const tooLarge = `page=%2F&answer=ja&comment=${'x'.repeat(MAX_BODY_BYTES)}`;

  async function expectTooLarge(response: Response) {
    expect(response.status).toBe(413);
    expect(textOf(await response.text())).toContain('För mycket data Det du skickade var för stort.');
  }

  it('refuses a body over 64 KiB that declares its length (413)', async () => {
    const before = (await storedFeedback()).length;
    const body = new TextEncoder().encode(tooLarge);
    await expectTooLarge(
      await subject.request('/aterkoppling', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(body.byteLength),
          origin: OWN_ORIGIN,
        },
        body,
      }),
    );
    expect(await storedFeedback()).toHaveLength(before);
  });

  it('refuses a body over 64 KiB sent in chunks without a length, without reading all of it (413)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('page=%2F&answer=ja&comment='));
      },
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await subject.request('/aterkoppling', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(response);
    expect(sent).toBeLessThan(4 * MAX_BODY_BYTES);
  });

  it('accepts a body of exactly 64 KiB (it is then judged as a form)', async () => {
    const fits = `page=%2F&answer=ja&webbplats=${'x'.repeat(MAX_BODY_BYTES - 'page=%2F&answer=ja&webbplats='.length)}`;
    expect(fits).toHaveLength(MAX_BODY_BYTES);
    const response = await subject.request('/aterkoppling', formPost(new URLSearchParams(fits)));
    // The honeypot field is too long for the schema: a bad request, but not a too-large one.
    expect(response.status).toBe(400);
  });

  describe('on a real server', () => {
    let server: ReturnType<typeof serve>;
    let port: number;
    beforeAll(async () => {
      server = serve({ fetch: subject.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    /** Sends a raw HTTP/1.1 request and returns the status line and everything the server answered. */
    function sendRaw(head: string, chunks: string[]): Promise<string> {
      return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (data) => {
          answer += data;
        });
        // The server may close before it has read everything: that is the point.
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(answer));
        socket.on('connect', () => {
          socket.write(head);
          for (const chunk of chunks) socket.write(chunk);
          // No end(): a half-closed socket makes Node's server drop the request. It closes after answering.
        });
        socket.setTimeout(5_000, () => socket.destroy());
      });
    }

    function chunked(parts: string[]): string[] {
      return [...parts.map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`), '0\r\n\r\n'];
    }

    const head = (port: number, extra = '') =>
      [
        'POST /aterkoppling HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        `Origin: http://127.0.0.1:${port}`,
        'Content-Type: application/x-www-form-urlencoded',
        'Connection: close',
        extra,
        '',
        '',
      ]
        .filter((line, index, lines) => line !== '' || index >= lines.length - 2)
        .join('\r\n');

    it('refuses a chunked body over 64 KiB sent with Transfer-Encoding: chunked over a raw socket (413)', async () => {
      const before = (await storedFeedback()).length;
      const parts = [
        'page=%2F&answer=ja&comment=',
        ...Array.from({ length: 12 }, () => 'x'.repeat(8 * 1024)),
      ];
      const answer = await sendRaw(head(port, 'Transfer-Encoding: chunked'), chunked(parts));
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('För mycket data');
      expect(await storedFeedback()).toHaveLength(before);
    });

    it('accepts a small chunked form over a raw socket', async () => {
      const answer = await sendRaw(
        head(port, 'Transfer-Encoding: chunked'),
        chunked(['page=%2F&', 'answer=ja']),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 303 /);
      expect(answer).toMatch(/\r\nlocation: \/\?aterkoppling=tack#aterkoppling\r\n/i);
    });

    it('keeps serving pages after refusing a large body', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      await response.text();
    });
  });
});
