import { and, asc, desc, eq, isNotNull, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { focusAreas } from './agreements.table.ts';

/** The SQL behind editing focus areas (prioriterade utvecklingsområden). */

/** One focus area by address, deleted or not: its edit form, history and restore need it either way. */
export async function findFocusAreaRecord(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(focusAreas).where(eq(focusAreas.slug, slug));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one focus area queue up. */
export async function lockFocusArea(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(focusAreas).where(eq(focusAreas.id, id)).for('update');
  return row;
}

export type FocusAreaValues = { name: string; description: string };

export async function insertFocusArea(tx: DbOrTx, slug: string, values: FocusAreaValues, now: Date) {
  const [row] = await tx
    .insert(focusAreas)
    .values({ slug, ...values, updatedAt: now })
    .onConflictDoNothing({ target: focusAreas.slug })
    .returning({ id: focusAreas.id, version: focusAreas.version });
  // Undefined when another save took the address first (insertAtFreeSlug tries the next one).
  return row;
}

/** Writes new values if the row is still at `expectedVersion`; the new version, or undefined. */
export async function updateFocusArea(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<FocusAreaValues> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(focusAreas)
    .set({ ...values, version: sql`${focusAreas.version} + 1`, updatedAt: now })
    .where(and(eq(focusAreas.id, id), eq(focusAreas.version, expectedVersion)))
    .returning({ version: focusAreas.version });
  return row?.version;
}

/** Addresses starting like this one: to find a free one for a new focus area. */
export async function findFocusAreaSlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: focusAreas.slug })
    .from(focusAreas)
    .where(like(focusAreas.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

/** The focus areas in the register, in its order, and the deleted ones (latest first): the workspace. */
export function findFocusAreaList(db: DbOrTx) {
  return db
    .select({ slug: focusAreas.slug, name: focusAreas.name })
    .from(focusAreas)
    .where(isNull(focusAreas.deletedAt))
    .orderBy(asc(focusAreas.id));
}

export function findDeletedFocusAreas(db: DbOrTx) {
  return db
    .select({ slug: focusAreas.slug, name: focusAreas.name })
    .from(focusAreas)
    .where(isNotNull(focusAreas.deletedAt))
    .orderBy(desc(focusAreas.deletedAt))
    .limit(50);
}
