import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { formatDate, formatDateTime, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canAddMeeting, isCoordinator, type Viewer } from '../auth/permissions.ts';
import { groupScopeOf } from '../groups/group-edits.service.ts';
import { findHistory } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import { findActionsForFollowUp, findActionsOfItems } from './actions.queries.ts';
import { findMeetingRecord, lockMeeting } from './meeting-access.queries.ts';
import {
  editableMeeting,
  type MeetingAccess,
  mayEditMeeting,
  meetingForMember,
  meetingIsPublic,
} from './meeting-access.ts';
import { mailParticipants } from './meeting-calls.service.ts';
import { type GuestInput, instantsOf, type MeetingInput, type NewMeetingInput } from './meetings.forms.ts';
import {
  deleteGuest,
  findAgenda,
  findGroupMeetings,
  findGroupMembers,
  findItemDocumentIds,
  findLiveGroupBySlug,
  findMeetingDocuments,
  findParticipants,
  findPersonName,
  insertMeeting,
  insertParticipants,
  insertStandingItems,
  type MeetingColumns,
  updateMeeting,
} from './meetings.queries.ts';
import { type Meeting, standingItemKinds } from './meetings.table.ts';
import { findAdjustersWithNames } from './minutes.queries.ts';

export type MeetingDeps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

/**
 * A meeting in the workspace (issue 10): made by those who may change its group (canAddMeeting), changed
 * by them and its secretary (editableMeeting), read by the group's members (meetingForMember). Each
 * change with its history in one transaction; a change of time, place or status after the call goes out
 * to the participants as an update (or cancellation) with the same calendar event.
 */

export function columnsOf(row: MeetingColumns): MeetingColumns {
  const { title, startsAt, endsAt, place, videoUrl, status, cancelledReason, secretaryPersonId } = row;
  return {
    title,
    startsAt,
    endsAt,
    place,
    videoUrl,
    status,
    cancelledReason,
    secretaryPersonId,
    visibility: row.visibility,
    internalReason: row.internalReason,
  };
}

/** The meeting's fields as people read them, for the history. */
async function describe(db: DbOrTx, t: Messages, values: MeetingColumns): Promise<Described> {
  const secretary =
    values.secretaryPersonId === null ? undefined : await findPersonName(db, values.secretaryPersonId);
  return {
    title: values.title,
    startsAt: formatDateTime(values.startsAt),
    endsAt: formatDateTime(values.endsAt),
    place: values.place,
    videoUrl: values.videoUrl ?? '',
    status: t.meetings.statuses[values.status],
    cancelledReason: values.cancelledReason ?? '',
    secretaryPersonId: secretary?.name || secretary?.email || '',
    visibility: t.meetings.visibilities[values.visibility],
    internalReason: values.internalReason ?? '',
  };
}

/** Field labels for the history page and a stale save. */
export function meetingLabels(t: Messages): Record<string, string> {
  return { ...t.meetings.fields };
}

/** A live group by address and whether the viewer may add a meeting to it (else 404/403). */
async function groupForNewMeeting(db: DbOrTx, viewer: Viewer, slug: string) {
  const group = await findLiveGroupBySlug(db, slug);
  if (!group) throw new AppError('NOT_FOUND', `group ${slug}`);
  if (!canAddMeeting(viewer, await groupScopeOf(db, viewer, group))) throw forbidden();
  return group;
}

export async function loadNewMeeting(
  deps: Pick<MeetingDeps, 'db' | 'clock' | 't'>,
  viewer: Viewer,
  slug: string,
) {
  const group = await groupForNewMeeting(deps.db, viewer, slug);
  const members = await findGroupMembers(deps.db, group.id);
  return { group, members };
}

export type NewMeetingPage = Awaited<ReturnType<typeof loadNewMeeting>>;

/** The form's first values: a title from the group and the date, the creator as secretary if a member. */
export function newMeetingValues(t: Messages, page: NewMeetingPage, viewer: Viewer, now: Date) {
  const date = stockholmDate(new Date(now.getTime() + 7 * 86_400_000));
  return {
    title: t.meetings.defaultTitle(page.group.name, formatDate(date)),
    date,
    startTime: '13:00',
    endTime: '15:00',
    secretaryPersonId: page.members.some((member) => member.id === viewer.personId)
      ? String(viewer.personId)
      : '',
    visibility: page.group.visibility === 'internal' ? 'internal' : 'public',
  };
}

