import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { findActivityChoices } from '../activities/activity-edits.queries.ts';
import { isCoordinator, type Viewer } from '../auth/permissions.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import type { AgendaCheckboxIds, ItemInput } from './agenda.forms.ts';
import {
  findItem,
  findItemLinks,
  findLinkNames,
  insertItem,
  lockItem,
  renumber,
  updateItem,
  writeItemLinks,
} from './agenda.queries.ts';
import { lockMeeting } from './meeting-access.queries.ts';
import { editableMeeting, type MeetingAccess } from './meeting-access.ts';
import { findAgenda, findMeetingDocuments } from './meetings.queries.ts';
import type { MeetingDeps } from './meetings.service.ts';
import type { AgendaItem } from './meetings.table.ts';

/**
 * The agenda (dagordning, issue 10): items numbered § 1..n, added, changed, moved and removed by whoever
 * may edit the meeting, each change with its history ('agenda_item'). Once the minutes are approved the
 * agenda is frozen: any change is refused (409); corrections belong to the minutes.
 */

type ItemValues = ItemInput;

function valuesOf(
  item: AgendaItem,
  links: { focusAreaIds: number[]; goalIds: number[]; documentIds: number[] },
): ItemValues {
  return {
    title: item.title,
    presenter: item.presenter,
    startTime: item.startTime ? item.startTime.slice(0, 5) : null,
    proposedDecision: item.proposedDecision,
    agreementId: item.agreementId,
    focusAreaIds: links.focusAreaIds,
    goalIds: links.goalIds,
    documentIds: links.documentIds,
    visibility: item.visibility,
    internalReason: item.internalReason,
  };
}

async function describe(db: DbOrTx, t: Messages, values: ItemValues): Promise<Described> {
  const names = await findLinkNames(db, values);
  return {
    title: values.title,
    presenter: values.presenter,
    startTime: values.startTime ?? '',
    proposedDecision: values.proposedDecision,
    agreementId: names.agreement,
    focusAreas: names.focusAreas,
    goals: names.goals,
    documents: names.documents,
    visibility: t.meetings.visibilities[values.visibility],
    internalReason: values.internalReason ?? '',
  };
}

/**
 * Approved minutes freeze the agenda; minutes sent for approval too (an adjuster approves what they read:
 * until they send the minutes back, nothing of them changes). Inside a transaction, pass the meeting's
 * row as locked, not as read before the lock.
 */
function frozen(access: { meeting: Pick<MeetingAccess['meeting'], 'minutesStatus'> }) {
  if (access.meeting.minutesStatus === 'approved')
    throw new Refusal('meetings.errors.agendaFrozen', { status: 409 });
  if (access.meeting.minutesStatus === 'ready') throw new Refusal('minutes.refused.ready', { status: 409 });
}

/** The meeting's row locked until the transaction ends; 404 if it went. */
async function lockedMeeting(tx: DbOrTx, meetingId: number) {
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND', `meeting ${meetingId}`);
  return meeting;
}

/** The form's choices: agreements (internal ones to the coordinator, or the one already chosen), areas, goals, the meeting's documents. */
async function itemChoices(db: DbOrTx, viewer: Viewer, meetingId: number, currentAgreementId: number | null) {
  const [choices, documents] = await Promise.all([
    findActivityChoices(db),
    findMeetingDocuments(db, meetingId),
  ]);
  return {
    agreements: choices.agreements
      .filter(
        (agreement) =>
          isCoordinator(viewer) || agreement.visibility === 'public' || agreement.id === currentAgreementId,
      )
      .map(({ id, title }) => ({ id, title })),
    focusAreas: choices.focusAreas,
    goals: choices.goals,
    documents: documents.map(({ id, title }) => ({ id, title })),
    ids: {
      focusAreaIds: choices.allFocusAreaIds,
      goalIds: choices.goals.map((goal) => goal.id),
      documentIds: documents.map((document) => document.id),
    } satisfies AgendaCheckboxIds,
  };
}

export type ItemChoices = Awaited<ReturnType<typeof itemChoices>>;

export async function loadNewItem(deps: Pick<MeetingDeps, 'db'>, viewer: Viewer, meetingId: number) {
  const access = await editableMeeting(deps.db, viewer, meetingId);
  frozen(access);
  return { access, choices: await itemChoices(deps.db, viewer, meetingId, null) };
}

export async function loadItemEditor(deps: Pick<MeetingDeps, 'db'>, viewer: Viewer, itemId: number) {
  const item = await findItem(deps.db, itemId);
  if (!item) throw new AppError('NOT_FOUND', `agenda item ${itemId}`);
  const access = await editableMeeting(deps.db, viewer, item.meetingId);
  const links = await findItemLinks(deps.db, itemId);
  return {
    access,
    item,
    links,
    choices: await itemChoices(deps.db, viewer, item.meetingId, item.agreementId),
  };
}

