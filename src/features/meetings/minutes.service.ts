import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { addDays, formatDate, stockholmDate } from '../../lib/dates.ts';
import { Refusal } from '../../lib/refusal.ts';
import { languageFor, type Messages, messagesFor } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import type { Viewer } from '../auth/permissions.ts';
import { queueMails } from '../mail/mail.service.ts';
import { recordHistory } from '../register/history.service.ts';
import { findActionsForFollowUp } from './actions.queries.ts';
import { lockMeeting } from './meeting-access.queries.ts';
import { editableMeeting, type MeetingAccess } from './meeting-access.ts';
import type { Attendance, Meeting } from './meetings.table.ts';
import {
  findAdjustersWithNames,
  findCorrections,
  findMinutesItems,
  findMinutesParticipants,
  type MinutesItem,
  type MinutesParticipant,
  replaceAdjusters,
  setAttendance,
  updateItemMinutes,
  updateMeetingMinutes,
} from './minutes.queries.ts';

/**
 * Writing the minutes (issue 10, item 3): per item notes and the decision, attendance, adjusters and where
 * the minutes are kept. "Spara utkast" keeps them a draft; finishing is one step (as Decidim's users
 * asked): the meeting is marked held, the minutes ready, the deadline set and the adjusters mailed, in one
 * transaction with the history. Ready minutes wait for the adjusters (they may send them back); approved
 * ones are frozen (corrections.service.ts).
 */

export type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

export const minutesPath = (id: number) => `/moten/${id}/protokoll`;
export const approvalPath = (id: number) => `/moten/${id}/justera`;
export const correctionPath = (id: number) => `/moten/${id}/rattelse`;

/** The minutes' parts as a meeting has them now, for the form, the approval view and the status page. */
export async function minutesParts(db: DbOrTx, meeting: Meeting) {
  // One after another: inside a transaction the queries share one connection.
  const items = await findMinutesItems(db, meeting.id);
  const participants = await findMinutesParticipants(db, meeting.id);
  const adjusters = await findAdjustersWithNames(db, meeting.id);
  const followUp = items.some((item) => item.standingKind === 'action_follow_up')
    ? await findActionsForFollowUp(db, meeting.groupId, meeting.startsAt)
    : [];
  return { items, participants, adjusters, followUp };
}

export type MinutesParts = Awaited<ReturnType<typeof minutesParts>>;

/**
 * Participants who may adjust: those with an account that can sign in who are members of the group now
 * (one who has left, or whose account is disabled, would approve minutes they may no longer read).
 */
export const adjusterChoices = (participants: MinutesParticipant[]) =>
  participants.flatMap((participant) =>
    participant.personId === null || !participant.mayAdjust ? [] : [participant.personId],
  );

/** The minutes form (or, once ready or approved, their state) for someone who may edit the meeting. */
export async function loadMinutes(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, id: number) {
  const access = await editableMeeting(deps.db, viewer, id);
  if (access.meeting.status === 'cancelled') throw refused('cancelled', id);
  const parts = await minutesParts(deps.db, access.meeting);
  const today = stockholmDate(deps.clock.now());
  const corrections = access.meeting.minutesStatus === 'approved' ? await findCorrections(deps.db, id) : [];
  return { access, ...parts, corrections, today, values: formValues(access, parts) };
}

export type LoadedMinutes = Awaited<ReturnType<typeof loadMinutes>>;

/** As loadMinutes, for a save: refused (409) unless the minutes are still a draft of a meeting not cancelled. */
export async function loadMinutesForWriting(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, id: number) {
  const loaded = await loadMinutes(deps, viewer, id);
  checkWritable(loaded.access.meeting, false, deps.clock.now());
  return loaded;
}

function formValues(access: MeetingAccess, parts: MinutesParts): Record<string, string> {
  const values: Record<string, string> = {
    keptAt: access.meeting.minutesKeptAt ?? access.group.minutesKeptAt,
    version: String(access.meeting.version),
  };
  for (const item of parts.items) {
    values[`notes-${item.id}`] = item.notes;
    values[`decision-${item.id}`] = item.decision;
  }
  for (const participant of parts.participants)
    values[`attendance-${participant.id}`] = participant.attendance ?? '';
  for (const adjuster of parts.adjusters) values[`adjuster-${adjuster.personId}`] = 'ja';
  return values;
}

function refused(reason: 'cancelled' | 'notStarted' | 'ready' | 'approved' | 'stale', id: number) {
  return new Refusal(`minutes.refused.${reason}`, {
    status: 409,
    title: 'minutes.refused.title',
    link: { href: minutesPath(id), text: 'minutes.refused.backToMeeting' },
  });
}

/** Whether these minutes may be written now (and finished, if asked): the rules, in the transaction. */
function checkWritable(meeting: Meeting, finish: boolean, now: Date): void {
  if (meeting.status === 'cancelled') throw refused('cancelled', meeting.id);
  if (meeting.minutesStatus === 'approved') throw refused('approved', meeting.id);
  if (meeting.minutesStatus === 'ready') throw refused('ready', meeting.id);
  if (finish && meeting.startsAt > now) throw refused('notStarted', meeting.id);
}

export type MinutesInput = Record<string, string | number>;

