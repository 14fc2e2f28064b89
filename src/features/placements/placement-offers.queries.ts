import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';
import {
  type PlacementKind,
  placementOffers,
  placementRequests,
  placementStudents,
} from './placements.table.ts';

/** The SQL behind placement offers and the capacity list (issue 9); rules are in the service. */

export type OfferValues = {
  organisationId: number;
  term: string;
  kind: PlacementKind;
  programme: string;
  studyLevel: string;
  places: number;
  supervisors: number;
  startsOn: string | null;
  endsOn: string | null;
  address: string;
  area: string;
  prerequisites: string;
  description: string;
};

const offerColumns = {
  id: placementOffers.id,
  organisationId: placementOffers.organisationId,
  term: placementOffers.term,
  kind: placementOffers.kind,
  programme: placementOffers.programme,
  studyLevel: placementOffers.studyLevel,
  places: placementOffers.places,
  confirmedPlaces: placementOffers.confirmedPlaces,
  supervisors: placementOffers.supervisors,
  startsOn: placementOffers.startsOn,
  endsOn: placementOffers.endsOn,
  address: placementOffers.address,
  area: placementOffers.area,
  prerequisites: placementOffers.prerequisites,
  description: placementOffers.description,
  copiedFromId: placementOffers.copiedFromId,
  isDemo: placementOffers.isDemo,
  version: placementOffers.version,
  updatedAt: placementOffers.updatedAt,
  deletedAt: placementOffers.deletedAt,
};

/** One offer with its unit's name, deleted or not (its history and restore need it either way). */
export async function findOffer(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...offerColumns, unitName: organisations.name, unitDeletedAt: organisations.deletedAt })
    .from(placementOffers)
    .innerJoin(organisations, eq(organisations.id, placementOffers.organisationId))
    .where(eq(placementOffers.id, id));
  return row;
}

/** The row, locked until the transaction ends: a save and an accepted request queue up behind it. */
export async function lockOffer(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select(offerColumns)
    .from(placementOffers)
    .where(eq(placementOffers.id, id))
    .for('update');
  return row;
}

/** An organisation and every one above it, itself first, with names and kinds. */
export async function findChain(
  db: DbOrTx,
  id: number,
): Promise<{ id: number; name: string; kind: string; deleted: boolean }[]> {
  const result = await db.execute<{ id: number; name: string; kind: string; deleted: boolean }>(sql`
    with recursive chain(id, parent_id, name, kind, deleted, depth) as (
      select id, parent_id, name, kind::text, deleted_at is not null, 0 from organisations where id = ${id}
      union all
      select o.id, o.parent_id, o.name, o.kind::text, o.deleted_at is not null, chain.depth + 1
        from organisations o join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select id, name, kind, deleted from chain order by depth`);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** Every organisation still in the register, with its kind: the service picks those that may offer places. */
export function findLiveOrganisations(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      parentId: organisations.parentId,
      kind: organisations.kind,
    })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

export async function insertOffer(
  tx: DbOrTx,
  values: OfferValues & { copiedFromId?: number | null; isDemo?: boolean },
  now: Date,
) {
  const [row] = await tx
    .insert(placementOffers)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning({ id: placementOffers.id, version: placementOffers.version });
  return row!;
}

/** Writes new values if the row is still at `expectedVersion`; the new version, or undefined. */
export async function updateOffer(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<OfferValues> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(placementOffers)
    .set({ ...values, version: sql`${placementOffers.version} + 1`, updatedAt: now })
    .where(and(eq(placementOffers.id, id), eq(placementOffers.version, expectedVersion)))
    .returning({ version: placementOffers.version });
  return row?.version;
}

/** Requests on an offer still waiting for an answer (inskickad, under behandling). */
export async function countOpenRequests(db: DbOrTx, offerId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.offerId, offerId),
        inArray(placementRequests.status, ['submitted', 'in_review']),
        isNull(placementRequests.deletedAt),
      ),
    );
  return row?.count ?? 0;
}

/**
 * The live offers of these units in a term, locked (in id order, so two copies at once queue up rather
 * than deadlock): what "copy last term" copies.
 */
