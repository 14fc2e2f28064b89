import { z } from 'zod';
import { t } from '../../web/i18n/sv.ts';

/** The sign-in link request. Unknown fields are refused (strict), like every form here. */
export const linkRequestForm = z.strictObject({
  email: z
    .string()
    .trim()
    .min(1, t.auth.emailMissing)
    .max(254, t.auth.emailInvalid)
    .pipe(z.email({ error: t.auth.emailInvalid })),
  nasta: z.string().max(500).optional(),
});

export const linkUseForm = z.strictObject({
  token: z.string().min(1).max(100),
});
