import type { AppDeps, RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canAddGroup,
  canAssignSiteRole,
  canEditGroup,
  canOwnGroup,
  type GroupScope,
  isCoordinator,
  type Viewer,
} from '../auth/permissions.ts';
import { editorOrganisations, organisationChoices } from '../organisations/organisation-edits.service.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import type { GroupInput, SeatInput } from './group-edits.forms.ts';
import {
  deleteSeats,
  findAgreementChoices,
  findDeletedGroups,
  findGroupRecord,
  findGroupSlugsLike,
  findLiveGroups,
  findLiveOrganisationChoices,
  findNames,
  findOrganisationChains,
  findSeatOrganisations,
  findSeats,
  findSiteRoleHolder,
  type GroupColumns,
  type GroupRecord,
  insertGroup,
  insertSeats,
  lockGroup,
  nextSeatId,
  organisationIsLive,
  type SeatColumns,
  type SeatRow,
  updateGroup,
} from './group-edits.queries.ts';
import type { GroupSiteRole } from './groups.table.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing groups and their seats (issue 8), the way organisation-edits.service.ts edits organisations:
 * the rules (permissions.ts), every change with its history in one transaction (decision 011),
 * optimistic locking on the group's `version`, soft delete, restore. The seats are part of the group: a
 * seat added, changed or removed is a change of the group (its version goes up, its history says which
 * seat, as a readable line), so one version number guards the group and its seat list together.
 */

/** A group as its form and a history snapshot hold it: its columns and its seats in their order. */
export type GroupValues = GroupColumns & { members: SeatColumns[] };

function columnsOf(row: GroupColumns): GroupColumns {
  const { kind, name, description, agreementId, organisationId, visibility, internalReason, siteRole } = row;
  return { kind, name, description, agreementId, organisationId, visibility, internalReason, siteRole };
}

function seatOf(row: SeatColumns): SeatColumns {
  const { id, role, organisationId, seatDescription, personName, fromOn, toOn, position } = row;
  return { id, role, organisationId, seatDescription, personName, fromOn, toOn, position };
}

const bySeatOrder = (a: SeatColumns, b: SeatColumns) => a.position - b.position || a.id - b.id;

function valuesOf(group: GroupColumns, seats: SeatColumns[]): GroupValues {
  return { ...columnsOf(group), members: seats.map(seatOf).sort(bySeatOrder) };
}

/** The key of a seat's line in a group's described fields (and so in its history). */
const seatKey = (id: number) => `seat-${id}`;

/** The fields' names for a history page or a refused save: the group's, and "Ledamot" for each seat line. */
export function groupLabels(t: Messages, fields: Iterable<string>): Record<string, string> {
  const { seat, ...labels } = t.groupEdits.fields;
  const out: Record<string, string> = { ...labels };
  for (const field of fields) if (field.startsWith('seat-')) out[field] = seat;
  return out;
}

/** One seat as people read it: who (or which office), role, organisation, period, order. */
function seatLine(t: Messages, seat: SeatColumns, organisationName: string): string {
  const text = t.groupEdits.members;
  const who =
    seat.personName && seat.seatDescription
      ? `${seat.personName} (${seat.seatDescription})`
      : (seat.personName ?? seat.seatDescription ?? '');
  return text.line({
    who,
    role: t.memberRoles[seat.role],
    organisation: organisationName,
    period: text.period(seat.fromOn, seat.toOn),
    position: seat.position,
  });
}

