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
