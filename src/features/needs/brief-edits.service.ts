import { z } from 'zod';
import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { findOrganisationChains } from '../activities/activity-edits.queries.ts';
import {
  briefKindsFor,
  canAddBrief,
  canEditBrief,
  isCoordinator,
  type OrganisationChain,
  type Viewer,
} from '../auth/permissions.ts';
import { subtreeIds } from '../organisations/organisation-edits.service.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import { visibilities } from '../register/register.table.ts';
import { queueAlertsIfDue } from './alerts.service.ts';
import {
  type BriefColumns,
  findBriefChoices,
  findBriefLinkedNames,
  findBriefLinks,
  findBriefRecord,
  findBriefSlugsLike,
  findDeletedBriefs,
  findWorkspaceBriefs,
  insertBrief,
  lockBrief,
  replaceBriefLinks,
  updateBrief,
} from './brief-edits.queries.ts';
import type { BriefInput } from './needs.forms.ts';
import { type Brief, type BriefKind, briefKinds } from './needs.table.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

/**
 * Writing briefs for the needs bank (issue 9, item 5), the way every register record is kept (decision
 * 011): who may write which (permissions.ts: canEditBrief), every change with its history in one
 * transaction, optimistic locking, links replaced in the same transaction, soft delete, restore by the
 * coordinator. Publishing (a draft made public) queues the e-mail alerts in the same transaction
 * (alerts.service.ts): a brief is never published without its alerts, nor alerted about unpublished.
 */

/** A brief as its form and a history snapshot hold it; each list of ids ascending. */
export type BriefValues = {
  kind: BriefKind;
  title: string;
  organisationId: number;
  background: string;
  question: string;
  intendedUse: string;
  beneficiaries: string;
  offering: string;
  contactName: string;
  contactEmail: string | null;
  deadline: string | null;
  visibility: 'public' | 'internal';
  internalReason: string | null;
  published: boolean;
  closed: boolean;
  focusAreaIds: number[];
  goalIds: number[];
  institutionIds: number[];
};

const ascending = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Always the same keys in the same order: saveVersioned compares values as JSON. */
function valuesOf(values: BriefValues): BriefValues {
  return {
    kind: values.kind,
    title: values.title,
    organisationId: values.organisationId,
    background: values.background,
    question: values.question,
    intendedUse: values.intendedUse,
    beneficiaries: values.beneficiaries,
    offering: values.offering,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    deadline: values.deadline,
    visibility: values.visibility,
    internalReason: values.visibility === 'internal' ? values.internalReason : null,
    published: values.published,
    closed: values.closed,
    focusAreaIds: ascending(values.focusAreaIds),
    goalIds: ascending(values.goalIds),
    institutionIds: ascending(values.institutionIds),
  };
}

/** A stored row and its links as values. */
function valuesOfRow(
  row: Brief | Omit<Brief, 'searchVector'>,
  links: Awaited<ReturnType<typeof findBriefLinks>>,
) {
  return valuesOf({
    ...row,
    published: row.publishedAt !== null,
    closed: row.closedAt !== null,
    ...links,
  });
}

export function briefValuesFromInput(input: BriefInput): BriefValues {
  return valuesOf({ ...input });
}

const snapshotSchema = z.object({
  kind: z.enum(briefKinds),
  title: z.string(),
  organisationId: z.number().int(),
  background: z.string(),
  question: z.string(),
  intendedUse: z.string(),
  beneficiaries: z.string(),
  offering: z.string(),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  deadline: z.string().nullable(),
  visibility: z.enum(visibilities),
  internalReason: z.string().nullable(),
  published: z.boolean(),
  closed: z.boolean(),
  focusAreaIds: z.array(z.number().int()),
  goalIds: z.array(z.number().int()),
  institutionIds: z.array(z.number().int()),
});

