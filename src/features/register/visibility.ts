import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

type Record = { deletedAt: PgColumn; visibility?: PgColumn };

/**
 * The condition for rows anyone may read on a public page, in search, in the page cache or in an open
 * export: not deleted, and public where the table has a visibility. Every query behind a public page
 * puts this on every register table it reads (tests/visibility.test.ts checks every public route).
 */
export function shownToEveryone(table: Record): SQL {
  const notDeleted = isNull(table.deletedAt);
  return (table.visibility ? and(notDeleted, eq(table.visibility, 'public')) : notDeleted) as SQL;
}

/** The same in raw SQL, for the hand-written queries (search, page owners): `alias.` may be ''. */
export function shownToEveryoneSql(alias: string, hasVisibility: boolean): string {
  const prefix = alias ? `${alias}.` : '';
  return hasVisibility
    ? `${prefix}deleted_at is null and ${prefix}visibility = 'public'`
    : `${prefix}deleted_at is null`;
}
