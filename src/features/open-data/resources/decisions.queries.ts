import { and, asc, eq, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { focusAreas } from '../../agreements/agreements.table.ts';
import { goals } from '../../goals/goals.table.ts';
import { groups } from '../../groups/groups.table.ts';
import {
  agendaItemFocusAreas,
  agendaItemGoals,
  agendaItems,
  meetings,
} from '../../meetings/meetings.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { meetingDay } from './meetings.queries.ts';

/**
 * The decisions the site publishes (/beslut/:id, the group pages, search): a public item, not deleted, of
 * a public meeting of a public group, both not deleted, whose minutes are approved, with a decision text.
 */

export type DecisionRowFilter = {
  group?: string;
  goal?: string;
  focusArea?: string;
  /** Stockholm days of the meeting, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  updatedSince?: Date;
  /** One decision by its item's id (the item endpoint). */
  id?: number;
};

/**
 * When what the API shows of a decision last changed: the item, or its meeting (the minutes' approval, the
 * meeting's title and date).
 */
const decisionUpdatedAt = sql<Date>`greatest(${agendaItems.updatedAt}, ${meetings.updatedAt}, ${meetings.minutesApprovedAt})`;

function conditions(filter: DecisionRowFilter) {
  return and(
    shownToEveryone(agendaItems),
    shownToEveryone(meetings),
    shownToEveryone(groups),
    eq(meetings.minutesStatus, 'approved'),
    isNotNull(meetings.minutesApprovedAt),
    ne(agendaItems.decision, ''),
    filter.id !== undefined ? eq(agendaItems.id, filter.id) : undefined,
    filter.group !== undefined ? eq(groups.slug, filter.group) : undefined,
    filter.from !== undefined ? sql`${meetingDay} >= ${filter.from}::date` : undefined,
    filter.to !== undefined ? sql`${meetingDay} <= ${filter.to}::date` : undefined,
    filter.updatedSince
      ? sql`${decisionUpdatedAt} >= ${filter.updatedSince.toISOString()}::timestamptz`
      : undefined,
    filter.goal !== undefined
      ? sql`exists (select 1 from ${agendaItemGoals} join ${goals} on ${goals.id} = ${agendaItemGoals.goalId}
          where ${agendaItemGoals.agendaItemId} = ${agendaItems.id} and ${goals.slug} = ${filter.goal})`
      : undefined,
    filter.focusArea !== undefined
      ? sql`exists (select 1 from ${agendaItemFocusAreas} join ${focusAreas} on ${focusAreas.id} = ${agendaItemFocusAreas.focusAreaId}
          where ${agendaItemFocusAreas.agendaItemId} = ${agendaItems.id} and ${focusAreas.slug} = ${filter.focusArea}
            and ${focusAreas.deletedAt} is null)`
      : undefined,
  ) as SQL;
}

/** One page of decisions by the meeting's start, the item's place, then id, with the number of all. */
export function findDecisionRows(db: Db, filter: DecisionRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      decision: agendaItems.decision,
      notes: agendaItems.notes,
      isDemo: agendaItems.isDemo,
      /** The item's § among its meeting's public items, as /beslut/:id numbers it. */
      number: sql<number>`(select count(*)::int from agenda_items other
        where other.meeting_id = ${agendaItems.meetingId} and other.deleted_at is null
          and other.visibility = 'public'
          and (other.position, other.id) <= (${agendaItems.position}, ${agendaItems.id}))`.mapWith(Number),
      updatedAt: decisionUpdatedAt.mapWith((value: string | Date) => new Date(value)),
      meeting: {
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        minutesApprovedAt: meetings.minutesApprovedAt,
      },
      group: { slug: groups.slug, name: groups.name, siteRole: groups.siteRole },
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(conditions(filter))
    .orderBy(asc(meetings.startsAt), asc(meetings.id), asc(agendaItems.position), asc(agendaItems.id))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countDecisionRows(db: Db, filter: DecisionRowFilter) {
  return db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(conditions(filter))
    .then((rows) => rows[0]?.count ?? 0);
}