/** The fields as people read them, for the history: names, not ids; kinds in words; a line per seat. */
async function describe(db: DbOrTx, t: Messages, values: GroupValues): Promise<Described> {
  const organisationIds = [values.organisationId, ...values.members.map((seat) => seat.organisationId)];
  const names = await findNames(db, {
    organisations: organisationIds.filter((id): id is number => id !== null),
    agreements: values.agreementId === null ? [] : [values.agreementId],
  });
  const nameOf = (id: number | null) => (id === null ? '' : (names.organisations.get(id) ?? ''));
  return {
    kind: t.groupKinds[values.kind],
    name: values.name,
    description: values.description,
    agreementId: values.agreementId === null ? '' : (names.agreements.get(values.agreementId) ?? ''),
    organisationId: nameOf(values.organisationId),
    visibility: t.groupEdits.visibilities[values.visibility],
    internalReason: values.internalReason ?? '',
    siteRole: values.siteRole ? t.groupEdits.siteRoles[values.siteRole] : '',
    ...Object.fromEntries(
      values.members.map((seat) => [seatKey(seat.id), seatLine(t, seat, nameOf(seat.organisationId))]),
    ),
  };
}

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

/**
 * What decides who may change the group: the chains of its organisation and of its seats' organisations.
 * Asked only when it can matter (an editor): the coordinator may anyway, and someone who edits nothing
 * may not, so neither costs a query.
 */
async function scopeFor(
  db: DbOrTx,
  viewer: Viewer,
  group: { organisationId: number | null },
  seats: { organisationId: number | null }[],
): Promise<GroupScope> {
  if (isCoordinator(viewer) || editorOrganisations(viewer).length === 0)
    return { organisation: null, seats: [] };
  const ids = [group.organisationId, ...seats.map((seat) => seat.organisationId)].filter(
    (id): id is number => id !== null,
  );
  const chains = await findOrganisationChains(db, [...new Set(ids)]);
  const chainOf = (id: number) => chains.get(id) ?? [id];
  return {
    organisation: group.organisationId === null ? null : chainOf(group.organisationId),
    seats: seats.flatMap((seat) => (seat.organisationId === null ? [] : [chainOf(seat.organisationId)])),
  };
}

/**
 * What decides who may change the group, for a rule about something of the group's (its meetings:
 * canEditMeeting). The seats are read only when the viewer is an editor, as in scopeFor.
 */
export async function groupScopeOf(
  db: DbOrTx,
  viewer: Viewer,
  group: { id: number; organisationId: number | null },
): Promise<GroupScope> {
  const seats = editorOrganisations(viewer).length > 0 ? await findSeats(db, group.id) : [];
  return scopeFor(db, viewer, group, seats);
}

/** May the viewer change this group? For "Ändra" on its public pages (asked for signed-in requests only). */
export async function mayEditGroup(
  deps: Pick<AppDeps, 'db'>,
  viewer: Viewer | null,
  group: { id: number; organisationId: number | null },
): Promise<boolean> {
  if (viewer === null) return false;
  return canEditGroup(viewer, await groupScopeOf(deps.db, viewer, group));
}

/** The choices of the group form: organisations the viewer may place a group under, and agreements. */
async function groupChoices(deps: Pick<Deps, 'db'>, viewer: Viewer, current?: GroupColumns) {
  const [organisations, agreements] = await Promise.all([
    organisationChoices(deps, viewer, current?.organisationId ?? null),
    findAgreementChoices(deps.db),
  ]);
  // An internal agreement is named only to the coordinator (and where the group already carries it out).
  const shown = agreements.filter(
    (agreement) =>
      isCoordinator(viewer) || agreement.visibility === 'public' || agreement.id === current?.agreementId,
  );
  return {
    organisations,
    agreements: shown.map(({ id, title }) => ({ id, title })),
    /** An editor's group must belong to an organisation they may edit; only the coordinator may choose none. */
    organisationOptional: isCoordinator(viewer),
    siteRole: canAssignSiteRole(viewer),
  };
}

export type GroupChoices = Awaited<ReturnType<typeof groupChoices>>;

/** The group at this address that is still in the register, with its seats. */
async function liveGroup(db: DbOrTx, slug: string) {
  const group = await findGroupRecord(db, slug);
  if (!group || group.deletedAt) throw new AppError('NOT_FOUND', `group ${slug}`);
  return group;
}