function checkSecretary(members: { id: number }[], secretary: number | null, current: number | null) {
  if (secretary !== null && secretary !== current && !members.some((member) => member.id === secretary))
    throw new Refusal('meetings.errors.secretaryNotMember', { field: 'secretaryPersonId' });
}

/** An internal group's meetings are internal, with the group's reason where none is given. */
function visibilityFor(
  group: { visibility: string },
  input: { visibility: 'public' | 'internal'; internalReason: string | null },
  t: Messages,
) {
  if (group.visibility === 'internal')
    return {
      visibility: 'internal' as const,
      internalReason: input.internalReason ?? t.meetings.hints.internalGroup,
    };
  return {
    visibility: input.visibility,
    internalReason: input.visibility === 'internal' ? input.internalReason : null,
  };
}

/** Makes the meeting, calls the group's members, adds the standing items: one transaction with its history. */
export async function createMeeting(deps: MeetingDeps, viewer: Viewer, slug: string, input: NewMeetingInput) {
  const now = deps.clock.now();
  const { t } = deps;
  return withPublicChange(deps, async (tx) => {
    const group = await groupForNewMeeting(tx, viewer, slug);
    const members = await findGroupMembers(tx, group.id);
    checkSecretary(members, input.secretaryPersonId, null);
    const values: MeetingColumns = {
      title: input.title,
      ...instantsOf(input),
      place: input.place ?? '',
      videoUrl: input.videoUrl,
      status: 'planned',
      cancelledReason: null,
      secretaryPersonId: input.secretaryPersonId,
      ...visibilityFor(group, input, t),
    };
    const id = await insertMeeting(tx, { ...values, groupId: group.id, createdAt: now });
    await insertParticipants(
      tx,
      members.map((member) => ({
        meetingId: id,
        kind: 'member' as const,
        personId: member.id,
        name: '',
        organisationName: '',
        email: null,
      })),
    );
    const items = await insertStandingItems(
      tx,
      id,
      standingItemKinds.map((kind) => ({ kind, title: t.meetings.item.standing[kind] })),
      now,
    );
    await recordHistory(tx, {
      type: 'meeting',
      id,
      version: 1,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describe(tx, t, values),
      snapshot: values,
    });
    for (const item of items)
      await recordHistory(tx, {
        type: 'agenda_item',
        id: item.id,
        version: 1,
        action: 'created',
        actorPersonId: viewer.personId,
        at: now,
        before: null,
        after: { title: item.title, position: String(item.position) },
        snapshot: { title: item.title, position: item.position, standingKind: item.standingKind },
      });
    return id;
  });
}

/** What the edit form needs: the meeting (editable) and the group's members for the secretary. */
export async function loadMeetingEditor(deps: Pick<MeetingDeps, 'db'>, viewer: Viewer, id: number) {
  const access = await editableMeeting(deps.db, viewer, id);
  const members = await findGroupMembers(deps.db, access.group.id);
  return { access, members };
}

export type MeetingEditor = Awaited<ReturnType<typeof loadMeetingEditor>>;

export function meetingValues(meeting: Meeting): Record<string, string> {
  return {
    title: meeting.title,
    date: stockholmDate(meeting.startsAt),
    startTime: stockholmTime(meeting.startsAt),
    endTime: stockholmTime(meeting.endsAt),
    place: meeting.place,
    videoUrl: meeting.videoUrl ?? '',
    secretaryPersonId: meeting.secretaryPersonId === null ? '' : String(meeting.secretaryPersonId),
    status: meeting.status,
    cancelledReason: meeting.cancelledReason ?? '',
    visibility: meeting.visibility,
    internalReason: meeting.internalReason ?? '',
  };
}

/** Whether a change moves the calendar event: time, place, link or status (RFC 5545 SEQUENCE). */
function movesEvent(before: MeetingColumns, after: MeetingColumns): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.place !== after.place ||
    before.videoUrl !== after.videoUrl ||
    before.status !== after.status
  );
}

