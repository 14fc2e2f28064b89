import { randomFillSync } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../../app-deps.ts';
import { type Config, isLoopbackHostname } from '../../config.ts';
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
 * Answers only to BASE_URL's host name, and in development and tests also to this machine's names
 * (localhost, 127.0.0.1, [::1]). A page reached under another name is a DNS-rebinding attack or a
 * forged Host header: 421. X-Forwarded-Host and Forwarded are never read, so they cannot name another.
 */
export function refuseOtherHosts(config: Config): MiddlewareHandler<AppEnv> {
  const ownHostname = new URL(config.baseUrl).hostname;
  const loopbackToo = config.env !== 'production';
  return (c, next) => {
    // The server built c.req.url from Host (or an absolute request line) and refused a malformed one.
    const { hostname } = new URL(c.req.url);
    if (hostname === ownHostname || (loopbackToo && isLoopbackHostname(hostname))) return next();
    throw new AppError('MISDIRECTED', 'host not served here');
  };
}

/**
 * Refuses state-changing requests from other sites: the browser's Sec-Fetch-Site or Origin must name
 * this site. Our origin is BASE_URL's; in development and tests also this machine's own address as the
 * request named it — never just whatever Host the request brought.
 */
export function csrfProtection(config: Config): MiddlewareHandler<AppEnv> {
  const configuredOrigin = new URL(config.baseUrl).origin;
  const loopbackToo = config.env !== 'production';
  const check = csrf({
    origin: (origin, c) => {
      if (origin === configuredOrigin) return true;
      if (!loopbackToo) return false;
      const own = new URL(c.req.url);
      return isLoopbackHostname(own.hostname) && origin === own.origin;
    },
  });
  return (c, next) => (CSRF_EXEMPT.includes(c.req.path) ? next() : check(c, next));
}

/**
 * Addresses a mail program posts to from its own servers, without our Origin: the one-click unsubscribe
 * of the needs bank's alerts (RFC 8058). The token in the address is the credential, and all it can do
 * is stop mail to its holder.
 */
export const CSRF_EXEMPT = ['/behovsbanken/avregistrera'];

/**
 * Uploads that may be larger than a form: the address (exactly) and the most it may send, the file and
 * the form around it. Every other request keeps the 64 KiB limit.
 */
export const LARGE_BODIES: { path: RegExp; maxBytes: number }[] = [
  // An import file of at most 2 MB (transfer), with room for the multipart form around it.
  { path: /^\/arbetsyta\/import$/, maxBytes: 2 * 1024 * 1024 + 16 * 1024 },
  // A PDF of at most 20 MB (documents), with the form's text fields around it.
  { path: /^\/avtal\/[^/]+\/dokument\/ny$/, maxBytes: 20 * 1024 * 1024 + 64 * 1024 },
  // A meeting's PDF (issue 10), the same documents.
  { path: /^\/moten\/[0-9]+\/dokument\/ny$/, maxBytes: 20 * 1024 * 1024 + 64 * 1024 },
  // A meeting's minutes: notes and a decision per item, each up to 20,000 characters (minutes.forms.ts),
  // for an agenda of many items; far above the 64 KiB of other forms.
  { path: /^\/moten\/[0-9]+\/protokoll$/, maxBytes: 2 * 1024 * 1024 },
];

export function requestBodyLimit(): MiddlewareHandler<AppEnv> {
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413);
      },
    });
  const small = limit(MAX_BODY_BYTES);
  const large = LARGE_BODIES.map((upload) => ({ ...upload, check: limit(upload.maxBytes) }));
  return (c, next) => (large.find((upload) => upload.path.test(c.req.path))?.check ?? small)(c, next);
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