/** A group and what its edit page needs, for someone who may change it. */
export async function loadGroupEditor(deps: Deps, viewer: Viewer, slug: string) {
  const group = await liveGroup(deps.db, slug);
  const seats = await findSeats(deps.db, group.id);
  const scope = await scopeFor(deps.db, viewer, group, seats);
  if (!canEditGroup(viewer, scope)) throw notAllowed();
  const [choices, seatOrganisations, names] = await Promise.all([
    groupChoices(deps, viewer, group),
    findLiveOrganisationChoices(deps.db),
    findNames(deps.db, {
      organisations: seats.flatMap((seat) => (seat.organisationId === null ? [] : [seat.organisationId])),
      agreements: [],
    }),
  ]);
  return {
    group,
    seats: seats.map((seat) => ({
      ...seat,
      organisationName:
        seat.organisationId === null ? null : (names.organisations.get(seat.organisationId) ?? null),
    })),
    choices,
    seatOrganisations,
    mayDelete: canOwnGroup(viewer, scope.organisation),
  };
}

export type GroupEditor = Awaited<ReturnType<typeof loadGroupEditor>>;

/** What a new group's form needs; for the coordinator and editors. */
export async function loadNewGroup(deps: Deps, viewer: Viewer) {
  if (!canAddGroup(viewer)) throw notAllowed();
  return groupChoices(deps, viewer);
}

/** The group's columns from the form: the site role only from the coordinator, a reason only when internal. */
function columnsFromInput(input: GroupInput, viewer: Viewer, current: GroupColumns | null): GroupColumns {
  return {
    kind: input.kind,
    name: input.name,
    description: input.description ?? '',
    agreementId: input.agreementId,
    organisationId: input.organisationId,
    visibility: input.visibility,
    internalReason: input.visibility === 'internal' ? input.internalReason : null,
    siteRole:
      canAssignSiteRole(viewer) && input.siteRole !== undefined
        ? input.siteRole
        : (current?.siteRole ?? null),
  };
}

/**
 * The organisation a group is to belong to: one still in the register, and one the viewer may place a
 * group under (the form offers no other, so another is not a typing mistake but a 403).
 */
async function checkOrganisation(tx: DbOrTx, viewer: Viewer, organisationId: number | null) {
  if (organisationId === null) {
    if (isCoordinator(viewer)) return;
    throw new Refusal('groupEdits.organisationRequired', { field: 'organisationId' });
  }
  if (!(await organisationIsLive(tx, organisationId)))
    throw new Refusal('groupEdits.organisationGone', { field: 'organisationId' });
  const chains = await findOrganisationChains(tx, [organisationId]);
  if (!canOwnGroup(viewer, chains.get(organisationId) ?? [organisationId])) throw notAllowed();
}

/** The agreement a group carries out: one still in the register that the form offered the viewer. */
async function checkAgreement(tx: DbOrTx, viewer: Viewer, agreementId: number | null) {
  if (agreementId === null) return;
  const offered = (await findAgreementChoices(tx)).find((agreement) => agreement.id === agreementId);
  if (!offered || (offered.visibility !== 'public' && !isCoordinator(viewer)))
    throw new Refusal('groupEdits.agreementGone', { field: 'agreementId' });
}

/** A group that holds a site role keeps it until another group is given it: the role moves, never vanishes. */
function checkSiteRoleKept(current: GroupColumns, next: GroupColumns) {
  if (current.siteRole !== null && next.siteRole !== current.siteRole)
    throw new Refusal('groupEdits.siteRoleKept', { field: 'siteRole' });
}

/**
 * Giving a role that another group holds moves it here: the other group loses it first (the role is
 * unique), as a change in its own history naming where the role went. Both groups are locked.
 */
