import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { pages } from './pages.table.ts';

/** The SQL behind editing the public text pages (the public reads are in pages.queries.ts). */

/** One text page by its slug, if it is in the register (the fixed pages are never deleted from here). */
export async function findPageRecord(db: DbOrTx, slug: string) {
  const [row] = await db
    .select(shownColumns(pages))
    .from(pages)
    .where(and(eq(pages.slug, slug), isNull(pages.deletedAt)));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one page queue up. */
export async function lockPage(tx: DbOrTx, id: number) {
  const [row] = await tx.select(shownColumns(pages)).from(pages).where(eq(pages.id, id)).for('update');
  return row;
}

export type PageValues = { title: string; body: string };

/**
 * Writes the title and text if the row is still at `expectedVersion`, with "Uppdaterad" set to the day of
 * the edit; the new version, or undefined when someone saved in between.
 */
export async function updatePage(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: PageValues,
  updatedOn: string,
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(pages)
    .set({ ...values, updatedOn, version: sql`${pages.version} + 1`, updatedAt: now })
    .where(and(eq(pages.id, id), eq(pages.version, expectedVersion)))
    .returning({ version: pages.version });
  return row?.version;
}

/** The text pages, by their address on the site: for the coordinator's workspace. */
export function findPagesForWorkspace(db: DbOrTx) {
  return db
    .select({ slug: pages.slug, path: pages.path, title: pages.title, updatedOn: pages.updatedOn })
    .from(pages)
    .where(isNull(pages.deletedAt))
    .orderBy(asc(pages.path));
}
