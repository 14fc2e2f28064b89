import { and, asc, desc, eq, inArray, isNotNull, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { activities, activityFocusAreas, activityGoals, activityOrganisations } from './activities.table.ts';

/** The SQL behind editing activities (the public reads are in activities.queries.ts). */

/** One activity by address, deleted or internal or not: its edit form, history and restore need it. */
export async function findActivityRecord(db: DbOrTx, slug: string) {
  const [row] = await db.select(shownColumns(activities)).from(activities).where(eq(activities.slug, slug));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one activity queue up. */
export async function lockActivity(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select(shownColumns(activities))
    .from(activities)
    .where(eq(activities.id, id))
    .for('update');
  return row;
}

export type ActivityLinks = { organisationIds: number[]; focusAreaIds: number[]; goalIds: number[] };

/** What an activity is linked to, each list by id ascending (deleted records too: the links are kept). */
export async function findActivityLinks(db: DbOrTx, id: number): Promise<ActivityLinks> {
  // One after the other: inside a transaction the queries share one connection.
  const organisationRows = await db
    .select({ id: activityOrganisations.organisationId })
    .from(activityOrganisations)
    .where(eq(activityOrganisations.activityId, id))
    .orderBy(asc(activityOrganisations.organisationId));
  const focusAreaRows = await db
    .select({ id: activityFocusAreas.focusAreaId })
    .from(activityFocusAreas)
    .where(eq(activityFocusAreas.activityId, id))
    .orderBy(asc(activityFocusAreas.focusAreaId));
  const goalRows = await db
    .select({ id: activityGoals.goalId })
    .from(activityGoals)
    .where(eq(activityGoals.activityId, id))
    .orderBy(asc(activityGoals.goalId));
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  return {
    organisationIds: ids(organisationRows),
    focusAreaIds: ids(focusAreaRows),
    goalIds: ids(goalRows),
  };
}

/**
 * For each organisation, its chain: itself and every organisation above it, itself first (what an
 * editor's right is checked against). One query for all of them.
 */
export async function findOrganisationChains(db: DbOrTx, ids: number[]): Promise<number[][]> {
  if (ids.length === 0) return [];
  // The depth limit only guards against a parent cycle typed into the database by hand.
  const result = await db.execute<{ root: number; id: number }>(sql`
    with recursive chain(root, id, parent_id, depth) as (
      select id, id, parent_id, 0 from organisations
       where id in (${sql.join(
         ids.map((id) => sql`${id}`),
         sql`, `,
       )})
      union all
      select chain.root, o.id, o.parent_id, chain.depth + 1
        from organisations o join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select root, id from chain order by root, depth`);
  const chains = new Map<number, number[]>();
  for (const row of result.rows) {
    const root = Number(row.root);
    chains.set(root, [...(chains.get(root) ?? []), Number(row.id)]);
  }
  return [...chains.values()];
}

/** What the form offers: organisations, agreements and focus areas still in the register, the goals. */
export async function findActivityChoices(db: DbOrTx) {
  const [organisationRows, agreementRows, focusAreaRows, goalRows, focusAreaIds] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
      .from(organisations)
      .where(isNull(organisations.deletedAt))
      .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`),
    db
      .select({ id: agreements.id, title: agreements.title, visibility: agreements.visibility })
      .from(agreements)
      .where(isNull(agreements.deletedAt))
      .orderBy(sql`${agreements.title} collate "sv-SE-x-icu"`),
    db
      .select({ id: focusAreas.id, name: focusAreas.name })
      .from(focusAreas)
      .where(isNull(focusAreas.deletedAt))
      .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`),
    db.select({ id: goals.id, name: goals.shortTitle }).from(goals).orderBy(asc(goals.position)),
    db.select({ id: focusAreas.id }).from(focusAreas).orderBy(asc(focusAreas.id)),
  ]);
  return {
    organisations: organisationRows,
    agreements: agreementRows,
    focusAreas: focusAreaRows,
    goals: goalRows,
    /** Every focus area's id, deleted ones too: the form's checkboxes (one deleted meanwhile is no bad request). */
    allFocusAreaIds: focusAreaIds.map((row) => row.id),
  };
}

type Named = { id: number; name: string; deleted: boolean };

