import type { DbOrTx } from '../../db/client.ts';
import { formatDate, stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canFollowUpAction,
  canSeeAllOverdueActions,
  canSeeMeetingInternals,
  type Viewer,
} from '../auth/permissions.ts';
import { groupScopeOf } from '../groups/group-edits.service.ts';
import { findHistory } from '../register/history.queries.ts';
import { recordHistory } from '../register/history.service.ts';
import { needsNote } from './action-status.ts';
import type { ActionStatusInput, NewActionInput } from './actions.forms.ts';
import {
  findAction,
  findGroupMembersWithAccounts,
  findGroupsWithActions,
  findItemForAction,
  findLiveOrganisationName,
  findOpenActionsOfGroup,
  findOverdueActions,
  findOwnerOrganisations,
  insertAction,
  lockAction,
  updateActionStatus,
} from './actions.queries.ts';
import { findMeetingRecord } from './meeting-access.queries.ts';
import { editableMeeting } from './meeting-access.ts';
import type { ActionStatus } from './meetings.table.ts';
import type { Deps } from './minutes.service.ts';

/**
 * Actions (uppdrag) from decisions (issue 10, item 4): made from an item's decision by whoever may edit
 * the meeting, followed up (status and a short update) by the group, the meeting's editors and the owner,
 * each change with its history, under the version lock. Actions show on public pages (follow-up item,
 * group page) once their meeting's minutes are approved, so writes are public changes.
 */

export const actionPath = (id: number) => `/uppdrag/${id}`;
export const newActionPath = (itemId: number) => `/arenden/${itemId}/uppdrag/nytt`;
export const OVERDUE_PATH = '/uppdrag/forsenade';

async function itemAndMeeting(db: DbOrTx, viewer: Viewer, itemId: number) {
  const item = await findItemForAction(db, itemId);
  if (!item || item.deletedAt) throw new AppError('NOT_FOUND', `agenda item ${itemId}`);
  const access = await editableMeeting(db, viewer, item.meetingId);
  return { item, access };
}

/** The form for a new action from an item's decision, with its choices. */
export async function loadNewAction(deps: Pick<Deps, 'db'>, viewer: Viewer, itemId: number) {
  const { item, access } = await itemAndMeeting(deps.db, viewer, itemId);
  const [members, organisations] = await Promise.all([
    findGroupMembersWithAccounts(deps.db, access.group.id),
    findOwnerOrganisations(deps.db),
  ]);
  return { item, access, members, organisations };
}

export type LoadedNewAction = Awaited<ReturnType<typeof loadNewAction>>;

/** Saves a new action; returns its id. Owner, member and reason rules refuse next to their fields. */
export async function createAction(deps: Deps, viewer: Viewer, itemId: number, input: NewActionInput) {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const { item, access } = await itemAndMeeting(tx, viewer, itemId);
    if (input.ownerPersonId === null && input.ownerOrganisationId === null)
      throw new Refusal('minutes.actions.ownerMissing', { field: 'ownerPersonId' });
    let personName = '';
    if (input.ownerPersonId !== null) {
      const members = await findGroupMembersWithAccounts(tx, access.group.id);
      const member = members.find((candidate) => candidate.id === input.ownerPersonId);
      if (!member) throw new Refusal('minutes.actions.ownerPersonNotMember', { field: 'ownerPersonId' });
      personName = member.name;
    }
    let organisationName = '';
    if (input.ownerOrganisationId !== null) {
      const organisation = await findLiveOrganisationName(tx, input.ownerOrganisationId);
      if (!organisation)
        throw new Refusal('minutes.actions.ownerOrganisationMissing', { field: 'ownerOrganisationId' });
      organisationName = organisation.name;
    }
    // An action from an internal item is internal too (its title would tell of the item), with the item's
    // reason where none is given.
    const visibility = item.visibility === 'internal' ? 'internal' : input.visibility;
    const internalReason =
      visibility === 'internal' ? input.internalReason || (item.internalReason ?? '') : '';
    if (visibility === 'internal' && internalReason === '')
      throw new Refusal('minutes.actions.internalReasonMissing', { field: 'internalReason' });
    const values = {
      groupId: access.group.id,
      meetingId: access.meeting.id,
      agendaItemId: item.id,
      title: input.title,
      description: input.description,
      ownerPersonId: input.ownerPersonId,
      ownerOrganisationId: input.ownerOrganisationId,
      dueOn: input.dueOn,
      visibility,
      internalReason: internalReason || null,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await insertAction(tx, values);
    await recordHistory(tx, {
      type: 'meeting_action',
      id: saved.id,
      version: saved.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: describeAction(deps.t, {
        title: input.title,
        status: 'not_started',
        statusNote: '',
        dueOn: input.dueOn,
        owner: [personName, organisationName].filter(Boolean).join(', '),
      }),
      snapshot: values,
    });
    return saved.id;
  });
}

