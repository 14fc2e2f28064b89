import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, searchVector } from '../../db/columns.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns } from '../register/register.table.ts';

/** Public text content. `path` is where it is shown; `body` is paragraphs and "- " lists (see PageBody). */
export const pages = pgTable(
  'pages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    path: text().notNull().unique(),
    title: text().notNull(),
    body: text().notNull().default(''),
    updatedOn: date('updated_on', { mode: 'string' }).notNull(),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`title`, sql`body`),
  },
  (t) => [index('pages_search_idx').using('gin', t.searchVector)],
);

export type Page = typeof pages.$inferSelect;
