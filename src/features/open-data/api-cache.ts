import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { type CachedPage, serveThroughCache } from '../../web/page-cache.ts';

/** How long a client or proxy may keep an answer (the server's own copy is cleared at every change). */
export const API_MAX_AGE_SECONDS = 60;

/**
 * Caching for the read-only API and the downloads: answers go through the page cache (decision 006), so
 * a change to the register reaches them within moments and a list is built at most once per TTL; every
 * 200 carries an `ETag`, and a client that sends it back in `If-None-Match` gets `304 Not Modified`
 * without the body. The answer is the same for everyone (the API never looks at who asks), so it is
 * `public`. The key is the path and the query string with its parameters sorted: the handler has
 * refused any parameter it does not know before anything is stored.
 */
export function cachedAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const cache = c.get('deps').pageCache;
    const serve = (page: CachedPage, how: string) => {
      c.header('X-Cache', how);
      return answer(c, page);
    };
    const build = async (): Promise<CachedPage | undefined> => {
      await next();
      const stored = await storable(c);
      if (stored) c.res = answer(c, stored);
      return stored;
    };
    if (!cache) {
      await build();
      return;
    }
    return serveThroughCache(cache, keyOf(c), serve, build);
  };
}

/** The 200 with its validators, or a 304 when the client already holds this version. */
function answer(c: Context<AppEnv>, page: CachedPage): Response {
  const etag = page.etag ?? entityTag(page.html);
  const headers = {
    ETag: etag,
    'Cache-Control': `public, max-age=${API_MAX_AGE_SECONDS}`,
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  return c.body(page.html, page.status, { ...headers, 'Content-Type': page.type ?? 'application/json' });
}

async function storable(c: Context<AppEnv>): Promise<CachedPage | undefined> {
  if (c.res.status !== 200) return undefined;
  const type = c.res.headers.get('content-type') ?? 'application/json';
  // Not text(): it drops a leading byte order mark, and the CSV downloads need theirs (Swedish Excel).
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await c.res.clone().arrayBuffer());
  return { html: body, status: 200, type, etag: entityTag(body) };
}

/** A strong validator from the bytes of the answer: equal bodies, equal tags, in every process. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): W/ prefixes do not matter, `*` matches anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function keyOf(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const parameters = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(parameters).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