export function lockOffersToCopy(tx: DbOrTx, unitIds: number[], term: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return tx
    .select(offerColumns)
    .from(placementOffers)
    .where(
      and(
        inArray(placementOffers.organisationId, unitIds),
        eq(placementOffers.term, term),
        isNull(placementOffers.deletedAt),
      ),
    )
    .orderBy(asc(placementOffers.id))
    .for('update');
}

/** Which of these offers already have a live copy in the term. */
export async function findCopiedSources(tx: DbOrTx, sourceIds: number[], term: string): Promise<Set<number>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await tx
    .select({ copiedFromId: placementOffers.copiedFromId })
    .from(placementOffers)
    .where(
      and(
        inArray(placementOffers.copiedFromId, sourceIds),
        eq(placementOffers.term, term),
        isNull(placementOffers.deletedAt),
      ),
    );
  return new Set(rows.map((row) => row.copiedFromId as number));
}

/** The offers of these units in these terms, for the workspace. */
export function findUnitOffers(db: DbOrTx, unitIds: number[], terms: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: placementOffers.id,
      term: placementOffers.term,
      kind: placementOffers.kind,
      programme: placementOffers.programme,
      places: placementOffers.places,
      confirmedPlaces: placementOffers.confirmedPlaces,
      unitName: organisations.name,
    })
    .from(placementOffers)
    .innerJoin(organisations, eq(organisations.id, placementOffers.organisationId))
    .where(
      and(
        inArray(placementOffers.organisationId, unitIds),
        inArray(placementOffers.term, terms),
        isNull(placementOffers.deletedAt),
        isNull(organisations.deletedAt),
      ),
    )
    .orderBy(
      asc(placementOffers.term),
      sql`${organisations.name} collate "sv-SE-x-icu"`,
      sql`${placementOffers.programme} collate "sv-SE-x-icu"`,
      asc(placementOffers.id),
    )
    .limit(200);
}

/** The capacity list's filters; null or false: no filter. */
export type CapacityFilters = {
  term: string;
  kind: PlacementKind | null;
  programme: string | null;
  administrationId: number | null;
  area: string | null;
  from: string | null;
  to: string | null;
  onlyFree: boolean;
};

export const CAPACITY_PAGE_SIZE = 50;

export type CapacityRow = {
  id: number;
  kind: PlacementKind;
  programme: string;
  studyLevel: string;
  places: number;
  confirmedPlaces: number;
  startsOn: string | null;
  endsOn: string | null;
  area: string;
  isDemo: boolean;
  unitId: number;
  unitName: string;
  administrationId: number | null;
  administrationName: string | null;
};

/**
 * One page of the capacity list, in one statement: the term's live offers of live units with the
 * filters, sorted stably (unit, kind, programme, id), the total count beside every row; then, for the
 * page's rows only, the förvaltning (the nearest administration at or above the unit, walked up through
 * organisations_pkey). Filtering by förvaltning walks down from it instead (organisations_parent_idx),
 * not into an administration under it. The term and kind use placement_offers_term_idx (term, kind).
 */
