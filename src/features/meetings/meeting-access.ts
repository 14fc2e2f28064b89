import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden } from '../../lib/refusal.ts';
import { canEditMeeting, canSeeMeetingInternals, type GroupScope, type Viewer } from '../auth/permissions.ts';
import { groupScopeOf } from '../groups/group-edits.service.ts';
import { findMeetingRecord, type MeetingRecord } from './meeting-access.queries.ts';

/**
 * The one way the meeting features find a meeting for someone and check what they may do with it
 * (issue 10): 404 when the meeting or its group is deleted (or the id names nothing), 403 when the rule in
 * permissions.ts says no. Every meeting service starts here, and again inside its transaction.
 */

export type MeetingAccess = MeetingRecord & { scope: GroupScope };

async function liveMeeting(db: DbOrTx, viewer: Viewer, id: number): Promise<MeetingAccess> {
  const record = await findMeetingRecord(db, id);
  if (!record || record.meeting.deletedAt || record.group.deletedAt)
    throw new AppError('NOT_FOUND', `meeting ${id}`);
  return { ...record, scope: await groupScopeOf(db, viewer, record.group) };
}

/** The rule's view of a meeting: its group's scope and its secretary. */
export function meetingRights(access: MeetingAccess) {
  return {
    groupId: access.group.id,
    group: access.scope,
    secretaryPersonId: access.meeting.secretaryPersonId,
  };
}

/** A meeting the viewer may change: its details, agenda, call and minutes (canEditMeeting). */
export async function editableMeeting(db: DbOrTx, viewer: Viewer, id: number): Promise<MeetingAccess> {
  const access = await liveMeeting(db, viewer, id);
  if (!canEditMeeting(viewer, meetingRights(access))) throw forbidden();
  return access;
}

/** A meeting whose internal items and draft minutes the viewer may read (canSeeMeetingInternals). */
export async function meetingForMember(db: DbOrTx, viewer: Viewer, id: number): Promise<MeetingAccess> {
  const access = await liveMeeting(db, viewer, id);
  if (!canSeeMeetingInternals(viewer, meetingRights(access))) throw forbidden();
  return access;
}

/** Whether the viewer may change the meeting (for showing "Ändra" links), without throwing. */
export function mayEditMeeting(viewer: Viewer | null, access: MeetingAccess): boolean {
  return canEditMeeting(viewer, meetingRights(access));
}

/**
 * Whether everyone may read the meeting: it, and its group, are public and not deleted. Public pages,
 * feeds, search and exports ask this (with the minutes' state for minutes and decisions).
 */
export function meetingIsPublic(record: MeetingRecord): boolean {
  return (
    record.meeting.deletedAt === null &&
    record.meeting.visibility === 'public' &&
    record.group.deletedAt === null &&
    record.group.visibility === 'public'
  );
}
