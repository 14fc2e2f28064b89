import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../accounts/accounts.table.ts';

/** Everything the audit log records; the viewer names each in Swedish. */
export const auditActions = [
  'sign_in',
  'sign_in_refused',
  'sign_out',
  'sign_out_everywhere',
  'sign_in_link_requested',
  'person_invited',
  'person_disabled',
  'person_enabled',
  'membership_granted',
  'membership_revoked',
  'group_membership_granted',
  'group_membership_revoked',
  'details_changed',
  'data_exported',
  'erasure_requested',
  'annual_report_published',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = {
  action: AuditAction;
  actorPersonId: number | null;
  subjectPersonId?: number | null;
  /** Free details; stored as JSON, so newlines in them cannot start a new entry. */
  detail?: Record<string, unknown>;
};

/** Appends one entry. Pass the transaction that made the change, so the log and the change agree. */
export async function recordAudit(db: DbOrTx, at: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    action: entry.action,
    actorPersonId: entry.actorPersonId,
    subjectPersonId: entry.subjectPersonId ?? null,
    detail: entry.detail ?? {},
  });
}
