import { z } from 'zod';
import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canAddActivity,
  canEditActivity,
  isCoordinator,
  type OrganisationChain,
  type Viewer,
} from '../auth/permissions.ts';
import { editorOrganisations, organisationChoices } from '../organisations/organisation-edits.service.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import type { HistoryAction } from '../register/register.table.ts';
import { visibilities } from '../register/register.table.ts';
import type { ActivityInput } from './activities.forms.ts';
import { activityKinds } from './activities.table.ts';
import {
  type ActivityColumns,
  findActivityChoices,
  findActivityLinks,
  findActivityRecord,
  findActivitySlugsLike,
  findAgreementVisibility,
  findDeletedActivities,
  findLinkedNames,
  findOrganisationChains,
  findWorkspaceActivities,
  insertActivity,
  lockActivity,
  replaceActivityLinks,
  updateActivity,
} from './activity-edits.queries.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing activities (issue 8): who may change which (permissions.ts: the coordinator all, an editor those
 * linked to their organisation or one under it), every change with its history in one transaction
 * (decision 011), optimistic locking on `version`, links replaced in the same transaction, soft delete,
 * restore by the coordinator. `organisation-edits.service.ts` is the pattern this follows.
 */

/**
 * An activity as its form and a history snapshot hold it: its own fields and its links, each list of ids
 * ascending, so two equal activities are equal as JSON ("nothing changed" writes nothing).
 */
export type ActivityValues = ActivityColumns & {
  organisationIds: number[];
  focusAreaIds: number[];
  goalIds: number[];
};

const ascending = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Always the same keys in the same order: saveVersioned compares values as JSON. */
function valuesOf(
  values: Omit<ActivityValues, 'outcomesUsedOn'> & { outcomesUsedOn?: string | null | undefined },
): ActivityValues {
  return {
    kind: values.kind,
    title: values.title,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    agreementId: values.agreementId,
    description: values.description,
    outcomes: values.outcomes,
    // Snapshots from before the field existed have none.
    outcomesUsedOn: values.outcomesUsedOn ?? null,
    visibility: values.visibility,
    // A public activity keeps no reason: it would otherwise travel along unseen.
    internalReason: values.visibility === 'internal' ? values.internalReason : null,
    organisationIds: ascending(values.organisationIds),
    focusAreaIds: ascending(values.focusAreaIds),
    goalIds: ascending(values.goalIds),
  };
}

export function valuesFromInput(input: ActivityInput): ActivityValues {
  return valuesOf({ ...input });
}

/** What a history snapshot must hold to be restored (an older or imported one that does not is refused). */
const snapshotSchema = z.object({
  kind: z.enum(activityKinds),
  title: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  agreementId: z.number().int().nullable(),
  description: z.string(),
  outcomes: z.string(),
  outcomesUsedOn: z.string().nullable().optional(),
  visibility: z.enum(visibilities),
  internalReason: z.string().nullable(),
  organisationIds: z.array(z.number().int()),
  focusAreaIds: z.array(z.number().int()),
  goalIds: z.array(z.number().int()),
});

/** The fields as people read them, for the history: links by name, kinds and visibility in words. */
export async function describeActivity(db: DbOrTx, t: Messages, values: ActivityValues): Promise<Described> {
  const names = await findLinkedNames(db, values);
  const text = t.activityEdits;
  const listed = (ids: number[], from: Map<number, { name: string; deleted: boolean }>) =>
    ids
      .map((id) => from.get(id))
      .filter((found) => found !== undefined)
      .map((found) => found.name + (found.deleted ? text.deletedSuffix : ''))
      .sort((a, b) => a.localeCompare(b, 'sv'))
      .join(', ');
  const agreement = values.agreementId === null ? undefined : names.agreements.get(values.agreementId);
  return {
    kind: t.activityKinds[values.kind],
    title: values.title,
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    organisations: listed(values.organisationIds, names.organisations),
    agreement: agreement ? agreement.name + (agreement.deleted ? text.deletedSuffix : '') : '',
    focusAreas: listed(values.focusAreaIds, names.focusAreas),
    // Goals in their own order (1–4), not by name.
    goals: values.goalIds
      .map((id) => names.goals.get(id)?.name)
      .filter(Boolean)
      .join(', '),
    description: values.description,
    outcomes: values.outcomes,
    outcomesUsedOn: values.outcomesUsedOn ?? '',
    visibility: text.visibilityWords[values.visibility],
    internalReason: values.internalReason ?? '',
  };
}

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

/** The chains of the organisations an activity is (or would be) linked to. */
function chainsOf(db: DbOrTx, values: { organisationIds: number[] }): Promise<OrganisationChain[]> {
  return findOrganisationChains(db, values.organisationIds);
}