/**
 * Minutes sent for approval, or approved, name the meeting, its day, time, place and status: those are
 * theirs from then on (409), never changed silently under an adjuster's approval or the published minutes.
 */
function minutesHeadingKept(current: Meeting, before: MeetingColumns, after: MeetingColumns) {
  if (current.minutesStatus === 'draft') return;
  const changed =
    before.title !== after.title ||
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.place !== after.place ||
    before.status !== after.status;
  if (changed) throw new Refusal(`minutes.refused.${current.minutesStatus}`, { status: 409 });
}

/**
 * Saves the meeting over the version its form was opened on. A change of time, place, link or status
 * raises the calendar SEQUENCE and, once the call has gone, mails the update (or the cancellation) to
 * every participant with an address, in the same transaction.
 */
export async function saveMeeting(
  deps: MeetingDeps,
  viewer: Viewer,
  id: number,
  input: Omit<MeetingInput, 'version'>,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  const now = deps.clock.now();
  const { t } = deps;
  return withPublicChange(deps, async (tx) => {
    const access = await editableMeeting(tx, viewer, id);
    const current = await lockMeeting(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `meeting ${id}`);
    const before = columnsOf(current);
    const next: MeetingColumns = {
      title: input.title,
      ...instantsOf(input),
      place: input.place ?? '',
      videoUrl: input.videoUrl,
      status: input.status,
      cancelledReason: input.status === 'cancelled' ? input.cancelledReason : null,
      secretaryPersonId: input.secretaryPersonId,
      ...visibilityFor(access.group, input, t),
    };
    if (current.version === expectedVersion)
      checkSecretary(
        await findGroupMembers(tx, access.group.id),
        next.secretaryPersonId,
        current.secretaryPersonId,
      );
    if (current.version === expectedVersion) minutesHeadingKept(current, before, next);
    const moved = movesEvent(before, next);
    const outcome = await saveVersioned(tx, {
      type: 'meeting',
      id,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion,
      currentVersion: current.version,
      current: before,
      next,
      describe: (values) => describe(tx, t, values),
      write: (expected) =>
        updateMeeting(
          tx,
          id,
          expected,
          { ...next, ...(moved ? { calendarSequence: current.calendarSequence + 1 } : {}) },
          now,
        ),
    });
    // A meeting marked held needs no mail; a moved or cancelled one does, once the call has gone.
    if (outcome === 'saved' && moved && current.calledAt && next.status !== 'held') {
      const record = await findMeetingRecord(tx, id);
      if (record) await mailParticipants(tx, deps, { ...record, scope: access.scope }, 'update');
    }
    return outcome;
  });
}

/** A soft delete by whoever may edit the meeting, with its history. */
export async function deleteMeeting(deps: MeetingDeps, viewer: Viewer, id: number, expectedVersion: number) {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const access = await editableMeeting(tx, viewer, id);
    const current = await lockMeeting(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `meeting ${id}`);
    const values = columnsOf(current);
    // A called meeting still to come is in its participants' calendars: deleting it cancels it there too.
    const inCalendars =
      current.calledAt !== null && current.status === 'planned' && current.endsAt.getTime() > now.getTime();
    const sequence = inCalendars ? { calendarSequence: current.calendarSequence + 1 } : {};
    await saveVersioned(tx, {
      type: 'meeting',
      id,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion,
      currentVersion: current.version,
      current: values,
      next: values,
      describe: (described) => describe(tx, deps.t, described),
      write: (expected) => updateMeeting(tx, id, expected, { deletedAt: now, ...sequence }, now),
      action: 'deleted',
    });
    if (inCalendars) {
      const record = await findMeetingRecord(tx, id);
      if (record)
        await mailParticipants(
          tx,
          deps,
          { ...record, scope: access.scope, meeting: { ...record.meeting, status: 'cancelled' } },
          'update',
        );
    }
    return access.group;
  });
}

export async function loadMeetingHistory(deps: Pick<MeetingDeps, 'db' | 't'>, viewer: Viewer, id: number) {
  const access = await editableMeeting(deps.db, viewer, id);
  const entries = await findHistory(deps.db, 'meeting', id);
  return { access, entries, labels: meetingLabels(deps.t) };
}

