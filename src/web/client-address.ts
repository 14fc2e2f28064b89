import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from '../app-deps.ts';

/** Whether this process has said that it seems to sit behind a proxy it does not trust (said once). */
let warnedAboutUntrustedProxy = false;

/**
 * The client a request came from, as rate limits count it (never stored). X-Forwarded-For is read only
 * behind a trusted proxy, and then only its last entry, the one our proxy wrote: a client can put
 * anything in the earlier entries. See `rateLimitKey` for how an address becomes a key.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { config, logger } = c.get('deps');
  const forwardedFor = c.req.header('x-forwarded-for');
  if (config.trustProxy) {
    const forwarded = forwardedFor?.split(',').pop()?.trim();
    if (forwarded) return rateLimitKey(forwarded);
  } else if (forwardedFor !== undefined && !warnedAboutUntrustedProxy) {
    // Behind a proxy without TRUST_PROXY every visitor has the proxy's address and one shared budget.
    warnedAboutUntrustedProxy = true;
    logger.warn(
      'En begäran kom med X-Forwarded-For men TRUST_PROXY är inte satt: står Samverkan bakom en egen proxy delar alla besökare på en gräns. Sätt TRUST_PROXY=true (se docs/deployment.md).',
    );
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return rateLimitKey(incoming?.socket?.remoteAddress ?? 'unknown');
}

/**
 * One key per client: an IPv4 address as it is (also when it arrives IPv4-mapped, `::ffff:192.0.2.1`),
 * an IPv6 address by its /64 — one household or host gets a whole /64, so counting single IPv6 addresses
 * would give each client 2^64 budgets. Anything that is not an address (a proxy's odd value) as it is.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...prefix, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}
