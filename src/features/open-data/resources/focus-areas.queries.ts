import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { agreementFocusAreas, agreements, focusAreas } from '../../agreements/agreements.table.ts';
import { shownToEveryone, shownToEveryoneSql } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

export type FocusAreaRowFilter = {
  updatedSince?: Date;
  /** One focus area by its slug (the item endpoint). */
  slug?: string;
};

/**
 * A focus area is published when something public uses it: a public agreement prioritises it (as /avtal
 * lists it), a published public brief names it (as the needs bank's filter offers it), or a public
 * activity is filed under it. An area that only an internal agreement has stays out of sight with it:
 * its name could tell what the confidential agreement is about.
 */
const usedByPublicRecord = sql`(
  exists (select 1 from agreement_focus_areas af join agreements a on a.id = af.agreement_id
           where af.focus_area_id = ${focusAreas.id} and ${sql.raw(shownToEveryoneSql('a', true))})
  or exists (select 1 from brief_focus_areas bf join briefs b on b.id = bf.brief_id
              where bf.focus_area_id = ${focusAreas.id} and b.published_at is not null
                and ${sql.raw(shownToEveryoneSql('b', true))})
  or exists (select 1 from activity_focus_areas xf join activities x on x.id = xf.activity_id
              where xf.focus_area_id = ${focusAreas.id} and ${sql.raw(shownToEveryoneSql('x', true))}))`;

function conditions(filter: FocusAreaRowFilter) {
  return and(
    shownToEveryone(focusAreas),
    usedByPublicRecord,
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

/** Which of these focus areas a published public brief names: their page is the needs bank filtered by them. */
export async function findFocusAreasInBriefs(db: Db, focusAreaIds: number[]): Promise<Set<number>> {
  if (focusAreaIds.length === 0) return new Set();
  const rows = await db.execute<{ id: number }>(sql`
    select distinct bf.focus_area_id as id from brief_focus_areas bf join briefs b on b.id = bf.brief_id
     where bf.focus_area_id = any(${sql.param(focusAreaIds)}::int[]) and b.published_at is not null
       and ${sql.raw(shownToEveryoneSql('b', true))}`);
  return new Set(rows.rows.map((row) => Number(row.id)));
}
