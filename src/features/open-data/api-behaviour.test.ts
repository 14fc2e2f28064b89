import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestApp } from '../../../tests/test-app.ts';
import { createPageCache, withPublicChange } from '../../web/page-cache.ts';

/**
 * Issue 12, item 2: what every endpoint of the open API does alike — CORS for GET, ETag and 304,
 * Cache-Control, HEAD, answers from the page cache that change as soon as the register does, and a
 * limit per client with 429 and Retry-After.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
const cache = createPageCache({ ttlMs: 600_000, maxBytes: 16 * 1024 * 1024 });
beforeAll(async () => {
  subject = await createTestApp({ demo: false, pageCache: cache });
});
afterAll(() => subject.cleanup());

describe('the open API', () => {
  it('is open to any origin for reading, also in a preflight', async () => {
    const response = await subject.request('/api/v1/agreements', {
      headers: { origin: 'https://example.org' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await subject.request('/api/v1/agreements', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
  });

  it('answers If-None-Match with 304 and no body, and HEAD with the headers only', async () => {
    const first = await subject.request('/api/v1/agreements?status=active');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await subject.request('/api/v1/agreements?status=active', {
      headers: { 'if-none-match': `W/${etag}` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await subject.request('/api/v1/agreements?status=active', {
      headers: { 'if-none-match': '"something-else"' },
    });
    expect(other.status).toBe(200);
    const head = await subject.request('/api/v1/agreements?status=active', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });

  it('serves a list from the cache, and the changed list right after a change', async () => {
    const path = '/api/v1/agreements?limit=100&page=1';
    const before = await subject.request(path);
    const cached = await subject.request(path);
    expect(cached.headers.get('x-cache')).toBe('hit');
    // The same parameters in another order are the same answer.
    const reordered = await subject.request('/api/v1/agreements?page=1&limit=100');
    expect(reordered.headers.get('x-cache')).toBe('hit');
    await withPublicChange(subject.deps, (tx) =>
      tx.execute(sql`update agreements set title = 'Samverkansavtal Ändrat i Huddinge', updated_at = now()
                      where slug = 'samverkansavtal-sodertorns-hogskola'`),
    );
    const after = await subject.request(path);
    expect(after.headers.get('x-cache')).toBeNull();
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(await after.text()).toContain('Samverkansavtal Ändrat i Huddinge');
  });

  it('refuses past the limit per client with 429, Retry-After and problem details; another client goes on', async () => {
    const limited = buildTestApp(subject.database, { env: { API_RATE_LIMIT: '3' }, demo: false });
    for (let i = 0; i < 3; i++) {
      expect((await limited.request('/api/v1/api-info', undefined, '192.0.2.50')).status).toBe(200);
    }
    const refused = await limited.request('/api/v1/api-info', undefined, '192.0.2.50');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const problem = await refused.json();
    expect(problem).toMatchObject({ status: 429, title: 'För många anrop' });
    expect((await limited.request('/api/v1/api-info', undefined, '192.0.2.51')).status).toBe(200);
  });

  it('keeps the Link header on a cached answer, and one entry for every spelling of one question', async () => {
    const first = await subject.request('/api/v1/agreements?limit=1&updatedSince=2020-01-01T00:00:00Z');
    const link = first.headers.get('link');
    expect(link).toContain('rel="next"');
    const hit = await subject.request('/api/v1/agreements?limit=1&updatedSince=2020-01-01T00:00:00Z');
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(hit.headers.get('link')).toBe(link);
    // The same question spelled otherwise: the same stored answer, with links in one spelling.
    for (const path of [
      '/api/v1/agreements?limit=0x1&updatedSince=2020-01-01T00:00:00Z',
      '/api/v1/agreements?updatedSince=2020-01-01T00:00:00Z&limit=1.0&page=1',
      '/api/v1/agreements?limit=%2B1&updatedSince=2020-01-01T01:00:00%2B01:00',
    ]) {
      const other = await subject.request(path);
      expect(other.status, path).toBe(200);
      expect(other.headers.get('x-cache'), path).toBe('hit');
      expect(other.headers.get('etag'), path).toBe(first.headers.get('etag'));
    }
  });

  it('refuses dates that do not exist or that PostgreSQL cannot hold, naming the parameter (never a 500)', async () => {
    for (const [path, name] of [
      ['/api/v1/agreements?updatedSince=0000-01-01', 'updatedSince'],
      ['/api/v1/agreements?updatedSince=2026-02-30T10:00:00Z', 'updatedSince'],
      ['/api/v1/agreements?updatedSince=2026-01-01T24:00:00Z', 'updatedSince'],
      ['/api/v1/meetings?from=0000-01-01', 'from'],
      ['/api/v1/activities?activeFrom=2026-02-29', 'activeFrom'],
      ['/api/v1/decisions?to=10000-01-01', 'to'],
    ]) {
      const response = await subject.request(path as string);
      expect(response.status, path).toBe(400);
      const problem = await response.json();
      expect(
        problem.invalidParams.map((param: { name: string }) => param.name),
        path,
      ).toEqual([name]);
    }
    // A bare date is midnight in Stockholm, as the day filters read days.
    expect((await subject.request('/api/v1/agreements?updatedSince=2026-06-01')).status).toBe(200);
  });

  it('refuses a query string on the catalogue, and answers the CORS preflight of the files', async () => {
    expect((await subject.request('/datasets/dcat?x=1')).status).toBe(400);
    expect((await subject.request('/datasets/dcat.ttl?x=1')).status).toBe(400);
    for (const path of ['/datasets/dcat', '/oppna-data/datamangder/agreements.csv']) {
      const preflight = await subject.request(path, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://example.org',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('says what it is at api-info (VER.06)', async () => {
    const info = await (await subject.request('/api/v1/api-info')).json();
    expect(info).toEqual({
      apiName: 'Samverkan med akademierna – öppet API',
      apiVersion: '1.0.0',
      apiReleased: '2026-11-30',
      apiDocumentation: 'http://localhost:3000/oppna-data/api',
      apiStatus: 'active',
      openApiDocument: 'http://localhost:3000/api/v1/openapi.json',
      catalogue: 'http://localhost:3000/datasets/dcat',
    });
  });
});
