import type { RequestDeps } from '../../app-deps.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { languageFor, type Messages, messagesFor } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canAllocateTerm,
  canAnswerNeeds,
  canEditOrganisation,
  canListPlacementRequests,
  canRequestPlaces,
  canSeePlacementCapacity,
  canSeePlacementRequest,
  isCoordinator,
  isPlacementCoordinatorOf,
  type Viewer,
} from '../auth/permissions.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findHistory } from '../register/history.queries.ts';
import { recordHistory, saveVersioned } from '../register/history.service.ts';
import type { PlacementRequestStatus } from './placements.table.ts';
import {
  allowedMoves,
  checkMove,
  placesDelta,
  type RequestMove,
  type Side,
  TRANSITIONS,
} from './request-status.ts';
import type { AnswerInput, MoveInput, NeedInput, RequestInput } from './requests.forms.ts';
import {
  addConfirmedPlaces,
  deleteStudentsDue,
  findAgreementParties,
  findLiveOffer,
  findNeed,
  findNeedAnswers,
  findOffersFor,
  findOpenNeedsFor,
  findOpenRequestsFor,
  findOpenRequestsOfTerm,
  findOrganisationTree,
  findPeopleWithRole,
  findPersonAddress,
  findRequest,
  findRequests,
  findRequestsOfInstitutions,
  findRequestsOnOffer,
  findStudents,
  findWaitingForUnits,
  insertNeed,
  insertRequest,
  insertStudents,
  lockNeed,
  lockNeedAnswered,
  lockOffer,
  lockRequest,
  type OrganisationNode,
  type RequestScope,
  updateNeedClosed,
  updateRequestStatus,
} from './requests.queries.ts';
import { type Demand, rankDemands, rankOffers, type Supply } from './suggestions.ts';
import { proposeTerm } from './term-proposal.ts';

/**
 * Placement requests, needs lists, suggestions and the term proposal (issue 9, items 2–4). Every status
 * move is made once, under a row lock on the request (and on the offer when places change hands), with its
 * history row and the other side's mail in the same transaction. Confirmed places never exceed the offer's
 * places: the offer row is locked and its free places checked before they are taken, and the CHECK on
 * `placement_offers` refuses the rest with the same message.
 */

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

const LIST_LIMIT = 200;
const WORKSPACE_LIMIT = 20;

/** Organisation kinds that stand for an institution (the requesting side). */
const INSTITUTION_KINDS = new Set(['university', 'department']);

/** The register's tree in memory: chains (self first) and subtrees, one query. */
export async function loadTree(db: DbOrTx) {
  const nodes = new Map<number, OrganisationNode>();
  for (const node of await findOrganisationTree(db)) nodes.set(node.id, node);
  const chainOf = (id: number): number[] => {
    const chain: number[] = [];
    for (let current = nodes.get(id); current && chain.length < 50; ) {
      chain.push(current.id);
      current = current.parentId === null ? undefined : nodes.get(current.parentId);
    }
    return chain.length > 0 ? chain : [id];
  };
  const subtree = (roots: number[]): number[] => {
    const keep = new Set(roots);
    for (let grew = true; grew; ) {
      grew = false;
      for (const node of nodes.values())
        if (!keep.has(node.id) && node.parentId !== null && keep.has(node.parentId)) {
          keep.add(node.id);
          grew = true;
        }
    }
    return [...keep];
  };
  return { nodes, chainOf, subtree };
}

type Tree = Awaited<ReturnType<typeof loadTree>>;

const rolesOf = (viewer: Viewer, role: 'editor' | 'placement_coordinator') =>
  viewer.memberships.filter((m) => m.role === role).map((m) => m.organisationId);

