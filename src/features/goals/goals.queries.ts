import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { activities, activityGoals } from '../activities/activities.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { goals } from './goals.table.ts';

/** The four goals in order, each with how many activities anyone may read contribute to it. */
export function findGoalsWithActivityCounts(db: Db) {
  return db
    .select({
      id: goals.id,
      slug: goals.slug,
      position: goals.position,
      shortTitle: goals.shortTitle,
      statement: goals.statement,
      activityCount: count(activities.id),
    })
    .from(goals)
    .leftJoin(activityGoals, eq(activityGoals.goalId, goals.id))
    .leftJoin(activities, and(eq(activities.id, activityGoals.activityId), shownToEveryone(activities)))
    .groupBy(goals.id)
    .orderBy(asc(goals.position));
}

export type GoalWithCount = Awaited<ReturnType<typeof findGoalsWithActivityCounts>>[number];

/** The four goals in order. */
export function findGoalRows(db: DbOrTx) {
  return db
    .select({
      id: goals.id,
      slug: goals.slug,
      position: goals.position,
      shortTitle: goals.shortTitle,
      statement: goals.statement,
    })
    .from(goals)
    .orderBy(asc(goals.position));
}
