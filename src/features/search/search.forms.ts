import { z } from 'zod';
import { t } from '../../web/i18n/sv.ts';

export const MAX_QUERY_LENGTH = 200;

export const searchQuery = z.object({
  q: z
    .string()
    .default('')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and control characters are noise in a search
    .transform((value) => value.replace(/[\u0000-\u001F\u007F]/g, ' ').trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, t.search.tooLong)),
  sida: z.coerce.number().int().min(1).max(1000).default(1),
});
