import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { type CachedPage, serveThroughCache } from '../../web/page-cache.ts';

/** How long a client or proxy may keep an answer (the server's own copy is cleared at every change). */
export const API_MAX_AGE_SECONDS = 60;

/** Headers a handler sets that belong to the answer itself, so they are kept with it in the cache. */
const KEPT_HEADERS = ['Link'];

/**
 * Caching for the read-only API, the downloads and the catalogue: answers go through the page cache
 * (decision 006), so a change to the register reaches them within moments and an answer is built at most
 * once per TTL; every 200 carries an `ETag`, and a client that sends it back in `If-None-Match` gets
 * `304 Not Modified` without the body. The answer is the same for everyone (the API never looks at who
 * asks), so it is `public`. `key` names the answer in canonical form (see `canonicalKey`): two spellings
 * of one question are one entry, so junk spellings cannot make it be built again.
 */
export async function answerThroughCache(
  c: Context<AppEnv>,
  key: string,
  build: () => Promise<Response>,
): Promise<Response> {
  let built: { response: Response; stored: CachedPage | undefined } | undefined;
  const make = async () => {
    const response = await build();
    built = { response, stored: await storable(response) };
    return built.stored;
  };
  const cache = c.get('deps').pageCache;
  if (cache) {
    const served = await serveThroughCache(
      cache,
      key,
      (page, how) => {
        c.header('X-Cache', how);
        return answer(c, page);
      },
      make,
    );
    if (served) return served;
  } else {
    await make();
  }
  if (!built) throw new Error('the answer was neither served nor built');
  return built.stored ? answer(c, built.stored) : built.response;
}

/**
 * The same as middleware, for routes that take no query string (the downloads and the catalogue refuse
 * one before this runs), so their path is their key.
 */
export function cachedAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    c.res = await answerThroughCache(c, c.req.path, async () => {
      await next();
      return c.res;
    });
  };
}

/** The path and checked parameters, sorted, each value in one spelling (a time as its UTC instant). */
export function canonicalKey(path: string, query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, value instanceof Date ? value.toISOString() : String(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.length === 0
    ? path
    : `${path}?${new URLSearchParams(parts.map(([n, v]) => [n, v])).toString()}`;
}

/** The 200 with its validators, or a 304 when the client already holds this version. */
function answer(c: Context<AppEnv>, page: CachedPage): Response {
  const etag = page.etag ?? entityTag(page.html);
  const headers = {
    ...page.headers,
    ETag: etag,
    'Cache-Control': `public, max-age=${API_MAX_AGE_SECONDS}`,
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  return c.body(page.html, page.status, { ...headers, 'Content-Type': page.type ?? 'application/json' });
}

async function storable(response: Response): Promise<CachedPage | undefined> {
  if (response.status !== 200) return undefined;
  const type = response.headers.get('content-type') ?? 'application/json';
  // Not text(): it drops a leading byte order mark, and the CSV downloads need theirs (Swedish Excel).
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.clone().arrayBuffer());
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { html: body, status: 200, type, etag: entityTag(body), headers };
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
