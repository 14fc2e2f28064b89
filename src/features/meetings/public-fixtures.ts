import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groups } from '../groups/groups.table.ts';
import {
  agendaItems,
  meetingActions,
  meetingAdjusters,
  meetingParticipants,
  meetings,
  minutesCorrections,
} from './meetings.table.ts';

/**
 * Rows for the tests of the public side of meetings (and the crawl), written straight to the database:
 * meetings in each state, their items, attendance, adjusters, corrections and actions.
 */

export async function groupIdOf(db: Db, where: { slug?: string; siteRole?: 'council' }): Promise<number> {
  const [group] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(where.slug ? eq(groups.slug, where.slug) : eq(groups.siteRole, where.siteRole ?? 'council'));
  if (!group) throw new Error(`no group ${JSON.stringify(where)}`);
  return group.id;
}

export async function insertMeeting(
  db: Db,
  values: Partial<typeof meetings.$inferInsert> & { groupId: number; startsAt: Date },
): Promise<number> {
  const [row] = await db
    .insert(meetings)
    .values({
      title: 'Högskolerådets möte',
      endsAt: new Date(values.startsAt.getTime() + 2 * 3_600_000),
      place: 'Huddinge kommunhus, sal Stortorp',
      ...values,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error('no meeting');
  return row.id;
}

export async function insertItem(
  db: Db,
  values: Partial<typeof agendaItems.$inferInsert> & { meetingId: number; position: number; title: string },
): Promise<number> {
  const [row] = await db.insert(agendaItems).values(values).returning({ id: agendaItems.id });
  if (!row) throw new Error('no item');
  return row.id;
}

export async function insertAdjuster(db: Db, meetingId: number, personId: number, approvedAt: Date | null) {
  await db.insert(meetingAdjusters).values({ meetingId, personId, approvedAt });
}

export async function insertParticipant(db: Db, values: typeof meetingParticipants.$inferInsert) {
  await db.insert(meetingParticipants).values(values);
}

export async function insertCorrection(db: Db, values: typeof minutesCorrections.$inferInsert) {
  await db.insert(minutesCorrections).values(values);
}

export async function insertAction(db: Db, values: typeof meetingActions.$inferInsert): Promise<number> {
  const [row] = await db.insert(meetingActions).values(values).returning({ id: meetingActions.id });
  if (!row) throw new Error('no action');
  return row.id;
}
