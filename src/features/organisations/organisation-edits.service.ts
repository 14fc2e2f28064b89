import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canEditOrganisation, isCoordinator, type Viewer } from '../auth/permissions.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import {
  findOrganisationChain,
  findOrganisationChoices,
  findOrganisationName,
  findOrganisationRecord,
  findOrganisationUses,
  findSlugsLike,
  findSubtreeIds,
  insertOrganisation,
  lockOrganisation,
  type OrganisationValues,
  updateOrganisation,
} from './organisation-edits.queries.ts';
import type { OrganisationInput } from './organisations.forms.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing organisations (issue 8): the rules of who may change what, every change with its history in
 * one transaction (decision 011), optimistic locking on `version`, soft delete, restore.
 */

/** The organisation as its form and a history snapshot hold it. */
export function valuesOf(row: OrganisationValues): OrganisationValues {
  const { name, shortName, kind, parentId, website, description } = row;
  return { name, shortName, kind, parentId, website, description };
}

function valuesFromInput(input: OrganisationInput): OrganisationValues {
  return { ...input, description: input.description ?? '' };
}

/** The fields as people read them, for the history: the parent by name, the kind in words. */
async function describe(db: DbOrTx, t: Messages, values: OrganisationValues): Promise<Described> {
  return {
    name: values.name,
    shortName: values.shortName ?? '',
    kind: t.organisationKinds[values.kind],
    parentId: values.parentId === null ? '' : ((await findOrganisationName(db, values.parentId)) ?? ''),
    website: values.website ?? '',
    description: values.description,
  };
}

/** May the viewer place an organisation under this parent (none: top of the tree)? */
async function mayPlaceUnder(db: DbOrTx, viewer: Viewer, parentId: number | null): Promise<boolean> {
  if (parentId === null) return isCoordinator(viewer);
  return canEditOrganisation(viewer, await findOrganisationChain(db, parentId));
}

/** The organisation and what its edit page needs, for someone who may edit it. */
export async function loadOrganisationEditor(deps: Deps, viewer: Viewer, slug: string) {
  const organisation = await findOrganisationRecord(deps.db, slug);
  if (!organisation || organisation.deletedAt) throw new AppError('NOT_FOUND', `organisation ${slug}`);
  const chain = await findOrganisationChain(deps.db, organisation.id);
  if (!canEditOrganisation(viewer, chain)) throw forbidden();
  return {
    organisation,
    choices: await organisationChoices(deps, viewer, organisation.parentId),
    mayDelete: await mayPlaceUnder(deps.db, viewer, organisation.parentId),
  };
}

/**
 * The organisations the viewer may place one under (the coordinator: all; an editor: theirs and what is
 * under them), plus `keep` (an organisation's current parent, shown even where the viewer may not place).
 */
export async function organisationChoices(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  keep: number | null = null,
) {
  const all = await findOrganisationChoices(deps.db);
  if (isCoordinator(viewer)) return all;
  const editable = new Set(subtreeIds(all, editorOrganisations(viewer)));
  return all.filter((choice) => editable.has(choice.id) || choice.id === keep);
}

/** The organisations a person is an editor of. */
export function editorOrganisations(viewer: Viewer): number[] {
  return viewer.memberships.filter((m) => m.role === 'editor').map((m) => m.organisationId);
}

/** The given organisations and every one under them, from the whole list (no query per level). */
export function subtreeIds(all: { id: number; parentId: number | null }[], roots: number[]): number[] {
  const keep = new Set<number>(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const organisation of all) {
      if (!keep.has(organisation.id) && organisation.parentId !== null && keep.has(organisation.parentId)) {
        keep.add(organisation.id);
        grew = true;
      }
    }
  }
  return [...keep];
}

/** What a new organisation's form needs: the choices, and the parent it was opened under, if any. */
export async function loadNewOrganisation(deps: Deps, viewer: Viewer, parentSlug: string | undefined) {
  const parent = parentSlug ? await findOrganisationRecord(deps.db, parentSlug) : undefined;
  if (parentSlug && (!parent || parent.deletedAt))
    throw new AppError('NOT_FOUND', `organisation ${parentSlug}`);
  if (!(await mayPlaceUnder(deps.db, viewer, parent?.id ?? null))) throw forbidden();
  return { parent, choices: await organisationChoices(deps, viewer) };
}

