import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { groupMemberships } from '../groups/groups.table.ts';
import { agendaItems, meetingParticipants } from './meetings.table.ts';

/** The agenda's titles with their visibility, in order, for the call. */
export function findCallAgenda(db: DbOrTx, meetingId: number) {
  return db
    .select({ title: agendaItems.title, visibility: agendaItems.visibility })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.deletedAt)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

/** The group's members with accounts who are not yet called to the meeting. */
export async function missingMembers(db: DbOrTx, meetingId: number, groupId: number): Promise<number[]> {
  const rows = await db
    .select({ id: people.id })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(
      and(
        eq(groupMemberships.groupId, groupId),
        isNull(people.disabledAt),
        isNull(people.erasedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(meetingParticipants)
            .where(
              and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.personId, people.id)),
            ),
        ),
      ),
    );
  return rows.map((row) => row.id);
}
