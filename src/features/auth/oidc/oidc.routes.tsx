import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../app-deps.ts';
import type { OidcProviderConfig } from '../../../config.ts';
import { AppError } from '../../../lib/errors.ts';
import { enforceRateLimit } from '../../../web/rate-limit.ts';
import { renderMessagePage } from '../../../web/render.tsx';
import { signInWithIdentity } from '../identities.tsx';
import { safeNextPath } from '../next-path.ts';
import { finishSignIn, SIGN_IN_REQUEST_TTL_MS, startSignIn } from './oidc.service.ts';
import { ProviderUnavailableError } from './oidc-client.ts';

/**
 * Binds a sign-in to the browser that started it: holds the `state` until the provider sends the person
 * back. `__Host-` (Secure, Path=/, no Domain) as the session cookie; Lax, so it comes along on the
 * provider's top-level redirect back to us.
 */
export const OIDC_STATE_COOKIE = '__Host-oidc-state';

export const oidcRoutes = new Hono<AppEnv>();

oidcRoutes.get('/logga-in/oidc/:providerId', async (c) => {
  const provider = providerFor(c);
  await enforceRateLimit(c, c.get('deps').rateLimits.oidcStart);
  try {
    const deps = c.get('deps');
    const { authorizationUrl, state } = await startSignIn(deps, provider, safeNextPath(c.req.query('nasta')));
    setCookie(c, OIDC_STATE_COOKIE, state, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: SIGN_IN_REQUEST_TTL_MS / 1000,
    });
    return c.redirect(authorizationUrl, 302);
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return providerUnavailable(c, provider, error);
    throw error;
  }
});

oidcRoutes.get('/logga-in/oidc/:providerId/callback', async (c) => {
  const provider = providerFor(c);
  const stateFromCookie = getCookie(c, OIDC_STATE_COOKIE);
  // The cookie has done its job whatever happens next; a retry starts a new sign-in with a new state.
  deleteCookie(c, OIDC_STATE_COOKIE, { path: '/', secure: true });
  try {
    const deps = c.get('deps');
    const query = new URL(c.req.url).searchParams;
    const result = await finishSignIn(deps, provider, query, stateFromCookie);
    return await signInWithIdentity(c, result.identity, safeNextPath(result.nextPath));
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return providerUnavailable(c, provider, error);
    throw error;
  }
});

function providerFor(c: Context<AppEnv>): OidcProviderConfig {
  const id = c.req.param('providerId');
  const provider = c.get('deps').config.oidcProviders.find((candidate) => candidate.id === id);
  if (!provider) throw new AppError('NOT_FOUND', 'unknown identity provider');
  return provider;
}

function providerUnavailable(c: Context<AppEnv>, provider: OidcProviderConfig, error: Error) {
  const t = c.var.t;
  c.get('deps').logger.warn(
    { requestId: c.get('requestId'), provider: provider.id, err: error.cause ?? error },
    'identity provider unavailable',
  );
  c.header('Retry-After', '30');
  return renderMessagePage(c, {
    title: t.oidc.unavailableTitle,
    status: 503,
    body: <p>{t.oidc.unavailableBody(provider.name)}</p>,
    link: { href: '/logga-in', text: t.oidc.backToSignIn },
  });
}
