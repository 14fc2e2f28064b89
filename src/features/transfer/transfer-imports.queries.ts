import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { activities } from '../activities/activities.table.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { type ImportEffect, type ImportRow, registerImports } from './transfer.table.ts';

export async function insertImport(
  db: DbOrTx,
  values: { kind: string; fileName: string; rows: ImportRow[]; createdBy: number },
): Promise<string> {
  const [row] = await db.insert(registerImports).values(values).returning({ id: registerImports.id });
  if (!row) throw new Error('register_imports insert returned no row');
  return row.id;
}

export async function findImport(db: DbOrTx, id: string) {
  const [row] = await db.select().from(registerImports).where(eq(registerImports.id, id));
  return row;
}

/** Marks an import applied, once: false when it was applied (or undone) by someone a moment before. */
export async function markImportApplied(
  db: DbOrTx,
  id: string,
  at: Date,
  effects: ImportEffect[],
): Promise<boolean> {
  const updated = await db
    .update(registerImports)
    .set({ appliedAt: at, effects })
    .where(
      and(eq(registerImports.id, id), isNull(registerImports.appliedAt), isNull(registerImports.undoneAt)),
    )
    .returning({ id: registerImports.id });
  return updated.length > 0;
}

export async function markImportUndone(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(registerImports)
    .set({ undoneAt: at })
    .where(and(eq(registerImports.id, id), isNull(registerImports.undoneAt)))
    .returning({ id: registerImports.id });
  return updated.length > 0;
}

/** Every organisation with its address and state, to check a file's rows against in one read. */
export function findOrganisationsForImport(db: DbOrTx) {
  return db.select(shownColumns(organisations)).from(organisations);
}

/**
 * Every activity with its address, state, own fields and links (ids ascending), to check a file's rows
 * against in one read.
 */
export function findActivitiesForImport(db: DbOrTx) {
  return db
    .select({
      id: activities.id,
      slug: activities.slug,
      version: activities.version,
      deletedAt: activities.deletedAt,
      kind: activities.kind,
      title: activities.title,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      agreementId: activities.agreementId,
      description: activities.description,
      outcomes: activities.outcomes,
      outcomesUsedOn: activities.outcomesUsedOn,
      visibility: activities.visibility,
      internalReason: activities.internalReason,
      // Plain SQL names the outer table: drizzle would write a lone "id" here (see transfer.queries.ts).
      organisationIds: sql<number[]>`array(select organisation_id from activity_organisations
        where activity_id = activities.id order by organisation_id)`,
      focusAreaIds: sql<number[]>`array(select focus_area_id from activity_focus_areas
        where activity_id = activities.id order by focus_area_id)`,
      goalIds: sql<number[]>`array(select goal_id from activity_goals
        where activity_id = activities.id order by goal_id)`,
    })
    .from(activities);
}

/** Organisations and agreements by address (deleted ones too, marked), for the rows' links. */
export function findLinkTargetsForImport(db: DbOrTx) {
  return Promise.all([
    db
      .select({ id: organisations.id, slug: organisations.slug, deletedAt: organisations.deletedAt })
      .from(organisations),
    db.select({ id: agreements.id, slug: agreements.slug, deletedAt: agreements.deletedAt }).from(agreements),
  ]);
}