export type ItemEditor = Awaited<ReturnType<typeof loadItemEditor>>;

/** The agreement chosen must be one the form offered; the documents must be the meeting's. */
function checkChoices(choices: ItemChoices, input: ItemInput) {
  if (
    input.agreementId !== null &&
    !choices.agreements.some((agreement) => agreement.id === input.agreementId)
  )
    throw new Refusal('meetings.errors.agreementNotShown', { field: 'agreementId' });
}

export async function addItem(deps: MeetingDeps, viewer: Viewer, meetingId: number, input: ItemInput) {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    await editableMeeting(tx, viewer, meetingId);
    frozen({ meeting: await lockedMeeting(tx, meetingId) });
    checkChoices(await itemChoices(tx, viewer, meetingId, null), input);
    const agenda = await findAgenda(tx, meetingId);
    const { focusAreaIds, goalIds, documentIds, ...columns } = input;
    const item = await insertItem(tx, {
      ...columns,
      meetingId,
      position: agenda.length + 1,
      createdAt: now,
      updatedAt: now,
    });
    await writeItemLinks(tx, item.id, { focusAreaIds, goalIds, documentIds });
    await recordHistory(tx, {
      type: 'agenda_item',
      id: item.id,
      version: 1,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describe(tx, deps.t, input),
      snapshot: input,
    });
    return item.id;
  });
}

/** The item, its meeting editable by the viewer and not frozen, locked for the change. */
async function lockedItem(tx: DbOrTx, viewer: Viewer, itemId: number) {
  const found = await findItem(tx, itemId);
  if (!found) throw new AppError('NOT_FOUND', `agenda item ${itemId}`);
  const access = await editableMeeting(tx, viewer, found.meetingId);
  const meeting = await lockedMeeting(tx, found.meetingId);
  const item = await lockItem(tx, itemId);
  if (!item || item.deletedAt) throw new AppError('NOT_FOUND', `agenda item ${itemId}`);
  frozen({ meeting });
  return { access, item };
}

export async function saveItem(
  deps: MeetingDeps,
  viewer: Viewer,
  itemId: number,
  input: ItemInput,
  expectedVersion: number,
): Promise<{ outcome: 'saved' | 'unchanged'; meetingId: number }> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const { item } = await lockedItem(tx, viewer, itemId);
    const current = valuesOf(item, await findItemLinks(tx, itemId));
    if (item.version === expectedVersion)
      checkChoices(await itemChoices(tx, viewer, item.meetingId, item.agreementId), input);
    const outcome = await saveVersioned(tx, {
      type: 'agenda_item',
      id: itemId,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion,
      currentVersion: item.version,
      current,
      next: input,
      describe: (values) => describe(tx, deps.t, values),
      write: async (expected) => {
        const { focusAreaIds, goalIds, documentIds, ...columns } = input;
        const version = await updateItem(tx, itemId, expected, columns, now);
        if (version !== undefined) await writeItemLinks(tx, itemId, { focusAreaIds, goalIds, documentIds });
        return version;
      },
    });
    return { outcome, meetingId: item.meetingId };
  });
}

/** Removes the item (soft) and numbers the rest 1..n again. */
export async function removeItem(deps: MeetingDeps, viewer: Viewer, itemId: number) {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const { item } = await lockedItem(tx, viewer, itemId);
    const values = valuesOf(item, await findItemLinks(tx, itemId));
    await saveVersioned(tx, {
      type: 'agenda_item',
      id: itemId,
      actorPersonId: viewer.personId,
      at: now,
      expectedVersion: item.version,
      currentVersion: item.version,
      current: values,
      next: values,
      describe: (described) => describe(tx, deps.t, described),
      write: (expected) => updateItem(tx, itemId, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
    await renumber(
      tx,
      (await findAgenda(tx, item.meetingId)).map((row) => row.id),
    );
    return item.meetingId;
  });
}

/** Moves the item one place up or down; the agenda stays numbered 1..n. */
export async function moveItem(deps: MeetingDeps, viewer: Viewer, itemId: number, direction: 'upp' | 'ned') {
  return withPublicChange(deps, async (tx) => {
    const { item } = await lockedItem(tx, viewer, itemId);
    const ids = (await findAgenda(tx, item.meetingId)).map((row) => row.id);
    const from = ids.indexOf(itemId);
    const to = direction === 'upp' ? from - 1 : from + 1;
    if (from >= 0 && to >= 0 && to < ids.length) {
      const other = ids[to] as number;
      ids[to] = itemId;
      ids[from] = other;
    }
    await renumber(tx, ids);
    return item.meetingId;
  });
}

export function itemValues(
  item: AgendaItem,
  links: { focusAreaIds: number[]; goalIds: number[]; documentIds: number[] },
) {
  return valuesOf(item, links);
}
