import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-deps.ts';

/**
 * Rendered public pages, kept in memory for a few seconds. Public pages are read far more often than the
 * register changes, so a page is built from the database at most once per TTL and URL in each process;
 * code that changes public content calls `clear()`, and other processes catch up within the TTL.
 * The CSP nonce differs per response, so it is stored as a placeholder and filled in on every hit.
 */
export type PageCache = {
  get: (key: string) => string | undefined;
  set: (key: string, html: string) => void;
  clear: () => void;
};

const NONCE_PLACEHOLDER = '\u0000nonce\u0000';

export function createPageCache(options: { ttlMs: number; maxBytes: number }): PageCache {
  const entries = new Map<string, { html: string; expires: number }>();
  let bytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.html.length;
    entries.delete(key);
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        remove(key);
        return undefined;
      }
      return entry.html;
    },
    set(key, html) {
      if (options.ttlMs <= 0 || html.length > options.maxBytes) return;
      remove(key);
      entries.set(key, { html, expires: Date.now() + options.ttlMs });
      bytes += html.length;
      // Map keeps insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        remove(oldest);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

/** Serves GET pages from the cache, and stores successful HTML responses that are the same for everyone. */
export function cachePublicPages(cache: PageCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A feedback answer's own step (svar=…) is one person's; everything else is the same for all.
    if (c.req.method !== 'GET' || c.req.query('svar') !== undefined) return next();
    // Path and query: everything after the origin (c.req.url is always absolute).
    const key = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2));
    const nonce = c.get('secureHeadersNonce') ?? '';
    const cached = cache.get(key);
    if (cached !== undefined) {
      c.header('X-Cache', 'hit');
      return c.html(cached.replaceAll(NONCE_PLACEHOLDER, nonce));
    }
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.res.headers.has('set-cookie')) return;
    const html = await c.res.clone().text();
    cache.set(key, nonce ? html.replaceAll(nonce, NONCE_PLACEHOLDER) : html);
  };
}
