import type { DbOrTx } from '../../db/client.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { languageFor, messagesFor } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canApproveMinutes, type Viewer } from '../auth/permissions.ts';
import { queueMails } from '../mail/mail.service.ts';
import { findPeopleWithRoles } from '../needs/brief-responses.queries.ts';
import { recordHistory } from '../register/history.service.ts';
import { findMeetingRecord, lockMeeting } from './meeting-access.queries.ts';
import {
  clearApprovals,
  findAdjustersWithNames,
  findMailAddresses,
  markAdjusterApproved,
  updateMeetingMinutes,
} from './minutes.queries.ts';
import { approvalPath, type Deps, describeMeeting, minutesParts, minutesPath } from './minutes.service.ts';

/**
 * Approval (justering) of minutes marked ready (issue 10, item 3): each adjuster, signed in, approves for
 * themselves; when the last one has, the minutes are approved and published (a public change). An adjuster
 * may instead send them back with a comment: the minutes are a draft again, every approval cleared, and
 * the secretary (or those who may change the group) mailed. No approval happens by itself after the
 * deadline; the working pages show the minutes as overdue.
 */

async function adjusterMeeting(db: DbOrTx, viewer: Viewer, id: number) {
  const record = await findMeetingRecord(db, id);
  if (!record || record.meeting.deletedAt || record.group.deletedAt)
    throw new AppError('NOT_FOUND', `meeting ${id}`);
  const adjusters = await findAdjustersWithNames(db, id);
  if (
    !canApproveMinutes(
      viewer,
      adjusters.map((adjuster) => adjuster.personId),
    )
  )
    throw forbidden();
  return { record, adjusters };
}

function notReady(id: number, reason: 'notReady' | 'alreadyApproved' = 'notReady') {
  return new Refusal(`minutes.refused.${reason}`, {
    status: 409,
    title: 'minutes.refused.title',
    link: { href: approvalPath(id), text: 'minutes.refused.backToMeeting' },
  });
}

/** The minutes as they will be published, for an adjuster; ready or approved (draft: 409). */
export async function loadApproval(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, id: number) {
  const { record, adjusters } = await adjusterMeeting(deps.db, viewer, id);
  if (record.meeting.minutesStatus === 'draft') throw notReady(id);
  const parts = await minutesParts(deps.db, record.meeting);
  const mine = adjusters.find((adjuster) => adjuster.personId === viewer.personId);
  return { record, ...parts, adjusters, mine, today: stockholmDate(deps.clock.now()) };
}

export type LoadedApproval = Awaited<ReturnType<typeof loadApproval>>;

/** One adjuster approves; the last one's approval publishes the minutes. Returns whether it was the last. */
export async function approveMinutes(
  deps: Deps,
  viewer: Viewer,
  id: number,
): Promise<'approved' | 'published'> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    await adjusterMeeting(tx, viewer, id);
    const meeting = await lockMeeting(tx, id);
    if (!meeting) throw new AppError('NOT_FOUND', `meeting ${id}`);
    const record = await findMeetingRecord(tx, id);
    const adjusters = await findAdjustersWithNames(tx, id);
    const mine = adjusters.find((adjuster) => adjuster.personId === viewer.personId);
    if (meeting.minutesStatus === 'approved' || mine?.approvedAt) throw notReady(id, 'alreadyApproved');
    if (meeting.minutesStatus !== 'ready') throw notReady(id);
    await markAdjusterApproved(tx, id, viewer.personId, now);
    if (adjusters.some((adjuster) => adjuster.personId !== viewer.personId && adjuster.approvedAt === null))
      return 'approved';
    const values = {
      minutesStatus: 'approved' as const,
      minutesApprovedAt: now,
      minutesKeptAt: meeting.minutesKeptAt || record?.group.minutesKeptAt || null,
    };
    const version = await updateMeetingMinutes(tx, id, meeting.version, values, now);
    if (version === undefined) throw notReady(id);
    const parts = await minutesParts(tx, meeting);
    const names = adjusters.map((adjuster) => adjuster.name).join(', ');
    await recordHistory(tx, {
      type: 'meeting',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describeMeeting(deps.t, meeting, parts.participants, names),
      after: describeMeeting(deps.t, { ...meeting, ...values }, parts.participants, names),
      snapshot: values,
      note: deps.t.minutes.history.approved,
    });
    return 'published';
  });
}

/** An adjuster sends the minutes back with a comment: a draft again, approvals cleared, the writers mailed. */
export async function sendBackMinutes(deps: Deps, viewer: Viewer, id: number, reason: string): Promise<void> {
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    await adjusterMeeting(tx, viewer, id);
    const meeting = await lockMeeting(tx, id);
    const record = await findMeetingRecord(tx, id);
    if (!meeting || !record) throw new AppError('NOT_FOUND', `meeting ${id}`);
    if (meeting.minutesStatus !== 'ready') throw notReady(id);
    const values = { minutesStatus: 'draft' as const, minutesReadyAt: null, adjustmentDueOn: null };
    const version = await updateMeetingMinutes(tx, id, meeting.version, values, now);
    if (version === undefined) throw notReady(id);
    await clearApprovals(tx, id);
    const parts = await minutesParts(tx, meeting);
    const names = parts.adjusters.map((adjuster) => adjuster.name).join(', ');
    await recordHistory(tx, {
      type: 'meeting',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describeMeeting(deps.t, meeting, parts.participants, names),
      after: describeMeeting(deps.t, { ...meeting, ...values }, parts.participants, names),
      snapshot: values,
      note: `${deps.t.minutes.history.sentBack}: ${reason}`,
    });
    const writers = meeting.secretaryPersonId
      ? await findMailAddresses(tx, [meeting.secretaryPersonId])
      : await meetingEditors(tx, record.group.organisationId);
    const url = `${deps.config.baseUrl}${minutesPath(id)}`;
    await queueMails(
      tx,
      writers.map((writer) => {
        const text = messagesFor(languageFor(writer.language)).minutes.mail;
        return {
          to: writer.email,
          subject: text.sentBackSubject(meeting.title),
          text: text.sentBackBody(meeting.title, viewer.name, reason, url),
        };
      }),
      deps.clock,
    );
  });
}

/** Who may change the group when the meeting has no secretary: the editors of its organisation, else the coordinators. */
async function meetingEditors(tx: DbOrTx, organisationId: number | null) {
  const editors = organisationId === null ? [] : await findPeopleWithRoles(tx, [organisationId], ['editor']);
  return editors.length > 0 ? editors : findPeopleWithRoles(tx, [], ['coordinator']);
}
