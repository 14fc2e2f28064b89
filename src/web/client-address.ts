import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';

/**
 * The address a request came from, for rate limits only (never stored). X-Forwarded-For is read only
 * behind a trusted proxy, and then only its last entry, the one our proxy wrote: a client can put
 * anything in the earlier entries.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