/** The fields as people read them, for the history: links by name, kinds and choices in words. */
export async function describeBrief(db: DbOrTx, t: Messages, values: BriefValues): Promise<Described> {
  const names = await findBriefLinkedNames(db, values);
  const text = t.needs.edit;
  const named = (found: { name: string; deleted: boolean } | undefined) =>
    found ? found.name + (found.deleted ? text.deletedSuffix : '') : '';
  const listed = (ids: number[], from: Map<number, { name: string; deleted: boolean }>) =>
    ids
      .map((id) => from.get(id))
      .filter((found) => found !== undefined)
      .map(named)
      .sort((a, b) => a.localeCompare(b, 'sv'))
      .join(', ');
  return {
    kind: t.needs.kinds[values.kind],
    title: values.title,
    organisation: named(names.organisations.get(values.organisationId)),
    background: values.background,
    question: values.question,
    intendedUse: values.intendedUse,
    beneficiaries: values.beneficiaries,
    offering: values.offering,
    contactName: values.contactName,
    contactEmail: values.contactEmail ?? '',
    deadline: values.deadline ?? '',
    focusAreas: listed(values.focusAreaIds, names.focusAreas),
    goals: values.goalIds
      .map((id) => names.goals.get(id)?.name)
      .filter(Boolean)
      .join(', '),
    institutions: listed(values.institutionIds, names.organisations),
    visibility: text.visibilityWords[values.visibility],
    internalReason: values.internalReason ?? '',
    published: values.published ? text.yes : text.no,
    closed: values.closed ? text.yes : text.no,
  };
}

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

async function chainOf(db: DbOrTx, organisationId: number): Promise<OrganisationChain> {
  const [chain] = await findOrganisationChains(db, [organisationId]);
  return chain ?? [organisationId];
}

/** Whether the viewer may change this brief (asked for a signed-in request: the page shows "Ändra"). */
export async function mayEditBrief(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer | null,
  brief: { kind: BriefKind; organisationId: number },
): Promise<boolean> {
  if (viewer === null || !canAddBrief(viewer)) return false;
  if (isCoordinator(viewer)) return true;
  return canEditBrief(viewer, {
    kind: brief.kind,
    organisation: await chainOf(deps.db, brief.organisationId),
  });
}

/** The organisations the viewer may write briefs for: an editor's and a placement coordinator's subtrees. */
function ownRoots(viewer: Viewer): number[] {
  return viewer.memberships
    .filter((membership) => membership.role === 'editor' || membership.role === 'placement_coordinator')
    .map((membership) => membership.organisationId);
}

/**
 * What the form offers: the kinds and organisations the viewer may write for (the coordinator all), the
 * focus areas, goals and institutions. Records linked now stay choosable even if deleted since (`keep`).
 */
export async function briefChoices(deps: Pick<Deps, 'db'>, viewer: Viewer, keep?: BriefValues) {
  const choices = await findBriefChoices(deps.db);
  const coordinator = isCoordinator(viewer);
  const own = coordinator
    ? choices.organisations
    : choices.organisations.filter((organisation) =>
        subtreeIds(choices.organisations, ownRoots(viewer)).includes(organisation.id),
      );
  const kept = keep ? await findBriefLinkedNames(deps.db, keep) : undefined;
  const missing = <T extends { id: number }>(list: T[], linked: Map<number, { id: number; name: string }>) =>
    [...linked.values()].filter((link) => !list.some((item) => item.id === link.id));
  const keptOrganisation =
    keep && !own.some((organisation) => organisation.id === keep.organisationId)
      ? [...(kept?.organisations.values() ?? [])]
          .filter((organisation) => organisation.id === keep.organisationId)
          .map((organisation) => ({ id: organisation.id, name: organisation.name, parentId: null }))
      : [];
  const keptInstitutions = kept
    ? [...kept.organisations.values()].filter(
        (organisation) =>
          keep?.institutionIds.includes(organisation.id) &&
          !choices.institutions.some((institution) => institution.id === organisation.id),
      )
    : [];
  return {
    kinds: briefKindsFor(viewer, briefKinds),
    organisations: [...own, ...keptOrganisation],
    focusAreas: [...choices.focusAreas, ...(kept ? missing(choices.focusAreas, kept.focusAreas) : [])],
    goals: choices.goals,
    institutions: [
      ...choices.institutions,
      ...keptInstitutions.map((organisation) => ({ id: organisation.id, name: organisation.name })),
    ],
    checkboxIds: {
      focusAreaIds: choices.allFocusAreaIds,
      goalIds: choices.goals.map((goal) => goal.id),
      institutionIds: choices.allInstitutionIds,
    },
  };
}

