import { daysBetween } from '../../lib/dates.ts';

export const agreementStatuses = ['draft', 'active', 'expiring', 'ended'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** An agreement counts as expiring when it ends within this many days. */
export const EXPIRING_WITHIN_DAYS = 90;

/**
 * The status follows from the dates and today's date, never from a stored field:
 * ended after its last day; draft before its first day (or, unsigned, with no dates yet);
 * expiring in its last 90 days; otherwise active. An agreement recorded without dates is taken as active.
 */
export function agreementStatus(
  agreement: { signedOn: string | null; validFrom: string | null; validTo: string | null },
  today: string,
): AgreementStatus {
  const { validFrom, validTo } = agreement;
  if (validTo && validTo < today) return 'ended';
  if (validFrom && validFrom > today) return 'draft';
  if (validTo && daysBetween(today, validTo) <= EXPIRING_WITHIN_DAYS) return 'expiring';
  return 'active';
}
