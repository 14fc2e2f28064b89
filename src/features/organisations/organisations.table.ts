import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { recordColumns } from '../register/register.table.ts';

export const organisationKinds = [
  'municipality',
  'administration',
  'unit',
  'committee',
  'university',
  'department',
  'region',
  'company',
  'foundation',
  'student_union',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKind = pgEnum('organisation_kind', organisationKinds);

export const organisations = pgTable(
  'organisations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    shortName: text('short_name'),
    kind: organisationKind().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => organisations.id),
    website: text(),
    description: text().notNull().default(''),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`name || ' ' || coalesce(short_name, '')`, sql`description`),
  },
  (t) => [
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_search_idx').using('gin', t.searchVector),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
