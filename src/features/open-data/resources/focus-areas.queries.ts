import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { agreementFocusAreas, agreements, focusAreas } from '../../agreements/agreements.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

export type FocusAreaRowFilter = {
  updatedSince?: Date;
  /** One focus area by its slug (the item endpoint). */
  slug?: string;
};

function conditions(filter: FocusAreaRowFilter) {
  return and(
    shownToEveryone(focusAreas),
    filter.slug !== undefined ? eq(focusAreas.slug, filter.slug) : undefined,
    filter.updatedSince ? gte(focusAreas.updatedAt, filter.updatedSince) : undefined,
  );
}

/** One page of the focus areas anyone may read (not deleted), by slug, with the number of all that match. */
export function findFocusAreaRows(db: Db, filter: FocusAreaRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: focusAreas.id,
      slug: focusAreas.slug,
      name: focusAreas.name,
      description: focusAreas.description,
      isDemo: focusAreas.isDemo,
      updatedAt: focusAreas.updatedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(focusAreas)
    .where(conditions(filter))
    .orderBy(asc(focusAreas.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countFocusAreaRows(db: Db, filter: FocusAreaRowFilter) {
  return db.$count(focusAreas, conditions(filter));
}

/** The public agreements that prioritise these focus areas, in title order. */
export function findFocusAreaAgreements(db: Db, focusAreaIds: number[]) {
  if (focusAreaIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      focusAreaId: agreementFocusAreas.focusAreaId,
      slug: agreements.slug,
      title: agreements.title,
    })
    .from(agreementFocusAreas)
    .innerJoin(agreements, eq(agreements.id, agreementFocusAreas.agreementId))
    .where(and(anyId(agreementFocusAreas.focusAreaId, focusAreaIds), shownToEveryone(agreements)))
    .orderBy(sql`${agreements.title} collate "sv-SE-x-icu"`, asc(agreements.slug));
}
