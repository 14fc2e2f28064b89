import { randomFillSync } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../../app-deps.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';
import { hasControlCharacter } from '../../lib/text.ts';

/** The largest request body we accept; forms here are small. Counted as it streams, so chunked bodies too. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The CSP nonce of a response: 16 random bytes, as Hono's own NONCE makes them, but cut from a pool that is
 * refilled 1,024 nonces at a time. Asking the OS for 16 bytes per page view was 7 % of the CPU of a cached
 * page; the bytes are as unpredictable either way (Node's randomUUID pools the same way). Stored under
 * Hono's key, so `secureHeadersNonce` and the page cache read it as before.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 1024);
let nonceOffset = noncePool.length;

export function nextNonce(): string {
  if (nonceOffset >= noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString('base64', nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

function pooledNonce(c: Context): string {
  const nonce = c.get('secureHeadersNonce') ?? nextNonce();
  c.set('secureHeadersNonce', nonce);
  return `'nonce-${nonce}'`;
}

export function securityHeaders(config: Config): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [pooledNonce],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: config.baseUrl.startsWith('https:')
      ? 'max-age=31536000; includeSubDomains'
      : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/**
 * Refuses state-changing requests from other sites: the browser's Sec-Fetch-Site or Origin must name
 * this site. Our own origin is the configured BASE_URL or the address the request came to.
 */
export function csrfProtection(config: Config): MiddlewareHandler<AppEnv> {
  const configuredOrigin = new URL(config.baseUrl).origin;
  return csrf({
    origin: (origin, c) => origin === configuredOrigin || origin === new URL(c.req.url).origin,
  });
}

export function requestBodyLimit(): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413);
    },
  });
}

/**
 * No address of ours has a control character in its path, and PostgreSQL refuses NUL in text: such a
 * path (e.g. /avtal/%00) is answered 404 before any route looks it up. Plain paths, without `%`, pass
 * with one string search.
 */
export function refuseControlCharactersInPath(): MiddlewareHandler<AppEnv> {
  // Not async: on every request, a plain path passes straight on to `next()` without another promise.
  return (c, next) => {
    if (hasControlCharacterInPath(c.req.path)) throw new AppError('NOT_FOUND', 'control character in path');
    return next();
  };
}

function hasControlCharacterInPath(path: string): boolean {
  if (hasControlCharacter(path)) return true;
  if (!path.includes('%')) return false;
  try {
    return hasControlCharacter(decodeURIComponent(path));
  } catch {
    // Malformed percent-encoding names no address of ours either.
    return true;
  }
}
