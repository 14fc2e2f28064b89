import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';

export const MAX_QUERY_LENGTH = 200;

export const searchQuery = z.object({
  q: z
    .string()
    .default('')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and control characters are noise in a search
    .transform((value) => value.replace(/[\u0000-\u001F\u007F]/g, ' ').trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, messageKey('search.tooLong'))),
  sida: z.coerce.number().int().min(1).max(1000).default(1),
});
