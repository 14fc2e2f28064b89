import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { agendaItems, calendarFeeds, meetings } from './meetings.table.ts';

/** The columns a calendar event needs of a meeting. */
const eventColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  place: meetings.place,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  cancelledReason: meetings.cancelledReason,
  sequence: meetings.calendarSequence,
  updatedAt: meetings.updatedAt,
};

/**
 * A public group's public meetings (cancelled ones too, so calendars show them cancelled) that end after
 * `since`, in order; internal meetings never.
 */
export function findGroupFeedMeetings(db: Db, groupId: number, since: Date) {
  return db
    .select(eventColumns)
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(meetings.groupId, groupId),
        shownToEveryone(meetings),
        shownToEveryone(groups),
        gte(meetings.endsAt, since),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/**
 * The meetings of the groups a person is a member of (internal ones included: members may see them),
 * not deleted, that end after `since`.
 */
export function findPersonFeedMeetings(db: Db, personId: number, since: Date) {
  return db
    .select(eventColumns)
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(
      groupMemberships,
      and(eq(groupMemberships.groupId, groups.id), eq(groupMemberships.personId, personId)),
    )
    .where(and(isNull(meetings.deletedAt), isNull(groups.deletedAt), gte(meetings.endsAt, since)))
    .orderBy(asc(meetings.startsAt));
}

/** The titles of the meetings' items, in order: public ones only unless `internalToo`. */
export function findItemTitles(db: Db, meetingIds: number[], internalToo: boolean) {
  const shown: SQL | undefined = internalToo ? isNull(agendaItems.deletedAt) : shownToEveryone(agendaItems);
  return db
    .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
    .from(agendaItems)
    .where(and(inArray(agendaItems.meetingId, [-1, ...meetingIds]), shown))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position), asc(agendaItems.id));
}

/**
 * A feed that is not revoked, by its token's hash, of a person whose account is neither disabled nor
 * erased (a disabled account is out at once: its feed with the internal meetings too).
 */
export async function findLiveFeed(db: Db, tokenHash: string) {
  const [feed] = await db
    .select({ id: calendarFeeds.id, personId: calendarFeeds.personId, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        isNull(calendarFeeds.revokedAt),
        isNull(people.disabledAt),
        isNull(people.erasedAt),
      ),
    );
  return feed;
}

/** Notes the feed was read, at most once an hour (a calendar polls often; no write each time). */
export function touchFeed(db: Db, id: number, now: Date) {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(calendarFeeds.id, id),
        or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, hourAgo)),
      ),
    );
}

/** The person's live feed, if any. */
export async function findPersonsFeed(db: DbOrTx, personId: number) {
  const [feed] = await db
    .select({
      id: calendarFeeds.id,
      createdAt: calendarFeeds.createdAt,
      lastUsedAt: calendarFeeds.lastUsedAt,
    })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
  return feed;
}

export function revokeFeeds(db: DbOrTx, personId: number, now: Date) {
  return db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
}

export function insertFeed(db: DbOrTx, personId: number, tokenHash: string, now: Date) {
  return db.insert(calendarFeeds).values({ personId, tokenHash, createdAt: now });
}