/** Names of linked records by id (deleted ones too, marked): for the history, the form and a restore. */
export async function findLinkedNames(
  db: DbOrTx,
  links: { organisationIds: number[]; agreementId: number | null; focusAreaIds: number[]; goalIds: number[] },
) {
  // One after the other: inside a transaction the queries share one connection.
  const organisationRows =
    links.organisationIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name, deletedAt: organisations.deletedAt })
          .from(organisations)
          .where(inArray(organisations.id, links.organisationIds));
  const agreementRows =
    links.agreementId === null
      ? []
      : await db
          .select({ id: agreements.id, name: agreements.title, deletedAt: agreements.deletedAt })
          .from(agreements)
          .where(eq(agreements.id, links.agreementId));
  const focusAreaRows =
    links.focusAreaIds.length === 0
      ? []
      : await db
          .select({ id: focusAreas.id, name: focusAreas.name, deletedAt: focusAreas.deletedAt })
          .from(focusAreas)
          .where(inArray(focusAreas.id, links.focusAreaIds));
  const goalRows =
    links.goalIds.length === 0
      ? []
      : await db
          .select({ id: goals.id, name: goals.shortTitle })
          .from(goals)
          .where(inArray(goals.id, links.goalIds))
          .orderBy(asc(goals.position));
  const named = (rows: { id: number; name: string; deletedAt?: Date | null }[]): Map<number, Named> =>
    new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, deleted: Boolean(row.deletedAt) }]));
  return {
    organisations: named(organisationRows),
    agreements: named(agreementRows),
    focusAreas: named(focusAreaRows),
    goals: named(goalRows),
  };
}

/** Addresses starting like this one: to find a free one for a new activity. */
export async function findActivitySlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: activities.slug })
    .from(activities)
    .where(like(activities.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

/** The activity's own columns, as the service writes them. */
export type ActivityColumns = {
  kind: (typeof activities.$inferInsert)['kind'];
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  agreementId: number | null;
  description: string;
  outcomes: string;
  /** For research, ULF and thesis projects: since when the results are used in the municipality's work. */
  outcomesUsedOn: string | null;
  visibility: 'public' | 'internal';
  internalReason: string | null;
};

/** Inserts at this address, or nothing when another save took it first (the caller tries the next one). */
export async function insertActivity(tx: DbOrTx, slug: string, values: ActivityColumns, now: Date) {
  const [row] = await tx
    .insert(activities)
    .values({ slug, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: activities.slug })
    .returning({ id: activities.id, version: activities.version });
  return row;
}

/**
 * Writes new values if the row is still at `expectedVersion`; the new version, or undefined when someone
 * saved in between (the caller refuses with both versions).
 */
export async function updateActivity(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<ActivityColumns> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: now })
    .where(and(eq(activities.id, id), eq(activities.version, expectedVersion)))
    .returning({ version: activities.version });
  return row?.version;
}

/** Replaces every link of the activity with these, in the caller's transaction. */
export async function replaceActivityLinks(tx: DbOrTx, id: number, links: ActivityLinks): Promise<void> {
  await tx.delete(activityOrganisations).where(eq(activityOrganisations.activityId, id));
  await tx.delete(activityFocusAreas).where(eq(activityFocusAreas.activityId, id));
  await tx.delete(activityGoals).where(eq(activityGoals.activityId, id));
  if (links.organisationIds.length > 0)
    await tx
      .insert(activityOrganisations)
      .values(links.organisationIds.map((organisationId) => ({ activityId: id, organisationId })));
  if (links.focusAreaIds.length > 0)
    await tx
      .insert(activityFocusAreas)
      .values(links.focusAreaIds.map((focusAreaId) => ({ activityId: id, focusAreaId })));
  if (links.goalIds.length > 0)
    await tx.insert(activityGoals).values(links.goalIds.map((goalId) => ({ activityId: id, goalId })));
}

/**
 * Activities still in the register (internal ones too), with the organisations each is linked to: for the
 * workspace, filtered to those the person may edit. `organisationIds` 'all': every activity.
 */
export async function findWorkspaceActivities(db: DbOrTx, organisationIds: number[] | 'all') {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  const linkedToAny =
    organisationIds === 'all'
      ? undefined
      : inArray(
          activities.id,
          db
            .select({ id: activityOrganisations.activityId })
            .from(activityOrganisations)
            .where(inArray(activityOrganisations.organisationId, organisationIds)),
        );
  return db
    .select({
      slug: activities.slug,
      title: activities.title,
      kind: activities.kind,
      visibility: activities.visibility,
    })
    .from(activities)
    .where(and(isNull(activities.deletedAt), linkedToAny))
    .orderBy(sql`${activities.title} collate "sv-SE-x-icu"`);
}

/** Deleted activities, the latest first: the coordinator can open their history and restore them. */
export function findDeletedActivities(db: DbOrTx) {
  return db
    .select({ slug: activities.slug, title: activities.title, deletedAt: activities.deletedAt })
    .from(activities)
    .where(isNotNull(activities.deletedAt))
    .orderBy(desc(activities.deletedAt))
    .limit(50);
}

/** Whether an agreement is internal (undefined: no such agreement): who may link an activity to it. */
export async function findAgreementVisibility(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ visibility: agreements.visibility })
    .from(agreements)
    .where(eq(agreements.id, id));
  return row?.visibility;
}
