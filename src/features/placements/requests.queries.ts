import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { memberships, people } from '../accounts/accounts.table.ts';
import { agreementParties, agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import {
  type PlacementKind,
  type PlacementRequestStatus,
  placementNeeds,
  placementOffers,
  placementRequests,
  placementStudents,
} from './placements.table.ts';

/** The SQL behind placement requests, needs lists, suggestions and the term proposal (issue 9). */

const unit = aliasedTable(organisations, 'unit');
const institution = aliasedTable(organisations, 'institution');
const requester = aliasedTable(people, 'requester');

/** Every organisation still in the register with its parent and kind: chains and subtrees in memory. */
export function findOrganisationTree(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(isNull(organisations.deletedAt));
}

export type OrganisationNode = Awaited<ReturnType<typeof findOrganisationTree>>[number];

/** One offer that is still in the register, with its unit's name. */
export async function findLiveOffer(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ offer: placementOffers, unitName: unit.name })
    .from(placementOffers)
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .where(and(eq(placementOffers.id, id), isNull(placementOffers.deletedAt)));
  return row;
}

/** The offer's row, locked until the transaction ends: two confirmations on one offer queue up here. */
export async function lockOffer(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(placementOffers).where(eq(placementOffers.id, id)).for('update');
  return row;
}

/** Adds (or with a negative number takes back) confirmed places; the CHECK refuses over-booking. */
export async function addConfirmedPlaces(tx: DbOrTx, offerId: number, delta: number): Promise<void> {
  await tx
    .update(placementOffers)
    .set({ confirmedPlaces: sql`${placementOffers.confirmedPlaces} + ${delta}` })
    .where(eq(placementOffers.id, offerId));
}

export type NewRequest = typeof placementRequests.$inferInsert;

export async function insertRequest(tx: DbOrTx, values: NewRequest): Promise<number> {
  const [row] = await tx.insert(placementRequests).values(values).returning({ id: placementRequests.id });
  if (!row) throw new Error('placement_requests insert returned no row');
  return row.id;
}

export async function insertStudents(
  tx: DbOrTx,
  requestId: number,
  students: { firstName: string; programme: string }[],
  removeAfter: string,
  now: Date,
): Promise<void> {
  if (students.length === 0) return;
  await tx
    .insert(placementStudents)
    .values(students.map((student) => ({ requestId, ...student, removeAfter, createdAt: now })));
}

