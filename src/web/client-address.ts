import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';

/** Whether this process has said that it seems to sit behind a proxy it does not trust (said once). */
let warnedAboutUntrustedProxy = false;

/**
 * The address a request came from, for rate limits only (never stored). X-Forwarded-For is read only
 * behind a trusted proxy, and then only its last entry, the one our proxy wrote: a client can put
 * anything in the earlier entries.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { config, logger } = c.get('deps');
  const forwardedFor = c.req.header('x-forwarded-for');
  if (config.trustProxy) {
    const forwarded = forwardedFor?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  } else if (forwardedFor !== undefined && !warnedAboutUntrustedProxy) {
    // Behind a proxy without TRUST_PROXY every visitor has the proxy's address and one shared budget.
    warnedAboutUntrustedProxy = true;
    logger.warn(
      'En begäran kom med X-Forwarded-For men TRUST_PROXY är inte satt: står Samverkan bakom en egen proxy delar alla besökare på en gräns. Sätt TRUST_PROXY=true (se docs/deployment.md).',
    );
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
