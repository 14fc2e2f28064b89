import type { Db } from '../db/client.ts';
import { CHANNELS, notify } from '../db/notifications.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

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
  get: (key: string) => { html: string; stale: boolean } | undefined;
  set: (key: string, html: string) => void;
  /** True for the first caller after an entry expired: that one rebuilds it. */
  claimRebuild: (key: string) => boolean;
  clear: () => void;
};

/** Stands for the CSP nonce in a stored page; filled in per response. */
export const NONCE_PLACEHOLDER = '\u0000nonce\u0000';

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

/**
 * Runs a write that changes what public pages show, in one transaction that also tells every process
 * (NOTIFY, delivered at commit) to empty its page cache; this process's is emptied right after the commit
 * too, so the writer's own next page view never races the notification.
 */
export async function withPublicChange<T>(
  deps: { db: Db; pageCache?: PageCache | undefined },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    const value = await work(tx);
    await notify(tx, CHANNELS.publicPagesChanged);
    return value;
  });
  deps.pageCache?.clear();
  return result;
}
