import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { t } from '../../web/i18n/sv.ts';
import { renderPage } from '../../web/render.tsx';
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
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const url = new URL(c.req.url);
    const next = `${url.pathname}${url.search}`;
    return c.redirect(`/logga-in?${new URLSearchParams({ nasta: next })}`, 303);
  }
  return renderPage(c, {
    title: t.auth.signInRequiredTitle,
    status: 401,
    children: (
      <>
        <h1>{t.auth.signInRequiredTitle}</h1>
        <p>{t.auth.signInRequiredBody}</p>
        <p>
          <a href="/logga-in">{t.auth.signIn}</a>
        </p>
      </>
    ),
  });
}

export function notAllowed(c: Context<AppEnv>) {
  return renderPage(c, {
    title: t.auth.notAllowedTitle,
    status: 403,
    children: (
      <>
        <h1>{t.auth.notAllowedTitle}</h1>
        <p>{t.auth.notAllowedBody}</p>
        <p>
          <a href="/">{t.errors.backHome}</a>
        </p>
      </>
    ),
  });
}
