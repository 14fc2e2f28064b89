import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';

/** The sign-in link request. Unknown fields are refused (strict), like every form here. */
export const linkRequestForm = z.strictObject({
  email: z
    .string()
    .trim()
    .min(1, messageKey('auth.emailMissing'))
    .max(254, messageKey('auth.emailInvalid'))
    .pipe(z.email({ error: messageKey('auth.emailInvalid') })),
  nasta: z.string().max(500).optional(),
});

export const linkUseForm = z.strictObject({
  token: z.string().min(1).max(100),
});
