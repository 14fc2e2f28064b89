import type { OidcProviderConfig } from '../../config.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { EMAIL_LINK_ISSUER } from './identities.tsx';

/**
 * How a way of signing in is named to people: "E-postlänk", the configured provider's display name
 * (issuers compared without a trailing slash), or, for a provider no longer configured, its issuer.
 */
export function identityMethod(
  t: Messages,
  issuer: string,
  providers: Pick<OidcProviderConfig, 'issuer' | 'name'>[],
): string {
  if (issuer === EMAIL_LINK_ISSUER) return t.auth.emailLinkMethod;
  const bare = (url: string) => url.replace(/\/+$/, '');
  return providers.find((provider) => bare(provider.issuer) === bare(issuer))?.name ?? issuer;
}
