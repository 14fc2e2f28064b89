import { AppError } from '../lib/errors.ts';

/** The part of a Hono app the probe needs: its routes, and asking it for a page. */
type ServesPages = {
  routes: { method: string; path: string; handler: unknown }[];
  request: (url: string) => Response | Promise<Response>;
};

/**
 * Whether the app serves `path` as a page that asks "Var informationen till din hjälp?". Only paths that
 * match a route declared `publicPage({ feedback: true })` are looked at (no other route runs, so a probe
 * has no side effects); those are asked of the app itself, as an anonymous visitor would (a GET, from the
 * page cache where it can be), so the answer never disagrees with what the site shows.
 */
export function createFeedbackPageProbe(app: ServesPages, baseUrl: string) {
  let patterns: RegExp[] | undefined;
  return async (path: string): Promise<boolean> => {
    // Read once, at the first probe: by then every route is registered.
    patterns ??= feedbackRoutePatterns(app.routes);
    if (!patterns.some((pattern) => pattern.test(path))) return false;
    const response = await app.request(new URL(path, baseUrl).href);
    if (response.status === 503)
      throw new AppError('UNAVAILABLE', 'database unavailable while probing a page');
    if (response.status !== 200) {
      await response.body?.cancel();
      return false;
    }
    return (await response.text()).includes('id="aterkoppling"');
  };
}

function feedbackRoutePatterns(routes: ServesPages['routes']): RegExp[] {
  const paths = routes
    .filter(
      (route) => route.method === 'GET' && (route.handler as { asksForFeedback?: boolean }).asksForFeedback,
    )
    .map((route) => route.path);
  return [...new Set(paths)].map(
    (routePath) =>
      new RegExp(
        `^${routePath
          .split('/')
          .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/')}$`,
      ),
  );
}
