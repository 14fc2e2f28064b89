import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.ts';

/** Seconds we wait for an identity provider before telling the person it does not answer. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** The identity provider did not answer (or answered nonsense to discovery): a 503, not a refusal. */
export class ProviderUnavailableError extends Error {
  constructor(providerId: string, options?: ErrorOptions) {
    super(`identity provider ${providerId} is unavailable`, options);
    this.name = 'ProviderUnavailableError';
  }
}

/**
 * Discovered provider configurations, one per configured provider. Discovery happens on first use, not at
 * start-up, so the app starts (and the other ways to sign in work) while a provider is down. Keyed by the
 * config object, so each app (and each test) has its own.
 */
const discovered = new WeakMap<OidcProviderConfig, Promise<client.Configuration>>();

export function providerConfiguration(provider: OidcProviderConfig): Promise<client.Configuration> {
  const cached = discovered.get(provider);
  if (cached) return cached;
  const pending = discover(provider);
  discovered.set(provider, pending);
  // A failed discovery is forgotten, so the next sign-in tries again once the provider is back.
  pending.catch(() => {
    if (discovered.get(provider) === pending) discovered.delete(provider);
  });
  return pending;
}

async function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
  const clientAuthentication =
    provider.tokenEndpointAuthMethod === 'client_secret_post'
      ? client.ClientSecretPost(provider.clientSecret)
      : client.ClientSecretBasic(provider.clientSecret);
  // The config only lets an issuer use http on loopback (tests, development); anything else needs https.
  const plainHttp = new URL(provider.issuer).protocol === 'http:';
  // The ID token's signature is checked against the provider's published keys too, not only trusted
  // because it came over TLS: the audit log then rests on a token the provider provably issued.
  const execute = [client.enableNonRepudiationChecks, ...(plainHttp ? [client.allowInsecureRequests] : [])];
  try {
    return await client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      clientAuthentication,
      { timeout: PROVIDER_TIMEOUT_SECONDS, execute },
    );
  } catch (error) {
    throw new ProviderUnavailableError(provider.id, { cause: error });
  }
}

/**
 * Whether an error from openid-client means the provider could not be reached (try again later) rather
 * than that it answered with something we refuse.
 */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ProviderUnavailableError) return true;
  // fetch() rejects with a bare TypeError when the connection fails; openid-client passes it through.
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return (
    error instanceof client.ClientError && (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT')
  );
}

/** A short, token-free reason for the audit log: the library's error code, never its message. */
export function refusalCode(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError) return `authorization_response:${error.error}`;
  if (error instanceof client.ResponseBodyError) return `token_endpoint:${error.error}`;
  if (error instanceof client.ClientError && error.code) {
    const claim = comparedClaim(error);
    return claim ? `${error.code}:${claim}` : error.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/** Which ID token claim failed a comparison (aud, iss, nonce, …): the library puts its name in a cause. */
function comparedClaim(error: Error): string | undefined {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && cause && typeof cause === 'object'; depth++) {
    const { claim } = cause as { claim?: unknown };
    if (typeof claim === 'string' && /^\w{1,20}$/.test(claim)) return claim;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