export type BriefChoices = Awaited<ReturnType<typeof briefChoices>>;

/** What a new brief's form needs, for someone who may write one. */
export async function loadNewBrief(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  if (!canAddBrief(viewer)) throw notAllowed();
  return briefChoices(deps, viewer);
}

/** The brief and what its edit page needs, for someone who may change it. */
export async function loadBriefEditor(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const brief = await findBriefRecord(deps.db, slug);
  if (!brief || brief.deletedAt) throw new AppError('NOT_FOUND', `brief ${slug}`);
  if (!canEditBrief(viewer, { kind: brief.kind, organisation: await chainOf(deps.db, brief.organisationId) }))
    throw notAllowed();
  const values = valuesOfRow(brief, await findBriefLinks(deps.db, brief.id));
  return { brief, values, choices: await briefChoices(deps, viewer, values) };
}

/**
 * The viewer's right over the brief as it would be (its kind and organisation), and its links: records
 * still in the register, or linked already; institutions are universities. Messages by their fields.
 */
async function checkBrief(tx: DbOrTx, viewer: Viewer, next: BriefValues, current: BriefValues | null) {
  const names = await findBriefLinkedNames(tx, next);
  const organisation = names.organisations.get(next.organisationId);
  if (!organisation || (organisation.deleted && current?.organisationId !== next.organisationId))
    throw new Refusal('register.choiceMissing', { field: 'organisationId' });
  // The form offers only the kinds and organisations the viewer may write for: anything else is not a
  // slip of the hand (as an activity's first organisation).
  if (!canEditBrief(viewer, { kind: next.kind, organisation: await chainOf(tx, next.organisationId) }))
    throw notAllowed();
  const unusable = (ids: number[], found: Map<number, { deleted: boolean }>, before: number[] | undefined) =>
    ids.some((id) => {
      const record = found.get(id);
      return !record || (record.deleted && !before?.includes(id));
    });
  if (unusable(next.focusAreaIds, names.focusAreas, current?.focusAreaIds))
    throw new Refusal('register.choiceMissing', { field: 'focusAreas' });
  if (unusable(next.goalIds, names.goals, undefined))
    throw new Refusal('register.choiceMissing', { field: 'goals' });
  if (
    unusable(next.institutionIds, names.organisations, current?.institutionIds) ||
    next.institutionIds.some((id) => names.organisations.get(id)?.kind !== 'university')
  )
    throw new Refusal('register.choiceMissing', { field: 'institutions' });
}

/** The columns to write: published_at and closed_at kept while ticked, set now when newly ticked. */
function columnsOf(
  values: BriefValues,
  row: { publishedAt: Date | null; closedAt: Date | null } | null,
  now: Date,
): BriefColumns {
  const { published, closed, focusAreaIds: _a, goalIds: _g, institutionIds: _i, ...columns } = values;
  return {
    ...columns,
    publishedAt: published ? (row?.publishedAt ?? now) : null,
    closedAt: closed ? (row?.closedAt ?? now) : null,
  };
}