async function takeSiteRole(
  tx: DbOrTx,
  deps: Pick<Deps, 't'>,
  viewer: Viewer,
  siteRole: GroupSiteRole,
  to: { id: number | null; name: string },
  now: Date,
) {
  const holder = await findSiteRoleHolder(tx, siteRole, to.id);
  const current = holder ? await lockGroup(tx, holder.id) : undefined;
  if (!current || current.siteRole !== siteRole) return;
  const seats = await findSeats(tx, current.id);
  const before = valuesOf(current, seats);
  const next = { ...before, siteRole: null };
  await saveVersioned(tx, {
    ...changeOf(current, viewer, now, current.version),
    current: before,
    next,
    describe: (values) => describe(tx, deps.t, values),
    write: (expected) => updateGroup(tx, current.id, expected, { siteRole: null }, now),
    note: deps.t.groupEdits.siteRoleMoved(deps.t.groupEdits.siteRoles[siteRole], to.name),
  });
}

export async function createGroup(
  deps: Deps,
  viewer: Viewer,
  input: GroupInput,
): Promise<{ slug: string; visibility: GroupColumns['visibility'] }> {
  if (!canAddGroup(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const values = columnsFromInput(input, viewer, null);
  return withPublicChange(deps, async (tx) => {
    await checkOrganisation(tx, viewer, values.organisationId);
    await checkAgreement(tx, viewer, values.agreementId);
    if (values.siteRole)
      await takeSiteRole(tx, deps, viewer, values.siteRole, { id: null, name: values.name }, now);
    const base = slugFrom(values.name);
    // 'ny' is the address of the form for a new group, never one of a group.
    const taken = new Set([...(await findGroupSlugsLike(tx, base)), 'ny']);
    const { slug, row } = await insertAtFreeSlug(base, taken, (free) => insertGroup(tx, free, values, now));
    const snapshot: GroupValues = { ...values, members: [] };
    await recordHistory(tx, {
      type: 'group',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describe(tx, deps.t, snapshot),
      snapshot,
    });
    return { slug, visibility: values.visibility };
  });
}

/** The group at this address, locked for the change, with its seats; a deleted one is not there to change. */
async function lockLiveGroup(tx: DbOrTx, slug: string) {
  const found = await findGroupRecord(tx, slug);
  const current = found && !found.deletedAt ? await lockGroup(tx, found.id) : undefined;
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `group ${slug}`);
  return { current, seats: await findSeats(tx, current.id) };
}

/**
 * Saves the group's form over the version it was opened on. Unchanged fields write nothing; a new
 * organisation or agreement is checked as for a new group; a site role given here moves from the group
 * that had it.
 */
export async function saveGroup(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: GroupInput,
  expectedVersion: number,
): Promise<{ outcome: 'saved' | 'unchanged'; group: Pick<GroupRecord, 'slug' | 'siteRole' | 'visibility'> }> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const { current, seats } = await lockLiveGroup(tx, slug);
    const scope = await scopeFor(tx, viewer, current, seats);
    if (!canEditGroup(viewer, scope)) throw notAllowed();
    const before = valuesOf(current, seats);
    const next: GroupValues = { ...columnsFromInput(input, viewer, current), members: before.members };
    if (current.version === expectedVersion) {
      if (next.organisationId !== current.organisationId) {
        // Giving the group to another organisation is its owner's decision, as deleting it is: a seat in
        // it is not enough (else an editor could take the group over, then delete it).
        if (!canOwnGroup(viewer, scope.organisation)) throw notAllowed();
        await checkOrganisation(tx, viewer, next.organisationId);
      }
      if (next.agreementId !== current.agreementId) await checkAgreement(tx, viewer, next.agreementId);
      checkSiteRoleKept(current, next);
      if (next.siteRole && next.siteRole !== current.siteRole)
        await takeSiteRole(tx, deps, viewer, next.siteRole, { id: current.id, name: next.name }, now);
    }
    const outcome = await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: before,
      next,
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => updateGroup(tx, current.id, expected, columnsOf(next), now),
    });
    return { outcome, group: { slug: current.slug, siteRole: next.siteRole, visibility: next.visibility } };
  });
}

