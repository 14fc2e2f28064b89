import type { RequestDeps } from '../../app-deps.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canEditPlacementOffer,
  canOfferPlacements,
  canRestoreVersion,
  isCoordinator,
  type Viewer,
} from '../auth/permissions.ts';
import { editorOrganisations, subtreeIds } from '../organisations/organisation-edits.service.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import type { CopyInput, OfferInput } from './placement-offers.forms.ts';
import {
  type CapacityFilters,
  countOpenRequests,
  findCapacityChoices,
  findCapacityPage,
  findChain,
  findCopiedSources,
  findLiveOrganisations,
  findOffer,
  findUnitOffers,
  insertOffer,
  lockOffer,
  lockOffersToCopy,
  type OfferValues,
  setStudentsRemoval,
  updateOffer,
} from './placement-offers.queries.ts';
import { currentTerm, monthsBetween, nextTerm, shiftDate, termIndex } from './placement-terms.ts';
import { removeAfterFor } from './requests.service.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Placement capacity (issue 9, item 1): what a unit offers for a term, entered once for every
 * institution. Editors for their units (and what is under them), the coordinator for all; every change
 * with its history in one transaction (decision 011), optimistic locking, soft delete, restore. The public
 * overview (/praktik/oversikt) counts the places offered, so every write goes through `withPublicChange`
 * (decision 006): the cached overview is emptied when it commits.
 */

/** The kinds of organisation that take students: a unit, a förvaltning, its department or a committee. */
const OFFERING_KINDS = new Set(['unit', 'administration', 'department', 'committee']);

/** The offer as its form and a history snapshot hold it. */
export function valuesOf(row: OfferValues): OfferValues {
  const { organisationId, term, kind, programme, studyLevel, places, supervisors } = row;
  const { startsOn, endsOn, address, area, prerequisites, description } = row;
  return {
    organisationId,
    term,
    kind,
    programme,
    studyLevel,
    places,
    supervisors,
    startsOn,
    endsOn,
    address,
    area,
    prerequisites,
    description,
  };
}

function valuesFromInput(input: OfferInput): OfferValues {
  return {
    ...input,
    studyLevel: input.studyLevel ?? '',
    address: input.address ?? '',
    area: input.area ?? '',
    prerequisites: input.prerequisites ?? '',
    description: input.description ?? '',
  };
}

/** The fields as people read them, for the history: the unit by name, the term and kind in words. */
async function describe(db: DbOrTx, t: Messages, values: OfferValues): Promise<Described> {
  const [unit] = await findChain(db, values.organisationId);
  const text = t.placementOffers;
  return {
    organisationId: unit?.name ?? '',
    term: text.termName(values.term),
    kind: text.kinds[values.kind],
    programme: values.programme,
    studyLevel: values.studyLevel,
    places: String(values.places),
    supervisors: String(values.supervisors),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    address: values.address,
    area: values.area,
    prerequisites: values.prerequisites,
    description: values.description,
  };
}

export type UnitChoice = { id: number; name: string; parentId: number | null };

/**
 * The organisations that may offer places (a unit, förvaltning, department or committee in a
 * municipality's tree) and that the viewer may offer for: the coordinator all, an editor theirs and
 * what is under them.
 */
