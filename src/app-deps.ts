import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Viewer } from './features/auth/permissions.ts';
import type { Clock } from './lib/clock.ts';
import type { RateLimiter } from './lib/rate-limiter.ts';
import type { PageCache } from './web/page-cache.ts';

/** Everything a route or service needs from outside, passed in so tests can give their own. */
export type AppDeps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  feedbackLimiter: RateLimiter;
  /** Sign-in link requests per client address (the per-e-mail limit is counted in the database). */
  signInLimiter: RateLimiter;
  /**
   * OIDC sign-ins started per client address: more generous than the links (an office may sit behind one
   * address, and the provider limits its own logins), but a flood cannot fill oidc_sign_in_requests.
   */
  oidcStartLimiter: RateLimiter;
  /** Rendered public pages for a few seconds; left out (tests), every request is built afresh. */
  pageCache?: PageCache;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    secureHeadersNonce?: string;
    /** The signed-in person, or null; set for every request by `loadViewer`. */
    viewer: Viewer | null;
    /** Whether the request brought our session cookie (live or not): such requests skip the page cache. */
    sessionCookieSent: boolean;
  };
};
