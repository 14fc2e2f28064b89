import type { Db, Tx } from '../db/client.ts';
import { isRetryableConflict } from '../db/errors.ts';
import { CHANNELS, notify } from '../db/notifications.ts';

/**
 * Rendered public pages, kept in memory for a few seconds. Public pages are read far more often than the
 * register changes, so a page is built from the database at most about once per TTL and URL in each
 * process. A write that changes public content goes through `withPublicChange`, which clears this cache
 * in every process (PostgreSQL NOTIFY); routes opt in with `publicPage()` (public-page.ts).
 * When an entry has expired, one request rebuilds it while the others are still served the old copy
 * (for at most one more TTL), so a rebuild never makes a queue of waiting requests.
 * The CSP nonce differs per response, so it is stored as a placeholder and filled in on every hit.
 */
export type PageCache = {
  /** The page, and whether it is past its time and should be rebuilt. */
  get: (key: string) => (CachedPage & { stale: boolean }) | undefined;
  /**
   * Stores a page built since `generation()` said `builtFrom`; a page built before a `clear()` is not
   * stored, since it may show what the change that cleared the cache replaced.
   */
  set: (key: string, page: CachedPage, builtFrom: number) => void;
  /** True for the first caller after an entry expired: that one rebuilds it. */
  claimRebuild: (key: string) => boolean;
  /**
   * The page being built for `key` since the last `clear()`, if a request is building it: the others wait
   * for that one build instead of each building the page again (after a clear every entry is gone, and
   * fifty requests building the start page at once take seconds). Resolves to undefined when that build
   * gave nothing storable; the waiter then builds its own.
   */
  joinBuild: (key: string) => Promise<CachedPage | undefined> | undefined;
  /** Says this request builds `key`; call the returned function with the page (or undefined) when done. */
  startBuild: (key: string) => (page: CachedPage | undefined) => void;
  /** Goes up with every `clear()`. */
  generation: () => number;
  clear: () => void;
};

/**
 * A stored page: 200, or 404 for an address a public page does not have (so a 404 is cheap too). `html`
 * is the body; API answers (JSON) name their content type and carry the entity tag they were stored with.
 */
export type CachedPage = {
  html: string;
  status: 200 | 404;
  type?: string;
  etag?: string;
  /** Headers that belong to an API answer itself (its Link header), served again with it. */
  headers?: Record<string, string>;
};

/** How a response was answered from the cache, for the X-Cache header. */
export type CacheOutcome = 'hit' | 'stale' | 'shared';

/**
 * Serves `key` from the cache, or builds it once: a fresh entry is served; an expired one is served while
 * the first request after expiry rebuilds it; right after a clear, requests wait for the one build under
 * way. Returns the served response, or undefined when this request built the page itself (its response
 * is then the one `build` left in the context). `build` returns what may be stored, if anything.
 */
export async function serveThroughCache(
  cache: PageCache,
  key: string,
  serve: (page: CachedPage, how: CacheOutcome) => Response,
  build: () => Promise<CachedPage | undefined>,
): Promise<Response | undefined> {
  const cached = cache.get(key);
  if (cached && (!cached.stale || !cache.claimRebuild(key)))
    return serve(cached, cached.stale ? 'stale' : 'hit');
  // No await between asking and `startBuild` below, so two requests cannot both find no build under way.
  const pending = cached ? undefined : cache.joinBuild(key);
  if (pending) {
    const shared = await pending;
    if (shared) return serve(shared, 'shared');
  }
  const builtFrom = cache.generation();
  const finish = cache.startBuild(key);
  let built: CachedPage | undefined;
  try {
    built = await build();
    if (built) cache.set(key, built, builtFrom);
  } finally {
    finish(built);
  }
  return undefined;
}

/** Stands for the CSP nonce in a stored page; filled in per response. */
export const NONCE_PLACEHOLDER = '\u0000nonce\u0000';

export function createPageCache(options: { ttlMs: number; maxBytes: number }): PageCache {
  // Map keeps insertion order, and a hit moves its entry to the end: the first keys are the least
  // recently used, so a flood of one-off addresses pushes out other one-off addresses, not the pages read.
  const entries = new Map<string, CachedPage & { freshUntil: number; rebuilding: boolean }>();
  const builds = new Map<
    string,
    {
      generation: number;
      page: Promise<CachedPage | undefined>;
      done: (page: CachedPage | undefined) => void;
    }
  >();
  let bytes = 0;
  let generation = 0;
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
      entries.delete(key);
      entries.set(key, entry);
      const { freshUntil, rebuilding: _rebuilding, ...page } = entry;
      return { ...page, stale: freshUntil <= now };
    },
    set(key, page, builtFrom) {
      if (options.ttlMs <= 0 || page.html.length > options.maxBytes || builtFrom !== generation) return;
      remove(key);
      entries.set(key, { ...page, freshUntil: Date.now() + options.ttlMs, rebuilding: false });
      bytes += page.html.length;
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
    joinBuild(key) {
      const build = builds.get(key);
      // A build begun before a clear may show what the change replaced: nobody new waits for it.
      return build !== undefined && build.generation === generation ? build.page : undefined;
    },
    startBuild(key) {
      let done: (page: CachedPage | undefined) => void = () => undefined;
      const page = new Promise<CachedPage | undefined>((resolve) => {
        done = resolve;
      });
      const build = { generation, page, done };
      builds.set(key, build);
      return (result) => {
        if (builds.get(key) === build) builds.delete(key);
        build.done(result);
      };
    },
    generation: () => generation,
    clear() {
      entries.clear();
      bytes = 0;
      generation += 1;
    },
  };
}

/** How often a write that PostgreSQL chose as a deadlock's victim is run again before it is an error. */
const CONFLICT_ATTEMPTS = 3;

/**
 * Runs a write that changes what public pages show, in one transaction that also tells every process
 * (NOTIFY, delivered at commit) to empty its page cache; this process's is emptied right after the commit
 * too, so the writer's own next page view never races the notification. Two writes that lock the same
 * rows in opposite order (moving a site role between two groups, say) can deadlock; PostgreSQL rolls one
 * back, and that one runs again from the start rather than answering 500.
 */
export async function withPublicChange<T>(
  deps: { db: Db; pageCache?: PageCache | undefined },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await deps.db.transaction(async (tx) => {
        const value = await work(tx);
        await notify(tx, CHANNELS.publicPagesChanged);
        return value;
      });
      deps.pageCache?.clear();
      return result;
    } catch (error) {
      if (attempt >= CONFLICT_ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
}
