import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';
import type { RateLimiter } from '../features/rate-limits/rate-limits.service.ts';
import { AppError } from '../lib/errors.ts';
import { clientAddress } from './client-address.ts';

/**
 * Counts the request against a per-client limit: true while within it. Past it the answer carries
 * Retry-After (seconds until the window ends), whichever page the caller then renders.
 */
export async function checkRateLimit(c: Context<AppEnv>, limiter: RateLimiter): Promise<boolean> {
  const { allowed, resetAt } = await limiter.hit(clientAddress(c));
  if (!allowed) {
    const seconds = Math.max(1, Math.ceil((resetAt.getTime() - c.get('deps').clock.now().getTime()) / 1000));
    c.header('Retry-After', String(seconds));
  }
  return allowed;
}

/** As `checkRateLimit`, refusing with the 429 page past the limit. */
export async function enforceRateLimit(c: Context<AppEnv>, limiter: RateLimiter): Promise<void> {
  if (!(await checkRateLimit(c, limiter))) throw new AppError('RATE_LIMITED', 'rate limit reached');
}
