import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { groups } from '../groups/groups.table.ts';
import { meetingAdjusters, meetings } from './meetings.table.ts';

/** One meeting by id, deleted or not, with what its rights and pages need of its group. */
export async function findMeetingRecord(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      meeting: meetings,
      group: {
        id: groups.id,
        slug: groups.slug,
        name: groups.name,
        kind: groups.kind,
        organisationId: groups.organisationId,
        visibility: groups.visibility,
        deletedAt: groups.deletedAt,
        siteRole: groups.siteRole,
        adjustmentDays: groups.adjustmentDays,
        minutesKeptAt: groups.minutesKeptAt,
      },
    })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(eq(meetings.id, id));
  return row;
}

export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeetingRecord>>>;

/** The meeting's row, locked until the transaction ends, so two saves of one meeting queue up. */
export async function lockMeeting(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  return row;
}

/** The adjusters chosen for a meeting, with when each approved (null: not yet). */
export function findAdjusters(db: DbOrTx, meetingId: number) {
  return db
    .select({ personId: meetingAdjusters.personId, approvedAt: meetingAdjusters.approvedAt })
    .from(meetingAdjusters)
    .where(eq(meetingAdjusters.meetingId, meetingId));
}
