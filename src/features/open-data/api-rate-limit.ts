import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { clientAddress } from '../../web/client-address.ts';
import { problemResponse } from '../../web/problem.ts';

const WINDOW_MS = 60_000;
/** More clients than this in one minute and the quietest are forgotten first (a flood of addresses). */
const MAX_CLIENTS = 100_000;

/**
 * A limit per client address and minute on the API, counted in this process's memory (decision 017):
 * unlike sign-in or feedback (decision 010), an API read is cheap and frequent, and a database round
 * trip for each would cost more than the answer. With N processes a client may get N times the limit;
 * the limit is there so one harvester cannot crowd out the rest, not to protect a secret.
 * Sliding, as the PostgreSQL limits are: the previous minute weighs in by the share still within one
 * minute of now. Past the limit: 429 with Retry-After, as problem details.
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
    const hits = (current.get(key) ?? 0) + 1;
    if (current.size >= MAX_CLIENTS && !current.has(key)) current.clear();
    current.set(key, hits);
    const weight = (start + WINDOW_MS - now) / WINDOW_MS;
    const limit = config.apiRateLimitPerMinute;
    if ((previous.get(key) ?? 0) * weight + hits <= limit) return next();
    const seconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    c.header('Retry-After', String(seconds));
    return problemResponse(c, 429);
  };
}