/**
 * A soft delete, by the coordinator or an editor of the organisation the group belongs to (a seat in it
 * is not enough). A group the site shows as the council or the network keeps its page: refused until
 * another group has the role.
 */
export async function deleteGroup(deps: Deps, viewer: Viewer, slug: string, expectedVersion: number) {
  const now = deps.clock.now();
  const { t } = deps;
  await withPublicChange(deps, async (tx) => {
    const { current, seats } = await lockLiveGroup(tx, slug);
    if (!canOwnGroup(viewer, (await scopeFor(tx, viewer, current, [])).organisation)) throw notAllowed();
    if (current.version === expectedVersion && current.siteRole)
      throw new Refusal('groupEdits.deleteRefusedSiteRole', {
        status: 409,
        params: { role: t.groupEdits.siteRoles[current.siteRole] },
      });
    const values = valuesOf(current, seats);
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: values,
      next: values,
      describe: (described) => describe(tx, t, described),
      write: (expected) => updateGroup(tx, current.id, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
  });
}

/** A group's history, for someone who may change it (a deleted one too); the coordinator may restore. */
export async function loadGroupHistory(deps: Deps, viewer: Viewer, slug: string) {
  const group = await findGroupRecord(deps.db, slug);
  if (!group) throw new AppError('NOT_FOUND', `group ${slug}`);
  const seats = await findSeats(deps.db, group.id);
  if (!canEditGroup(viewer, await scopeFor(deps.db, viewer, group, seats))) throw notAllowed();
  const entries = await findHistory(deps.db, 'group', group.id);
  return {
    group,
    entries,
    labels: groupLabels(
      deps.t,
      entries.flatMap((entry) => Object.keys(entry.changes)),
    ),
    mayRestore: isCoordinator(viewer),
  };
}

/** A snapshot as saved (our own JSON), as values; older snapshots without a field get its empty value. */
function snapshotValues(snapshot: Record<string, unknown>): GroupValues {
  const values = snapshot as Partial<GroupValues>;
  return {
    kind: values.kind ?? 'working_group',
    name: values.name ?? '',
    description: values.description ?? '',
    agreementId: values.agreementId ?? null,
    organisationId: values.organisationId ?? null,
    visibility: values.visibility ?? 'public',
    internalReason: values.internalReason ?? null,
    siteRole: values.siteRole ?? null,
    members: (values.members ?? []).map(seatOf).sort(bySeatOrder),
  };
}

/**
 * Brings an earlier version back (the coordinator only), seats and all, as a new version; a deleted group
 * is back in the register. Refused when the organisation or agreement it had is deleted since. A site
 * role the group holds now stays with it; one the version had moves back here from the group holding it.
 */
export async function restoreGroupVersion(deps: Deps, viewer: Viewer, slug: string, version: number) {
  if (!isCoordinator(viewer)) throw notAllowed();
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const found = await findGroupRecord(tx, slug);
    const current = found ? await lockGroup(tx, found.id) : undefined;
    if (!current) throw new AppError('NOT_FOUND', `group ${slug}`);
    const snapshot = await findSnapshot(tx, 'group', current.id, version);
    if (!snapshot) throw new AppError('NOT_FOUND', `group ${slug} version ${version}`);
    const restored = snapshotValues(snapshot);
    const values: GroupValues = { ...restored, siteRole: current.siteRole ?? restored.siteRole };
    if (values.organisationId !== null && !(await organisationIsLive(tx, values.organisationId)))
      throw new Refusal('groupEdits.restoreOrganisationGone', { status: 409 });
    if (
      values.agreementId !== null &&
      !(await findAgreementChoices(tx)).some((agreement) => agreement.id === values.agreementId)
    )
      throw new Refusal('groupEdits.restoreAgreementGone', { status: 409 });
    if (values.siteRole && values.siteRole !== current.siteRole)
      await takeSiteRole(tx, deps, viewer, values.siteRole, { id: current.id, name: values.name }, now);
    const seats = await findSeats(tx, current.id);
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, current.version),
      current: valuesOf(current, seats),
      next: values,
      describe: (described) => describe(tx, deps.t, described),
      write: async (expected) => {
        const written = await updateGroup(
          tx,
          current.id,
          expected,
          { ...columnsOf(values), deletedAt: null },
          now,
        );
        if (written !== undefined) await writeSeats(tx, current.id, seats, values.members);
        return written;
      },
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
  });
}

