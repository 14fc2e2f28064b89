import { and, asc, desc, eq, inArray, isNotNull, isNull, like, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { type GroupSiteRole, groupMembers, groups } from './groups.table.ts';

/** The SQL behind editing groups and their seats (the public reads are in groups.queries.ts). */

/** One group by address, deleted or internal or not: its edit form, history and restore need it either way. */
export async function findGroupRecord(db: DbOrTx, slug: string) {
  const [row] = await db.select(shownColumns(groups)).from(groups).where(eq(groups.slug, slug));
  return row;
}

export type GroupRecord = NonNullable<Awaited<ReturnType<typeof findGroupRecord>>>;

/** The row, locked until the transaction ends, so two saves of one group (or of its seats) queue up. */
export async function lockGroup(tx: DbOrTx, id: number) {
  const [row] = await tx.select(shownColumns(groups)).from(groups).where(eq(groups.id, id)).for('update');
  return row;
}

/** Every seat of a group, ended ones too, in their listed order. */
export function findSeats(db: DbOrTx, groupId: number) {
  return db
    .select({
      id: groupMembers.id,
      role: groupMembers.role,
      organisationId: groupMembers.organisationId,
      seatDescription: groupMembers.seatDescription,
      personName: groupMembers.personName,
      fromOn: groupMembers.fromOn,
      toOn: groupMembers.toOn,
      position: groupMembers.position,
      isDemo: groupMembers.isDemo,
    })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(groupMembers.position), asc(groupMembers.id));
}

export type SeatRow = Awaited<ReturnType<typeof findSeats>>[number];

/** The organisations a group's seats are held by, per group, for the groups given (the workspace's list). */
export async function findSeatOrganisations(db: DbOrTx, groupIds: number[]): Promise<Map<number, number[]>> {
  const rows = await db
    .selectDistinct({ groupId: groupMembers.groupId, organisationId: groupMembers.organisationId })
    .from(groupMembers)
    .where(and(inArray(groupMembers.groupId, [-1, ...groupIds]), isNotNull(groupMembers.organisationId)));
  const out = new Map<number, number[]>();
  for (const row of rows)
    if (row.organisationId !== null)
      out.set(row.groupId, [...(out.get(row.groupId) ?? []), row.organisationId]);
  return out;
}

/**
 * Each given organisation with every one above it, itself first (what an editor's right is checked
 * against), in one query for all of them.
 */
export async function findOrganisationChains(db: DbOrTx, ids: number[]): Promise<Map<number, number[]>> {
  const chains = new Map<number, number[]>();
  if (ids.length === 0) return chains;
  // The depth limit only guards against a parent cycle typed into the database by hand.
  const result = await db.execute<{ start: number; id: number }>(sql`
    with recursive chain(start, id, parent_id, depth) as (
      select o.id, o.id, o.parent_id, 0 from organisations o
       where o.id in (${sql.join(
         ids.map((id) => sql`${id}`),
         sql`, `,
       )})
      union all
      select chain.start, o.id, o.parent_id, chain.depth + 1
        from organisations o join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select start, id from chain order by start, depth`);
  for (const row of result.rows) {
    const start = Number(row.start);
    chains.set(start, [...(chains.get(start) ?? []), Number(row.id)]);
  }
  return chains;
}

