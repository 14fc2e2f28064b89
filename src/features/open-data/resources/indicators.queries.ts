import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { goals, indicators } from '../../goals/goals.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { CATALOGUE_SLUGS } from './goals.queries.ts';

export type IndicatorRowFilter = {
  goal?: string;
  kind?: 'computed' | 'manual';
  updatedSince?: Date;
  slug?: string;
};

function indicatorConditions(filter: IndicatorRowFilter) {
  return and(
    inArray(indicators.slug, CATALOGUE_SLUGS),
    shownToEveryone(indicators),
    filter.slug !== undefined ? eq(indicators.slug, filter.slug) : undefined,
    filter.goal !== undefined ? eq(goals.slug, filter.goal) : undefined,
    filter.kind !== undefined ? eq(indicators.kind, filter.kind) : undefined,
    filter.updatedSince ? gte(indicators.updatedAt, filter.updatedSince) : undefined,
  );
}

/** One page of the indicators in the pages' order (goal, then position), with the number of all. */
export function findIndicatorPage(db: Db, filter: IndicatorRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      slug: indicators.slug,
      updatedAt: indicators.updatedAt,
      goalSlug: goals.slug,
      goalName: goals.shortTitle,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(indicators)
    .innerJoin(goals, eq(goals.id, indicators.goalId))
    .where(indicatorConditions(filter))
    .orderBy(asc(goals.position), asc(indicators.position), asc(indicators.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export async function countIndicatorRows(db: Db, filter: IndicatorRowFilter) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(indicators)
    .innerJoin(goals, eq(goals.id, indicators.goalId))
    .where(indicatorConditions(filter));
  return row?.n ?? 0;
}
