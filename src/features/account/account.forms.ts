import { z } from 'zod';
import { stripControlCharacters } from '../../lib/text.ts';
import { messageKey } from '../../web/i18n/message-key.ts';

export const MAX_NAME_LENGTH = 100;
export const MAX_KEYWORD_LENGTH = 50;
export const MAX_KEYWORDS = 30;

/** NUL cannot be stored in PostgreSQL text and control characters are never meant: they are removed. */
const cleanText = z.string().transform((value) => stripControlCharacters(value).trim());

/**
 * "skolutveckling, Folkhälsa, folkhälsa" → ['skolutveckling', 'Folkhälsa']: split on commas, trimmed,
 * empty pieces dropped, the first spelling of a case-insensitive duplicate kept.
 */
export function splitKeywords(value: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const piece of value.split(/[,\n]/)) {
    const keyword = piece.replace(/\s+/g, ' ').trim();
    const key = keyword.toLocaleLowerCase('sv');
    if (keyword === '' || seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  return keywords;
}

const emailAddress = z.email();

export const detailsForm = z.strictObject({
  name: cleanText.pipe(
    z
      .string()
      .min(1, messageKey('account.nameMissing'))
      .max(MAX_NAME_LENGTH, messageKey('account.nameTooLong')),
  ),
  // Contact information only; empty means "none given".
  email: cleanText.pipe(
    z
      .string()
      .refine((value) => value === '' || (value.length <= 254 && emailAddress.safeParse(value).success), {
        error: messageKey('account.emailInvalid'),
      }),
  ),
  keywords: cleanText.transform(splitKeywords).superRefine((keywords, ctx) => {
    const tooLong = keywords.find((keyword) => keyword.length > MAX_KEYWORD_LENGTH);
    if (tooLong !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: messageKey('account.keywordTooLong'),
        params: { keyword: tooLong },
      });
    else if (keywords.length > MAX_KEYWORDS)
      ctx.addIssue({
        code: 'custom',
        message: messageKey('account.tooManyKeywords'),
        params: { count: keywords.length },
      });
  }),
  // An unticked radio group sends nothing, so a missing language is the person's mistake, not a bad request.
  language: z.enum(['sv', 'en'], { error: messageKey('account.languageMissing') }),
});

export type DetailsInput = z.infer<typeof detailsForm>;
export type DetailsField = keyof DetailsInput;

export const erasureForm = z.strictObject({
  // A checkbox sends its value only when ticked.
  bekrafta: z.string().max(10).optional(),
});
