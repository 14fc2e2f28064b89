import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { countHit, deleteExpiredRateLimits, findOrCreateSalt, findSalt } from './rate-limits.queries.ts';

const HOUR_MS = 3_600_000;

/** One attempt counted: whether it is within the limit, and when the next attempt would be. */
export type RateLimitResult = { allowed: boolean; resetAt: Date };

export type RateLimiter = { hit: (key: string) => Promise<RateLimitResult> };

/** The limits the app enforces, one per kind of attempt. */
export type RateLimiters = {
  /** Page-feedback answers and comments per client address. */
  feedback: RateLimiter;
  /** Sign-in link requests per client address (the per-e-mail limit is counted from the links themselves). */
  signInLink: RateLimiter;
  /**
   * OIDC sign-ins started per client address: more generous than the links (an office may sit behind one
   * address, and the provider limits its own logins), but a flood cannot fill oidc_sign_in_requests.
   */
  oidcStart: RateLimiter;
  /** Alert subscriptions to the needs bank per client address (each sends a confirmation mail). */
  briefAlerts: RateLimiter;
};

type Deps = { db: Db; clock: Clock };

/**
 * A limit per window counted in PostgreSQL, so that it holds across restarts and across every app process
 * on the database (decision 010). Sliding, as Cloudflare and nginx count: the previous window's hits weigh
 * in by the share of it that still lies within one window of now, so no burst fits across a window's end.
 * One statement per attempt; the key is hashed with its hour's salt before it leaves the process.
 */
export function createRateLimiter(
  deps: Deps,
  options: { scope: string; limit: number; windowMs: number },
): RateLimiter {
  const { scope, limit, windowMs } = options;
  if (HOUR_MS % windowMs !== 0) throw new Error('a rate-limit window must divide an hour');
  const salts = createSaltCache(deps.db);
  const hashOf = (key: string, salt: Buffer) =>
    createHmac('sha256', salt).update(key).digest().subarray(0, 16);
  return {
    async hit(key) {
      const now = deps.clock.now().getTime();
      const windowStartsAt = Math.floor(now / windowMs) * windowMs;
      const windowEndsAt = windowStartsAt + windowMs;
      const previousStartsAt = windowStartsAt - windowMs;
      const [salt, previousSalt] = await Promise.all([
        salts.saltFor(hourStart(windowStartsAt)),
        salts.existingSaltFor(hourStart(previousStartsAt)),
      ]);
      const hits = await countHit(
        deps.db,
        scope,
        { keyHash: hashOf(key, salt), windowEndsAt: new Date(windowEndsAt) },
        { keyHash: previousSalt && hashOf(key, previousSalt), windowEndsAt: new Date(windowStartsAt) },
      );
      const previousWeight = (windowEndsAt - now) / windowMs;
      const allowed = hits.previous * previousWeight + hits.current <= limit;
      const resetAt = allowed ? now : nextAllowedAt({ now, windowEndsAt, windowMs, limit, ...hits });
      return { allowed, resetAt: new Date(resetAt) };
    },
  };
}

/**
 * When one more attempt would be within the limit, if none is made meanwhile: later in this window, once
 * enough of the previous window has slid out; else in the next one, once enough of this one has.
 */
export function nextAllowedAt(window: {
  now: number;
  windowEndsAt: number;
  windowMs: number;
  limit: number;
  current: number;
  previous: number;
}): number {
  const { now, windowEndsAt, windowMs, limit, current, previous } = window;
  if (current + 1 <= limit && previous > 0)
    return Math.max(now, windowEndsAt - ((limit - current - 1) * windowMs) / previous);
  return Math.max(windowEndsAt, windowEndsAt + windowMs - ((limit - 1) * windowMs) / current);
}

export function createRateLimiters(deps: Deps, config: Config): RateLimiters {
  const perHour = (scope: string, limit: number) =>
    createRateLimiter(deps, { scope, limit, windowMs: HOUR_MS });
  return {
    feedback: perHour('feedback', config.feedbackRateLimitPerHour),
    signInLink: perHour('sign-in-link', config.signInRateLimitPerHour),
    oidcStart: perHour('oidc-start', config.oidcStartRateLimitPerHour),
    // As many as sign-in links: each is a mail to an address the client names.
    briefAlerts: perHour('brief-alerts', config.signInRateLimitPerHour),
  };
}

/**
 * Forgets what no limit reads any more (housekeeping): windows that ended more than an hour ago (the
 * longest window is an hour, and the previous one is still read) and the salts of hours before the last.
 */
export function deleteExpiredRateLimitData(db: Db, now: Date): Promise<void> {
  const time = now.getTime();
  return deleteExpiredRateLimits(db, new Date(time - HOUR_MS), new Date(hourStart(time) - HOUR_MS));
}

/** The salts of this hour and the last, read from the database about once an hour per process. */
function createSaltCache(db: Db) {
  // null: no process counted anything in that (past) hour, so there is nothing to weigh in from it.
  const cached = new Map<number, Buffer | null>();
  const remember = (hourStartsAt: number, salt: Buffer | null) => {
    cached.set(hourStartsAt, salt);
    // Only the current hour and the one before are ever asked for.
    for (const hour of cached.keys()) if (hour < hourStartsAt - HOUR_MS) cached.delete(hour);
  };
  return {
    async saltFor(hourStartsAt: number): Promise<Buffer> {
      let salt = cached.get(hourStartsAt);
      if (!salt) {
        salt = await findOrCreateSalt(db, new Date(hourStartsAt), randomBytes(32));
        remember(hourStartsAt, salt);
      }
      return salt;
    },
    async existingSaltFor(hourStartsAt: number): Promise<Buffer | undefined> {
      let salt = cached.get(hourStartsAt);
      if (salt === undefined) {
        salt = (await findSalt(db, new Date(hourStartsAt))) ?? null;
        remember(hourStartsAt, salt);
      }
      return salt ?? undefined;
    },
  };
}

function hourStart(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}