/**
 * Whether the viewer may edit this activity, asked only for a signed-in request (the public page shows
 * "Ändra" by it): the coordinator and a person without the editor role are answered without a query.
 */
export async function mayEditActivity(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer | null,
  activityId: number,
): Promise<boolean> {
  if (viewer === null) return false;
  if (isCoordinator(viewer)) return true;
  if (editorOrganisations(viewer).length === 0) return false;
  return canEditActivity(viewer, await chainsOf(deps.db, await findActivityLinks(deps.db, activityId)));
}

/**
 * What the form offers. Every organisation may be a partner (universities above all), but the first one is
 * the viewer's own (an editor: their organisation or one under it), so an editor can never save an activity
 * they could not open again. Records linked now stay choosable even if deleted since (`keep`).
 */
export async function activityChoices(deps: Pick<Deps, 'db'>, viewer: Viewer, keep?: ActivityValues) {
  const coordinator = isCoordinator(viewer);
  const [choices, own] = await Promise.all([
    findActivityChoices(deps.db),
    coordinator ? [] : organisationChoices(deps, viewer),
  ]);
  const kept = keep ? await findLinkedNames(deps.db, keep) : undefined;
  const missing = <T extends { id: number }>(list: T[], linked: Map<number, { id: number; name: string }>) =>
    [...linked.values()].filter((link) => !list.some((item) => item.id === link.id));
  const keptOrganisations = kept
    ? missing(choices.organisations, kept.organisations).map((o) => ({ ...o, parentId: null }))
    : [];
  return {
    organisations: [...choices.organisations, ...keptOrganisations],
    ownOrganisations: coordinator ? [...choices.organisations, ...keptOrganisations] : own,
    // Internal agreements only for the coordinator (an editor must not even learn their titles); one the
    // activity is linked to already stays, below.
    agreements: [
      ...choices.agreements
        .filter((agreement) => coordinator || agreement.visibility === 'public')
        .map(({ id, title }) => ({ id, title })),
      ...(kept ? missing(choices.agreements, kept.agreements).map((a) => ({ id: a.id, title: a.name })) : []),
    ],
    focusAreas: [...choices.focusAreas, ...(kept ? missing(choices.focusAreas, kept.focusAreas) : [])],
    goals: choices.goals,
    checkboxIds: { focusAreaIds: choices.allFocusAreaIds, goalIds: choices.goals.map((goal) => goal.id) },
  };
}

export type ActivityChoices = Awaited<ReturnType<typeof activityChoices>>;

/** The activity and what its edit page needs, for someone who may edit it. */
export async function loadActivityEditor(deps: Deps, viewer: Viewer, slug: string) {
  const activity = await findActivityRecord(deps.db, slug);
  if (!activity || activity.deletedAt) throw new AppError('NOT_FOUND', `activity ${slug}`);
  const values = valuesOf({ ...activity, ...(await findActivityLinks(deps.db, activity.id)) });
  if (!canEditActivity(viewer, await chainsOf(deps.db, values))) throw notAllowed();
  return { activity, values, choices: await activityChoices(deps, viewer, values) };
}

/** What a new activity's form needs, for someone who may add one. */
export async function loadNewActivity(deps: Deps, viewer: Viewer) {
  if (!canAddActivity(viewer)) throw notAllowed();
  return activityChoices(deps, viewer);
}

/**
 * The links must name records that exist and are still in the register, or are linked already (a link to
 * a record deleted since is kept, not dropped behind the person's back). The form offers nothing else,
 * so another id is a choice that is no longer there: a message by its field.
 */
async function checkLinks(tx: DbOrTx, viewer: Viewer, next: ActivityValues, current: ActivityValues | null) {
  const names = await findLinkedNames(tx, next);
  // An internal agreement is offered to the coordinator only (activityChoices); one linked already stays.
  if (
    next.agreementId !== null &&
    next.agreementId !== current?.agreementId &&
    !isCoordinator(viewer) &&
    (await findAgreementVisibility(tx, next.agreementId)) === 'internal'
  )
    throw new Refusal('register.choiceMissing', { field: 'agreementId' });
  const usable = (
    ids: number[],
    found: Map<number, { deleted: boolean }>,
    before: number[] | undefined,
  ): number | undefined =>
    ids.find((id) => {
      const record = found.get(id);
      return !record || (record.deleted && !before?.includes(id));
    });
  const organisation = usable(next.organisationIds, names.organisations, current?.organisationIds);
  if (organisation !== undefined) throw new Refusal('register.choiceMissing', { field: 'organisation1' });
  if (
    next.agreementId !== null &&
    usable(
      [next.agreementId],
      names.agreements,
      current?.agreementId === null ? [] : [current?.agreementId ?? -1],
    ) !== undefined
  )
    throw new Refusal('register.choiceMissing', { field: 'agreementId' });
  if (usable(next.focusAreaIds, names.focusAreas, current?.focusAreaIds) !== undefined)
    throw new Refusal('register.choiceMissing', { field: 'focusAreas' });
  if (usable(next.goalIds, names.goals, undefined) !== undefined)
    throw new Refusal('register.choiceMissing', { field: 'goals' });
}

