import { eq, lte } from 'drizzle-orm';
import * as client from 'openid-client';
import type { AppDeps } from '../../../app-deps.ts';
import type { OidcProviderConfig } from '../../../config.ts';
import { Refusal } from '../../../lib/refusal.ts';
import { recordAudit } from '../audit.ts';
import type { VerifiedIdentity } from '../identities.tsx';
import { hashToken } from '../sessions.ts';
import { oidcSignInRequests } from './oidc.table.ts';
import {
  isUnreachable,
  ProviderUnavailableError,
  providerConfiguration,
  refusalCode,
} from './oidc-client.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>;

/** How long a person has at the identity provider before the sign-in must be started again. */
export const SIGN_IN_REQUEST_TTL_MS = 10 * 60_000;

/** What we ask the provider for: who the person is (sub), and their e-mail and name as contact details. */
const SCOPE = 'openid email profile';

export function callbackUrl(deps: Pick<AppDeps, 'config'>, provider: OidcProviderConfig): string {
  return `${deps.config.baseUrl}/logga-in/oidc/${provider.id}/callback`;
}

/**
 * Starts an authorisation code flow with PKCE: a fresh state, nonce and code verifier, kept server-side
 * until the provider sends the person back. Returns where to send the browser, and the state, which the
 * route also puts in a cookie so only this browser can finish the sign-in.
 */
export async function startSignIn(
  deps: Deps,
  provider: OidcProviderConfig,
  nextPath: string,
): Promise<{ authorizationUrl: string; state: string }> {
  const configuration = await providerConfiguration(provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = deps.clock.now();
  // Abandoned sign-ins are cleared here, so the table holds at most ten minutes of them.
  await deps.db.delete(oidcSignInRequests).where(lte(oidcSignInRequests.expiresAt, now));
  await deps.db.insert(oidcSignInRequests).values({
    // Only the hash is stored, so a copy of the table cannot be used to finish someone else's sign-in.
    stateHash: hashToken(state),
    providerId: provider.id,
    codeVerifier,
    nonce,
    nextPath,
    expiresAt: new Date(now.getTime() + SIGN_IN_REQUEST_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(deps, provider),
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: url.href, state };
}

export type SignInOutcome = { identity: VerifiedIdentity; nextPath: string };

/**
 * Finishes a sign-in from the provider's redirect. The stored request is deleted as it is read, so a
 * state works once. openid-client exchanges the code (with the PKCE verifier and our client secret) and
 * checks the ID token: signature against the provider's keys, `iss`, `aud` = our client id, expiry and
 * our nonce. Every refusal is written to the audit log with a reason code, never a token or code.
 * Throws ProviderUnavailableError when the provider cannot be reached.
 */
export async function finishSignIn(
  deps: Deps,
  provider: OidcProviderConfig,
  query: URLSearchParams,
  stateFromCookie: string | undefined,
): Promise<SignInOutcome> {
  // One message for every refusal: the reason is in the audit log, not shown to whoever sent the request.
  const refuse = async (reason: string): Promise<never> => {
    await recordAudit(deps.db, deps.clock.now(), {
      action: 'sign_in_refused',
      actorPersonId: null,
      detail: { method: provider.id, reason },
    });
    deps.logger.info({ provider: provider.id, reason }, 'oidc sign-in refused');
    throw new Refusal('oidc.refusedBody', {
      status: 400,
      title: 'oidc.refusedTitle',
      link: { href: '/logga-in', text: 'oidc.backToSignIn' },
    });
  };

  const state = query.get('state');
  if (!state || state.length > 200) return refuse('missing_state');
  const [request] = await deps.db
    .delete(oidcSignInRequests)
    .where(eq(oidcSignInRequests.stateHash, hashToken(state)))
    .returning();
  if (!request) return refuse('unknown_state');
  if (request.providerId !== provider.id) return refuse('provider_mismatch');
  if (request.expiresAt.getTime() <= deps.clock.now().getTime()) return refuse('expired');
  // A callback link made in another browser (login CSRF: being signed in as the attacker) fails here.
  if (stateFromCookie !== state) return refuse('other_browser');
  const providerError = query.get('error');
  // The error code goes into the audit log: only the characters OAuth error codes use (RFC 6749 4.1.2.1).
  if (providerError !== null)
    return refuse(`provider_error:${providerError.replace(/[^\w.-]/g, '').slice(0, 64)}`);

  const configuration = await providerConfiguration(provider);
  const current = new URL(callbackUrl(deps, provider));
  current.search = query.toString();
  try {
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: request.codeVerifier,
      expectedNonce: request.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return refuse('no_id_token');
    // The key of the account: taken as it is or not at all.
    if (storableText(claims.sub) !== claims.sub || claims.sub.length > 255) return refuse('unusable_subject');
    let details = contactDetails(claims);
    // Providers that follow the spec strictly give e-mail and name only from the userinfo endpoint.
    if (
      (details.email === null || details.name === null) &&
      configuration.serverMetadata().userinfo_endpoint
    ) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      const extra = contactDetails(userInfo);
      details = { email: details.email ?? extra.email, name: details.name ?? extra.name };
    }
    return {
      identity: { issuer: claims.iss, subject: claims.sub, ...details, method: provider.id },
      nextPath: request.nextPath,
    };
  } catch (error) {
    // A refusal from inside the try is already logged: only the library's own errors are new refusals.
    if (error instanceof Refusal) throw error;
    if (isUnreachable(error)) throw new ProviderUnavailableError(provider.id, { cause: error });
    return refuse(refusalCode(error).slice(0, 100));
  }
}

/**
 * Text PostgreSQL will store and a page can show: no control characters (NUL is refused outright by
 * text and jsonb) and no unpaired surrogate halves.
 */
export function storableText(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** E-mail and name are contact details only, never the key; odd values are dropped, not stored. */
function contactDetails(claims: Record<string, unknown>): { email: string | null; name: string | null } {
  const text = (value: unknown) => (typeof value === 'string' ? storableText(value) : '');
  const email = text(claims.email).trim();
  const name = (
    typeof claims.name === 'string'
      ? text(claims.name)
      : `${text(claims.given_name)} ${text(claims.family_name)}`
  ).trim();
  return {
    email: email.length > 0 && email.length <= 254 && email.includes('@') ? email : null,
    name: name.length > 0 && name.length <= 200 ? name : null,
  };
}
