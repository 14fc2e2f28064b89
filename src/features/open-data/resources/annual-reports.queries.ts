import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { annualReports } from '../../goals/goals.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';

export type AnnualReportRowFilter = { updatedSince?: Date; year?: number };

/**
 * Published reports only, as /mal/arsrapporter shows them to everyone: a draft is a coordinator's and is
 * a 404 to anyone else (decision 016), so it is never read here at all.
 */
function conditions(filter: AnnualReportRowFilter) {
  return and(
    shownToEveryone(annualReports),
    eq(annualReports.status, 'published'),
    isNotNull(annualReports.snapshot),
    filter.year !== undefined ? eq(annualReports.year, filter.year) : undefined,
    filter.updatedSince ? gte(annualReports.updatedAt, filter.updatedSince) : undefined,
  );
}

/** One page of published reports, newest year first, with their frozen snapshots and the number of all. */
export function findAnnualReportRows(
  db: Db,
  filter: AnnualReportRowFilter,
  limit: number | null,
  offset: number,
) {
  const query = db
    .select({
      year: annualReports.year,
      snapshot: annualReports.snapshot,
      publishedAt: annualReports.publishedAt,
      isDemo: annualReports.isDemo,
      updatedAt: annualReports.updatedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(annualReports)
    .where(conditions(filter))
    .orderBy(desc(annualReports.year))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countAnnualReportRows(db: Db, filter: AnnualReportRowFilter) {
  return db.$count(annualReports, conditions(filter));
}
