import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * OIDC sign-ins under way: what we sent to the identity provider, kept server-side until it answers.
 * The row is deleted when the answer arrives, so a replayed `state` finds nothing.
 */
export const oidcSignInRequests = pgTable(
  'oidc_sign_in_requests',
  {
    /** SHA-256 of the `state` parameter. */
    stateHash: text('state_hash').primaryKey(),
    providerId: text('provider_id').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text().notNull(),
    nextPath: text('next_path').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);
