import { z } from 'zod';
import { stripControlCharacters } from '../../lib/text.ts';
import { messageKey } from '../../web/i18n/message-key.ts';

export const MAX_COMMENT_LENGTH = 1000;

/** A path of our own: relative, no scheme or host, so the redirect after answering can go nowhere else. */
export const ownPagePath = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[a-z0-9\-/]*$/);

export const answerForm = z.strictObject({
  page: ownPagePath,
  answer: z.enum(['ja', 'nej'], { error: messageKey('feedback.missingAnswer') }),
  // Honeypot: invisible to people, filled in by bots. Any value means we keep nothing.
  webbplats: z.string().max(1000).optional(),
});

export const commentForm = z.strictObject({
  page: ownPagePath,
  // Control characters are dropped, not refused: a comment is kept as far as it can be.
  comment: z
    .string()
    .transform((value) => stripControlCharacters(value).replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(MAX_COMMENT_LENGTH, messageKey('feedback.commentTooLong'))),
  webbplats: z.string().max(1000).optional(),
});
