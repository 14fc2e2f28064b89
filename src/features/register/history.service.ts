import type { DbOrTx } from '../../db/client.ts';
import { Refusal } from '../../lib/refusal.ts';
import { hasHistoryEntry, insertHistoryEntry } from './history.queries.ts';
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

/**
 * One change to a versioned record, the way every register feature saves: refuses if the record moved
 * past the version the form was opened on, writes nothing when nothing changed, else writes (the update
 * itself checks the version again, so two saves at once cannot both pass) and records the history — all
 * in the caller's transaction. `write` performs the update and returns the new version, or undefined when
 * the row was no longer at `expectedVersion`.
 */
export async function saveVersioned<Values extends Record<string, unknown>>(
  tx: DbOrTx,
  change: {
    type: RecordType;
    id: number;
    actorPersonId: number;
    at: Date;
    expectedVersion: number;
    currentVersion: number;
    current: Values;
    next: Values;
    describe: (values: Values) => Promise<Described>;
    write: (expectedVersion: number) => Promise<number | undefined>;
    action?: HistoryAction;
    note?: string;
  },
): Promise<'saved' | 'unchanged'> {
  const before = await change.describe(change.current);
  const stale = () => staleVersion({ version: change.currentVersion, described: before });
  if (change.currentVersion !== change.expectedVersion) throw stale();
  const action = change.action ?? 'changed';
  const sameValues = JSON.stringify(change.current) === JSON.stringify(change.next);
  if ((action === 'changed' || action === 'imported') && sameValues) return 'unchanged';
  const version = await change.write(change.expectedVersion);
  if (version === undefined) throw stale();
  // A record from the seed (or from before the history) has no entry for the version it is at: it gets
  // one now, as it was, so that its first state can be seen and restored like any other.
  if (!(await hasHistoryEntry(tx, change.type, change.id, change.currentVersion))) {
    await recordHistory(tx, {
      type: change.type,
      id: change.id,
      version: change.currentVersion,
      action: 'created',
      actorPersonId: null,
      at: change.at,
      before: null,
      after: before,
      snapshot: change.current,
    });
  }
  await recordHistory(tx, {
    type: change.type,
    id: change.id,
    version,
    action,
    actorPersonId: change.actorPersonId,
    at: change.at,
    before,
    after: action === 'deleted' ? before : await change.describe(change.next),
    snapshot: change.next,
    ...(change.note ? { note: change.note } : {}),
  });
  return 'saved';
}
