import { customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Rate-limit counters shared by every app process (decision 010). Client addresses are never stored: a
 * key is an HMAC of the address under the salt of its hour, and salts and counts are deleted once no limit
 * reads them, so not even someone holding the database can tell afterwards which address it was. The
 * counts are UNLOGGED (migration 0005): a count costs no WAL, and losing counts in a database crash only
 * gives every client a fresh start. The salts are logged: after a crash, processes that cached a salt
 * and processes started since must still hash alike.
 */
export const rateLimitSalts = pgTable('rate_limit_salts', {
  hourStartsAt: timestamp('hour_starts_at', { withTimezone: true }).primaryKey(),
  salt: bytea().notNull(),
});

export const rateLimitCounts = pgTable(
  'rate_limit_counts',
  {
    /** Which limit: 'feedback', 'sign-in-link', 'oidc-start', … */
    scope: text().notNull(),
    keyHash: bytea('key_hash').notNull(),
    /** Counts are per fixed window; the row is deleted once the window has ended. */
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
    hits: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.keyHash, t.windowEndsAt] })],
);