export async function findCapacityPage(
  db: DbOrTx,
  filters: CapacityFilters,
  page: number,
): Promise<{ rows: CapacityRow[]; total: number }> {
  const conditions = [sql`po.term = ${filters.term}`, sql`po.deleted_at is null`];
  if (filters.kind) conditions.push(sql`po.kind = ${filters.kind}`);
  if (filters.programme) {
    const pattern = `%${filters.programme.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(sql`unaccent(po.programme) ilike unaccent(${pattern})`);
  }
  if (filters.administrationId !== null)
    conditions.push(sql`po.organisation_id in (
      with recursive down(id, depth) as (
        select id, 0 from organisations where id = ${filters.administrationId} and kind = 'administration'
        union all
        select o.id, down.depth + 1 from organisations o join down on o.parent_id = down.id
         where o.kind <> 'administration' and down.depth < 50
      )
      select id from down)`);
  if (filters.area) conditions.push(sql`lower(po.area) = lower(${filters.area})`);
  if (filters.from) conditions.push(sql`(po.ends_on is null or po.ends_on >= ${filters.from}::date)`);
  if (filters.to) conditions.push(sql`(po.starts_on is null or po.starts_on <= ${filters.to}::date)`);
  if (filters.onlyFree) conditions.push(sql`po.places > po.confirmed_places`);
  const result = await db.execute<Record<string, unknown>>(sql`
    with page as (
      select po.id, po.kind, po.programme, po.study_level, po.places, po.confirmed_places,
             po.starts_on, po.ends_on, po.area, po.is_demo, po.organisation_id,
             u.name as unit_name, count(*) over () as total
        from placement_offers po
        join organisations u on u.id = po.organisation_id and u.deleted_at is null
       where ${sql.join(conditions, sql` and `)}
       order by u.name collate "sv-SE-x-icu", po.organisation_id, po.kind, po.programme collate "sv-SE-x-icu", po.id
       limit ${CAPACITY_PAGE_SIZE} offset ${(page - 1) * CAPACITY_PAGE_SIZE}
    )
    select page.id, page.kind, page.programme, page.study_level, page.places, page.confirmed_places,
           page.starts_on::text as starts_on, page.ends_on::text as ends_on, page.area, page.is_demo,
           page.organisation_id as unit_id, page.unit_name, page.total,
           adm.id as administration_id, adm.name as administration_name
      from page
      left join lateral (
        with recursive up(id, parent_id, kind, name, depth) as (
          select o.id, o.parent_id, o.kind, o.name, 0 from organisations o where o.id = page.organisation_id
          union all
          select p.id, p.parent_id, p.kind, p.name, up.depth + 1 from organisations p join up on p.id = up.parent_id
           where up.kind <> 'administration' and up.depth < 50
        )
        select id, name from up where kind = 'administration' order by depth limit 1
      ) adm on true
     order by page.unit_name collate "sv-SE-x-icu", page.organisation_id, page.kind,
              page.programme collate "sv-SE-x-icu", page.id`);
  const rows = result.rows.map(
    (row): CapacityRow => ({
      id: Number(row.id),
      kind: row.kind as PlacementKind,
      programme: String(row.programme),
      studyLevel: String(row.study_level),
      places: Number(row.places),
      confirmedPlaces: Number(row.confirmed_places),
      startsOn: (row.starts_on as string | null) ?? null,
      endsOn: (row.ends_on as string | null) ?? null,
      area: String(row.area),
      isDemo: Boolean(row.is_demo),
      unitId: Number(row.unit_id),
      unitName: String(row.unit_name),
      administrationId: row.administration_id === null ? null : Number(row.administration_id),
      administrationName: (row.administration_name as string | null) ?? null,
    }),
  );
  return { rows, total: Number(result.rows[0]?.total ?? 0) };
}

/** The filter selects' choices in one statement: every förvaltning, and the areas offered in the term. */
export async function findCapacityChoices(
  db: DbOrTx,
  term: string,
): Promise<{ administrations: { id: number; name: string }[]; areas: string[] }> {
  const result = await db.execute<{ what: string; id: number | null; name: string }>(sql`
    select what, id, name from (
      select 'administration' as what, id, name from organisations
       where kind = 'administration' and deleted_at is null
      union all
      select distinct 'area', null::int, area from placement_offers
       where term = ${term} and deleted_at is null and area <> ''
    ) choices
    order by what, name collate "sv-SE-x-icu"`);
  return {
    administrations: result.rows
      .filter((row) => row.what === 'administration')
      .map((row) => ({ id: Number(row.id), name: row.name })),
    areas: result.rows.filter((row) => row.what === 'area').map((row) => row.name),
  };
}

/**
 * The removal day of every student named on the offer's requests (GDPR): set again when the offer's term
 * or end moves, so no student outlives the placement they were named for.
 */
export async function setStudentsRemoval(tx: DbOrTx, offerId: number, removeAfter: string): Promise<void> {
  await tx
    .update(placementStudents)
    .set({ removeAfter })
    .where(
      inArray(
        placementStudents.requestId,
        tx
          .select({ id: placementRequests.id })
          .from(placementRequests)
          .where(eq(placementRequests.offerId, offerId)),
      ),
    );
}
