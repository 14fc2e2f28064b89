import { and, eq, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { activities, activityOrganisations } from '../activities/activities.table.ts';
import { agreementParties, agreements } from '../agreements/agreements.table.ts';
import { groupMembers, groups } from '../groups/groups.table.ts';
import { organisations } from './organisations.table.ts';

/** The SQL behind editing organisations (the public reads are in organisations.queries.ts). */

/** One organisation by address, deleted or not: its edit form, history and restore need it either way. */
export async function findOrganisationRecord(db: DbOrTx, slug: string) {
  const [row] = await db
    .select(shownColumns(organisations))
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one organisation queue up. */
export async function lockOrganisation(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select(shownColumns(organisations))
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update');
  return row;
}

/** The organisation and every one above it, itself first (what an editor's right is checked against). */
export async function findOrganisationChain(db: DbOrTx, id: number): Promise<number[]> {
  // The depth limit only guards against a parent cycle typed into the database by hand.
  const result = await db.execute<{ id: number }>(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from organisations where id = ${id}
      union all
      select o.id, o.parent_id, chain.depth + 1 from organisations o join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select id from chain order by depth`);
  return result.rows.map((row) => Number(row.id));
}

/** The organisation and every one under it, at any depth. */
export async function findSubtreeIds(db: DbOrTx, id: number): Promise<number[]> {
  const result = await db.execute<{ id: number }>(sql`
    with recursive subtree(id, depth) as (
      select ${id}::int, 0
      union all
      select o.id, subtree.depth + 1 from organisations o join subtree on o.parent_id = subtree.id
       where subtree.depth < 50
    )
    select id from subtree`);
  return result.rows.map((row) => Number(row.id));
}

/** Every organisation still in the register, for choosing a parent (tree order is made by the view). */
export function findOrganisationChoices(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

export async function findOrganisationName(db: DbOrTx, id: number): Promise<string | undefined> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name;
}

/** Addresses starting like this one: to find a free one for a new organisation. */
export async function findSlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(like(organisations.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

export type OrganisationValues = {
  name: string;
  shortName: string | null;
  kind: (typeof organisations.$inferInsert)['kind'];
  parentId: number | null;
  website: string | null;
  description: string;
};

export async function insertOrganisation(tx: DbOrTx, slug: string, values: OrganisationValues, now: Date) {
  const [row] = await tx
    .insert(organisations)
    .values({ slug, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: organisations.slug })
    .returning({ id: organisations.id, version: organisations.version });
  // Undefined when another save took the address first (insertAtFreeSlug tries the next one).
  return row;
}

/**
 * Writes new values if the row is still at `expectedVersion`; the new version, or undefined when someone
 * saved in between (the caller refuses with both versions).
 */
export async function updateOrganisation(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<OrganisationValues> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: now })
    .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
    .returning({ version: organisations.version });
  return row?.version;
}

/** What still points at an organisation (nothing deleted counted): a delete is refused while any does. */
export async function findOrganisationUses(db: DbOrTx, id: number) {
  // One after the other: inside the delete's transaction the queries share one connection.
  const agreementRows = await db
    .selectDistinct({ name: agreements.title })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(and(eq(agreementParties.organisationId, id), isNull(agreements.deletedAt)));
  // A group uses it as its own organisation, or through a seat that represents it.
  const groupRows = await db
    .selectDistinct({ name: groups.name })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.organisationId, id)))
    .where(and(isNull(groups.deletedAt), or(eq(groups.organisationId, id), isNotNull(groupMembers.groupId))));
  const activityRows = await db
    .selectDistinct({ name: activities.title })
    .from(activityOrganisations)
    .innerJoin(activities, eq(activities.id, activityOrganisations.activityId))
    .where(and(eq(activityOrganisations.organisationId, id), isNull(activities.deletedAt)));
  const childRows = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.parentId, id), isNull(organisations.deletedAt)));
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);
  return {
    agreements: names(agreementRows),
    groups: names(groupRows),
    activities: names(activityRows),
    children: names(childRows),
  };
}

/** Names of organisations by id, for showing a parent in the history. */
export async function findOrganisationNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
