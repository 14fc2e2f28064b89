import type { Db } from '../../db/client.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import {
  findAdjusterNames,
  findAttendance,
  findGroupDecisions,
  findGroupMeetings,
  findItemLinks,
  findPastGroupMeetings,
  findPublicCorrections,
  findPublicDecision,
  findPublicItems,
  findPublicMeeting,
  findPublicOpenActions,
  type ItemLinks,
  type PublicItem,
  type PublicMeeting,
} from './meeting-pages.queries.ts';

/**
 * What the public page of a meeting shows (issue 10): the meeting, its public items, and only once the
 * minutes are approved the minutes' part. Draft and ready minutes give nothing of themselves away: their
 * notes and decisions are blanked here, before any view sees them.
 */

export type PublicMinutes = {
  approvedAt: Date;
  attendance: Awaited<ReturnType<typeof findAttendance>>;
  adjusters: Awaited<ReturnType<typeof findAdjusterNames>>;
  corrections: (Awaited<ReturnType<typeof findPublicCorrections>>[number] & { itemNumber: number | null })[];
};

/** `number`: the item's § among the public items, 1, 2, 3 …: internal items are not even counted. */
export type NumberedItem = PublicItem & { number: number };

export type PublicMeetingPage = {
  meeting: PublicMeeting;
  items: NumberedItem[];
  links: ItemLinks;
  /** Null until the minutes are approved. */
  minutes: PublicMinutes | null;
};

export async function publicMeetingPage(db: Db, id: number): Promise<PublicMeetingPage> {
  const meeting = await findPublicMeeting(db, id);
  if (!meeting) throw new AppError('NOT_FOUND', `meeting ${id}`);
  const approved = meeting.minutesStatus === 'approved' && meeting.minutesApprovedAt !== null;
  const [rawItems, attendance, adjusters, corrections] = await Promise.all([
    findPublicItems(db, id),
    approved ? findAttendance(db, id) : [],
    approved ? findAdjusterNames(db, id) : [],
    approved ? findPublicCorrections(db, id) : [],
  ]);
  const items = rawItems.map((item, index) => ({
    ...item,
    number: index + 1,
    ...(approved ? {} : { notes: '', decision: '' }),
  }));
  const links = await findItemLinks(
    db,
    items.map((item) => item.id),
  );
  return {
    meeting,
    items,
    links,
    minutes:
      approved && meeting.minutesApprovedAt
        ? {
            approvedAt: meeting.minutesApprovedAt,
            attendance,
            adjusters,
            corrections: corrections.map((correction) => ({
              ...correction,
              itemNumber: items.find((item) => item.id === correction.agendaItemId)?.number ?? null,
            })),
          }
        : null,
  };
}

/** The minutes anyone may read, for the archive copy: 404 unless the meeting is public and approved. */
export async function approvedMinutes(db: Db, id: number) {
  const page = await publicMeetingPage(db, id);
  if (!page.minutes) throw new AppError('NOT_FOUND', `minutes of meeting ${id}`);
  return page as PublicMeetingPage & { minutes: PublicMinutes };
}

/** A decision's page: 404 unless its item is public, its meeting public and the minutes approved. */
export async function publicDecision(db: Db, itemId: number) {
  const decision = await findPublicDecision(db, itemId);
  if (!decision) throw new AppError('NOT_FOUND', `decision ${itemId}`);
  return decision;
}

/**
 * A group's meetings for its public page (and /hogskoleradet): coming meetings, past ones with their
 * published decisions, and open public actions. Four queries, run together, whatever the number of meetings.
 */
export async function groupMeetingsOverview(db: Db, groupId: number, now: Date) {
  const [coming, past, decisions, actions] = await Promise.all([
    findGroupMeetings(db, groupId, now, 20),
    findPastGroupMeetings(db, groupId, now, 20),
    findGroupDecisions(db, groupId, 200),
    findPublicOpenActions(db, groupId),
  ]);
  return { coming, past, decisions, actions, today: stockholmDate(now) };
}

export type GroupMeetingsOverview = Awaited<ReturnType<typeof groupMeetingsOverview>>;
