import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { countHit, deleteExpiredRateLimits, findOrCreateSalt } from './rate-limits.queries.ts';

const HOUR_MS = 3_600_000;

/** One attempt counted: whether it is within the limit, and when the window (and the refusal) ends. */
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
};

type Deps = { db: Db; clock: Clock };

/**
 * A fixed-window limit counted in PostgreSQL, so that it holds across restarts and across every app
 * process on the database (decision 010). One statement per attempt; the key is hashed with the hour's
 * salt before it leaves the process.
 */
export function createRateLimiter(
  deps: Deps,
  options: { scope: string; limit: number; windowMs: number },
): RateLimiter {
  if (HOUR_MS % options.windowMs !== 0) throw new Error('a rate-limit window must divide an hour');
  const salts = createSaltCache(deps.db);
  return {
    async hit(key) {
      const now = deps.clock.now().getTime();
      const windowEndsAt = new Date((Math.floor(now / options.windowMs) + 1) * options.windowMs);
      const salt = await salts.saltFor(hourStart(now));
      const keyHash = createHmac('sha256', salt).update(key).digest().subarray(0, 16);
      const hits = await countHit(deps.db, options.scope, keyHash, windowEndsAt);
      return { allowed: hits <= options.limit, resetAt: windowEndsAt };
    },
  };
}

export function createRateLimiters(deps: Deps, config: Config): RateLimiters {
  const perHour = (scope: string, limit: number) =>
    createRateLimiter(deps, { scope, limit, windowMs: HOUR_MS });
  return {
    feedback: perHour('feedback', config.feedbackRateLimitPerHour),
    signInLink: perHour('sign-in-link', config.signInRateLimitPerHour),
    oidcStart: perHour('oidc-start', config.oidcStartRateLimitPerHour),
  };
}

/** Forgets ended windows and past hours' salts (housekeeping). */
export function deleteExpiredRateLimitData(db: Db, now: Date): Promise<void> {
  return deleteExpiredRateLimits(db, now, new Date(hourStart(now.getTime())));
}

/** The current hour's salt, read from the database once an hour per process, not once per attempt. */
function createSaltCache(db: Db) {
  let cached: { hourStartsAt: number; salt: Buffer } | undefined;
  return {
    async saltFor(hourStartsAt: number): Promise<Buffer> {
      if (cached?.hourStartsAt === hourStartsAt) return cached.salt;
      const salt = await findOrCreateSalt(db, new Date(hourStartsAt), randomBytes(32));
      cached = { hourStartsAt, salt };
      return salt;
    },
  };
}

function hourStart(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}