/** Every group still in the register (internal ones too), for the workspace. */
export function findLiveGroups(db: DbOrTx) {
  return db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      kind: groups.kind,
      organisationId: groups.organisationId,
      visibility: groups.visibility,
      siteRole: groups.siteRole,
    })
    .from(groups)
    .where(isNull(groups.deletedAt))
    .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`);
}

/** Deleted groups, the latest first: the coordinator can open their history and restore them. */
export function findDeletedGroups(db: DbOrTx) {
  return db
    .select({ slug: groups.slug, name: groups.name, deletedAt: groups.deletedAt })
    .from(groups)
    .where(isNotNull(groups.deletedAt))
    .orderBy(desc(groups.deletedAt))
    .limit(50);
}

/** Agreements still in the register, for the group form's select (the service decides which to offer). */
export function findAgreementChoices(db: DbOrTx) {
  return db
    .select({ id: agreements.id, title: agreements.title, visibility: agreements.visibility })
    .from(agreements)
    .where(isNull(agreements.deletedAt))
    .orderBy(sql`${agreements.title} collate "sv-SE-x-icu"`);
}

/** Every organisation still in the register, for the seat form's "Företräder" (any organisation may sit). */
export function findLiveOrganisationChoices(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/** Is this organisation still in the register? */
export async function organisationIsLive(db: DbOrTx, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  return row !== undefined;
}

/** Names of organisations and titles of agreements by id (deleted ones too), for the history's lines. */
export async function findNames(db: DbOrTx, ids: { organisations: number[]; agreements: number[] }) {
  const [organisationRows, agreementRows] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [-1, ...ids.organisations])),
    db
      .select({ id: agreements.id, name: agreements.title })
      .from(agreements)
      .where(inArray(agreements.id, [-1, ...ids.agreements])),
  ]);
  return {
    organisations: new Map(organisationRows.map((row) => [row.id, row.name])),
    agreements: new Map(agreementRows.map((row) => [row.id, row.name])),
  };
}

/** Addresses starting like this one: to find a free one for a new group. */
export async function findGroupSlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: groups.slug })
    .from(groups)
    .where(like(groups.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

/** The group holding a site role, other than `exceptId`, deleted or not (the role is unique over all rows). */
export async function findSiteRoleHolder(tx: DbOrTx, siteRole: GroupSiteRole, exceptId: number | null) {
  const [row] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.siteRole, siteRole), exceptId === null ? undefined : ne(groups.id, exceptId)));
  return row;
}

/** The columns of a group its form sets. */
export type GroupColumns = {
  kind: (typeof groups.$inferInsert)['kind'];
  name: string;
  description: string;
  agreementId: number | null;
  organisationId: number | null;
  visibility: 'public' | 'internal';
  internalReason: string | null;
  siteRole: GroupSiteRole | null;
};

export async function insertGroup(tx: DbOrTx, slug: string, values: GroupColumns, now: Date) {
  const [row] = await tx
    .insert(groups)
    .values({ slug, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: groups.slug })
    .returning({ id: groups.id, version: groups.version });
  // Undefined when another save took the address first (insertAtFreeSlug tries the next one).
  return row;
}

/**
 * Writes new values (none: only the version, for a change of its seats) if the row is still at
 * `expectedVersion`; the new version, or undefined when someone saved in between.
 */
export async function updateGroup(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<GroupColumns> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(groups)
    .set({ ...values, version: sql`${groups.version} + 1`, updatedAt: now })
    .where(and(eq(groups.id, id), eq(groups.version, expectedVersion)))
    .returning({ version: groups.version });
  return row?.version;
}

/** The id the next new seat gets, taken now so the seat is known (history, snapshot) before it is written. */
export async function nextSeatId(tx: DbOrTx): Promise<number> {
  const result = await tx.execute<{ id: string }>(
    sql`select nextval(pg_get_serial_sequence('group_members', 'id')) as id`,
  );
  return Number(result.rows[0]?.id);
}

/** A seat as its form and a snapshot hold it. */
export type SeatColumns = {
  id: number;
  role: (typeof groupMembers.$inferInsert)['role'];
  organisationId: number | null;
  seatDescription: string | null;
  personName: string | null;
  fromOn: string | null;
  toOn: string | null;
  position: number;
};

export async function deleteSeats(tx: DbOrTx, groupId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.id, ids)));
}

/** Writes seats with the ids they were given (a new seat's from `nextSeatId`, a changed one's own). */
export async function insertSeats(
  tx: DbOrTx,
  groupId: number,
  seats: (SeatColumns & { isDemo: boolean })[],
): Promise<void> {
  if (seats.length === 0) return;
  await tx
    .insert(groupMembers)
    .overridingSystemValue()
    .values(seats.map((seat) => ({ ...seat, groupId })));
}
