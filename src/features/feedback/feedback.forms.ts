import { z } from 'zod';
import { t } from '../../web/i18n/sv.ts';

export const MAX_COMMENT_LENGTH = 1000;

/** A path of our own: relative, no scheme or host, so the redirect after answering can go nowhere else. */
export const ownPagePath = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[a-z0-9\-/]*$/);

export const answerForm = z.strictObject({
  page: ownPagePath,
  answer: z.enum(['ja', 'nej'], { error: t.feedback.missingAnswer }),
  // Honeypot: invisible to people, filled in by bots. Any value means we keep nothing.
  webbplats: z.string().max(1000).optional(),
});

export const commentForm = z.strictObject({
  page: ownPagePath,
  comment: z
    .string()
    .transform((value) => value.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(MAX_COMMENT_LENGTH)),
  webbplats: z.string().max(1000).optional(),
});

/** Characters a comment may not contain: NUL and other control characters except tab and newline. */
export function stripControlCharacters(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