/** Checks a new parent: one the viewer may place under, and not the organisation itself or one under it. */
async function checkParent(tx: DbOrTx, viewer: Viewer, id: number | null, parentId: number | null) {
  if (parentId !== null && id !== null && (await findSubtreeIds(tx, id)).includes(parentId))
    throw new Refusal('register.organisation.parentInOwnTree', { field: 'parentId' });
  // The form offers only parents the viewer may place under: another one is not a typing mistake.
  if (!(await mayPlaceUnder(tx, viewer, parentId))) throw forbidden();
}

export async function createOrganisation(
  deps: Deps,
  viewer: Viewer,
  input: OrganisationInput,
): Promise<string> {
  return withPublicChange(
    deps,
    async (tx) => (await addOrganisation(tx, deps, viewer, valuesFromInput(input))).slug,
  );
}

/** How a change came about, when not by the form: an import, with a note naming its file. */
export type ChangeOrigin = { action: 'imported'; note: string };

/**
 * Adds an organisation inside the caller's transaction (the form's create, or an import's row): the
 * viewer's right over the parent, a free address from the name unless one is asked for, the history row.
 */
export async function addOrganisation(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  values: OrganisationValues,
  origin?: ChangeOrigin & { slug?: string },
): Promise<{ id: number; slug: string; version: number }> {
  const now = deps.clock.now();
  await checkParent(tx, viewer, null, values.parentId);
  const base = origin?.slug ?? slugFrom(values.name);
  // 'ny' is the address of the form for a new organisation, never one of an organisation.
  const taken = new Set([...(await findSlugsLike(tx, base)), 'ny']);
  const { slug, row } = await insertAtFreeSlug(base, taken, (free) =>
    insertOrganisation(tx, free, values, now),
  );
  await recordHistory(tx, {
    type: 'organisation',
    id: row.id,
    version: row.version,
    action: origin?.action ?? 'created',
    actorPersonId: viewer.personId,
    at: now,
    before: null,
    after: await describe(tx, deps.t, values),
    snapshot: values,
    ...(origin ? { note: origin.note } : {}),
  });
  return { id: row.id, slug, version: row.version };
}

/**
 * Saves the form over the version it was opened on. Unchanged fields write nothing; a move is checked like
 * a create (the viewer's right over the new parent, no cycles).
 */
export async function saveOrganisation(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: OrganisationInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  return withPublicChange(deps, (tx) =>
    changeOrganisation(tx, deps, viewer, slug, valuesFromInput(input), expectedVersion),
  );
}

/** Saves new values over `expectedVersion` inside the caller's transaction (the form's save, an import's row). */
export async function changeOrganisation(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  next: OrganisationValues,
  expectedVersion: number,
  origin?: ChangeOrigin,
): Promise<'saved' | 'unchanged'> {
  const now = deps.clock.now();
  const current = await lockLiveOrganisation(tx, slug);
  if (!canEditOrganisation(viewer, await findOrganisationChain(tx, current.id))) throw forbidden();
  if (current.version === expectedVersion && next.parentId !== current.parentId)
    await checkParent(tx, viewer, current.id, next.parentId);
  return saveVersioned(tx, {
    ...changeOf(current, viewer, now, expectedVersion),
    current: valuesOf(current),
    next,
    describe: (values) => describe(tx, deps.t, values),
    write: (expected) => updateOrganisation(tx, current.id, expected, next, now),
    ...(origin ? { action: origin.action, note: origin.note } : {}),
  });
}

/** A soft delete, refused while agreements, groups, activities or sub-organisations still point to it. */
export async function deleteOrganisation(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
): Promise<void> {
  await withPublicChange(deps, (tx) => removeOrganisation(tx, deps, viewer, slug, expectedVersion));
}

/** The soft delete inside the caller's transaction (the delete page, undoing an import). */
export async function removeOrganisation(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
  note?: string,
): Promise<void> {
  const now = deps.clock.now();
  const { t } = deps;
  const current = await lockLiveOrganisation(tx, slug);
  if (!(await mayPlaceUnder(tx, viewer, current.parentId))) throw forbidden();
  if (current.version === expectedVersion) await refuseIfUsed(tx, t, current.id);
  await saveVersioned(tx, {
    ...changeOf(current, viewer, now, expectedVersion),
    current: valuesOf(current),
    next: valuesOf(current),
    describe: (values) => describe(tx, t, values),
    write: (expected) => updateOrganisation(tx, current.id, expected, { deletedAt: now }, now),
    action: 'deleted',
    ...(note ? { note } : {}),
  });
}