/** How a change came about when not by the form: an import, with a note naming its file. */
export type ActivityChangeOrigin = { action: HistoryAction; note: string; slug?: string };

/**
 * Adds an activity inside the caller's transaction (the form's create, or an import's row): the viewer's
 * right (linked to their own organisation), a free address from the title, the links, the history row.
 */
export async function addActivity(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  values: ActivityValues,
  origin?: ActivityChangeOrigin,
): Promise<{ id: number; slug: string; version: number }> {
  if (!canAddActivity(viewer)) throw notAllowed();
  // The form's first organisation is one of the viewer's own: another one is not a typing mistake.
  if (!canEditActivity(viewer, await chainsOf(tx, values))) throw notAllowed();
  await checkLinks(tx, viewer, values, null);
  const now = deps.clock.now();
  const { organisationIds, focusAreaIds, goalIds, ...columns } = values;
  // An import may name the address it wants (a row of a file that was exported from another register).
  const base = origin?.slug ?? slugFrom(values.title);
  // 'ny' is the address of the form for a new activity, never one of an activity.
  const taken = new Set([...(await findActivitySlugsLike(tx, base)), 'ny']);
  const { slug, row } = await insertAtFreeSlug(base, taken, (free) => insertActivity(tx, free, columns, now));
  await replaceActivityLinks(tx, row.id, { organisationIds, focusAreaIds, goalIds });
  await recordHistory(tx, {
    type: 'activity',
    id: row.id,
    version: row.version,
    action: origin?.action ?? 'created',
    actorPersonId: viewer.personId,
    at: now,
    before: null,
    after: await describeActivity(tx, deps.t, values),
    snapshot: values,
    ...(origin ? { note: origin.note } : {}),
  });
  return { id: row.id, slug, version: row.version };
}

export async function createActivity(deps: Deps, viewer: Viewer, input: ActivityInput): Promise<string> {
  return withPublicChange(
    deps,
    async (tx) => (await addActivity(tx, deps, viewer, valuesFromInput(input))).slug,
  );
}

/**
 * Saves new values over `expectedVersion` inside the caller's transaction: the viewer's right over the
 * activity as it is and as it would be, the links checked, then saveVersioned (unchanged writes nothing).
 */
export async function changeActivity(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  next: ActivityValues,
  expectedVersion: number,
  origin?: ActivityChangeOrigin,
): Promise<'saved' | 'unchanged'> {
  const now = deps.clock.now();
  const { row, current } = await lockLiveActivity(tx, slug);
  if (!canEditActivity(viewer, await chainsOf(tx, current))) throw notAllowed();
  if (row.version === expectedVersion) {
    if (!canEditActivity(viewer, await chainsOf(tx, next))) throw notAllowed();
    await checkLinks(tx, viewer, next, current);
  }
  return saveVersioned(tx, {
    ...changeOf(row, viewer, now, expectedVersion),
    current,
    next,
    describe: (values) => describeActivity(tx, deps.t, values),
    write: (expected) => writeActivity(tx, row.id, expected, next, now),
    ...(origin ? { action: origin.action, note: origin.note } : {}),
  });
}

export async function saveActivity(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: ActivityInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  return withPublicChange(deps, (tx) =>
    changeActivity(tx, deps, viewer, slug, valuesFromInput(input), expectedVersion),
  );
}

/** The update, then the links, when the version still matched; the new version or undefined. */
async function writeActivity(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: ActivityValues,
  now: Date,
  extra: { deletedAt?: Date | null } = {},
): Promise<number | undefined> {
  const { organisationIds, focusAreaIds, goalIds, ...columns } = values;
  const version = await updateActivity(tx, id, expectedVersion, { ...columns, ...extra }, now);
  if (version !== undefined) await replaceActivityLinks(tx, id, { organisationIds, focusAreaIds, goalIds });
  return version;
}

/** A soft delete by someone who may edit the activity: gone from every page, kept in the history. */
export async function deleteActivity(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
): Promise<void> {
  await withPublicChange(deps, (tx) => removeActivity(tx, deps, viewer, slug, expectedVersion));
}