/** Adds a brief: the viewer's right, a free address from the title, the links, the history, the alerts. */
export async function createBrief(deps: Deps, viewer: Viewer, input: BriefInput): Promise<string> {
  if (!canAddBrief(viewer)) throw notAllowed();
  const values = briefValuesFromInput(input);
  return withPublicChange(deps, async (tx) => {
    await checkBrief(tx, viewer, values, null);
    const now = deps.clock.now();
    const base = slugFrom(values.title);
    // The addresses of the bank's own pages are never a brief's.
    const taken = new Set([...(await findBriefSlugsLike(tx, base)), ...RESERVED_SLUGS]);
    const { slug, row } = await insertAtFreeSlug(base, taken, (free) =>
      insertBrief(tx, free, { ...columnsOf(values, null, now), authorPersonId: viewer.personId }, now),
    );
    const { focusAreaIds, goalIds, institutionIds } = values;
    await replaceBriefLinks(tx, row.id, { focusAreaIds, goalIds, institutionIds });
    await recordHistory(tx, {
      type: 'brief',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describeBrief(tx, deps.t, values),
      snapshot: values,
    });
    await queueAlertsIfDue(tx, deps, row.id, false);
    return slug;
  });
}

/** Addresses under /behovsbanken/ that are pages of the bank, not briefs. */
export const RESERVED_SLUGS = ['ny', 'bevaka', 'avregistrera', 'svar', 'flode'];

/** Saves new values over `expectedVersion` (unchanged writes nothing); alerts if it is now published. */
export async function saveBrief(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: BriefInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  const next = briefValuesFromInput(input);
  return withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const { row, current } = await lockLiveBrief(tx, slug);
    if (
      !canEditBrief(viewer, { kind: current.kind, organisation: await chainOf(tx, current.organisationId) })
    )
      throw notAllowed();
    if (row.version === expectedVersion) await checkBrief(tx, viewer, next, current);
    const outcome = await saveVersioned(tx, {
      ...changeOf(row, viewer, now, expectedVersion),
      current,
      next,
      describe: (values) => describeBrief(tx, deps.t, values),
      write: (expected) => writeBrief(tx, row, expected, next, now),
    });
    await queueAlertsIfDue(tx, deps, row.id, shownToEveryone(row));
    return outcome;
  });
}

async function writeBrief(
  tx: DbOrTx,
  row: { id: number; publishedAt: Date | null; closedAt: Date | null },
  expectedVersion: number,
  values: BriefValues,
  now: Date,
  extra: { deletedAt?: Date | null } = {},
): Promise<number | undefined> {
  const version = await updateBrief(
    tx,
    row.id,
    expectedVersion,
    { ...columnsOf(values, row, now), ...extra },
    now,
  );
  if (version !== undefined) {
    const { focusAreaIds, goalIds, institutionIds } = values;
    await replaceBriefLinks(tx, row.id, { focusAreaIds, goalIds, institutionIds });
  }
  return version;
}

/** A soft delete by someone who may change the brief: gone from every page, kept in the history. */
export async function deleteBrief(deps: Deps, viewer: Viewer, slug: string, expectedVersion: number) {
  await withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const { row, current } = await lockLiveBrief(tx, slug);
    if (
      !canEditBrief(viewer, { kind: current.kind, organisation: await chainOf(tx, current.organisationId) })
    )
      throw notAllowed();
    await saveVersioned(tx, {
      ...changeOf(row, viewer, now, expectedVersion),
      current,
      next: current,
      describe: (values) => describeBrief(tx, deps.t, values),
      write: (expected) => updateBrief(tx, row.id, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
  });
}

/** A brief's history, for someone who may change it (deleted too); the coordinator may also restore. */
export async function loadBriefHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const brief = await findBriefRecord(deps.db, slug);
  if (!brief) throw new AppError('NOT_FOUND', `brief ${slug}`);
  if (!canEditBrief(viewer, { kind: brief.kind, organisation: await chainOf(deps.db, brief.organisationId) }))
    throw notAllowed();
  return { brief, entries: await findHistory(deps.db, 'brief', brief.id), mayRestore: isCoordinator(viewer) };
}

