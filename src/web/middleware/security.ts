import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../../app-deps.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';

/** The largest request body we accept; forms here are small. Counted as it streams, so chunked bodies too. */
export const MAX_BODY_BYTES = 64 * 1024;

export function securityHeaders(config: Config): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [NONCE],
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
    if (hasControlCharacter(c.req.path)) throw new AppError('NOT_FOUND', 'control character in path');
    return next();
  };
}

function hasControlCharacter(path: string): boolean {
  if (CONTROL_CHARACTER.test(path)) return true;
  if (!path.includes('%')) return false;
  try {
    return CONTROL_CHARACTER.test(decodeURIComponent(path));
  } catch {
    // Malformed percent-encoding names no address of ours either.
    return true;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
