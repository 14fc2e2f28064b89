import type { RequestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden } from '../../lib/refusal.ts';
import { canManageCalendarFeed, type Viewer } from '../auth/permissions.ts';
import { hashToken, newToken } from '../auth/sessions.ts';
import { getGroupBySlug } from '../groups/groups.queries.ts';
import {
  findGroupFeedMeetings,
  findItemTitles,
  findLiveFeed,
  findPersonFeedMeetings,
  findPersonsFeed,
  insertFeed,
  revokeFeeds,
  touchFeed,
} from './calendar-feeds.queries.ts';
import { type CalendarMeeting, calendarFeed } from './icalendar.ts';

/**
 * Calendar feeds (issue 10, item 6): a public group's public meetings, and a person's own feed at an
 * unguessable address (32 random bytes; only the SHA-256 is kept) with the meetings of their groups.
 */

/** How far back a feed reaches: the recent past stays in calendars, older meetings drop out. */
const FEED_PAST_DAYS = 90;

const feedSince = (now: Date) => new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);

type EventRow = Omit<CalendarMeeting, 'agenda'>;

async function withAgenda(
  deps: RequestDeps,
  rows: EventRow[],
  internalToo: boolean,
): Promise<CalendarMeeting[]> {
  const titles = await findItemTitles(
    deps.db,
    rows.map((row) => row.id),
    internalToo,
  );
  return rows.map((row) => ({
    ...row,
    agenda: titles.filter((title) => title.meetingId === row.id).map((title) => title.title),
  }));
}

export async function groupFeed(deps: RequestDeps, slug: string): Promise<string> {
  const group = await getGroupBySlug(deps.db, slug);
  const now = deps.clock.now();
  const rows = await findGroupFeedMeetings(deps.db, group.id, feedSince(now));
  const meetings = await withAgenda(deps, rows, false);
  return calendarFeed(deps.t, deps.config, {
    name: deps.t.meetingCalendar.groupFeedName(group.name),
    meetings,
    now,
  });
}

/** A token in the path: 43 base64url characters, or it names nothing. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function personalFeed(deps: RequestDeps, token: string): Promise<string> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError('NOT_FOUND', 'calendar feed');
  const feed = await findLiveFeed(deps.db, hashToken(token));
  if (!feed) throw new AppError('NOT_FOUND', 'calendar feed');
  const now = deps.clock.now();
  const [rows] = await Promise.all([
    findPersonFeedMeetings(deps.db, feed.personId, feedSince(now)),
    touchFeed(deps.db, feed.id, now),
  ]);
  const meetings = await withAgenda(deps, rows, true);
  return calendarFeed(deps.t, deps.config, { name: deps.t.meetingCalendar.personalFeedName, meetings, now });
}

export function feedPaths(baseUrl: string, token: string) {
  const url = `${baseUrl}/kalender/${token}.ics`;
  return { url, webcal: url.replace(/^https?:/, 'webcal:') };
}

export async function calendarFeedOf(deps: RequestDeps, viewer: Viewer | null) {
  if (!viewer || !canManageCalendarFeed(viewer)) throw forbidden();
  return findPersonsFeed(deps.db, viewer.personId);
}

/** A new feed for the viewer; any feed they had stops working in the same step. Returns the token. */
export async function createCalendarFeed(deps: RequestDeps, viewer: Viewer | null): Promise<string> {
  if (!viewer || !canManageCalendarFeed(viewer)) throw forbidden();
  const token = newToken();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await revokeFeeds(tx, viewer.personId, now);
    await insertFeed(tx, viewer.personId, hashToken(token), now);
  });
  return token;
}

export async function revokeCalendarFeed(deps: RequestDeps, viewer: Viewer | null): Promise<void> {
  if (!viewer || !canManageCalendarFeed(viewer)) throw forbidden();
  await revokeFeeds(deps.db, viewer.personId, deps.clock.now());
}