/** The institutions a person may request for: the coordinator any, a placement coordinator their own. */
function institutionChoices(tree: Tree, viewer: Viewer) {
  const ids = isCoordinator(viewer)
    ? [...tree.nodes.keys()]
    : tree.subtree(rolesOf(viewer, 'placement_coordinator'));
  return ids
    .map((id) => tree.nodes.get(id))
    .filter((node): node is OrganisationNode => node !== undefined && INSTITUTION_KINDS.has(node.kind))
    .map((node) => ({ id: node.id, name: node.name, parentId: node.parentId }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE') || a.id - b.id);
}

/** An institution to choose, with its parent so a department is shown under its university. */
export type InstitutionChoice = { id: number; name: string; parentId: number | null };

/**
 * The institution a request or a need form starts with: the only one there is, or else the one the person
 * is placement coordinator of (the university itself rather than one of its departments); none for the
 * coordinator, who asks for whichever institution they choose.
 */
export function ownInstitution(institutions: InstitutionChoice[], viewer: Viewer): string {
  if (institutions.length === 1) return String(institutions[0]!.id);
  const own = rolesOf(viewer, 'placement_coordinator').find((id) =>
    institutions.some((institution) => institution.id === id),
  );
  return own === undefined ? '' : String(own);
}

/** The sides a person acts for on a request: the unit's (editor of its chain), the institution's, both. */
function sidesOf(viewer: Viewer, unitChain: number[], institutionChain: number[]): Side[] {
  const sides: Side[] = [];
  if (canEditOrganisation(viewer, unitChain)) sides.push('unit');
  if (isPlacementCoordinatorOf(viewer, institutionChain)) sides.push('institution');
  return sides;
}

/** The last day students may be named: the offer's end, else the term's (VT: 30 June, HT: 31 January). */
export function termEnd(term: string): string {
  const year = Number(term.slice(2));
  return term.startsWith('VT') ? `${year}-06-30` : `${year + 1}-01-31`;
}

/** The day the students of a request are deleted (remove_after): the day after the offer's or the term's end. */
export function removeAfterFor(offer: { endsOn: string | null; term: string }): string {
  const end = offer.endsOn ?? termEnd(offer.term);
  const next = new Date(`${end}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------- suggestions

/** Each unit's institutions with an agreement: parties of an agreement that has the unit's chain on it. */
async function agreementsByUnit(db: DbOrTx, tree: Tree, unitIds: number[]) {
  const parties = new Map<number, Set<number>>();
  for (const row of await findAgreementParties(db)) {
    const set = parties.get(row.agreementId) ?? new Set<number>();
    set.add(row.organisationId);
    parties.set(row.agreementId, set);
  }
  const result = new Map<number, number[]>();
  for (const unitId of new Set(unitIds)) {
    const chain = tree.chainOf(unitId);
    const partners = new Set<number>();
    for (const set of parties.values())
      if (chain.some((id) => set.has(id))) for (const id of set) if (!chain.includes(id)) partners.add(id);
    result.set(unitId, [...partners]);
  }
  return result;
}

async function suppliesFor(db: DbOrTx, tree: Tree, filter: { kind: Demand['kind']; term: string }) {
  const offers = await findOffersFor(db, filter);
  const partners = await agreementsByUnit(
    db,
    tree,
    offers.map((offer) => offer.organisationId),
  );
  return offers.map((offer) => ({ ...offer, agreementWith: partners.get(offer.organisationId) ?? [] }));
}

export type OfferSuggestion = ReturnType<typeof rankOffers<Supply & { organisationId: number }>>[number];

/** The offers that fit a demand, with reasons (the offer it asked for left out). */
async function offerSuggestions(db: DbOrTx, tree: Tree, demand: Demand, exceptOfferId?: number) {
  const supplies = await suppliesFor(db, tree, { kind: demand.kind, term: demand.term });
  return rankOffers(
    demand,
    supplies.filter((supply) => supply.id !== exceptOfferId),
  );
}

/**
 * For an offer's page: the open requests (to other offers) and the open needs that fit it, ranked with
 * reasons. For the offers feature to show; null when the offer is not in the register.
 */
export async function suggestionsForOffer(deps: Pick<Deps, 'db'>, offerId: number) {
  const found = await findLiveOffer(deps.db, offerId);
  if (!found) return null;
  const { offer } = found;
  const tree = await loadTree(deps.db);
  const partners = await agreementsByUnit(deps.db, tree, [offer.organisationId]);
  const supply: Supply = {
    id: offer.id,
    name: found.unitName,
    kind: offer.kind,
    term: offer.term,
    programme: offer.programme,
    studyLevel: offer.studyLevel,
    area: offer.area,
    free: offer.places - offer.confirmedPlaces,
    agreementWith: partners.get(offer.organisationId) ?? [],
  };
  const [requests, needs] = await Promise.all([
    findOpenRequestsFor(deps.db, { kind: offer.kind, term: offer.term, offerId }),
    findOpenNeedsFor(deps.db, { kind: offer.kind, term: offer.term }),
  ]);
  const demands = [
    ...requests.map((request) => ({
      ...request,
      key: `forfragan-${request.id}`,
      href: `/praktik/forfragningar/${request.id}`,
      institutionChain: tree.chainOf(request.universityId),
      onOtherOffer: true,
    })),
    ...needs.map(({ need, universityName, answered }) => ({
      id: need.id,
      key: `behov-${need.id}`,
      href: `/praktik/behov/${need.id}`,
      name: universityName,
      kind: need.kind,
      term: need.term,
      programme: need.programme,
      studyLevel: need.studyLevel,
      area: need.area,
      places: Math.max(1, need.students - answered),
      institutionChain: tree.chainOf(need.universityId),
    })),
  ];
  return rankDemands(supply, demands);
}

export type DemandSuggestions = NonNullable<Awaited<ReturnType<typeof suggestionsForOffer>>>;

/**
 * The offer page's section (the offers feature renders it in its slot): the requests on the offer the
 * person may see (the unit side and the coordinator all; a placement coordinator their institution's),
 * "Begär platser" for those who may request, and for the unit side the open requests and needs that fit.
 */
export async function loadOfferRequests(deps: Pick<Deps, 'db'>, viewer: Viewer, offerId: number) {
  const found = await findLiveOffer(deps.db, offerId);
  if (!found) return undefined;
  const tree = await loadTree(deps.db);
  const unitSide = canEditOrganisation(viewer, tree.chainOf(found.offer.organisationId));
  const institutions = unitSide ? ('all' as const) : tree.subtree(rolesOf(viewer, 'placement_coordinator'));
  const [requests, suggestions] = await Promise.all([
    findRequestsOnOffer(deps.db, offerId, institutions),
    unitSide ? suggestionsForOffer(deps, offerId) : undefined,
  ]);
  return { offerId, mayRequest: canRequestPlaces(viewer), requests, suggestions: suggestions ?? undefined };
}

export type OfferRequests = NonNullable<Awaited<ReturnType<typeof loadOfferRequests>>>;

// ------------------------------------------------------------------------------------------------ requests

/** The request form for one offer: the offer, the institutions the person may ask for, what else fits. */
export async function loadRequestForm(deps: Pick<Deps, 'db'>, viewer: Viewer, offerId: number) {
  const found = await findLiveOffer(deps.db, offerId);
  if (!found) throw new AppError('NOT_FOUND', `placement offer ${offerId}`);
  const tree = await loadTree(deps.db);
  return {
    offer: found.offer,
    unitName: found.unitName,
    free: found.offer.places - found.offer.confirmedPlaces,
    institutions: institutionChoices(tree, viewer),
  };
}

export type RequestFormData = Awaited<ReturnType<typeof loadRequestForm>>;

/** Sends a request for places: inskickad, its history row, and the unit's mail, in one transaction. */
export async function submitRequest(
  deps: Deps,
  viewer: Viewer,
  offerId: number,
  input: RequestInput,
): Promise<number> {
  if (!canRequestPlaces(viewer)) throw forbidden();
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const tree = await loadTree(tx);
    const institution = tree.nodes.get(input.universityId);
    if (!institution || !INSTITUTION_KINDS.has(institution.kind))
      throw new Refusal('placementRequests.institutionMissing', { field: 'universityId' });
    // The form offers only the person's own institutions: another one is not a choice they were given.
    if (!isPlacementCoordinatorOf(viewer, tree.chainOf(institution.id))) throw forbidden();
    const offer = await lockOffer(tx, offerId);
    if (!offer || offer.deletedAt) throw new AppError('NOT_FOUND', `placement offer ${offerId}`);
    if (input.students.length > input.places)
      throw new Refusal('placementRequests.tooManyStudents', { field: 'students' });
    const id = await insertRequest(tx, {
      offerId,
      universityId: institution.id,
      requesterPersonId: viewer.personId,
      places: input.places,
      preference: input.preference,
      message: input.message ?? '',
      createdAt: now,
      updatedAt: now,
    });
    await insertStudents(tx, id, input.students, removeAfterFor(offer), now);
    await recordHistory(tx, {
      type: 'placement_request',
      id,
      version: 1,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: describeRequest(deps.t, {
        status: 'submitted',
        places: input.places,
        reason: null,
        proposed: null,
      }),
      snapshot: { status: 'submitted', places: input.places, preference: input.preference },
    });
    const unitName = tree.nodes.get(offer.organisationId)?.name ?? '';
    await mailSide(
      tx,
      deps,
      'unit',
      tree,
      { unitId: offer.organisationId, universityId: institution.id, requesterPersonId: null },
      (m) => ({
        subject: m.placementRequests.mail.newSubject(unitName, offer.term),
        text: m.placementRequests.mail.newBody({
          institution: institution.name,
          unit: unitName,
          places: input.places,
          programme: offer.programme,
          term: offer.term,
          message: input.message ?? '',
          link: `${deps.config.baseUrl}/praktik/forfragningar/${id}`,
        }),
      }),
    );
    return id;
  });
}

/** A request's fields as people read them, for its history. */
function describeRequest(
  t: Messages,
  values: { status: PlacementRequestStatus; places: number; reason: string | null; proposed: string | null },
): Record<string, string> {
  return {
    status: t.placementRequests.statuses[values.status],
    places: String(values.places),
    reason: values.reason ?? '',
    proposedOffer: values.proposed ?? '',
  };
}

/** A request for someone who may see it, with their sides, the moves they may make and the history. */
export async function loadRequest(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const row = await findRequest(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `placement request ${id}`);
  const tree = await loadTree(deps.db);
  const unitChain = tree.chainOf(row.offer.organisationId);
  const institutionChain = tree.chainOf(row.request.universityId);
  if (!canSeePlacementRequest(viewer, { unit: unitChain, institution: institutionChain })) throw forbidden();
  const sides = sidesOf(viewer, unitChain, institutionChain);
  const moves = allowedMoves(row.request.status, sides);
  const [students, history, proposed, suggestions] = await Promise.all([
    findStudents(deps.db, id),
    findHistory(deps.db as Db, 'placement_request', id),
    row.request.proposedOfferId === null ? undefined : findLiveOffer(deps.db, row.request.proposedOfferId),
    moves.includes('decline')
      ? offerSuggestions(
          deps.db,
          tree,
          {
            kind: row.offer.kind,
            term: row.offer.term,
            programme: row.offer.programme,
            studyLevel: row.offer.studyLevel,
            area: row.offer.area,
            places: row.request.places,
            institutionChain,
          },
          row.offer.id,
        )
      : [],
  ]);
  const proposedOffer = proposed
    ? {
        id: proposed.offer.id,
        programme: proposed.offer.programme,
        term: proposed.offer.term,
        unitName: proposed.unitName,
      }
    : undefined;
  return { ...row, proposedOffer, sides, moves, students, history, suggestions };
}

export type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

/** "Förfrågan är redan …": the move no longer fits the status (409), naming the status now. */
function wrongStatus(t: Messages, id: number, status: PlacementRequestStatus): Refusal {
  return new Refusal('placementRequests.wrongStatus', {
    status: 409,
    title: 'placementRequests.wrongStatusTitle',
    params: { status: t.placementRequests.statuses[status].toLowerCase() },
    link: { href: `/praktik/forfragningar/${id}`, text: 'placementRequests.backToRequest' },
  });
}

/** The offer is full: the same refusal whether the check or the CHECK constraint said so. */
export function noPlacesLeft(free: number): Refusal {
  return new Refusal('placementRequests.noPlacesLeft', {
    status: 409,
    title: 'placementRequests.noPlacesLeftTitle',
    params: { free: Math.max(0, free) },
  });
}

function isConfirmedCheckViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23514' && candidate.constraint === 'placement_offers_confirmed_check')
      return true;
    current = candidate.cause;
  }
  return false;
}

/**
 * One status move, inside the caller's transaction: the request locked, the side and the status checked,
 * the places taken (offer locked, free places checked) or given back, the version-checked update, the
 * history row, and the mail to the other side.
 */
async function moveIn(
  tx: DbOrTx,
  deps: Deps,
  viewer: Viewer,
  tree: Tree,
  id: number,
  input: { move: RequestMove; version: number; reason: string | null; proposedOfferId: number | null },
): Promise<void> {
  const { t } = deps;
  const now = deps.clock.now();
  const locked = await lockRequest(tx, id);
  if (!locked) throw new AppError('NOT_FOUND', `placement request ${id}`);
  const row = await findRequest(tx, id);
  if (!row) throw new AppError('NOT_FOUND', `placement request ${id}`);
  const unitChain = tree.chainOf(row.offer.organisationId);
  const institutionChain = tree.chainOf(row.request.universityId);
  const check = checkMove(locked.status, input.move, sidesOf(viewer, unitChain, institutionChain));
  if (!check.ok) {
    if (check.why === 'notYourSide') throw forbidden();
    throw wrongStatus(t, id, locked.status);
  }
  const transition = TRANSITIONS[input.move];
  if (transition.needsReason && !input.reason)
    throw new Refusal('placementRequests.reasonMissing', { field: 'reason' });
  let proposed: { id: number; label: string } | null = null;
  if (input.proposedOfferId !== null) {
    if (input.move !== 'decline')
      throw new Refusal('placementRequests.proposalOnlyWithDecline', { field: 'proposedOfferId' });
    const other = await findLiveOffer(tx, input.proposedOfferId);
    if (
      !other ||
      other.offer.id === row.offer.id ||
      other.offer.kind !== row.offer.kind ||
      other.offer.term !== row.offer.term ||
      other.offer.places <= other.offer.confirmedPlaces
    )
      throw new Refusal('placementRequests.proposedOfferMissing', { field: 'proposedOfferId' });
    proposed = {
      id: other.offer.id,
      label: `${other.unitName}, ${t.placementRequests.offerSummary(other.offer.programme, other.offer.kind, other.offer.term)}`,
    };
  }
  const delta = placesDelta(locked.status, check.to, locked.places);
  if (delta !== 0) {
    const offer = await lockOffer(tx, locked.offerId);
    if (!offer) throw new AppError('NOT_FOUND', `placement offer ${locked.offerId}`);
    const free = offer.places - offer.confirmedPlaces;
    if (delta > 0 && free < delta) throw noPlacesLeft(free);
    try {
      await addConfirmedPlaces(tx, offer.id, delta);
    } catch (error) {
      if (isConfirmedCheckViolation(error)) throw noPlacesLeft(free);
      throw error;
    }
  }
  const current = {
    status: locked.status,
    reason: locked.reason,
    proposedOfferId: locked.proposedOfferId,
  };
  const next = {
    status: check.to,
    reason: transition.needsReason ? input.reason : locked.reason,
    proposedOfferId: proposed?.id ?? (input.move === 'decline' ? null : locked.proposedOfferId),
  };
  const earlier =
    locked.proposedOfferId === null ? undefined : await findLiveOffer(tx, locked.proposedOfferId);
  const proposedLabel = (offerId: number | null) => {
    if (offerId === null) return null;
    if (offerId === proposed?.id) return proposed.label;
    return earlier
      ? `${earlier.unitName}, ${t.placementRequests.offerSummary(earlier.offer.programme, earlier.offer.kind, earlier.offer.term)}`
      : String(offerId);
  };
  await saveVersioned(tx, {
    type: 'placement_request',
    id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion: input.version,
    currentVersion: locked.version,
    current,
    next,
    describe: async (values) =>
      describeRequest(t, {
        status: values.status,
        places: locked.places,
        reason: values.reason,
        proposed: proposedLabel(values.proposedOfferId),
      }),
    write: (expectedVersion) => updateRequestStatus(tx, id, expectedVersion, { ...next, updatedAt: now }),
  });
  const otherSide: Side = transition.side === 'unit' ? 'institution' : 'unit';
  await mailSide(
    tx,
    deps,
    otherSide,
    tree,
    {
      unitId: row.offer.organisationId,
      universityId: row.request.universityId,
      requesterPersonId: row.request.requesterPersonId,
    },
    (m) => ({
      subject: m.placementRequests.mail.movedSubject({
        id,
        status: m.placementRequests.statuses[check.to].toLowerCase(),
        unit: row.unitName,
        term: row.offer.term,
      }),
      text: m.placementRequests.mail.movedBody({
        id,
        status: m.placementRequests.statuses[check.to].toLowerCase(),
        institution: row.universityName,
        unit: row.unitName,
        places: locked.places,
        programme: row.offer.programme,
        term: row.offer.term,
        reason: next.reason && transition.needsReason ? next.reason : '',
        proposed: proposed?.label ?? '',
        link: `${deps.config.baseUrl}/praktik/forfragningar/${id}`,
      }),
    }),
  );
}

/** A status move from the request's page (bekräfta, avböj, …), in a transaction of its own. */
export async function moveRequest(deps: Deps, viewer: Viewer, id: number, input: MoveInput): Promise<void> {
  await withPublicChange(deps, async (tx) => moveIn(tx, deps, viewer, await loadTree(tx), id, input));
}

/**
 * The mail to one side, in each person's language, in the move's transaction. The unit side: the editors
 * of the unit and the organisations above it (the coordinators when there are none). The institution
 * side: the person who asked, else the placement coordinators of the institution.
 */
async function mailSide(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock'>,
  side: Side,
  tree: Tree,
  about: { unitId: number; universityId: number; requesterPersonId: number | null },
  write: (m: Messages) => { subject: string; text: string },
): Promise<void> {
  let recipients: { id: number; email: string | null; language: string }[];
  if (side === 'unit') {
    recipients = await findPeopleWithRole(tx, tree.chainOf(about.unitId), 'editor');
    if (recipients.length === 0) recipients = await findPeopleWithRole(tx, [], 'coordinator');
  } else {
    const all = await findPeopleWithRole(tx, tree.chainOf(about.universityId), 'placement_coordinator');
    const requester = await findPersonAddress(tx, about.requesterPersonId);
    recipients = requester ? [requester] : all;
  }
  for (const person of recipients) {
    if (!person.email) continue;
    const m = messagesFor(languageFor(person.language as 'sv'));
    await queueMail(tx, { to: person.email, ...write(m) }, deps.clock);
  }
}

/** The request list as the person may see it: the coordinator all; units' editors and institutions' own. */
export async function listRequests(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  filters: { term?: string | undefined; status?: PlacementRequestStatus | undefined },
) {
  if (!canListPlacementRequests(viewer)) throw forbidden();
  let scope: RequestScope = 'all';
  if (!isCoordinator(viewer)) {
    const tree = await loadTree(deps.db);
    scope = {
      units: tree.subtree(rolesOf(viewer, 'editor')),
      institutions: tree.subtree(rolesOf(viewer, 'placement_coordinator')),
    };
  }
  return findRequests(deps.db as Db, scope, filters, LIST_LIMIT);
}

// --------------------------------------------------------------------------------------------------- needs

export async function loadNeedChoices(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  return institutionChoices(await loadTree(deps.db), viewer);
}

/** Posts a list of needs for units to answer. */
export async function submitNeed(deps: Deps, viewer: Viewer, input: NeedInput): Promise<number> {
  if (!canRequestPlaces(viewer)) throw forbidden();
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const tree = await loadTree(tx);
    const institution = tree.nodes.get(input.universityId);
    if (!institution || !INSTITUTION_KINDS.has(institution.kind))
      throw new Refusal('placementRequests.institutionMissing', { field: 'universityId' });
    // The form offers only the person's own institutions: another one is not a choice they were given.
    if (!isPlacementCoordinatorOf(viewer, tree.chainOf(institution.id))) throw forbidden();
    const values = {
      universityId: institution.id,
      term: input.term,
      kind: input.kind,
      programme: input.programme,
      studyLevel: input.studyLevel ?? '',
      students: input.students,
      weeks: input.weeks ?? '',
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      area: input.area ?? '',
      description: input.description ?? '',
    };
    const id = await insertNeed(tx, {
      ...values,
      authorPersonId: viewer.personId,
      createdAt: now,
      updatedAt: now,
    });
    await recordHistory(tx, {
      type: 'placement_need',
      id,
      version: 1,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: {
        institution: institution.name,
        term: values.term,
        kind: deps.t.placementRequests.kinds[values.kind],
        programme: values.programme,
        students: String(values.students),
        weeks: values.weeks,
      },
      snapshot: values,
    });
    return id;
  });
}

export async function listNeeds(deps: Pick<Deps, 'db'>, viewer: Viewer, term: string | undefined) {
  if (!canListPlacementRequests(viewer)) throw forbidden();
  return findOpenNeedsFor(deps.db, term ? { term } : {});
}

/** A list of needs: the answers so far, the offers that fit (with reasons), the person's offers to answer with. */
export async function loadNeed(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  if (!canListPlacementRequests(viewer)) throw forbidden();
  const row = await findNeed(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `placement need ${id}`);
  const tree = await loadTree(deps.db);
  const { need } = row;
  const [answers, suggestions] = await Promise.all([
    findNeedAnswers(deps.db, id),
    offerSuggestions(deps.db, tree, {
      kind: need.kind,
      term: need.term,
      programme: need.programme,
      studyLevel: need.studyLevel,
      area: need.area,
      places: need.students,
      institutionChain: tree.chainOf(need.universityId),
    }),
  ]);
  const answered = answers
    .filter((answer) => answer.status === 'confirmed' || answer.status === 'completed')
    .reduce((sum, answer) => sum + answer.places, 0);
  const closed = need.closedAt !== null;
  const mayAnswer = canAnswerNeeds(viewer) && !closed;
  const ownOffers = mayAnswer
    ? (await suppliesFor(deps.db, tree, { kind: need.kind, term: need.term })).filter((offer) =>
        canEditOrganisation(viewer, tree.chainOf(offer.organisationId)),
      )
    : [];
  // Closing and reopening are the institution's: its placement coordinators, and the coordinator.
  const mayClose = isPlacementCoordinatorOf(viewer, tree.chainOf(need.universityId));
  return { ...row, answers, answered, suggestions, ownOffers, closed, mayAnswer, mayClose };
}

/** "Behovet är stängt …" (409): a closed list is not answered. */
export function needClosed(): Refusal {
  return new Refusal('placementRequests.needClosed', {
    status: 409,
    title: 'placementRequests.needClosedTitle',
  });
}

/**
 * Closes (or reopens) a list of needs: the institution's side (a placement coordinator of the need's
 * institution, or the coordinator). Version-checked with its history row; a closed list leaves the open
 * lists and the suggestions, and answering it is refused. Through withPublicChange: the public overview
 * may count needs.
 */
export async function setNeedClosed(
  deps: Deps,
  viewer: Viewer,
  id: number,
  closed: boolean,
  expectedVersion: number,
): Promise<void> {
  if (!canRequestPlaces(viewer)) throw forbidden();
  const now = deps.clock.now();
  const { t } = deps;
  await withPublicChange(deps, async (tx) => {
    const current = await lockNeed(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `placement need ${id}`);
    const tree = await loadTree(tx);
    if (!isPlacementCoordinatorOf(viewer, tree.chainOf(current.universityId))) throw forbidden();
    const closedAt = current.closedAt?.toISOString() ?? null;
    await saveVersioned(tx, {
      type: 'placement_need',
      id,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion,
      currentVersion: current.version,
      current: { closedAt },
      next: { closedAt: closed ? (closedAt ?? now.toISOString()) : null },
      describe: async (values) => ({
        status: values.closedAt === null ? t.placementRequests.needs.open : t.placementRequests.needs.closed,
      }),
      write: (expected) =>
        updateNeedClosed(tx, id, expected, {
          closedAt: closed ? (current.closedAt ?? now) : null,
          updatedAt: now,
        }),
    });
  });
}

export type LoadedNeed = Awaited<ReturnType<typeof loadNeed>>;

/**
 * A unit answers a list of needs with places on one of its offers. The answer is a request with `need_id`
 * set that starts as bekräftad: the unit is the one that would confirm, and it is offering, so its places
 * are taken at once — through the same lock and free-place check as any confirmation. The institution
 * cancels (inställd) what it does not need, which gives the places back. Mailed to the institution.
 */
export async function answerNeed(
  deps: Deps,
  viewer: Viewer,
  needId: number,
  input: AnswerInput,
): Promise<number> {
  if (!canAnswerNeeds(viewer)) throw forbidden();
  const now = deps.clock.now();
  const { t } = deps;
  return withPublicChange(deps, async (tx) => {
    const row = await findNeed(tx, needId);
    if (!row) throw new AppError('NOT_FOUND', `placement need ${needId}`);
    const { need } = row;
    if (need.closedAt) throw needClosed();
    const tree = await loadTree(tx);
    const found = await findLiveOffer(tx, input.offerId);
    if (!found) throw new Refusal('placementRequests.offerMissing', { field: 'offerId' });
    // The form offers only the person's own units' offers: another unit's is not theirs to give.
    if (!canEditOrganisation(viewer, tree.chainOf(found.offer.organisationId))) throw forbidden();
    if (found.offer.kind !== need.kind || found.offer.term !== need.term)
      throw new Refusal('placementRequests.offerDoesNotFit', { field: 'offerId' });
    // The need is locked before the offer (nothing locks them the other way round): answers from two
    // units at once are counted one after the other, so together they never exceed the students.
    const locked = await lockNeedAnswered(tx, needId);
    if (locked === undefined) throw new AppError('NOT_FOUND', `placement need ${needId}`);
    // Closed while the answer was on its way (the close holds the same lock).
    if (locked.closed) throw needClosed();
    if (locked.answered + input.places > need.students)
      throw new Refusal('placementRequests.moreThanNeeded', { field: 'places' });
    const offer = await lockOffer(tx, found.offer.id);
    if (!offer) throw new AppError('NOT_FOUND', `placement offer ${found.offer.id}`);
    const free = offer.places - offer.confirmedPlaces;
    if (free < input.places)
      throw new Refusal('placementRequests.notEnoughFree', { field: 'places', params: { free } });
    try {
      await addConfirmedPlaces(tx, offer.id, input.places);
    } catch (error) {
      if (isConfirmedCheckViolation(error)) throw noPlacesLeft(free);
      throw error;
    }
    const id = await insertRequest(tx, {
      offerId: offer.id,
      universityId: need.universityId,
      requesterPersonId: need.authorPersonId,
      needId,
      places: input.places,
      status: 'confirmed',
      message: input.message ?? '',
      createdAt: now,
      updatedAt: now,
    });
    await recordHistory(tx, {
      type: 'placement_request',
      id,
      version: 1,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: describeRequest(t, { status: 'confirmed', places: input.places, reason: null, proposed: null }),
      snapshot: { status: 'confirmed', places: input.places, needId },
    });
    await mailSide(
      tx,
      deps,
      'institution',
      tree,
      {
        unitId: offer.organisationId,
        universityId: need.universityId,
        requesterPersonId: need.authorPersonId,
      },
      (m) => ({
        subject: m.placementRequests.mail.answerSubject(found.unitName, need.term),
        text: m.placementRequests.mail.answerBody({
          unit: found.unitName,
          places: input.places,
          programme: need.programme,
          term: need.term,
          message: input.message ?? '',
          link: `${deps.config.baseUrl}/praktik/forfragningar/${id}`,
        }),
      }),
    );
    return id;
  });
}

// ------------------------------------------------------------------------------------------- term proposal

/** The automatic proposal for a term, as shown to the coordinator (term-proposal.ts has the rule). */
export async function loadTermProposal(deps: Pick<Deps, 'db'>, viewer: Viewer, term: string) {
  if (!canAllocateTerm(viewer)) throw forbidden();
  return computeTermProposal(deps.db, term);
}

async function computeTermProposal(db: DbOrTx, term: string) {
  const rows = await findOpenRequestsOfTerm(db, term);
  const free = new Map(rows.map((row) => [row.offerId, row.free]));
  const details = new Map(rows.map((row) => [row.id, row]));
  const proposal = proposeTerm(rows, free);
  return {
    term,
    hash: proposal.hash,
    lines: proposal.lines.map((line) => ({ ...line, detail: details.get(line.request.id)! })),
    granted: proposal.lines.filter((line) => line.granted).length,
  };
}

export type LoadedTermProposal = Awaited<ReturnType<typeof computeTermProposal>>;

/**
 * Confirms the proposal the coordinator saw: computed again in the transaction, refused (409) unless it
 * is the same (its fingerprint), then each proposed request confirmed through the one confirmation —
 * all or none. Returns how many were confirmed.
 */
export async function confirmTermProposal(
  deps: Deps,
  viewer: Viewer,
  term: string,
  hash: string,
): Promise<number> {
  if (!canAllocateTerm(viewer)) throw forbidden();
  return withPublicChange(deps, async (tx) => {
    const proposal = await computeTermProposal(tx, term);
    if (proposal.hash !== hash)
      throw new Refusal('placementRequests.allocation.changed', {
        status: 409,
        title: 'placementRequests.allocation.changedTitle',
        link: { href: `/praktik/fordelning?termin=${term}`, text: 'placementRequests.allocation.seeAgain' },
      });
    const tree = await loadTree(tx);
    const granted = proposal.lines
      .filter((line) => line.granted)
      .map((line) => line.request)
      .sort((a, b) => a.id - b.id);
    for (const request of granted)
      await moveIn(tx, deps, viewer, tree, request.id, {
        move: 'confirm',
        version: request.version,
        reason: null,
        proposedOfferId: null,
      });
    return granted.length;
  });
}

// ------------------------------------------------------------------------------------------ workspace, GDPR

/**
 * /arbetsyta: "Förfrågningar att besvara" (editors, the coordinator) and "Lärosätets förfrågningar" (a
 * placement coordinator: every request of their institution, colleagues' too, since they share the work),
 * and whether the person may see the capacity list (the placement pages' links).
 */
export async function placementRequestsForWorkspace(deps: { db: Db }, viewer: Viewer) {
  const editors = rolesOf(viewer, 'editor');
  const institutions = rolesOf(viewer, 'placement_coordinator');
  const coordinator = isCoordinator(viewer);
  const maySeeCapacity = canSeePlacementCapacity(viewer);
  if (!coordinator && editors.length === 0 && institutions.length === 0)
    return { toAnswer: undefined, mine: undefined, maySeeCapacity };
  const tree = await loadTree(deps.db);
  const [toAnswer, mine] = await Promise.all([
    coordinator || editors.length > 0
      ? findWaitingForUnits(deps.db, coordinator ? 'all' : tree.subtree(editors), WORKSPACE_LIMIT)
      : undefined,
    institutions.length > 0
      ? findRequestsOfInstitutions(deps.db, tree.subtree(institutions), WORKSPACE_LIMIT)
      : undefined,
  ]);
  return { toAnswer, mine, maySeeCapacity };
}

export type PlacementRequestsForWorkspace = Awaited<ReturnType<typeof placementRequestsForWorkspace>>;

/** Housekeeping: students named on requests are deleted once their removal day (Stockholm) has come. */
export async function deletePastPlacementStudents(db: Db, now: Date): Promise<number> {
  return deleteStudentsDue(db, stockholmDate(now));
}
