import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { people } from '../accounts/accounts.table.ts';
import { pageFeedback } from '../feedback/feedback.table.ts';
import type { FeedbackFilters } from './feedback-viewer.forms.ts';
import { visiblePagePaths } from './page-owners.ts';

export const COMMENTS_PER_PAGE = 50;

/** 'all' pages, or the organisations whose pages (and their units' pages) the viewer may see. */
export type FeedbackScope = 'all' | number[];

const hasComment = sql`coalesce(${pageFeedback.comment}, '') <> ''`;

function inScope(scope: FeedbackScope): SQL | undefined {
  if (scope === 'all') return undefined;
  return sql`${pageFeedback.pagePath} in (${visiblePagePaths(scope)})`;
}

/**
 * The rows the filters select. Days are Stockholm calendar days: "till 2026-11-30" runs up to midnight
 * in Stockholm (23:00 or 22:00 UTC), computed by PostgreSQL so daylight saving time is right.
 */
function selected(scope: FeedbackScope, filters: FeedbackFilters): SQL | undefined {
  return and(
    inScope(scope),
    filters.from
      ? sql`${pageFeedback.createdAt} >= (${filters.from}::date)::timestamp at time zone ${TIME_ZONE}`
      : undefined,
    filters.to
      ? sql`${pageFeedback.createdAt} < (${filters.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`
      : undefined,
    filters.page ? eq(pageFeedback.pagePath, filters.page) : undefined,
    filters.answer === 'alla' ? undefined : eq(pageFeedback.helpful, filters.answer === 'ja'),
    filters.status === 'obehandlade' ? isNull(pageFeedback.handledAt) : undefined,
    filters.status === 'behandlade' ? isNotNull(pageFeedback.handledAt) : undefined,
  );
}

export type PageSummary = {
  pagePath: string;
  answers: number;
  helpfulAnswers: number;
  comments: number;
  unhandledComments: number;
};

/** Per page: answers, "Ja" answers, comments and comments not yet handled, among the selected rows. */
export async function findPageSummaries(
  db: Db,
  scope: FeedbackScope,
  filters: FeedbackFilters,
): Promise<PageSummary[]> {
  return db
    .select({
      pagePath: pageFeedback.pagePath,
      answers: count(),
      helpfulAnswers: sql<number>`count(*) filter (where ${pageFeedback.helpful})`.mapWith(Number),
      comments: sql<number>`count(*) filter (where ${hasComment})`.mapWith(Number),
      unhandledComments:
        sql<number>`count(*) filter (where ${hasComment} and ${pageFeedback.handledAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(pageFeedback)
    .where(selected(scope, filters))
    .groupBy(pageFeedback.pagePath)
    .orderBy(pageFeedback.pagePath);
}

export type FeedbackComment = {
  id: string;
  pagePath: string;
  helpful: boolean;
  comment: string;
  createdAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
  total: number;
};

/** One page of the selected comments, newest first, with the total count on every row. */
export async function findComments(
  db: Db,
  scope: FeedbackScope,
  filters: FeedbackFilters,
  pageNumber: number,
): Promise<FeedbackComment[]> {
  const rows = await db
    .select({
      id: pageFeedback.id,
      pagePath: pageFeedback.pagePath,
      helpful: pageFeedback.helpful,
      comment: sql<string>`${pageFeedback.comment}`,
      createdAt: pageFeedback.createdAt,
      handledAt: pageFeedback.handledAt,
      handledByName: people.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(pageFeedback)
    .leftJoin(people, eq(people.id, pageFeedback.handledByPersonId))
    .where(and(selected(scope, filters), hasComment))
    .orderBy(desc(pageFeedback.createdAt), desc(pageFeedback.id))
    .limit(COMMENTS_PER_PAGE)
    .offset((pageNumber - 1) * COMMENTS_PER_PAGE);
  return rows;
}

/** Pages with any feedback the viewer may see, for the page select. */
export async function findPagesWithFeedback(db: Db, scope: FeedbackScope): Promise<string[]> {
  const rows = await db
    .selectDistinct({ pagePath: pageFeedback.pagePath })
    .from(pageFeedback)
    .where(inScope(scope))
    .orderBy(pageFeedback.pagePath);
  return rows.map((row) => row.pagePath);
}

export type ExportRow = {
  id: string;
  pagePath: string;
  helpful: boolean;
  comment: string | null;
  createdAt: Date;
  handledAt: Date | null;
  /** The exact created_at (microseconds), to continue after this row; a JS Date keeps milliseconds only. */
  cursor: string;
};

export type ExportCursor = { cursor: string; id: string };

/**
 * The next batch of selected rows for the CSV file, newest first, after `after` (keyset paging, so each
 * batch is one short query and no connection is held while a slow client downloads).
 */
export async function findExportBatch(
  db: Db,
  scope: FeedbackScope,
  filters: FeedbackFilters,
  after: ExportCursor | null,
  limit: number,
): Promise<ExportRow[]> {
  return db
    .select({
      id: pageFeedback.id,
      pagePath: pageFeedback.pagePath,
      helpful: pageFeedback.helpful,
      comment: pageFeedback.comment,
      createdAt: pageFeedback.createdAt,
      handledAt: pageFeedback.handledAt,
      cursor: sql<string>`${pageFeedback.createdAt}::text`,
    })
    .from(pageFeedback)
    .where(
      and(
        selected(scope, filters),
        after
          ? sql`(${pageFeedback.createdAt}, ${pageFeedback.id}) < (${after.cursor}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(pageFeedback.createdAt), desc(pageFeedback.id))
    .limit(limit);
}

export async function findFeedbackPage(db: Db, id: string): Promise<{ pagePath: string } | undefined> {
  const [row] = await db
    .select({ pagePath: pageFeedback.pagePath })
    .from(pageFeedback)
    .where(eq(pageFeedback.id, id));
  return row;
}

/** Marks one answer handled by a person at a time, or clears the mark (`mark` null). */
export async function setHandled(
  db: Db,
  id: string,
  mark: { at: Date; personId: number } | null,
): Promise<void> {
  await db
    .update(pageFeedback)
    .set({ handledAt: mark?.at ?? null, handledByPersonId: mark?.personId ?? null })
    .where(eq(pageFeedback.id, id));
}