/** What the working page shows: the meeting with everything of it, for the group's members. */
export async function loadWorkingPage(deps: Pick<MeetingDeps, 'db' | 'clock'>, viewer: Viewer, id: number) {
  const access = await meetingForMember(deps.db, viewer, id);
  const [participants, agenda, documents, secretary] = await Promise.all([
    findParticipants(deps.db, id),
    findAgenda(deps.db, id),
    findMeetingDocuments(deps.db, id),
    access.meeting.secretaryPersonId === null
      ? undefined
      : findPersonName(deps.db, access.meeting.secretaryPersonId),
  ]);
  const itemDocuments = await findItemDocumentIds(
    deps.db,
    agenda.map((item) => item.id),
  );
  const { meeting } = access;
  // The actions its decisions gave, and the open ones its follow-up item brings up (issue 10, item 4).
  const actions = await findActionsOfItems(
    deps.db,
    agenda.map((item) => item.id),
  );
  const followUp = agenda.some((item) => item.standingKind === 'action_follow_up')
    ? await findActionsForFollowUp(deps.db, meeting.groupId, meeting.startsAt)
    : [];
  const adjusters = await findAdjustersWithNames(deps.db, id);
  const missing = {
    items: !agenda.some((item) => item.standingKind === null),
    place: meeting.place === '' && !meeting.videoUrl,
  };
  return {
    access,
    participants,
    agenda: agenda.map((item) => ({ ...item, documentIds: itemDocuments.get(item.id) ?? [] })),
    documents,
    secretaryName: secretary ? secretary.name || secretary.email || '' : '',
    mayEdit: mayEditMeeting(viewer, access),
    isPublic: meetingIsPublic(access),
    mayCall: meeting.status === 'planned' && meeting.startsAt.getTime() > deps.clock.now().getTime(),
    missing,
    actions,
    followUp,
    isAdjuster: adjusters.some((adjuster) => adjuster.personId === viewer.personId),
    today: stockholmDate(deps.clock.now()),
  };
}

export type WorkingPage = Awaited<ReturnType<typeof loadWorkingPage>>;

/** A guest called to the meeting (name, organisation, address), by whoever may edit it. */
/**
 * The meeting locked, its attendance still open: once the minutes are sent for approval (or approved) the
 * guests are part of them, so none is added or removed (409).
 */
async function lockedForGuests(tx: DbOrTx, viewer: Viewer, id: number) {
  await editableMeeting(tx, viewer, id);
  const meeting = await lockMeeting(tx, id);
  if (!meeting) throw new AppError('NOT_FOUND', `meeting ${id}`);
  if (meeting.minutesStatus === 'approved') throw new Refusal('minutes.refused.approved', { status: 409 });
  if (meeting.minutesStatus === 'ready') throw new Refusal('minutes.refused.ready', { status: 409 });
}

export async function addGuest(deps: MeetingDeps, viewer: Viewer, id: number, input: GuestInput) {
  await withPublicChange(deps, async (tx) => {
    await lockedForGuests(tx, viewer, id);
    await insertParticipants(tx, [
      {
        meetingId: id,
        kind: 'guest',
        personId: null,
        name: input.name,
        organisationName: input.organisationName ?? '',
        email: input.email,
      },
    ]);
  });
}

export async function removeGuest(deps: MeetingDeps, viewer: Viewer, id: number, participantId: number) {
  await withPublicChange(deps, async (tx) => {
    await lockedForGuests(tx, viewer, id);
    const removed = await deleteGuest(tx, id, participantId);
    if (!removed) throw new AppError('NOT_FOUND', `guest ${participantId} of meeting ${id}`);
  });
}

/** The group's meetings for its internal page, and whether the viewer may add one. */
export async function loadGroupMeetings(
  deps: Pick<MeetingDeps, 'db' | 'clock'>,
  viewer: Viewer,
  group: { id: number; organisationId: number | null },
) {
  const meetings = await findGroupMeetings(deps.db, group.id, deps.clock.now());
  const mayAdd = isCoordinator(viewer) || canAddMeeting(viewer, await groupScopeOf(deps.db, viewer, group));
  return { ...meetings, mayAdd };
}

export type { MeetingAccess };