/** Names what still points at the organisation, in one refusal, if anything does. */
async function refuseIfUsed(tx: DbOrTx, t: Messages, id: number): Promise<void> {
  const uses = await findOrganisationUses(tx, id);
  const text = t.register.organisation;
  const parts = [
    uses.agreements.length > 0 ? text.usedByAgreements(uses.agreements.join(', ')) : '',
    uses.groups.length > 0 ? text.usedByGroups(uses.groups.join(', ')) : '',
    uses.activities.length > 0 ? text.usedByActivities(uses.activities.join(', ')) : '',
    uses.children.length > 0 ? text.usedByChildren(uses.children.join(', ')) : '',
  ].filter(Boolean);
  if (parts.length > 0)
    throw new Refusal('register.organisation.deleteRefused', {
      status: 409,
      params: { uses: parts.join('; ') },
    });
}

/** An organisation's history, for someone who may edit it; the coordinator may also restore. */
export async function loadOrganisationHistory(deps: Deps, viewer: Viewer, slug: string) {
  const organisation = await findOrganisationRecord(deps.db, slug);
  if (!organisation) throw new AppError('NOT_FOUND', `organisation ${slug}`);
  if (!canEditOrganisation(viewer, await findOrganisationChain(deps.db, organisation.id))) throw forbidden();
  return {
    organisation,
    entries: await findHistory(deps.db, 'organisation', organisation.id),
    mayRestore: isCoordinator(viewer),
  };
}

/**
 * Brings an earlier version back (the coordinator only): its values are saved as a new version, and a
 * deleted organisation is back in the register. A parent that has been deleted since is refused.
 */
export async function restoreOrganisationVersion(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  version: number,
): Promise<void> {
  await withPublicChange(deps, (tx) => restoreOrganisationIn(tx, deps, viewer, slug, version));
}

/** The restore inside the caller's transaction (the history page, undoing an import). */
export async function restoreOrganisationIn(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  version: number,
  note?: string,
): Promise<void> {
  if (!isCoordinator(viewer)) throw forbidden();
  const now = deps.clock.now();
  const found = await findOrganisationRecord(tx, slug);
  const current = found ? await lockOrganisation(tx, found.id) : undefined;
  if (!current) throw new AppError('NOT_FOUND', `organisation ${slug}`);
  const snapshot = (await findSnapshot(tx, 'organisation', current.id, version)) as
    | OrganisationValues
    | undefined;
  if (!snapshot) throw new AppError('NOT_FOUND', `organisation ${slug} version ${version}`);
  const values = valuesOf(snapshot);
  if (
    values.parentId !== null &&
    !(await findOrganisationChoices(tx)).some((choice) => choice.id === values.parentId)
  )
    throw new Refusal('register.organisation.parentGone', { status: 409 });
  // The tree may have changed since: the old parent can be under this organisation now.
  if (values.parentId !== null && (await findSubtreeIds(tx, current.id)).includes(values.parentId))
    throw new Refusal('register.organisation.restoreIntoOwnTree', { status: 409 });
  await saveVersioned(tx, {
    ...changeOf(current, viewer, now, current.version),
    current: valuesOf(current),
    next: values,
    describe: (described) => describe(tx, deps.t, described),
    write: (expected) => updateOrganisation(tx, current.id, expected, { ...values, deletedAt: null }, now),
    action: 'restored',
    note: note ?? deps.t.register.restoreNote(version),
  });
}

/** The organisation at this address, locked for the change; a deleted one is not there to change. */
async function lockLiveOrganisation(tx: DbOrTx, slug: string) {
  const found = await findOrganisationRecord(tx, slug);
  const current = found && !found.deletedAt ? await lockOrganisation(tx, found.id) : undefined;
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `organisation ${slug}`);
  return current;
}

/** Who changes which record when, from which version: what every saveVersioned call here shares. */
function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'organisation' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}