/**
 * Brings an earlier version back (the coordinator only), a deleted brief too; refused where it links to
 * something deleted since. A version that was published publishes again (alerts only if never sent).
 */
export async function restoreBriefVersion(deps: Deps, viewer: Viewer, slug: string, version: number) {
  if (!isCoordinator(viewer)) throw notAllowed();
  await withPublicChange(deps, async (tx) => {
    const now = deps.clock.now();
    const found = await findBriefRecord(tx, slug);
    const row = found ? await lockBrief(tx, found.id) : undefined;
    if (!row) throw new AppError('NOT_FOUND', `brief ${slug}`);
    const current = valuesOfRow(row, await findBriefLinks(tx, row.id));
    const stored = await findSnapshot(tx, 'brief', row.id, version);
    if (!stored) throw new AppError('NOT_FOUND', `brief ${slug} version ${version}`);
    const parsed = snapshotSchema.safeParse(stored);
    if (!parsed.success) throw new Refusal('needs.edit.snapshotUnreadable', { status: 409 });
    const values = valuesOf(parsed.data);
    const names = await findBriefLinkedNames(tx, values);
    const gone = [
      names.organisations.get(values.organisationId),
      ...values.institutionIds.map((id) => names.organisations.get(id)),
      ...values.focusAreaIds.map((id) => names.focusAreas.get(id)),
    ].filter((record) => record === undefined || record.deleted);
    if (gone.length > 0 || values.goalIds.some((id) => !names.goals.has(id)))
      throw new Refusal('needs.edit.linkGone', {
        status: 409,
        params: { names: gone.map((record) => record?.name ?? '?').join(', ') },
      });
    await saveVersioned(tx, {
      ...changeOf(row, viewer, now, row.version),
      current,
      next: values,
      describe: (described) => describeBrief(tx, deps.t, described),
      write: (expected) => writeBrief(tx, row, expected, values, now, { deletedAt: null }),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
    await queueAlertsIfDue(tx, deps, row.id, shownToEveryone(row));
  });
}

/** Whether a stored brief is on the public pages: published, public, not deleted. */
function shownToEveryone(row: { publishedAt: Date | null; visibility: string; deletedAt: Date | null }) {
  return row.publishedAt !== null && row.visibility === 'public' && row.deletedAt === null;
}

/** The brief at this address with its links, locked for the change; a deleted one is not there. */
async function lockLiveBrief(tx: DbOrTx, slug: string) {
  const found = await findBriefRecord(tx, slug);
  const row = found && !found.deletedAt ? await lockBrief(tx, found.id) : undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `brief ${slug}`);
  return { row, current: valuesOfRow(row, await findBriefLinks(tx, row.id)) };
}

function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'brief' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}

/**
 * The workspace's briefs: those the person may change (the coordinator all; an editor those of their
 * organisations and every one under them; a placement coordinator the competence development of their
 * institution), drafts and internal ones marked; for the coordinator the deleted ones to restore.
 */
export async function briefsForWorkspace(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  if (!canAddBrief(viewer)) return { mayAdd: false, briefs: [], deleted: [] };
  if (isCoordinator(viewer)) {
    const [all, deleted] = await Promise.all([
      findWorkspaceBriefs(deps.db, 'all'),
      findDeletedBriefs(deps.db),
    ]);
    return { mayAdd: true, briefs: all, deleted };
  }
  const choices = await findBriefChoices(deps.db);
  const rootsOf = (role: string) =>
    viewer.memberships
      .filter((membership) => membership.role === role)
      .map((membership) => membership.organisationId);
  const editable = subtreeIds(choices.organisations, rootsOf('editor'));
  const institutions = subtreeIds(choices.organisations, rootsOf('placement_coordinator'));
  return { mayAdd: true, briefs: await findWorkspaceBriefs(deps.db, editable, institutions), deleted: [] };
}