function describeAction(
  t: Messages,
  action: { title: string; status: ActionStatus; statusNote: string; dueOn: string | null; owner: string },
) {
  const text = t.minutes.actions;
  return {
    [text.describe.title]: action.title,
    [text.describe.status]: text.statuses[action.status],
    [text.describe.note]: action.statusNote,
    [text.describe.due]: action.dueOn ? formatDate(action.dueOn) : '',
    [text.describe.owner]: action.owner,
  };
}

/** An action with what the viewer may do with it: read (follow-up rights or the meeting's internals). */
async function actionFor(db: DbOrTx, viewer: Viewer, id: number) {
  const row = await findAction(db, id);
  if (!row || row.action.deletedAt) throw new AppError('NOT_FOUND', `action ${id}`);
  const record = await findMeetingRecord(db, row.action.meetingId);
  if (!record || record.meeting.deletedAt || record.group.deletedAt)
    throw new AppError('NOT_FOUND', `action ${id}`);
  const rights = {
    groupId: record.group.id,
    group: await groupScopeOf(db, viewer, record.group),
    secretaryPersonId: record.meeting.secretaryPersonId,
    ownerPersonId: row.action.ownerPersonId,
  };
  const mayFollowUp = canFollowUpAction(viewer, rights);
  if (!mayFollowUp && !canSeeMeetingInternals(viewer, rights)) throw forbidden();
  return { ...row, record, mayFollowUp };
}

/** The action's page: the action, its decision and meeting, its history, and whether it may be followed up. */
export async function loadAction(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, id: number) {
  const loaded = await actionFor(deps.db, viewer, id);
  const history = await findHistory(deps.db as Parameters<typeof findHistory>[0], 'meeting_action', id);
  return { ...loaded, history, today: stockholmDate(deps.clock.now()) };
}

export type LoadedAction = Awaited<ReturnType<typeof loadAction>>;

/** A follow-up: the new status and a short update (required for struken), under the version lock. */
export async function followUpAction(deps: Deps, viewer: Viewer, id: number, input: ActionStatusInput) {
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const loaded = await actionFor(tx, viewer, id);
    if (!loaded.mayFollowUp) throw forbidden();
    const current = await lockAction(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `action ${id}`);
    if (current.version !== input.version)
      throw new Refusal('minutes.actions.stale', { status: 409, field: 'status' });
    if (needsNote(input.status) && input.note === '')
      throw new Refusal('minutes.actions.noteMissing', { field: 'note' });
    const version = await updateActionStatus(tx, id, input.version, {
      status: input.status,
      statusNote: input.note,
      statusChangedAt: now,
    });
    if (version === undefined) throw new Refusal('minutes.actions.stale', { status: 409, field: 'status' });
    const owner = [loaded.ownerPersonName, loaded.ownerOrganisationName].filter(Boolean).join(', ');
    await recordHistory(tx, {
      type: 'meeting_action',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describeAction(deps.t, { ...current, owner }),
      after: describeAction(deps.t, { ...current, status: input.status, statusNote: input.note, owner }),
      // The update is a changed field in the entry already; as its note too it was shown twice.
      snapshot: { status: input.status, statusNote: input.note },
    });
  });
}

/** Every group's overdue actions (or one group's), for the coordinators' list. */
export async function loadOverdue(deps: Pick<Deps, 'db' | 'clock'>, groupId: number | null) {
  const today = stockholmDate(deps.clock.now());
  const [rows, groups] = await Promise.all([
    findOverdueActions(deps.db, today, groupId),
    findGroupsWithActions(deps.db),
  ]);
  return { rows, groups, today };
}

/**
 * The "Uppdrag" section of a group's internal page (the route has checked canViewGroupInternals): the
 * group's open actions, overdue first, and whether to link to every group's overdue actions.
 */
export async function loadGroupActions(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, groupId: number) {
  const today = stockholmDate(deps.clock.now());
  const actions = await findOpenActionsOfGroup(deps.db, groupId, { publicOnly: false, today });
  return { actions, showOverdueLink: canSeeAllOverdueActions(viewer) };
}