/**
 * Saves the minutes as a draft, or finishes them (`finish`): the meeting held, the minutes ready, the
 * deadline (Stockholm today + the group's adjustment days), a mail to each adjuster. Returns the state.
 */
export async function saveMinutes(
  deps: Deps,
  viewer: Viewer,
  id: number,
  input: MinutesInput,
): Promise<'draft' | 'ready'> {
  const now = deps.clock.now();
  const finish = input.action === 'justering';
  return withPublicChange(deps, async (tx) => {
    const access = await editableMeeting(tx, viewer, id);
    const meeting = await lockMeeting(tx, id);
    if (!meeting) throw refused('stale', id);
    checkWritable(meeting, finish, now);
    if (meeting.version !== input.version) throw refused('stale', id);
    const parts = await minutesParts(tx, meeting);
    const chosen = adjusterChoices(parts.participants).filter(
      (personId) => input[`adjuster-${personId}`] === 'ja',
    );
    if (finish && chosen.length === 0)
      throw new Refusal('minutes.form.adjusterMissing', { field: 'adjusters' });
    // The notice of approved minutes says where they are kept: finished minutes need the place.
    if (finish && String(input.keptAt ?? '').trim() === '')
      throw new Refusal('minutes.form.keptAtMissing', { field: 'keptAt' });
    const t = deps.t;
    for (const item of parts.items) {
      const next = {
        notes: String(input[`notes-${item.id}`] ?? ''),
        decision: String(input[`decision-${item.id}`] ?? ''),
      };
      if (next.notes === item.notes && next.decision === item.decision) continue;
      const version = await updateItemMinutes(tx, item.id, next, now);
      await recordHistory(tx, {
        type: 'agenda_item',
        id: item.id,
        version,
        action: 'changed',
        actorPersonId: viewer.personId,
        at: now,
        before: describeItem(t, item),
        after: describeItem(t, next),
        snapshot: next,
      });
    }
    const attendance: Record<number, Attendance | null> = {};
    for (const participant of parts.participants) {
      const value = (String(input[`attendance-${participant.id}`] ?? '') || null) as Attendance | null;
      attendance[participant.id] = value;
      if (value !== participant.attendance) await setAttendance(tx, participant.id, value);
    }
    await replaceAdjusters(tx, id, chosen);
    const keptAt = String(input.keptAt ?? '') || null;
    const today = stockholmDate(now);
    const dueOn = addDays(today, access.group.adjustmentDays);
    const values = finish
      ? {
          minutesKeptAt: keptAt,
          status: 'held' as const,
          minutesStatus: 'ready' as const,
          minutesReadyAt: now,
          adjustmentDueOn: dueOn,
        }
      : { minutesKeptAt: keptAt };
    const version = await updateMeetingMinutes(tx, id, meeting.version, values, now);
    if (version === undefined) throw refused('stale', id);
    const names = (ids: number[]) =>
      parts.participants
        .filter((participant) => participant.personId !== null && ids.includes(participant.personId))
        .map((participant) => participant.name)
        .join(', ');
    await recordHistory(tx, {
      type: 'meeting',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describeMeeting(t, meeting, parts.participants, names(parts.adjusters.map((a) => a.personId))),
      after: describeMeeting(
        t,
        { ...meeting, ...values },
        parts.participants.map((participant) => ({
          ...participant,
          attendance: attendance[participant.id] ?? null,
        })),
        names(chosen),
      ),
      snapshot: { ...values, adjusters: chosen, attendance },
      ...(finish ? { note: t.minutes.history.meetingFinished } : {}),
    });
    if (finish) {
      const adjusters = await findAdjustersWithNames(tx, id);
      const url = `${deps.config.baseUrl}${approvalPath(id)}`;
      await queueMails(
        tx,
        adjusters.flatMap((adjuster) => {
          if (!adjuster.email) return [];
          const text = messagesFor(languageFor(adjuster.language)).minutes.mail;
          return [
            {
              to: adjuster.email,
              subject: text.adjustSubject(meeting.title),
              text: text.adjustBody(meeting.title, formatDate(dueOn), url),
            },
          ];
        }),
        deps.clock,
      );
    }
    return finish ? 'ready' : 'draft';
  });
}

export function describeItem(t: Messages, item: { notes: string; decision: string }) {
  return { [t.minutes.form.notes]: item.notes, [t.minutes.form.decision]: item.decision };
}

export function describeMeeting(
  t: Messages,
  meeting: Pick<Meeting, 'status' | 'minutesStatus' | 'minutesKeptAt' | 'adjustmentDueOn'>,
  participants: Pick<MinutesParticipant, 'name' | 'attendance'>[],
  adjusters: string,
) {
  const text = t.minutes;
  return {
    [text.form.status]: text.statuses[meeting.minutesStatus],
    [text.form.attendance]: participants
      .map(
        (participant) =>
          `${participant.name}: ${participant.attendance ? text.attendances[participant.attendance] : '–'}`,
      )
      .join('; '),
    [text.form.adjusters]: adjusters,
    [text.form.keptAt]: meeting.minutesKeptAt ?? '',
    [text.form.dueLabel]: meeting.adjustmentDueOn ? formatDate(meeting.adjustmentDueOn) : '',
  };
}

export type { MinutesItem };
