import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToDatabase } from '../src/db/client.ts';
import { findFreePort } from '../src/db/postgres-process.ts';
import { buildTestApp, createTestApp, formPost, textOf, UUID } from './test-app.ts';

/** Signs that a page leaks how the app is built. */
const LEAKS = [
  /\bat\s+\S+\s+\(?[^)]*:\d+:\d+/,
  /node_modules/,
  /\.tsx?\b/,
  /Error:/,
  /relation/i,
  /ECONNREFUSED/,
  /postgres/i,
];

describe('a page that does not exist', () => {
  let subject: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    subject = await createTestApp({ demo: false });
  });
  afterAll(() => subject.cleanup());

  it.each(['/finns-inte', '/larosaten/finns-inte', '/avtal/a/b', '/static/finns-inte.css', '/%E0%A4%A'])(
    'answers %s with a Swedish 404 page in the layout',
    async (path) => {
      const response = await subject.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<html lang="sv">');
      expect(textOf(html)).toContain('Sidan finns inte Vi hittar inte sidan du söker.');
      expect(html).toContain('<a href="/">Till startsidan</a>');
      // A 404 is not our fault, so it shows no error code to quote.
      expect(html).not.toContain(response.headers.get('x-request-id') ?? 'no request id');
    },
  );

  it('answers an unknown /api address with problem details (RFC 9457) in Swedish', async () => {
    const response = await subject.request('/api/finns-inte?x=1');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await response.json();
    expect(body).toEqual({
      type: 'http://localhost:3000/oppna-data/api#fel-404',
      title: 'Finns inte',
      status: 404,
      detail: 'Det finns ingen resurs eller post med denna adress.',
      instance: '/api/finns-inte?x=1',
      requestId: response.headers.get('x-request-id'),
    });
  });
});

describe('an unexpected error', () => {
  let subject: Awaited<ReturnType<typeof createTestApp>>;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    subject = await createTestApp({ demo: false, logger: pino({ level: 'info' }, sink) });
    // This test's own database loses a table, so every page that reads it fails.
    await subject.database.pool.query('drop table pages cascade');
  });
  afterAll(() => subject.cleanup());

  it('gives a Swedish 500 page with the request id and no stack trace', async () => {
    const response = await subject.request('/');
    expect(response.status).toBe(500);
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(UUID);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Något gick fel Ett fel uppstod hos oss. Försök igen om en stund.');
    expect(text).toContain(`Felkod att uppge om du kontaktar oss: ${requestId}`);
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });

  it('logs the error in detail, with the same request id', async () => {
    const response = await subject.request('/larosaten');
    expect(response.status).toBe(500);
    const requestId = response.headers.get('x-request-id');
    const failure = logLines.find((line) => line.requestId === requestId && line.msg === 'request failed');
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toMatch(/relation .*pages.* does not exist/);
    expect(logLines).toContainEqual(expect.objectContaining({ requestId, msg: 'request', status: 500 }));
  });

  it('keeps the security headers on the error page', async () => {
    const response = await subject.request('/');
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a database that cannot be reached', () => {
  let unreachable: ReturnType<typeof connectToDatabase>;
  let app: ReturnType<typeof buildTestApp>;
  beforeAll(async () => {
    const port = await findFreePort();
    unreachable = connectToDatabase(
      `postgres://samverkan@127.0.0.1:${port}/samverkan`,
      pino({ level: 'silent' }),
    );
    app = buildTestApp(unreachable);
  });
  afterAll(() => unreachable.close());

  it('gives a Swedish 503 page with Retry-After, quickly', async () => {
    const started = performance.now();
    const response = await app.request('/');
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const text = textOf(await response.text());
    expect(text).toContain('Tjänsten är tillfälligt otillgänglig Vi når inte databasen just nu.');
    expect(text).toContain(`Felkod att uppge om du kontaktar oss: ${response.headers.get('x-request-id')}`);
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });

  it.each(['/avtal', '/sok?q=kommun'])('gives 503 for %s too', async (path) => {
    expect((await app.request(path)).status).toBe(503);
  });

  it('gives 503 to a feedback answer rather than pretending it was saved', async () => {
    const response = await app.request('/aterkoppling', formPost({ page: '/', answer: 'ja' }));
    expect(response.status).toBe(503);
    expect(response.headers.get('location')).toBeNull();
  });
});