/** One request with the names of what it points to. */
export async function findRequest(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      request: placementRequests,
      offer: placementOffers,
      unitName: unit.name,
      universityName: institution.name,
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterLanguage: requester.language,
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .leftJoin(requester, eq(requester.id, placementRequests.requesterPersonId))
    .where(and(eq(placementRequests.id, id), isNull(placementRequests.deletedAt)));
  return row;
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function lockRequest(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select()
    .from(placementRequests)
    .where(and(eq(placementRequests.id, id), isNull(placementRequests.deletedAt)))
    .for('update');
  return row;
}

/** The move, if the request is still at `expectedVersion`; the new version, or undefined. */
export async function updateRequestStatus(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: {
    status: PlacementRequestStatus;
    reason: string | null;
    proposedOfferId: number | null;
    updatedAt: Date;
  },
): Promise<number | undefined> {
  const [row] = await tx
    .update(placementRequests)
    .set({ ...values, version: sql`${placementRequests.version} + 1` })
    .where(and(eq(placementRequests.id, id), eq(placementRequests.version, expectedVersion)))
    .returning({ version: placementRequests.version });
  return row?.version;
}

export function findStudents(db: DbOrTx, requestId: number) {
  return db
    .select({
      firstName: placementStudents.firstName,
      programme: placementStudents.programme,
      removeAfter: placementStudents.removeAfter,
    })
    .from(placementStudents)
    .where(eq(placementStudents.requestId, requestId))
    .orderBy(asc(placementStudents.id));
}

/** Who sees which requests: all (the coordinator), or those to these units or from these institutions. */
export type RequestScope = 'all' | { units: number[]; institutions: number[] };

function scopeCondition(scope: RequestScope): SQL | undefined {
  if (scope === 'all') return undefined;
  const parts = [
    scope.units.length > 0 ? inArray(placementOffers.organisationId, scope.units) : undefined,
    scope.institutions.length > 0 ? inArray(placementRequests.universityId, scope.institutions) : undefined,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? sql`false` : or(...parts);
}

/** The request list, newest first, filtered by term and status, at most `limit`. */
export function findRequests(
  db: Db,
  scope: RequestScope,
  filters: { term?: string | undefined; status?: PlacementRequestStatus | undefined; unitSide?: boolean },
  limit: number,
) {
  return db
    .select({
      id: placementRequests.id,
      status: placementRequests.status,
      places: placementRequests.places,
      preference: placementRequests.preference,
      createdAt: placementRequests.createdAt,
      needId: placementRequests.needId,
      term: placementOffers.term,
      kind: placementOffers.kind,
      programme: placementOffers.programme,
      unitName: unit.name,
      universityName: institution.name,
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .where(
      and(
        isNull(placementRequests.deletedAt),
        scopeCondition(scope),
        filters.term ? eq(placementOffers.term, filters.term) : undefined,
        filters.status ? eq(placementRequests.status, filters.status) : undefined,
      ),
    )
    .orderBy(desc(placementRequests.createdAt), desc(placementRequests.id))
    .limit(limit);
}

export type RequestListRow = Awaited<ReturnType<typeof findRequests>>[number];

/** People with a role at any of these organisations, with an address: who a side's mail goes to. */
export function findPeopleWithRole(
  db: DbOrTx,
  organisationIds: number[],
  role: 'editor' | 'placement_coordinator' | 'coordinator',
) {
  if (organisationIds.length === 0 && role !== 'coordinator') return Promise.resolve([]);
  return db
    .selectDistinct({ id: people.id, email: people.email, language: people.language })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.role, role),
        role === 'coordinator' ? undefined : inArray(memberships.organisationId, organisationIds),
        isNull(people.disabledAt),
        isNull(people.erasedAt),
        sql`${people.email} is not null`,
      ),
    )
    .orderBy(asc(people.id));
}

/** Offers of a kind (and term) still in the register, with free places, for suggestions. */
export function findOffersFor(db: DbOrTx, filter: { kind: PlacementKind; term: string }) {
  return db
    .select({
      id: placementOffers.id,
      organisationId: placementOffers.organisationId,
      name: unit.name,
      kind: placementOffers.kind,
      term: placementOffers.term,
      programme: placementOffers.programme,
      studyLevel: placementOffers.studyLevel,
      area: placementOffers.area,
      places: placementOffers.places,
      free: sql<number>`${placementOffers.places} - ${placementOffers.confirmedPlaces}`.mapWith(Number),
    })
    .from(placementOffers)
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .where(
      and(
        isNull(placementOffers.deletedAt),
        isNull(unit.deletedAt),
        eq(placementOffers.kind, filter.kind),
        eq(placementOffers.term, filter.term),
      ),
    );
}

/** The organisations on each live agreement, as pairs: for "förvaltningen har ett avtal med lärosätet". */
export function findAgreementParties(db: DbOrTx) {
  return db
    .select({ agreementId: agreementParties.agreementId, organisationId: agreementParties.organisationId })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(isNull(agreements.deletedAt));
}

/** Open requests and open needs of a kind and term, for an offer's suggestions. */
export function findOpenRequestsFor(
  db: DbOrTx,
  filter: { kind: PlacementKind; term: string; offerId: number },
) {
  return db
    .select({
      id: placementRequests.id,
      name: institution.name,
      universityId: placementRequests.universityId,
      places: placementRequests.places,
      kind: placementOffers.kind,
      term: placementOffers.term,
      programme: placementOffers.programme,
      studyLevel: placementOffers.studyLevel,
      area: sql<string>`coalesce((select area from placement_needs n where n.id = ${placementRequests.needId}), '')`,
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .where(
      and(
        isNull(placementRequests.deletedAt),
        inArray(placementRequests.status, ['submitted', 'in_review']),
        eq(placementOffers.kind, filter.kind),
        eq(placementOffers.term, filter.term),
        sql`${placementRequests.offerId} <> ${filter.offerId}`,
      ),
    );
}

export function findOpenNeedsFor(db: DbOrTx, filter: { kind?: PlacementKind; term?: string }) {
  return db
    .select({
      need: placementNeeds,
      universityName: institution.name,
      answered: sql<number>`(select coalesce(sum(r.places), 0) from placement_requests r
                              where r.need_id = ${placementNeeds.id} and r.deleted_at is null
                                and r.status in ('confirmed', 'completed'))`.mapWith(Number),
    })
    .from(placementNeeds)
    .innerJoin(institution, eq(institution.id, placementNeeds.universityId))
    .where(
      and(
        isNull(placementNeeds.deletedAt),
        isNull(placementNeeds.closedAt),
        filter.kind ? eq(placementNeeds.kind, filter.kind) : undefined,
        filter.term ? eq(placementNeeds.term, filter.term) : undefined,
      ),
    )
    .orderBy(asc(placementNeeds.term), asc(institution.name), asc(placementNeeds.id));
}

export type NeedListRow = Awaited<ReturnType<typeof findOpenNeedsFor>>[number];

export type NewNeed = typeof placementNeeds.$inferInsert;

export async function insertNeed(tx: DbOrTx, values: NewNeed): Promise<number> {
  const [row] = await tx.insert(placementNeeds).values(values).returning({ id: placementNeeds.id });
  if (!row) throw new Error('placement_needs insert returned no row');
  return row.id;
}

export async function findNeed(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      need: placementNeeds,
      universityName: institution.name,
      authorName: requester.name,
      authorEmail: requester.email,
      authorLanguage: requester.language,
    })
    .from(placementNeeds)
    .innerJoin(institution, eq(institution.id, placementNeeds.universityId))
    .leftJoin(requester, eq(requester.id, placementNeeds.authorPersonId))
    .where(and(eq(placementNeeds.id, id), isNull(placementNeeds.deletedAt)));
  return row;
}

export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeed>>>;

/**
 * The list of needs locked until the transaction ends, with the places its answers hold now (bekräftad,
 * genomförd) and whether it is closed: two units answering at once (or an answer and a close) queue up
 * here, so the answers never add up past the need nor reach a closed one.
 */
export async function lockNeedAnswered(
  tx: DbOrTx,
  id: number,
): Promise<{ answered: number; closed: boolean } | undefined> {
  const [row] = await tx
    .select({ id: placementNeeds.id, closedAt: placementNeeds.closedAt })
    .from(placementNeeds)
    .where(and(eq(placementNeeds.id, id), isNull(placementNeeds.deletedAt)))
    .for('update');
  if (!row) return undefined;
  const [sum] = await tx
    .select({ answered: sql<number>`coalesce(sum(${placementRequests.places}), 0)`.mapWith(Number) })
    .from(placementRequests)
    .where(
      and(
        eq(placementRequests.needId, id),
        isNull(placementRequests.deletedAt),
        inArray(placementRequests.status, ['confirmed', 'completed']),
      ),
    );
  return { answered: sum?.answered ?? 0, closed: row.closedAt !== null };
}

/** The list of needs locked until the transaction ends (closing and reopening it queue up here). */
export async function lockNeed(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select()
    .from(placementNeeds)
    .where(and(eq(placementNeeds.id, id), isNull(placementNeeds.deletedAt)))
    .for('update');
  return row;
}

/** Closes or reopens the list, if it is still at `expectedVersion`; the new version, or undefined. */
export async function updateNeedClosed(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: { closedAt: Date | null; updatedAt: Date },
): Promise<number | undefined> {
  const [row] = await tx
    .update(placementNeeds)
    .set({ ...values, version: sql`${placementNeeds.version} + 1` })
    .where(and(eq(placementNeeds.id, id), eq(placementNeeds.version, expectedVersion)))
    .returning({ version: placementNeeds.version });
  return row?.version;
}

/** The answers to a list of needs (requests with need_id), oldest first. */
export function findNeedAnswers(db: DbOrTx, needId: number) {
  return db
    .select({
      id: placementRequests.id,
      status: placementRequests.status,
      places: placementRequests.places,
      unitName: unit.name,
      programme: placementOffers.programme,
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .where(and(eq(placementRequests.needId, needId), isNull(placementRequests.deletedAt)))
    .orderBy(asc(placementRequests.id));
}

/** The open requests of a term, with their institution's name and version: the term proposal's input. */
export function findOpenRequestsOfTerm(db: DbOrTx, term: string) {
  return db
    .select({
      id: placementRequests.id,
      version: placementRequests.version,
      universityId: placementRequests.universityId,
      universityName: institution.name,
      offerId: placementRequests.offerId,
      places: placementRequests.places,
      preference: placementRequests.preference,
      createdAt: placementRequests.createdAt,
      unitName: unit.name,
      programme: placementOffers.programme,
      free: sql<number>`${placementOffers.places} - ${placementOffers.confirmedPlaces}`.mapWith(Number),
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .where(
      and(
        isNull(placementRequests.deletedAt),
        isNull(placementOffers.deletedAt),
        eq(placementOffers.term, term),
        inArray(placementRequests.status, ['submitted', 'in_review']),
      ),
    )
    .orderBy(asc(placementRequests.id));
}

/** GDPR clean-up: students whose removal day has come (a Stockholm date). Returns how many went. */
export async function deleteStudentsDue(db: DbOrTx, today: string): Promise<number> {
  const rows = await db
    .delete(placementStudents)
    .where(lt(placementStudents.removeAfter, sql`${today}::date + 1`))
    .returning({ id: placementStudents.id });
  return rows.length;
}

/** A request as the workspace lists it: its offer's term and programme, the unit and the institution. */
function requestSummaries(db: Db) {
  return db
    .select({
      id: placementRequests.id,
      status: placementRequests.status,
      places: placementRequests.places,
      term: placementOffers.term,
      programme: placementOffers.programme,
      unitName: unit.name,
      universityName: institution.name,
    })
    .from(placementRequests)
    .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
    .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .$dynamic();
}

/** For the workspace: requests waiting for a unit's answer, and a placement coordinator's own. */
export function findWaitingForUnits(db: Db, units: number[] | 'all', limit: number) {
  return requestSummaries(db)
    .where(
      and(
        isNull(placementRequests.deletedAt),
        inArray(placementRequests.status, ['submitted', 'in_review']),
        units === 'all'
          ? undefined
          : units.length > 0
            ? inArray(placementOffers.organisationId, units)
            : sql`false`,
      ),
    )
    .orderBy(asc(placementRequests.createdAt), asc(placementRequests.id))
    .limit(limit);
}

export function findRequestsOfInstitutions(db: Db, institutions: number[], limit: number) {
  return requestSummaries(db)
    .where(
      and(
        isNull(placementRequests.deletedAt),
        institutions.length > 0 ? inArray(placementRequests.universityId, institutions) : sql`false`,
      ),
    )
    .orderBy(desc(placementRequests.createdAt), desc(placementRequests.id))
    .limit(limit);
}

/** A person's address and language, if they can still be mailed. */
export async function findPersonAddress(db: DbOrTx, personId: number | null) {
  if (personId === null) return undefined;
  const [row] = await db
    .select({ id: people.id, email: people.email, language: people.language })
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.disabledAt), isNull(people.erasedAt)));
  return row?.email ? row : undefined;
}

/** The requests on one offer (for its page), newest first; `institutions` limits them to those. */
export function findRequestsOnOffer(db: DbOrTx, offerId: number, institutions: number[] | 'all') {
  return db
    .select({
      id: placementRequests.id,
      status: placementRequests.status,
      places: placementRequests.places,
      universityName: institution.name,
    })
    .from(placementRequests)
    .innerJoin(institution, eq(institution.id, placementRequests.universityId))
    .where(
      and(
        eq(placementRequests.offerId, offerId),
        isNull(placementRequests.deletedAt),
        institutions === 'all'
          ? undefined
          : institutions.length > 0
            ? inArray(placementRequests.universityId, institutions)
            : sql`false`,
      ),
    )
    .orderBy(desc(placementRequests.createdAt), desc(placementRequests.id))
    .limit(100);
}

/** What a person's placement requests and needs lists hold, for Mina uppgifter's export (right of access). */
export async function findPlacementRequestsForExport(db: DbOrTx, personId: number) {
  const [requests, needs] = await Promise.all([
    db
      .select({
        id: placementRequests.id,
        status: placementRequests.status,
        places: placementRequests.places,
        message: placementRequests.message,
        reason: placementRequests.reason,
        createdAt: placementRequests.createdAt,
        institution: institution.name,
        unit: unit.name,
        term: placementOffers.term,
        programme: placementOffers.programme,
      })
      .from(placementRequests)
      .innerJoin(placementOffers, eq(placementOffers.id, placementRequests.offerId))
      .innerJoin(unit, eq(unit.id, placementOffers.organisationId))
      .innerJoin(institution, eq(institution.id, placementRequests.universityId))
      .where(eq(placementRequests.requesterPersonId, personId))
      .orderBy(asc(placementRequests.id)),
    db
      .select({
        id: placementNeeds.id,
        term: placementNeeds.term,
        programme: placementNeeds.programme,
        students: placementNeeds.students,
        description: placementNeeds.description,
        createdAt: placementNeeds.createdAt,
      })
      .from(placementNeeds)
      .where(eq(placementNeeds.authorPersonId, personId))
      .orderBy(asc(placementNeeds.id)),
  ]);
  return { requests, needs };
}
