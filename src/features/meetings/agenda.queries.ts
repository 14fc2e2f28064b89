import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { documents } from '../documents/documents.table.ts';
import { goals } from '../goals/goals.table.ts';
import { agendaItemDocuments, agendaItemFocusAreas, agendaItemGoals, agendaItems } from './meetings.table.ts';

/** One agenda item that is not deleted. */
export async function findItem(db: DbOrTx, id: number) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), isNull(agendaItems.deletedAt)));
  return row;
}

export async function lockItem(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(agendaItems).where(eq(agendaItems.id, id)).for('update');
  return row;
}

/** The item's links: focus areas, goals, documents (ids). */
export async function findItemLinks(db: DbOrTx, id: number) {
  const [areas, goalRows, docs] = await Promise.all([
    db
      .select({ id: agendaItemFocusAreas.focusAreaId })
      .from(agendaItemFocusAreas)
      .where(eq(agendaItemFocusAreas.agendaItemId, id)),
    db
      .select({ id: agendaItemGoals.goalId })
      .from(agendaItemGoals)
      .where(eq(agendaItemGoals.agendaItemId, id)),
    db
      .select({ id: agendaItemDocuments.documentId })
      .from(agendaItemDocuments)
      .where(eq(agendaItemDocuments.agendaItemId, id)),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
  return { focusAreaIds: ids(areas), goalIds: ids(goalRows), documentIds: ids(docs) };
}

export async function writeItemLinks(
  tx: DbOrTx,
  id: number,
  links: { focusAreaIds: number[]; goalIds: number[]; documentIds: number[] },
) {
  await tx.delete(agendaItemFocusAreas).where(eq(agendaItemFocusAreas.agendaItemId, id));
  await tx.delete(agendaItemGoals).where(eq(agendaItemGoals.agendaItemId, id));
  await tx.delete(agendaItemDocuments).where(eq(agendaItemDocuments.agendaItemId, id));
  if (links.focusAreaIds.length > 0)
    await tx
      .insert(agendaItemFocusAreas)
      .values(links.focusAreaIds.map((focusAreaId) => ({ agendaItemId: id, focusAreaId })));
  if (links.goalIds.length > 0)
    await tx.insert(agendaItemGoals).values(links.goalIds.map((goalId) => ({ agendaItemId: id, goalId })));
  if (links.documentIds.length > 0)
    await tx
      .insert(agendaItemDocuments)
      .values(links.documentIds.map((documentId) => ({ agendaItemId: id, documentId })));
}

export async function insertItem(tx: DbOrTx, values: typeof agendaItems.$inferInsert) {
  const [row] = await tx.insert(agendaItems).values(values).returning();
  if (!row) throw new Error('agenda_items insert returned no row');
  return row;
}

export async function updateItem(
  tx: DbOrTx,
  id: number,
  expected: number,
  values: Partial<typeof agendaItems.$inferInsert>,
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(agendaItems)
    .set({ ...values, version: sql`${agendaItems.version} + 1`, updatedAt: now })
    .where(and(eq(agendaItems.id, id), eq(agendaItems.version, expected)))
    .returning({ version: agendaItems.version });
  return row?.version;
}

/** Sets the positions of the meeting's live items to 1..n in the given order (no version change). */
export async function renumber(tx: DbOrTx, orderedIds: number[]) {
  for (const [index, id] of orderedIds.entries())
    await tx
      .update(agendaItems)
      .set({ position: index + 1 })
      .where(eq(agendaItems.id, id));
}

/** Names for the history: focus areas, goals, documents, agreement. */
export async function findLinkNames(
  db: DbOrTx,
  links: { focusAreaIds: number[]; goalIds: number[]; documentIds: number[]; agreementId: number | null },
) {
  const none = [-1];
  const [areas, goalRows, docs, agreement] = await Promise.all([
    db
      .select({ id: focusAreas.id, name: focusAreas.name })
      .from(focusAreas)
      .where(inArray(focusAreas.id, [...none, ...links.focusAreaIds])),
    db
      .select({ id: goals.id, name: goals.shortTitle })
      .from(goals)
      .where(inArray(goals.id, [...none, ...links.goalIds])),
    db
      .select({ id: documents.id, name: documents.title })
      .from(documents)
      .where(inArray(documents.id, [...none, ...links.documentIds])),
    db
      .select({ name: agreements.title })
      .from(agreements)
      .where(eq(agreements.id, links.agreementId ?? -1)),
  ]);
  const names = (rows: { name: string }[]) =>
    rows
      .map((row) => row.name)
      .sort()
      .join(', ');
  return {
    focusAreas: names(areas),
    goals: names(goalRows),
    documents: names(docs),
    agreement: agreement[0]?.name ?? '',
  };
}
