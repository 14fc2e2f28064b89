import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-deps.ts';

/**
 * Rendered public pages, kept in memory for a few seconds. Public pages are read far more often than the
 * register changes, so a page is built from the database at most about once per TTL and URL in each
 * process; code that changes public content calls `clear()`, and other processes catch up within the TTL.
 * When an entry has expired, one request rebuilds it while the others are still served the old copy
 * (for at most one more TTL), so a rebuild never makes a queue of waiting requests.
 * The CSP nonce differs per response, so it is stored as a placeholder and filled in on every hit.
 */
export type PageCache = {
  /** The page, and whether it is past its time and should be rebuilt. */
  get: (key: string) => { html: string; stale: boolean } | undefined;
  set: (key: string, html: string) => void;
  /** True for the first caller after an entry expired: that one rebuilds it. */
  claimRebuild: (key: string) => boolean;
  clear: () => void;
};

const NONCE_PLACEHOLDER = '\u0000nonce\u0000';

export function createPageCache(options: { ttlMs: number; maxBytes: number }): PageCache {
  const entries = new Map<string, { html: string; freshUntil: number; rebuilding: boolean }>();
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
      const now = Date.now();
      // Too old even to serve while it is rebuilt (its rebuild failed or nobody asked for a long time).
      if (entry.freshUntil + options.ttlMs <= now) {
        remove(key);
        return undefined;
      }
      return { html: entry.html, stale: entry.freshUntil <= now };
    },
    set(key, html) {
      if (options.ttlMs <= 0 || html.length > options.maxBytes) return;
      remove(key);
      entries.set(key, { html, freshUntil: Date.now() + options.ttlMs, rebuilding: false });
      bytes += html.length;
      // Map keeps insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        remove(oldest);
      }
    },
    claimRebuild(key) {
      const entry = entries.get(key);
      if (!entry || entry.rebuilding) return false;
      entry.rebuilding = true;
      return true;
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
    // Signed-in pages carry the person's name and menu: never stored, never served from the cache.
    // A session cookie that turned out dead still skips the cache, so that the answer can clear it.
    if (c.get('viewer') !== null || c.get('sessionCookieSent')) return next();
    // Path and query: everything after the origin (c.req.url is always absolute).
    const key = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2));
    const nonce = c.get('secureHeadersNonce') ?? '';
    const cached = cache.get(key);
    if (cached && (!cached.stale || !cache.claimRebuild(key))) {
      c.header('X-Cache', cached.stale ? 'stale' : 'hit');
      return c.html(cached.html.replaceAll(NONCE_PLACEHOLDER, nonce));
    }
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.res.headers.has('set-cookie')) return;
    if ((c.res.headers.get('cache-control') ?? '').includes('no-store')) return;
    const html = await c.res.clone().text();
    cache.set(key, nonce ? html.replaceAll(nonce, NONCE_PLACEHOLDER) : html);
  };
}
