import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../accounts/accounts.table.ts';

/**
 * Answers to "Var informationen till din hjälp?". Deliberately no IP address, user agent or cookie:
 * the page path, the answer, an optional comment and the time are all we keep.
 */
export const pageFeedback = pgTable(
  'page_feedback',
  {
    /** Random, so that only the person who answered can add the follow-up comment. */
    id: uuid().primaryKey().defaultRandom(),
    pagePath: text('page_path').notNull(),
    helpful: boolean().notNull(),
    comment: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Marked as handled in the feedback viewer: read and acted on, or nothing to do. */
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledByPersonId: integer('handled_by_person_id').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [index().on(t.pagePath, t.createdAt), index().on(t.createdAt)],
);

export type PageFeedback = typeof pageFeedback.$inferSelect;
