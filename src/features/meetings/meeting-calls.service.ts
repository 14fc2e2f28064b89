import type { DbOrTx } from '../../db/client.ts';
import { formatDate, stockholmDate, stockholmTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import type { Viewer } from '../auth/permissions.ts';
import { queueMails } from '../mail/mail.service.ts';
import { recordHistory } from '../register/history.service.ts';
import { type CalendarMeeting, meetingInvitation, meetingUrl } from './icalendar.ts';
import { lockMeeting } from './meeting-access.queries.ts';
import { editableMeeting, type MeetingAccess, meetingIsPublic } from './meeting-access.ts';
import { findCallAgenda, missingMembers } from './meeting-calls.queries.ts';
import { findGroupMembers, findParticipants, insertParticipants, updateMeeting } from './meetings.queries.ts';
import type { MeetingDeps } from './meetings.service.ts';

/**
 * The call (kallelse, issue 10): one mail per participant with an address, through the outbox, each with
 * the meeting as an .ics (METHOD:REQUEST, or CANCEL for a cancelled meeting), the same UID every time and
 * the SEQUENCE the meeting is at, so a calendar updates the event it has.
 */

/** The sender's address from the config's MAIL_FROM ("Samverkan <noreply@…>" or a bare address). */
function senderAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}

/** Where the mail links: the public page if the meeting is public, else the working page. */
export function meetingLink(baseUrl: string, access: MeetingAccess): string {
  const url = meetingUrl({ baseUrl }, access.meeting.id);
  return meetingIsPublic(access) ? url : `${url}/arbetsyta`;
}

/**
 * Queues the mails of a call ('call': first or again) or of a change after it ('update': the time,
 * place or status changed; a cancelled meeting is a cancellation). Returns how many were queued.
 */
export async function mailParticipants(
  tx: DbOrTx,
  deps: Pick<MeetingDeps, 'clock' | 't' | 'config'>,
  access: MeetingAccess,
  kind: 'call' | 'update',
): Promise<number> {
  const { t, config } = deps;
  const words = t.meetings.mail;
  const now = deps.clock.now();
  const { meeting, group } = access;
  const [participants, agenda, members] = await Promise.all([
    findParticipants(tx, meeting.id),
    findCallAgenda(tx, meeting.id),
    findGroupMembers(tx, group.id),
  ]);
  // Called as a member, but no longer one (left the group, or the account disabled): no internal item, and
  // nothing at all of a meeting the public may not see.
  const memberIds = new Set(members.map((member) => member.id));
  const stillMember = (participant: { kind: string; personId: number | null }) =>
    participant.kind === 'member' && participant.personId !== null && memberIds.has(participant.personId);
  const meetingPublic = meetingIsPublic(access);
  const cancelled = meeting.status === 'cancelled';
  const again = kind === 'update' || meeting.calledAt !== null;
  const subject = cancelled
    ? words.cancelledSubject(meeting.title)
    : again
      ? words.changedSubject(meeting.title)
      : words.subject(meeting.title);
  const intro = cancelled
    ? words.cancelledIntro(group.name)
    : again
      ? words.changedIntro(group.name)
      : words.intro(group.name);
  const site = { baseUrl: config.baseUrl };
  const organiser = { name: t.site.name, email: senderAddress(config.mailFrom) };
  const link = meetingLink(config.baseUrl, access);
  const mails = participants.flatMap((participant) => {
    if (!participant.email) return [];
    if (participant.kind === 'member' && !stillMember(participant) && !meetingPublic) return [];
    const titles = agenda
      .filter((item) => stillMember(participant) || item.visibility === 'public')
      .map((item) => item.title);
    const calendarMeeting: CalendarMeeting = {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      status: meeting.status,
      cancelledReason: meeting.cancelledReason,
      sequence: meeting.calendarSequence,
      agenda: titles,
      updatedAt: meeting.updatedAt,
    };
    const ics = meetingInvitation(t, site, {
      meeting: calendarMeeting,
      organiser,
      invitee: { name: participant.name, email: participant.email },
      now,
    });
    const lines = [
      words.greeting(participant.name),
      '',
      intro,
      ...(cancelled && meeting.cancelledReason ? [words.cancelledReason(meeting.cancelledReason)] : []),
      '',
      meeting.title,
      words.when(
        formatDate(stockholmDate(meeting.startsAt)),
        stockholmTime(meeting.startsAt),
        stockholmTime(meeting.endsAt),
      ),
      ...(meeting.place ? [words.place(meeting.place)] : []),
      ...(meeting.videoUrl ? [words.video(meeting.videoUrl)] : []),
      ...(titles.length > 0 && !cancelled
        ? ['', words.agenda, ...titles.map((title, index) => `§ ${index + 1}. ${title}`)]
        : []),
      '',
      words.link(link),
      '',
      words.calendar,
      '',
      words.signature,
    ];
    return [
      {
        to: participant.email,
        subject,
        text: lines.join('\n'),
        attachments: [
          {
            filename: 'mote.ics',
            contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
            contentBase64: Buffer.from(ics, 'utf8').toString('base64'),
          },
        ],
      },
    ];
  });
  await queueMails(tx, mails, deps.clock);
  return mails.length;
}

/**
 * Sends the call: refused unless the meeting is planned and has not begun; members who joined the group
 * since are called too; a second call goes to everyone as a changed call. The meeting's version goes up
 * with a history note, in the same transaction as the mails.
 */
export async function callMeeting(deps: MeetingDeps, viewer: Viewer, id: number): Promise<number> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const access = await editableMeeting(tx, viewer, id);
    const current = await lockMeeting(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `meeting ${id}`);
    if (current.status !== 'planned') throw new Refusal('meetings.errors.callNotPlanned', { status: 409 });
    if (current.startsAt.getTime() <= now.getTime())
      throw new Refusal('meetings.errors.callPast', { status: 409 });
    const joined = await missingMembers(tx, id, access.group.id);
    await insertParticipants(
      tx,
      joined.map((personId) => ({
        meetingId: id,
        kind: 'member' as const,
        personId,
        name: '',
        organisationName: '',
        email: null,
      })),
    );
    const count = await mailParticipants(tx, deps, { ...access, meeting: current }, 'call');
    const version = await updateMeeting(tx, id, current.version, { calledAt: now }, now);
    if (version === undefined) throw new Error('meeting changed under its lock');
    await recordHistory(tx, {
      type: 'meeting',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: {},
      snapshot: { calledAt: now.toISOString() },
      note: current.calledAt
        ? deps.t.meetings.historyNote.updated(count)
        : deps.t.meetings.historyNote.called(count),
    });
    return count;
  });
}
