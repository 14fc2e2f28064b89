import type { DbOrTx } from '../../db/client.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertHistoryEntry } from './history.queries.ts';
import type { HistoryAction, RecordType } from './register.table.ts';

/** A record's fields as people read them: names, not ids; dates as typed; lists joined. */
export type Described = Record<string, string>;

/** The fields whose shown value differs, with the old and new value (a new record: '' → value). */
export function changedFields(before: Described | null, after: Described): Record<string, [string, string]> {
  const changes: Record<string, [string, string]> = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    const old = before?.[field] ?? '';
    const now = after[field] ?? '';
    if (old !== now) changes[field] = [old, now];
  }
  return changes;
}

/**
 * Writes the history row of a change, in the caller's transaction (the same one as the change, so there
 * is never a change without its history or the other way round).
 */
export async function recordHistory(
  tx: DbOrTx,
  entry: {
    type: RecordType;
    id: number;
    version: number;
    action: HistoryAction;
    actorPersonId: number | null;
    at: Date;
    before: Described | null;
    after: Described;
    snapshot: Record<string, unknown>;
    note?: string;
  },
): Promise<void> {
  await insertHistoryEntry(tx, {
    recordType: entry.type,
    recordId: entry.id,
    version: entry.version,
    action: entry.action,
    actorPersonId: entry.actorPersonId,
    at: entry.at,
    changes: changedFields(entry.before, entry.after),
    snapshot: entry.snapshot,
    note: entry.note ?? null,
  });
}

/**
 * Someone saved the record after this form was opened (optimistic locking on `version`). The refusal
 * carries the record as it is now, so the form can show both versions; nothing typed is lost.
 */
export function staleVersion(current: { version: number; described: Described }): Refusal {
  return new Refusal('register.staleVersion', {
    status: 409,
    params: { version: current.version, current: current.described },
  });
}
