import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { clientAddress } from '../../web/client-address.ts';
import { problemResponse } from '../../web/problem.ts';
import { nextAllowedAt } from '../rate-limits/rate-limits.service.ts';

const WINDOW_MS = 60_000;
/**
 * How many clients one minute counts. Past it, a new address is not counted that minute (its requests
 * pass), so a flood of made-up addresses can never push out, and so reset, the counts already held.
 */
const MAX_CLIENTS = 100_000;

/**
 * A limit per client address and minute on the open data, counted in this process's memory (decision
 * 017): unlike sign-in or feedback (decision 010), an API read is cheap and frequent, and a database
 * round trip for each would cost more than the answer. With N processes a client may get N times the
 * limit; the limit is there so one harvester cannot crowd out the rest, not to protect a secret.
 * Sliding, as the PostgreSQL limits are: the previous minute weighs in by the share still within one
 * minute of now. Past the limit: 429 with Retry-After (when the next request would pass), as problem
 * details. Each call makes its own counter: the API, the downloads and the catalogue count apart.
 */
export function apiRateLimit(): MiddlewareHandler<AppEnv> {
  let windowStart = 0;
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return async (c, next) => {
    const { clock, config } = c.get('deps');
    const now = clock.now().getTime();
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    if (start !== windowStart) {
      previous = start - windowStart === WINDOW_MS ? current : new Map();
      current = new Map();
      windowStart = start;
    }
    const key = clientAddress(c);
    if (!current.has(key) && current.size >= MAX_CLIENTS) return next();
    const hits = (current.get(key) ?? 0) + 1;
    current.set(key, hits);
    const before = previous.get(key) ?? 0;
    const windowEndsAt = start + WINDOW_MS;
    const limit = config.apiRateLimitPerMinute;
    if (before * ((windowEndsAt - now) / WINDOW_MS) + hits <= limit) return next();
    const allowedAt = nextAllowedAt({
      now,
      windowEndsAt,
      windowMs: WINDOW_MS,
      limit,
      current: hits,
      previous: before,
    });
    c.header('Retry-After', String(Math.max(1, Math.ceil((allowedAt - now) / 1000))));
    return problemResponse(c, 429);
  };
}