/** The soft delete inside the caller's transaction (the form's delete, or undoing an import's new row). */
export async function removeActivity(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
  note?: string,
): Promise<void> {
  const now = deps.clock.now();
  const { row, current } = await lockLiveActivity(tx, slug);
  if (!canEditActivity(viewer, await chainsOf(tx, current))) throw notAllowed();
  await saveVersioned(tx, {
    ...changeOf(row, viewer, now, expectedVersion),
    current,
    next: current,
    describe: (values) => describeActivity(tx, deps.t, values),
    write: (expected) => updateActivity(tx, row.id, expected, { deletedAt: now }, now),
    action: 'deleted',
    ...(note ? { note } : {}),
  });
}

/** An activity's history, for someone who may edit it (deleted too); the coordinator may also restore. */
export async function loadActivityHistory(deps: Deps, viewer: Viewer, slug: string) {
  const activity = await findActivityRecord(deps.db, slug);
  if (!activity) throw new AppError('NOT_FOUND', `activity ${slug}`);
  if (!canEditActivity(viewer, await chainsOf(deps.db, await findActivityLinks(deps.db, activity.id))))
    throw notAllowed();
  return {
    activity,
    entries: await findHistory(deps.db, 'activity', activity.id),
    mayRestore: isCoordinator(viewer),
  };
}

/**
 * Brings an earlier version back (the coordinator only): its values and links are saved as a new version,
 * and a deleted activity is back. A version linking to a record deleted since is refused, naming it.
 */
export async function restoreActivityVersion(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  version: number,
): Promise<void> {
  await withPublicChange(deps, (tx) => restoreActivityIn(tx, deps, viewer, slug, version));
}

/**
 * Brings back an earlier version inside the caller's transaction (the history page's restore, or undoing
 * an import's change): refused where it links to something deleted since.
 */
export async function restoreActivityIn(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
  version: number,
  note?: string,
): Promise<void> {
  if (!isCoordinator(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const found = await findActivityRecord(tx, slug);
  const row = found ? await lockActivity(tx, found.id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `activity ${slug}`);
  const current = valuesOf({ ...row, ...(await findActivityLinks(tx, row.id)) });
  const stored = await findSnapshot(tx, 'activity', row.id, version);
  if (!stored) throw new AppError('NOT_FOUND', `activity ${slug} version ${version}`);
  const parsed = snapshotSchema.safeParse(stored);
  if (!parsed.success) throw new Refusal('activityEdits.snapshotUnreadable', { status: 409 });
  const values = valuesOf(parsed.data);
  const names = await findLinkedNames(tx, values);
  const gone = [
    ...values.organisationIds.map((id) => names.organisations.get(id)),
    ...(values.agreementId === null ? [] : [names.agreements.get(values.agreementId)]),
    ...values.focusAreaIds.map((id) => names.focusAreas.get(id)),
  ].filter((record) => record === undefined || record.deleted);
  if (gone.length > 0 || values.goalIds.some((id) => !names.goals.has(id)))
    throw new Refusal('activityEdits.linkGone', {
      status: 409,
      params: { names: gone.map((record) => record?.name ?? '?').join(', ') },
    });
  await saveVersioned(tx, {
    ...changeOf(row, viewer, now, row.version),
    current,
    next: values,
    describe: (described) => describeActivity(tx, deps.t, described),
    write: (expected) => writeActivity(tx, row.id, expected, values, now, { deletedAt: null }),
    action: 'restored',
    note: note ?? deps.t.register.restoreNote(version),
  });
}

/** The activity at this address with its links, locked for the change; a deleted one is not there. */
async function lockLiveActivity(tx: DbOrTx, slug: string) {
  const found = await findActivityRecord(tx, slug);
  const row = found && !found.deletedAt ? await lockActivity(tx, found.id) : undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `activity ${slug}`);
  return { row, current: valuesOf({ ...row, ...(await findActivityLinks(tx, row.id)) }) };
}

/** Who changes which record when, from which version: what every saveVersioned call here shares. */
function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'activity' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}

/**
 * The workspace's activities: those the person may edit (the coordinator all; an editor those linked to
 * `editable`, their organisations and every one under them), internal ones marked, and for the
 * coordinator the deleted ones to restore. Nothing for someone who may not add or edit activities.
 */
export async function activitiesForWorkspace(deps: Pick<Deps, 'db'>, viewer: Viewer, editable: number[]) {
  const coordinator = isCoordinator(viewer);
  if (!canAddActivity(viewer)) return { mayAdd: false, activities: [], deleted: [] };
  const [activities, deleted] = await Promise.all([
    findWorkspaceActivities(deps.db, coordinator ? 'all' : editable),
    coordinator ? findDeletedActivities(deps.db) : [],
  ]);
  return { mayAdd: true, activities, deleted };
}
