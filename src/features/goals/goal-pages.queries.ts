import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groups } from '../groups/groups.table.ts';
import { agendaItemGoals, agendaItems, meetings } from '../meetings/meetings.table.ts';
import { shownToEveryone } from '../register/visibility.ts';

/**
 * The decisions linked to a goal that anyone may read (issue 11), as /beslut/<id> shows them: a public
 * item with a decision, of a public meeting of a public group whose minutes are approved
 * (meeting-pages.queries.ts keeps the same conditions). Newest meeting first.
 */
export function findPublicGoalDecisions(db: Db, goalId: number, limit = 50) {
  return db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      isDemo: agendaItems.isDemo,
    })
    .from(agendaItemGoals)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemGoals.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(agendaItemGoals.goalId, goalId),
        shownToEveryone(agendaItems),
        ne(agendaItems.decision, ''),
        shownToEveryone(meetings),
        shownToEveryone(groups),
        eq(meetings.minutesStatus, 'approved'),
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(agendaItems.position), asc(agendaItems.id))
    .limit(limit);
}

export type GoalDecision = Awaited<ReturnType<typeof findPublicGoalDecisions>>[number];
