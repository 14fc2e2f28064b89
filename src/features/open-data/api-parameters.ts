import type { z } from '@hono/zod-openapi';
import type { Messages } from '../../web/i18n/messages.ts';
import type { InvalidParameter } from '../../web/problem.ts';

/**
 * Why each query parameter was refused, in Swedish, from Zod's issues (whose own English messages never
 * reach anyone): one entry per parameter, so a client sees every mistake at once.
 */
export function invalidParameters(
  t: Messages,
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
): InvalidParameter[] {
  const reasons = t.openData.reasons;
  const found = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) if (!found.has(key)) found.set(key, reasons.unknownParameter);
      continue;
    }
    const name = String(issue.path[0] ?? '');
    if (found.has(name)) continue;
    found.set(name, reasonFor(t, name, issue, raw[name]));
  }
  return [...found].map(([name, reason]) => ({ name, reason }));
}

function reasonFor(t: Messages, name: string, issue: z.core.$ZodIssue, value: unknown): string {
  const reasons = t.openData.reasons;
  if (Array.isArray(value) && value.length > 1) return reasons.repeated;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? reasons.notInteger : reasons.invalid;
    case 'too_small':
      return issue.origin === 'string' ? reasons.invalid : reasons.atLeast(String(issue.minimum));
    case 'too_big':
      return issue.origin === 'string'
        ? reasons.tooLong(String(issue.maximum))
        : reasons.atMost(String(issue.maximum));
    case 'invalid_value':
      return reasons.oneOf(issue.values.map(String));
    case 'invalid_format':
      return issue.format === 'regex' ? reasons.slug : reasons.invalid;
    case 'custom': {
      // The refinements say what they check (api-schemas.ts: dayParameter, updatedSinceParameter).
      const checked = (issue.params as { reason?: string } | undefined)?.reason;
      if (checked === 'day') return reasons.day;
      return checked === 'updatedSince' || name === 'updatedSince' ? reasons.updatedSince : reasons.invalid;
    }
    default:
      return reasons.invalid;
  }
}