/**
 * Makes the group's seats the `next` list: seats gone are deleted, new and changed ones written with their
 * ids (a changed seat is deleted and written again, so no moment has two seats alike, which the unique
 * constraint on seats would refuse). An example-data seat stays marked as example data when changed.
 */
async function writeSeats(tx: DbOrTx, groupId: number, current: SeatRow[], next: SeatColumns[]) {
  const byId = new Map(current.map((row) => [row.id, row]));
  const nextIds = new Set(next.map((seat) => seat.id));
  const written = next.filter((seat) => {
    const row = byId.get(seat.id);
    return !row || JSON.stringify(seatOf(row)) !== JSON.stringify(seatOf(seat));
  });
  await deleteSeats(tx, groupId, [
    ...current.filter((row) => !nextIds.has(row.id)).map((row) => row.id),
    ...written.filter((seat) => byId.has(seat.id)).map((seat) => seat.id),
  ]);
  await insertSeats(
    tx,
    groupId,
    written.map((seat) => ({ ...seatOf(seat), isDemo: byId.get(seat.id)?.isDemo ?? false })),
  );
}

/** A seat's identity for the unique constraint: two seats alike in all of these are one seat listed twice. */
const seatIdentity = (seat: SeatColumns) =>
  JSON.stringify([seat.organisationId, seat.role, seat.seatDescription, seat.personName]);

/**
 * One change to a group's seats, as a change of the group: the edit makes the new list from the current
 * one (inside the lock), which is checked (no seat twice, organisations still in the register) and saved
 * through saveVersioned, so a seat form opened on an old version of the group is refused with both shown.
 */
async function changeSeats(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
  edit: (
    members: SeatColumns[],
    tx: DbOrTx,
  ) => Promise<{ members: SeatColumns[]; touched: SeatColumns | null }>,
): Promise<'saved' | 'unchanged'> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const { current, seats } = await lockLiveGroup(tx, slug);
    if (!canEditGroup(viewer, await scopeFor(tx, viewer, current, seats))) throw notAllowed();
    const before = valuesOf(current, seats);
    const { members, touched } = await edit(before.members, tx);
    const next: GroupValues = { ...before, members: members.sort(bySeatOrder) };
    if (current.version === expectedVersion && touched) {
      const identity = seatIdentity(touched);
      if (next.members.some((seat) => seat.id !== touched.id && seatIdentity(seat) === identity))
        throw new Refusal('groupEdits.members.seatTwice', { field: 'personName' });
      const previous = before.members.find((seat) => seat.id === touched.id);
      if (
        touched.organisationId !== null &&
        touched.organisationId !== previous?.organisationId &&
        !(await organisationIsLive(tx, touched.organisationId))
      )
        throw new Refusal('groupEdits.organisationGone', { field: 'organisationId' });
    }
    return saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: before,
      next,
      describe: (values) => describe(tx, deps.t, values),
      write: async (expected) => {
        const written = await updateGroup(tx, current.id, expected, {}, now);
        if (written !== undefined) await writeSeats(tx, current.id, seats, next.members);
        return written;
      },
    });
  });
}

function seatFromInput(id: number, input: SeatInput, position: number): SeatColumns {
  return {
    id,
    role: input.role,
    organisationId: input.organisationId,
    seatDescription: input.seatDescription,
    personName: input.personName,
    fromOn: input.fromOn,
    toOn: input.toOn,
    position,
  };
}

