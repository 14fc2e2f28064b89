import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns.ts';
import { organisations } from '../organisations/organisations.table.ts';

/**
 * A person who can sign in. No password is ever kept: people sign in through their employer's identity
 * provider or with a link sent by e-mail (decision 008). The e-mail is contact information, never the key.
 */
export const people = pgTable(
  'people',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull().default(''),
    email: text(),
    /** Areas of expertise as free keywords, for matching needs and people later. */
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    language: text({ enum: ['sv', 'en'] })
      .notNull()
      .default('sv'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** Set when the person asked for erasure; see `erasedAt` and `keptForPublicRecordAt`. */
    erasureRequestedAt: timestamp('erasure_requested_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** Erasure asked for, but the name is part of a public record (e.g. an agreement's contact). */
    keptForPublicRecordAt: timestamp('kept_for_public_record_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('people_email_idx').on(sql`lower(${t.email})`)],
);

/**
 * How a person signs in: an OIDC issuer and its `sub`, or the e-mail-link issuer and the address.
 * One person may have several; the same e-mail from two issuers is two people until an administrator
 * says otherwise.
 */
export const personIdentities = pgTable(
  'person_identities',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    issuer: text().notNull(),
    subject: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index().on(t.personId)],
);

/**
 * `placement_coordinator`: a university's (or its department's) placement coordinator, who requests places
 * and answers for that institution's requests (issue 9).
 */
export const roles = ['administrator', 'coordinator', 'editor', 'member', 'placement_coordinator'] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum('membership_role', roles);

/** A person's place in an organisation, with one role there. Editors reach the units below it too. */
export const memberships = pgTable(
  'memberships',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.organisationId] }), index().on(t.organisationId)],
);

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
 * database cannot be used to take over a session.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The absolute end (12 hours after sign-in), whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.personId), index().on(t.expiresAt)],
);

export const signInTokenPurposes = ['sign_in', 'invitation'] as const;

/** E-mailed sign-in links, by the SHA-256 of their token: one use, then dead. */
export const signInTokens = pgTable(
  'sign_in_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text().notNull(),
    purpose: text({ enum: signInTokenPurposes }).notNull(),
    nextPath: text('next_path').notNull().default('/mina-uppgifter'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  // The per-address rate limit counts recent links for one address.
  (t) => [index('sign_in_tokens_email_idx').on(sql`lower(${t.email})`, t.createdAt)],
);

/**
 * Who did what to accounts, roles and sign-ins, and when. The details are JSON, so no input (with
 * newlines or control characters) can make one entry look like two.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorPersonId: integer('actor_person_id').references(() => people.id, { onDelete: 'set null' }),
    action: text().notNull(),
    subjectPersonId: integer('subject_person_id').references(() => people.id, { onDelete: 'set null' }),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.at), index().on(t.subjectPersonId)],
);

export type Person = typeof people.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
