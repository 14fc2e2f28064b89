import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { TIME_ZONE } from '../../../lib/dates.ts';
import { agreements, focusAreas } from '../../agreements/agreements.table.ts';
import { goals } from '../../goals/goals.table.ts';
import { groups } from '../../groups/groups.table.ts';
import {
  agendaItemFocusAreas,
  agendaItemGoals,
  agendaItems,
  meetings,
} from '../../meetings/meetings.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

/**
 * The meetings the public pages show (meetings/meeting-pages.queries.ts): a meeting and its group public
 * and not deleted; its items public and not deleted; the minutes' part (notes, decisions) only once the
 * minutes are approved — the caller blanks them otherwise, as meeting-pages.service.ts does.
 */

export type MeetingRowFilter = {
  group?: string;
  /** Stockholm days, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  updatedSince?: Date;
  /** One meeting by its id (the item endpoint). */
  id?: number;
};

const shownMeeting = () => and(shownToEveryone(meetings), shownToEveryone(groups));

/** The meeting's Stockholm day. */
export const meetingDay = sql`(${meetings.startsAt} at time zone ${TIME_ZONE})::date`;

/**
 * When what the API shows of a meeting last changed: the meeting itself (its minutes' approval too) or
 * any of its items — an internal or deleted one too, since hiding an item changes the public agenda (a
 * harvester asking with updatedSince must see the meeting again; only a time is revealed).
 */
const meetingUpdatedAt = sql<Date>`greatest(${meetings.updatedAt}, ${meetings.minutesApprovedAt},
  (select max(ai.updated_at) from agenda_items ai where ai.meeting_id = ${meetings.id}))`;

function conditions(filter: MeetingRowFilter) {
  return and(
    shownMeeting(),
    filter.id !== undefined ? eq(meetings.id, filter.id) : undefined,
    filter.group !== undefined ? eq(groups.slug, filter.group) : undefined,
    filter.from !== undefined ? sql`${meetingDay} >= ${filter.from}::date` : undefined,
    filter.to !== undefined ? sql`${meetingDay} <= ${filter.to}::date` : undefined,
    filter.updatedSince
      ? sql`${meetingUpdatedAt} >= ${filter.updatedSince.toISOString()}::timestamptz`
      : undefined,
  ) as SQL;
}

/** One page of public meetings by start time then id, with the number of all that match (one statement). */
export function findMeetingRows(db: Db, filter: MeetingRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      videoUrl: meetings.videoUrl,
      status: meetings.status,
      cancelledReason: meetings.cancelledReason,
      minutesStatus: meetings.minutesStatus,
      minutesApprovedAt: meetings.minutesApprovedAt,
      minutesKeptAt: meetings.minutesKeptAt,
      isDemo: meetings.isDemo,
      updatedAt: meetingUpdatedAt.mapWith((value: string | Date) => new Date(value)),
      group: { slug: groups.slug, name: groups.name, siteRole: groups.siteRole },
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(conditions(filter))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countMeetingRows(db: Db, filter: MeetingRowFilter) {
  return db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(conditions(filter))
    .then((rows) => rows[0]?.count ?? 0);
}

/**
 * The public items of these meetings in agenda order, each with its number among the meeting's public
 * items (internal items are not counted, as on the page) and its agreement if that is public.
 */
export function findMeetingItems(db: Db, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      number: sql<number>`row_number() over (partition by ${agendaItems.meetingId}
        order by ${agendaItems.position}, ${agendaItems.id})`.mapWith(Number),
      title: agendaItems.title,
      presenter: agendaItems.presenter,
      startTime: agendaItems.startTime,
      proposedDecision: agendaItems.proposedDecision,
      notes: agendaItems.notes,
      decision: agendaItems.decision,
      agreementSlug: agreements.slug,
      agreementTitle: agreements.title,
    })
    .from(agendaItems)
    .leftJoin(agreements, and(eq(agreements.id, agendaItems.agreementId), shownToEveryone(agreements)))
    .where(and(anyId(agendaItems.meetingId, meetingIds), shownToEveryone(agendaItems)))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.id));
}

/** The focus areas (not deleted) of these items, by name. */
export function findItemFocusAreas(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .select({ itemId: agendaItemFocusAreas.agendaItemId, slug: focusAreas.slug, name: focusAreas.name })
    .from(agendaItemFocusAreas)
    .innerJoin(focusAreas, eq(focusAreas.id, agendaItemFocusAreas.focusAreaId))
    .where(and(anyId(agendaItemFocusAreas.agendaItemId, itemIds), shownToEveryone(focusAreas)))
    .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`);
}

/** The goals of these items, in the goals' order (goals are never deleted or internal). */
export function findItemGoals(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .select({ itemId: agendaItemGoals.agendaItemId, slug: goals.slug, shortTitle: goals.shortTitle })
    .from(agendaItemGoals)
    .innerJoin(goals, eq(goals.id, agendaItemGoals.goalId))
    .where(anyId(agendaItemGoals.agendaItemId, itemIds))
    .orderBy(asc(goals.position));
}
