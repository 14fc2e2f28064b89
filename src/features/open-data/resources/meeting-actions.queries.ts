import { and, asc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { groups } from '../../groups/groups.table.ts';
import { givenByShownItem } from '../../meetings/meeting-pages.queries.ts';
import { type ActionStatus, meetingActions, meetings } from '../../meetings/meetings.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';

/**
 * The actions (uppdrag) the site publishes: the open ones (not started or in progress) given at a public
 * meeting of a public group whose minutes are approved, public and not deleted — the table "Pågående
 * uppdrag" on the group pages (findPublicOpenActions). A finished or struck action leaves that table,
 * and so the open data too.
 */
export type ActionRowFilter = {
  group?: string;
  status?: ActionStatus;
  updatedSince?: Date;
  id?: number;
};

export const PUBLIC_ACTION_STATUSES = [
  'not_started',
  'in_progress',
] as const satisfies readonly ActionStatus[];

function conditions(filter: ActionRowFilter): SQL {
  return and(
    shownToEveryone(meetingActions),
    shownToEveryone(meetings),
    shownToEveryone(groups),
    eq(meetings.minutesStatus, 'approved'),
    inArray(meetingActions.status, filter.status ? [filter.status] : [...PUBLIC_ACTION_STATUSES]),
    givenByShownItem(),
    filter.id !== undefined ? eq(meetingActions.id, filter.id) : undefined,
    filter.group !== undefined ? eq(groups.slug, filter.group) : undefined,
    filter.updatedSince ? gte(meetingActions.updatedAt, filter.updatedSince) : undefined,
  ) as SQL;
}

/** One page of public open actions by due date (none last), then id, with the number of all. */
export function findActionRows(db: Db, filter: ActionRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: meetingActions.id,
      title: meetingActions.title,
      status: meetingActions.status,
      dueOn: meetingActions.dueOn,
      statusNote: meetingActions.statusNote,
      isDemo: meetingActions.isDemo,
      updatedAt: meetingActions.updatedAt,
      meeting: { id: meetings.id, title: meetings.title },
      group: { slug: groups.slug, name: groups.name, siteRole: groups.siteRole },
      owner: { slug: organisations.slug, name: organisations.name, kind: organisations.kind },
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    // A deleted owner organisation is not named, as on the group page.
    .leftJoin(
      organisations,
      and(eq(organisations.id, meetingActions.ownerOrganisationId), shownToEveryone(organisations)),
    )
    .where(conditions(filter))
    .orderBy(sql`${meetingActions.dueOn} asc nulls last`, asc(meetingActions.id))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export async function countActionRows(db: Db, filter: ActionRowFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(conditions(filter));
  return row?.count ?? 0;
}