export async function offeringUnits(db: DbOrTx, viewer: Viewer): Promise<UnitChoice[]> {
  const all = await findLiveOrganisations(db);
  const byId = new Map(all.map((organisation) => [organisation.id, organisation]));
  const inMunicipality = (id: number): boolean => {
    let node = byId.get(id);
    for (let depth = 0; node && depth < 50; depth += 1) {
      if (node.kind === 'municipality') return true;
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
    return false;
  };
  const editable = isCoordinator(viewer) ? null : new Set(subtreeIds(all, editorOrganisations(viewer)));
  return all
    .filter((organisation) => editable === null || editable.has(organisation.id))
    .map(({ id, name, parentId, kind }) => ({
      id,
      name,
      parentId,
      offering: OFFERING_KINDS.has(kind) && inMunicipality(id),
    }))
    .filter((organisation) => organisation.offering)
    .map(({ id, name, parentId }) => ({ id, name, parentId }));
}

/** Checks a unit for an offer: one that may offer places (422 by the field), and the viewer's (403). */
async function checkUnit(db: DbOrTx, viewer: Viewer, unitId: number): Promise<void> {
  const chain = await findChain(db, unitId);
  const unit = chain[0];
  if (
    !unit ||
    unit.deleted ||
    !OFFERING_KINDS.has(unit.kind) ||
    !chain.some((organisation) => organisation.kind === 'municipality')
  )
    throw new Refusal('placementOffers.unitNotOfferable', { field: 'organisationId' });
  if (
    !canEditPlacementOffer(
      viewer,
      chain.map((organisation) => organisation.id),
    )
  )
    throw forbidden();
}

/** The term a new offer is for by default: the next one. */
export function defaultTerm(deps: Pick<Deps, 'clock'>): string {
  return nextTerm(currentTerm(deps.clock.now()));
}

/** What the form for a new offer needs: the units to choose from, and the unit it was opened for. */
export async function loadNewOffer(deps: Deps, viewer: Viewer, unitId: number | undefined) {
  if (!canOfferPlacements(viewer)) throw forbidden();
  const choices = await offeringUnits(deps.db, viewer);
  if (unitId === undefined) return { unit: undefined, choices };
  const chain = await findChain(deps.db, unitId);
  const unit = chain[0];
  if (!unit || unit.deleted) throw new AppError('NOT_FOUND', `organisation ${unitId}`);
  if (
    !canEditPlacementOffer(
      viewer,
      chain.map((organisation) => organisation.id),
    )
  )
    throw forbidden();
  if (!choices.some((choice) => choice.id === unitId)) throw new AppError('NOT_FOUND', 'offering unit');
  return { unit, choices };
}

export async function createOffer(deps: Deps, viewer: Viewer, input: OfferInput): Promise<number> {
  if (!canOfferPlacements(viewer)) throw forbidden();
  return withPublicChange(deps, async (tx) => {
    const values = valuesFromInput(input);
    await checkUnit(tx, viewer, values.organisationId);
    return (await addOffer(tx, deps, viewer, values)).id;
  });
}

async function addOffer(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  values: OfferValues,
  copy?: { from: number; note: string },
) {
  const now = deps.clock.now();
  const row = await insertOffer(tx, { ...values, copiedFromId: copy?.from ?? null }, now);
  await recordHistory(tx, {
    type: 'placement_offer',
    id: row.id,
    version: row.version,
    action: 'created',
    actorPersonId: viewer.personId,
    at: now,
    before: null,
    after: await describe(tx, deps.t, values),
    snapshot: values,
    ...(copy ? { note: copy.note } : {}),
  });
  return row;
}

/** An offer, live, for someone who may see offers; with what they may do with it. */
export async function loadOffer(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const offer = await findOffer(deps.db, id);
  if (!offer || offer.deletedAt || offer.unitDeletedAt) throw new AppError('NOT_FOUND', `offer ${id}`);
  const chain = await findChain(deps.db, offer.organisationId);
  const administration = chain.find((organisation) => organisation.kind === 'administration');
  const copiedFrom = offer.copiedFromId === null ? undefined : await findOffer(deps.db, offer.copiedFromId);
  return {
    offer,
    administration: administration ? { id: administration.id, name: administration.name } : undefined,
    copiedFrom: copiedFrom && !copiedFrom.deletedAt ? copiedFrom : undefined,
    mayEdit: canEditPlacementOffer(
      viewer,
      chain.map((organisation) => organisation.id),
    ),
  };
}

export type LoadedOffer = Awaited<ReturnType<typeof loadOffer>>;

/** The offer and its form's unit choices, for someone who may change it. */
export async function loadOfferEditor(deps: Deps, viewer: Viewer, id: number) {
  const offer = await findOffer(deps.db, id);
  if (!offer || offer.deletedAt || offer.unitDeletedAt) throw new AppError('NOT_FOUND', `offer ${id}`);
  const chain = await findChain(deps.db, offer.organisationId);
  if (
    !canEditPlacementOffer(
      viewer,
      chain.map((organisation) => organisation.id),
    )
  )
    throw forbidden();
  const choices = await offeringUnits(deps.db, viewer);
  return { offer, choices };
}

/**
 * Saves the form over the version it was opened on. The places may not go below those already
 * confirmed (checked under the row lock that accepting a request takes too); a new unit is checked like a
 * create's.
 */
export async function saveOffer(
  deps: Deps,
  viewer: Viewer,
  id: number,
  input: OfferInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  return withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const current = await lockLiveOffer(tx, id);
    const chain = await findChain(tx, current.organisationId);
    if (
      !canEditPlacementOffer(
        viewer,
        chain.map((organisation) => organisation.id),
      )
    )
      throw forbidden();
    const next = valuesFromInput(input);
    if (current.version === expectedVersion) {
      if (next.organisationId !== current.organisationId) await checkUnit(tx, viewer, next.organisationId);
      if (next.places < current.confirmedPlaces)
        throw new Refusal('placementOffers.placesBelowConfirmed', {
          field: 'places',
          params: { confirmed: current.confirmedPlaces },
        });
    }
    const outcome = await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: valuesOf(current),
      next,
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => updateOffer(tx, id, expected, next, now),
    });
    // The students named on its requests go when the placement ends: when it moves, so does that day.
    if (next.term !== current.term || next.endsOn !== current.endsOn)
      await setStudentsRemoval(tx, id, removeAfterFor(next));
    return outcome;
  });
}

