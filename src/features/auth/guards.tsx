import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { renderMessagePage } from '../../web/render.tsx';
import type { Viewer } from './permissions.ts';

/**
 * Route guards. Signed out: a page read sends you to sign in and back; anything else is refused with 401.
 * Signed in without the right: 403 with a page that says so. Every protected route uses one of these,
 * and tests/authorisation.test.ts checks each of them for every role.
 */
export function requireSignIn(): MiddlewareHandler<AppEnv> {
  return requirePermission(() => true);
}

export function requirePermission(
  allowed: (viewer: Viewer, c: Context<AppEnv>) => boolean | Promise<boolean>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (viewer === null) return signInRequired(c);
    if (!(await allowed(viewer, c))) return notAllowed(c);
    await next();
  };
}

/** The signed-in viewer; only for handlers behind a guard. */
export function signedInViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.get('viewer');
  if (viewer === null) throw new Error('signedInViewer used on a route without a guard');
  return viewer;
}

function signInRequired(c: Context<AppEnv>) {
  const t = c.var.t;
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const url = new URL(c.req.url);
    const next = `${url.pathname}${url.search}`;
    return c.redirect(`/logga-in?${new URLSearchParams({ nasta: next })}`, 303);
  }
  return renderMessagePage(c, {
    title: t.auth.signInRequiredTitle,
    status: 401,
    body: <p>{t.auth.signInRequiredBody}</p>,
    link: { href: '/logga-in', text: t.auth.signIn },
  });
}

export function notAllowed(c: Context<AppEnv>) {
  const t = c.var.t;
  return renderMessagePage(c, {
    title: t.auth.notAllowedTitle,
    status: 403,
    body: <p>{t.auth.notAllowedBody}</p>,
    link: { href: '/', text: t.errors.backHome },
  });
}
