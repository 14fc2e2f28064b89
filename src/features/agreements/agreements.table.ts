import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

export const agreementKinds = ['collaboration', 'ulf', 'placement', 'research'] as const;
export type AgreementKind = (typeof agreementKinds)[number];
export const agreementKind = pgEnum('agreement_kind', agreementKinds);

export const agreements = pgTable(
  'agreements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    kind: agreementKind().notNull(),
    diarienummer: text(),
    signedOn: date('signed_on', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    description: text().notNull().default(''),
    ...visibilityColumns(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`title || ' ' || coalesce(diarienummer, '')`, sql`description`),
  },
  (t) => [index('agreements_search_idx').using('gin', t.searchVector)],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.organisationId] }), index().on(t.organisationId)],
);

export const focusAreas = pgTable('focus_areas', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  isDemo: isDemo(),
  ...recordColumns(),
});

export const agreementFocusAreas = pgTable(
  'agreement_focus_areas',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    focusAreaId: integer('focus_area_id')
      .notNull()
      .references(() => focusAreas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.focusAreaId] })],
);

/**
 * A named contact person for a party to an agreement. The agreement is a public document, so the name
 * stays here even if the person asks for erasure (it is then marked, see `people.keptForPublicRecordAt`).
 */
export const agreementContacts = pgTable(
  'agreement_contacts',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: integer('organisation_id').references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.personId] }), index().on(t.personId)],
);

export type Agreement = typeof agreements.$inferSelect;
export type FocusArea = typeof focusAreas.$inferSelect;