/** A soft delete, refused while places are confirmed or requests wait for an answer. */
export async function deleteOffer(deps: Deps, viewer: Viewer, id: number, expectedVersion: number) {
  return withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const current = await lockLiveOffer(tx, id);
    const chain = await findChain(tx, current.organisationId);
    if (
      !canEditPlacementOffer(
        viewer,
        chain.map((organisation) => organisation.id),
      )
    )
      throw forbidden();
    if (current.version === expectedVersion) {
      if (current.confirmedPlaces > 0)
        throw new Refusal('placementOffers.deleteRefusedConfirmed', {
          status: 409,
          params: { confirmed: current.confirmedPlaces },
        });
      const open = await countOpenRequests(tx, id);
      if (open > 0) throw new Refusal('placementOffers.deleteRefusedOpen', { status: 409, params: { open } });
    }
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: valuesOf(current),
      next: valuesOf(current),
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => updateOffer(tx, id, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
    return current.term;
  });
}

/** An offer's history (deleted ones too), for someone who may edit it; the coordinator may restore. */
export async function loadOfferHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const offer = await findOffer(deps.db, id);
  if (!offer) throw new AppError('NOT_FOUND', `offer ${id}`);
  const chain = await findChain(deps.db, offer.organisationId);
  if (
    !canEditPlacementOffer(
      viewer,
      chain.map((organisation) => organisation.id),
    )
  )
    throw forbidden();
  return {
    offer,
    entries: await findHistory(deps.db as Db, 'placement_offer', id),
    mayRestore: canRestoreVersion(viewer),
  };
}

/**
 * Brings an earlier version back (the coordinator): saved as a new version; a deleted offer is back.
 * Refused when the version has fewer places than are confirmed now, or its unit has been deleted since.
 */
export async function restoreOfferVersion(deps: Deps, viewer: Viewer, id: number, version: number) {
  if (!canRestoreVersion(viewer)) throw forbidden();
  await withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const current = await lockOffer(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `offer ${id}`);
    const snapshot = (await findSnapshot(tx, 'placement_offer', id, version)) as OfferValues | undefined;
    if (!snapshot) throw new AppError('NOT_FOUND', `offer ${id} version ${version}`);
    const values = valuesOf(snapshot);
    const [unit] = await findChain(tx, values.organisationId);
    if (!unit || unit.deleted) throw new Refusal('placementOffers.restoreUnitGone', { status: 409 });
    if (values.places < current.confirmedPlaces)
      throw new Refusal('placementOffers.restoreBelowConfirmed', {
        status: 409,
        params: { confirmed: current.confirmedPlaces },
      });
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, current.version),
      current: valuesOf(current),
      next: values,
      describe: (described) => describe(tx, deps.t, described),
      write: (expected) => updateOffer(tx, id, expected, { ...values, deletedAt: null }, now),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
    if (values.term !== current.term || values.endsOn !== current.endsOn)
      await setStudentsRemoval(tx, id, removeAfterFor(values));
  });
}

