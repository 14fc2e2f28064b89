import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-deps.ts';
import { AppError } from '../lib/errors.ts';
import { feedbackQueryShape } from './components/feedback-section.tsx';
import { type CachedPage, type CacheOutcome, NONCE_PLACEHOLDER, serveThroughCache } from './page-cache.ts';

type QueryShape = Record<string, z.ZodType>;

/** The middleware, how its handler reads the checked query parameters, and what the page is. */
export type PublicPage<Query> = MiddlewareHandler<AppEnv> & {
  query: (c: Context<AppEnv>) => Query;
  /** The page ends with "Var informationen till din hjälp?" (the feedback probe looks for these). */
  asksForFeedback: boolean;
};

/** Stands for the answer id of a feedback comment step in a stored page; filled in per response. */
const ANSWER_PLACEHOLDER = '\u0000svar\u0000';

/**
 * Declares a GET route as a public page: the same for everyone who is not signed in, so it may be served
 * from the page cache (decision 006). The page names the query parameters it reads; they are checked
 * before the handler runs (a bad value is a 400 that never reaches the database) and the handler reads
 * them with `page.query(c)`. The cache key is the path and those parameters only, in canonical form, so
 * `/?x=1`, `/?x=2`, … are all `/`: junk cannot make a page be built again. A 404 is kept as well, so asking
 * again and again for what does not exist costs no more than a page. `feedback` adds the parameters of the
 * "Var informationen till din hjälp?" steps; `cache: false` checks the parameters but never caches.
 */
export function publicPage<S extends QueryShape = Record<never, never>>(
  options: { query?: S; feedback?: boolean; cache?: boolean } = {},
): PublicPage<z.infer<z.ZodObject<S>>> {
  const shape: QueryShape = { ...(options.feedback ? feedbackQueryShape : {}), ...options.query };
  const schema = z.object(shape);
  const names = Object.keys(shape).sort();
  const cacheable = options.cache ?? true;
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new AppError('BAD_REQUEST', `query parameter ${String(parsed.error.issues[0]?.path[0])}`);
    }
    const query: Record<string, unknown> = parsed.data;
    c.set('publicQuery', query);

    const cache = c.get('deps').pageCache;
    // Signed-in pages carry the person's name and menu: never stored, never served from here.
    if (!cache || !cacheable || c.get('viewer') !== null) return next();
    // The comment step echoes one person's answer id, and only echoes it: one stored page serves every
    // answer, with the id filled in, so made-up ids cannot make the page be built again either.
    const answerId = typeof query.svar === 'string' ? query.svar : undefined;
    const key = cacheKey(c.req.path, names, query);
    const nonce = c.get('secureHeadersNonce') ?? '';
    const serve = (page: CachedPage, how: CacheOutcome) => {
      c.header('X-Cache', how);
      let html = page.html.replaceAll(NONCE_PLACEHOLDER, nonce);
      if (answerId) html = html.replaceAll(ANSWER_PLACEHOLDER, answerId);
      return c.html(html, page.status);
    };
    // Right after a change cleared the cache, requests wait for the one request already building this page.
    return serveThroughCache(cache, key, serve, async () => {
      await next();
      return storable(c, nonce, answerId);
    });
  };
  return Object.assign(middleware, {
    query: (c: Context<AppEnv>) => c.get('publicQuery') as z.infer<z.ZodObject<S>>,
    asksForFeedback: options.feedback ?? false,
  });
}

/**
 * The response as a stored page, or undefined: only a page for everyone — no other error, and nothing that
 * sets a cookie (a dead session cookie being cleared) or says it must not be kept.
 */
async function storable(
  c: Context<AppEnv>,
  nonce: string,
  answerId: string | undefined,
): Promise<CachedPage | undefined> {
  const status = c.res.status;
  const type = c.res.headers.get('content-type') ?? '';
  if ((status !== 200 && status !== 404) || !type.startsWith('text/html')) return undefined;
  if (c.res.headers.has('set-cookie') || (c.res.headers.get('cache-control') ?? '').includes('no-store'))
    return undefined;
  let html = await c.res.clone().text();
  if (nonce) html = html.replaceAll(nonce, NONCE_PLACEHOLDER);
  if (answerId) html = html.replaceAll(answerId, ANSWER_PLACEHOLDER);
  return { html, status };
}

/** The path and the page's own parameters with their checked values, sorted by name (`svar` as `*`). */
function cacheKey(path: string, names: string[], query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    parts.push(name === 'svar' ? 'svar=*' : `${name}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}
