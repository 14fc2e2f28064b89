import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';

/** `?sparat=…` after an edit redirects back to the record's public page. */
export const savedQuery = z.enum(['1', 'oforandrat', 'ny']).optional();

/**
 * The note after an edit, for the signed-in person who made it. Anyone else opening the same address
 * sees the page without it (it is a public page, and the same for all who are not signed in).
 */
export function savedNotice(c: Context<AppEnv>, saved: z.infer<typeof savedQuery>): string | undefined {
  if (c.get('viewer') === null || saved === undefined) return undefined;
  const text = c.var.t.register;
  return saved === '1' ? text.saved : saved === 'ny' ? text.created : text.unchanged;
}
