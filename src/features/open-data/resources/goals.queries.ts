import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { goals, indicators } from '../../goals/goals.table.ts';
import { indicatorCatalogue } from '../../goals/indicators/indicator-catalogue.ts';
import { shownToEveryone } from '../../register/visibility.ts';

/** The indicators the pages show: a row per catalogue entry (decision 015), not deleted. */
export const CATALOGUE_SLUGS = indicatorCatalogue.map((definition) => definition.slug);

export type GoalRowFilter = { updatedSince?: Date; slug?: string };

/**
 * The goals are fixed rows without a time of their own: a goal changed when one of its indicators last
 * did (a target or an entered value is saved as a change of the indicator). The goal's id is written out
 * qualified: in a select from one table Drizzle leaves columns bare, and a bare "id" would be the indicator's.
 */
const goalUpdatedAt = sql<Date | null>`(select max(i.updated_at) from ${indicators} i
  where i.goal_id = ${sql.raw('"goals"."id"')} and i.deleted_at is null
    and i.slug in (${sql.join(
      CATALOGUE_SLUGS.map((slug) => sql`${slug}`),
      sql`, `,
    )}))`;

function conditions(filter: GoalRowFilter) {
  return and(
    filter.slug !== undefined ? eq(goals.slug, filter.slug) : undefined,
    filter.updatedSince ? sql`${goalUpdatedAt} >= ${filter.updatedSince}` : undefined,
  );
}

/** One page of the goals in their order, with the number of all that match (one statement). */
export function findGoalRows(db: Db, filter: GoalRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: goals.id,
      slug: goals.slug,
      position: goals.position,
      shortTitle: goals.shortTitle,
      statement: goals.statement,
      updatedAt: goalUpdatedAt.mapWith((value) => (value === null ? null : new Date(value))),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(goals)
    .where(conditions(filter))
    .orderBy(asc(goals.position), asc(goals.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countGoalRows(db: Db, filter: GoalRowFilter) {
  return db.$count(goals, conditions(filter));
}

/** The indicators of these goals, in the pages' order. */
export function findGoalIndicators(db: Db, goalIds: number[]) {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .select({ goalId: indicators.goalId, slug: indicators.slug })
    .from(indicators)
    .where(
      and(
        inArray(indicators.goalId, goalIds),
        inArray(indicators.slug, CATALOGUE_SLUGS),
        shownToEveryone(indicators),
      ),
    )
    .orderBy(asc(indicators.position), asc(indicators.slug));
}
