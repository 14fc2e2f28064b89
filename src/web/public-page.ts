import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-deps.ts';
import { feedbackQueryShape } from '../features/feedback/views/feedback-section.tsx';
import { AppError } from '../lib/errors.ts';
import { NONCE_PLACEHOLDER } from './page-cache.ts';

type QueryShape = Record<string, z.ZodType>;

/** The middleware, and how its handler reads the checked query parameters. */
export type PublicPage<Query> = MiddlewareHandler<AppEnv> & { query: (c: Context<AppEnv>) => Query };

/**
 * Declares a GET route as a public page: the same for everyone who is not signed in, so it may be served
 * from the page cache (decision 006). The page names the query parameters it reads; they are checked
 * before the handler runs (a bad value is a 400 that never reaches the database) and the handler reads
 * them with `page.query(c)`. The cache key is the path and those parameters only, in canonical form, so
 * `/?x=1`, `/?x=2`, … are all `/`: junk cannot make a page be built again. `feedback` adds the
 * parameters of the "Var informationen till din hjälp?" steps.
 */
export function publicPage<S extends QueryShape = Record<never, never>>(
  options: { query?: S; feedback?: boolean } = {},
): PublicPage<z.infer<z.ZodObject<S>>> {
  const shape: QueryShape = { ...(options.feedback ? feedbackQueryShape : {}), ...options.query };
  const schema = z.object(shape);
  const names = Object.keys(shape).sort();
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new AppError('BAD_REQUEST', `query parameter ${String(parsed.error.issues[0]?.path[0])}`);
    }
    const query: Record<string, unknown> = parsed.data;
    c.set('publicQuery', query);

    const cache = c.get('deps').pageCache;
    // Signed-in pages carry the person's name and menu; a feedback comment step (svar=…) is one person's.
    if (!cache || c.get('viewer') !== null || query.svar !== undefined) return next();
    const key = cacheKey(c.req.path, names, query);
    const nonce = c.get('secureHeadersNonce') ?? '';
    const cached = cache.get(key);
    if (cached && (!cached.stale || !cache.claimRebuild(key))) {
      c.header('X-Cache', cached.stale ? 'stale' : 'hit');
      return c.html(cached.html.replaceAll(NONCE_PLACEHOLDER, nonce));
    }
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    // Only a successful page for everyone: no error page, and nothing that sets a cookie (a dead session
    // cookie being cleared) or says it must not be kept.
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.res.headers.has('set-cookie')) return;
    if ((c.res.headers.get('cache-control') ?? '').includes('no-store')) return;
    const html = await c.res.clone().text();
    cache.set(key, nonce ? html.replaceAll(nonce, NONCE_PLACEHOLDER) : html);
  };
  return Object.assign(middleware, {
    query: (c: Context<AppEnv>) => c.get('publicQuery') as z.infer<z.ZodObject<S>>,
  });
}

/** The path and the page's own parameters with their checked values, sorted by name. */
function cacheKey(path: string, names: string[], query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of names) {
    const value = query[name];
    if (value !== undefined) parts.push(`${name}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}
