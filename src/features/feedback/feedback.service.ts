import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { pageFeedback } from './feedback.table.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** A comment can follow a "Nej" for this long; after that the answer is closed. */
export const COMMENT_WINDOW_MS = 60 * 60 * 1000;

export async function recordAnswer(
  deps: Deps,
  input: { pagePath: string; helpful: boolean },
): Promise<string> {
  const [row] = await deps.db
    .insert(pageFeedback)
    .values({ pagePath: input.pagePath, helpful: input.helpful, createdAt: deps.clock.now() })
    .returning({ id: pageFeedback.id });
  return row!.id;
}

/**
 * Adds the "Vad saknade du?" text to a recent "Nej" answer that has none yet. False when that answer
 * is not open for a comment (unknown, a "Ja", already commented, or older than an hour).
 */
export async function addComment(
  deps: Deps,
  input: { id: string; pagePath: string; comment: string },
): Promise<boolean> {
  if (input.comment === '') return true;
  const openSince = new Date(deps.clock.now().getTime() - COMMENT_WINDOW_MS);
  const updated = await deps.db
    .update(pageFeedback)
    .set({ comment: input.comment })
    .where(
      and(
        eq(pageFeedback.id, input.id),
        eq(pageFeedback.pagePath, input.pagePath),
        eq(pageFeedback.helpful, false),
        isNull(pageFeedback.comment),
        gt(pageFeedback.createdAt, openSince),
      ),
    )
    .returning({ id: pageFeedback.id });
  return updated.length > 0;
}
