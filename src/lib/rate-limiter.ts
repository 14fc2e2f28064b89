/**
 * Fixed-window counter per key, in memory. Kept in memory on purpose: the keys are client addresses, and
 * the privacy promise is that no address is ever stored (see /personuppgifter). Each app process counts
 * on its own, which only makes the limit per process, never looser than a single process allows times
 * the number of processes.
 */
export type RateLimiter = { hit: (key: string, now?: number) => boolean };

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    /** Counts one attempt; false when the key has used up its window. */
    hit(key, now = Date.now()) {
      const current = windows.get(key);
      if (!current || now - current.start >= options.windowMs) {
        if (windows.size >= maxKeys) forgetExpired(windows, now, options.windowMs);
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= options.limit;
    },
  };
}

function forgetExpired(windows: Map<string, { start: number }>, now: number, windowMs: number) {
  for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
  // Still full of live keys (a flood from many addresses): drop the oldest rather than grow without bound.
  if (windows.size >= 100_000) windows.delete(windows.keys().next().value as string);
}
