import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import { boolean, customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL `tsvector`, used by the generated search columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The text-search configuration every search uses: Swedish stemming after unaccent, so "sodertorn"
 * finds "Södertörn" (created in the first migration; `unaccent()` itself is not immutable).
 */
export const SEARCH_CONFIG = 'samverkan_sv';

/** A generated, weighted search document: A for names and titles, B for descriptions. */
export function searchVector(title: SQL, body: SQL) {
  return tsvector('search_vector').generatedAlwaysAs(
    sql`setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(${title}, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(${body}, '')), 'B')`,
  );
}

/** Rows created by the demo seed step: shown with an "Exempeldata" label, removed when demo data is off. */
export const isDemo = () => boolean('is_demo').notNull().default(false);

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A table's columns without its generated search vector, for selects that show rows. */
export function shownColumns<T extends Table & { searchVector: unknown }>(table: T) {
  const { searchVector: _omitted, ...rest } = getTableColumns(table);
  return rest;
}
