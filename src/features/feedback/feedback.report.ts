import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { pageFeedback } from './feedback.table.ts';

/** How many comments per page the report shows, newest first. */
export const LATEST_COMMENTS = 5;

export type PageFeedbackSummary = {
  pagePath: string;
  answers: number;
  helpfulAnswers: number;
  latestComments: { comment: string; createdAt: Date }[];
};

/** Answers per page path, with the newest comments, for `npm run feedback:report`. */
export async function findFeedbackSummaries(db: Db): Promise<PageFeedbackSummary[]> {
  const totals = await db
    .select({
      pagePath: pageFeedback.pagePath,
      answers: count(),
      helpfulAnswers: sql<number>`count(*) filter (where ${pageFeedback.helpful})`.mapWith(Number),
    })
    .from(pageFeedback)
    .groupBy(pageFeedback.pagePath)
    .orderBy(pageFeedback.pagePath);

  const ranked = db
    .select({
      pagePath: pageFeedback.pagePath,
      comment: pageFeedback.comment,
      createdAt: pageFeedback.createdAt,
      rank: sql<number>`row_number() over (partition by ${pageFeedback.pagePath} order by ${pageFeedback.createdAt} desc, ${pageFeedback.id})`.as(
        'rank',
      ),
    })
    .from(pageFeedback)
    .where(sql`${pageFeedback.comment} <> ''`)
    .as('ranked');
  const comments = await db
    .select({ pagePath: ranked.pagePath, comment: ranked.comment, createdAt: ranked.createdAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${LATEST_COMMENTS}`)
    .orderBy(ranked.pagePath, sql`${ranked.createdAt} desc`);

  return totals.map((total) => ({
    ...total,
    latestComments: comments
      .filter((row) => row.pagePath === total.pagePath)
      .map((row) => ({ comment: row.comment ?? '', createdAt: row.createdAt })),
  }));
}

const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

/** The report as plain text, in Swedish, with times in Stockholm. */
export function formatFeedbackReport(summaries: PageFeedbackSummary[]): string {
  if (summaries.length === 0) return 'Inga svar på ”Var informationen till din hjälp?” ännu.\n';
  const blocks = summaries.map((summary) => {
    const share = percent.format(summary.helpfulAnswers / summary.answers);
    const lines = [`${summary.pagePath}: ${summary.answers} svar, ${share} ja`];
    for (const { comment, createdAt } of summary.latestComments) {
      lines.push(`  ${formatDateTime(createdAt)}  ${toOneLine(comment)}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Comments are typed by anyone: no control characters (terminal escapes) and no line breaks in the report. */
function toOneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
