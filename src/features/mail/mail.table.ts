import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file attached to a mail: its name, its media type (e.g. text/calendar; method=REQUEST), base64 content. */
export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * Mail waiting to go out (decision 007). A row is written in the same transaction as whatever caused it,
 * and stays until the SMTP server has accepted it: a mail is never lost while SMTP is down, only delayed.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text().notNull(),
    textBody: text('text_body').notNull(),
    /** Extra header lines (e.g. List-Unsubscribe, RFC 8058), name → value; null for most mail. */
    headers: jsonb().$type<Record<string, string>>(),
    /** Files sent with the mail (a meeting's call carries its .ics), the content base64; null for most mail. */
    attachments: jsonb().$type<MailAttachment[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Failed delivery attempts so far; the next wait doubles with each. */
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once the SMTP server has accepted the mail; never sent again after that. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The last failure, one line, without credentials. */
    lastError: text('last_error'),
  },
  // The worker's question: which unsent mails are due?
  (t) => [index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;
