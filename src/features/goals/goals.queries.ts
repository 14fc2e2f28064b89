import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activityGoals } from '../activities/activities.table.ts';
import { goals } from './goals.table.ts';

/** The four goals in order, each with how many activities in the register contribute to it. */
export function findGoalsWithActivityCounts(db: Db) {
  return db
    .select({
      id: goals.id,
      slug: goals.slug,
      position: goals.position,
      shortTitle: goals.shortTitle,
      statement: goals.statement,
      activityCount: count(activityGoals.activityId),
    })
    .from(goals)
    .leftJoin(activityGoals, eq(activityGoals.goalId, goals.id))
    .groupBy(goals.id)
    .orderBy(asc(goals.position));
}

export type GoalWithCount = Awaited<ReturnType<typeof findGoalsWithActivityCounts>>[number];
