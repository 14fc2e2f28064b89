import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../accounts/accounts.table.ts';

/** One row of an import file as checked: what it would do, and the values it would save. */
export type ImportRow = {
  line: number;
  outcome: 'created' | 'changed' | 'unchanged' | 'error';
  slug: string | null;
  /** What the row is, for the preview (the name). */
  label: string;
  values?: Record<string, unknown>;
  /** For a changed row: each field that would change, in words (field label, before, after). */
  changes?: { field: string; before: string; after: string }[];
  errors?: string[];
};

/** What an applied import did to one record, so that it can be undone. */
export type ImportEffect = { recordId: number; slug: string; created: boolean; versionAfter: number };

/**
 * An import, from the checked file (the preview) to applying it in one transaction and, perhaps, undoing
 * it: kept so that the coordinator confirms exactly what was previewed, and so that undo knows what to undo.
 */
export const registerImports = pgTable(
  'register_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    fileName: text('file_name').notNull(),
    rows: jsonb().$type<ImportRow[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    effects: jsonb().$type<ImportEffect[]>(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index().on(t.createdAt)],
);