/** What the copy form needs: the viewer's units, and from last term to the next by default. */
export async function loadCopy(deps: Deps, viewer: Viewer) {
  if (!canOfferPlacements(viewer)) throw forbidden();
  const next = defaultTerm(deps);
  return { choices: await offeringUnits(deps.db, viewer), from: currentTerm(deps.clock.now()), to: next };
}

export type CopyOutcome = {
  copied: { id: number; unitName: string; programme: string; kind: OfferValues['kind'] }[];
  skipped: number;
};

/**
 * "Copy last term's offer in one step": every live offer of the chosen unit (or all the viewer's units)
 * in `from` becomes a new offer in `to`, dates moved by the months between the terms, `copied_from_id`
 * set, nothing confirmed, a 'created' history row naming the term it came from. Idempotent: an offer
 * with a live copy in `to` is not copied again (the sources are locked, so two copies at once queue up).
 */
export async function copyOffers(deps: Deps, viewer: Viewer, input: CopyInput): Promise<CopyOutcome> {
  if (!canOfferPlacements(viewer)) throw forbidden();
  if (input.from === input.to) throw new Refusal('placementOffers.copy.sameTerm', { field: 'to' });
  if (termIndex(input.to) < termIndex(input.from))
    throw new Refusal('placementOffers.copy.toBeforeFrom', { field: 'to' });
  return withPublicChange(deps, async (tx) => {
    const units = await offeringUnits(tx, viewer);
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    let unitIds: number[];
    if (input.organisationId === null) unitIds = units.map((unit) => unit.id);
    else if (names.has(input.organisationId)) unitIds = [input.organisationId];
    else {
      await checkUnit(tx, viewer, input.organisationId);
      unitIds = [];
    }
    const sources = await lockOffersToCopy(tx, unitIds, input.from);
    const done = await findCopiedSources(
      tx,
      sources.map((source) => source.id),
      input.to,
    );
    const months = monthsBetween(input.from, input.to);
    const note = deps.t.placementOffers.copy.note(input.from);
    const copied: CopyOutcome['copied'] = [];
    for (const source of sources) {
      if (done.has(source.id)) continue;
      const values: OfferValues = {
        ...valuesOf(source),
        term: input.to,
        startsOn: source.startsOn ? shiftDate(source.startsOn, months) : null,
        endsOn: source.endsOn ? shiftDate(source.endsOn, months) : null,
      };
      const row = await addOffer(tx, deps, viewer, values, { from: source.id, note });
      copied.push({
        id: row.id,
        unitName: names.get(source.organisationId) ?? '',
        programme: source.programme,
        kind: source.kind,
      });
    }
    return { copied, skipped: done.size };
  });
}

/** One page of the capacity list, with the filter selects' choices. */
export async function loadCapacityList(deps: Pick<Deps, 'db'>, filters: CapacityFilters, page: number) {
  const [list, choices] = await Promise.all([
    findCapacityPage(deps.db, filters, page),
    findCapacityChoices(deps.db, filters.term),
  ]);
  return { ...list, ...choices };
}

/**
 * The workspace's "Praktikplatser": an editor's units' offers this term and next (the coordinator sees
 * the capacity list instead), and whether the person may offer places at all.
 */
export async function placementOffersForWorkspace(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer) {
  const current = currentTerm(deps.clock.now());
  const next = nextTerm(current);
  const mayOffer = canOfferPlacements(viewer);
  if (!mayOffer) return { mayOffer, current, next, offers: [] };
  const units = isCoordinator(viewer) ? [] : await offeringUnits(deps.db, viewer);
  const offers = await findUnitOffers(
    deps.db,
    units.map((unit) => unit.id),
    [current, next],
  );
  return { mayOffer, current, next, offers };
}

/** The offer, locked for a change; a deleted one is not there to change. */
async function lockLiveOffer(tx: DbOrTx, id: number) {
  const current = await lockOffer(tx, id);
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `offer ${id}`);
  return current;
}

function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'placement_offer' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}
