import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Viewer } from './features/auth/permissions.ts';
import { createRateLimiters, type RateLimiters } from './features/rate-limits/rate-limits.service.ts';
import type { Clock } from './lib/clock.ts';
import type { Language, Messages } from './web/i18n/messages.ts';
import type { PageCache } from './web/page-cache.ts';

/** Everything a route or service needs from outside, passed in so tests can give their own. */
export type AppDeps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Limits per client address, counted in PostgreSQL so that they hold across processes (decision 010). */
  rateLimits: RateLimiters;
  /** The random part of the development mail page's address, new each start (decision 009). */
  devMailKey: string;
  /** Rendered public pages for a few seconds; left out (tests), every request is built afresh. */
  pageCache?: PageCache;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    secureHeadersNonce?: string;
    /** The language the request is answered in, and its dictionary: every UI string comes from here. */
    lang: Language;
    t: Messages;
    /** The signed-in person, or null; set for every request by `loadViewer`. */
    viewer: Viewer | null;
    /** Whether the request brought our session cookie (live or not): such requests skip the page cache. */
    sessionCookieSent: boolean;
    /** "Logga in" or the signed-in person's menu, for the layout (made by the auth feature). */
    accountMenu: (viewer: Viewer | null, path: string) => Child;
    /** Whether a path is a page of ours that asks for feedback (web/page-probe.ts). */
    servesFeedbackPage: (path: string) => Promise<boolean>;
    /** The query parameters a public page declared, checked (see web/public-page.ts). */
    publicQuery?: Record<string, unknown>;
  };
};

/** The dependencies with the request's dictionary: for services that write text (mail, exports). */
export type RequestDeps = AppDeps & { t: Messages };

/** What a route hands a service that writes text in the request's language. */
export function requestDeps(c: Context<AppEnv>): RequestDeps {
  return { ...c.get('deps'), t: c.var.t };
}

/** The dependencies of a running app; rate limits are built on its database and clock. */
export function createAppDeps(base: Omit<AppDeps, 'rateLimits' | 'devMailKey'>): AppDeps {
  return {
    ...base,
    rateLimits: createRateLimiters({ db: base.db, clock: base.clock }, base.config),
    devMailKey: randomBytes(16).toString('hex'),
  };
}