/** Adds a seat; without an order given, it goes last. */
export function addSeat(deps: Deps, viewer: Viewer, slug: string, input: SeatInput, expectedVersion: number) {
  return changeSeats(deps, viewer, slug, expectedVersion, async (members, tx) => {
    const last = Math.max(0, ...members.map((seat) => seat.position));
    const seat = seatFromInput(await nextSeatId(tx), input, input.position ?? Math.min(last + 1, 9999));
    return { members: [...members, seat], touched: seat };
  });
}

export function changeSeat(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  seatId: number,
  input: SeatInput,
  expectedVersion: number,
) {
  return changeSeats(deps, viewer, slug, expectedVersion, async (members) => {
    const previous = members.find((seat) => seat.id === seatId);
    if (!previous) throw new AppError('NOT_FOUND', `seat ${seatId} in group ${slug}`);
    const seat = seatFromInput(seatId, input, input.position ?? previous.position);
    return { members: members.map((other) => (other.id === seatId ? seat : other)), touched: seat };
  });
}

export function removeSeat(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  seatId: number,
  expectedVersion: number,
) {
  return changeSeats(deps, viewer, slug, expectedVersion, async (members) => {
    if (!members.some((seat) => seat.id === seatId))
      throw new AppError('NOT_FOUND', `seat ${seatId} in group ${slug}`);
    return { members: members.filter((seat) => seat.id !== seatId), touched: null };
  });
}

/** One seat of a group and its group's edit page data, for the seat's own form. */
export async function loadSeatEditor(deps: Deps, viewer: Viewer, slug: string, seatId: number) {
  const editor = await loadGroupEditor(deps, viewer, slug);
  const seat = editor.seats.find((candidate) => candidate.id === seatId);
  if (!seat) throw new AppError('NOT_FOUND', `seat ${seatId} in group ${slug}`);
  return { ...editor, seat };
}

/** A seat as one line (the delete page's question, the list on the edit page). */
export function describeSeat(t: Messages, seat: SeatColumns & { organisationName: string | null }): string {
  return seatLine(t, seat, seat.organisationName ?? '');
}

/**
 * The groups the viewer may change, for the workspace: the coordinator all of them (and the deleted ones,
 * to restore); an editor those of their organisations and those their organisations hold a seat in —
 * by the same rule as every group's own check (canEditGroup), with the chains taken from one list.
 */
export async function loadWorkspaceGroups(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  const coordinator = isCoordinator(viewer);
  const mayAdd = canAddGroup(viewer);
  if (!coordinator && editorOrganisations(viewer).length === 0) return { groups: [], deleted: [], mayAdd };
  const [all, deleted] = await Promise.all([
    findLiveGroups(deps.db),
    coordinator ? findDeletedGroups(deps.db) : [],
  ]);
  if (coordinator) return { groups: all, deleted, mayAdd };
  const [organisations, seatOrganisations] = await Promise.all([
    findLiveOrganisationChoices(deps.db),
    findSeatOrganisations(
      deps.db,
      all.map((group) => group.id),
    ),
  ]);
  const parents = new Map(organisations.map((organisation) => [organisation.id, organisation.parentId]));
  const chainOf = (id: number) => {
    const chain = [id];
    for (let parent = parents.get(id); parent != null && chain.length < 50; parent = parents.get(parent))
      chain.push(parent);
    return chain;
  };
  const groups = all.filter((group) =>
    canEditGroup(viewer, {
      organisation: group.organisationId === null ? null : chainOf(group.organisationId),
      seats: (seatOrganisations.get(group.id) ?? []).map(chainOf),
    }),
  );
  return { groups, deleted: [], mayAdd };
}

/** Who changes which group when, from which version: what every saveVersioned call here shares. */
function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'group' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}
