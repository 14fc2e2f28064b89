import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { type HistoryEntry, type RecordType, recordHistory } from './register.table.ts';

export async function insertHistoryEntry(tx: DbOrTx, entry: Omit<HistoryEntry, 'id'>): Promise<void> {
  await tx.insert(recordHistory).values(entry);
}

/** A record's history, newest first, with who made each change (name or e-mail; null: the system). */
export function findHistory(db: Db, recordType: RecordType, recordId: number) {
  return db
    .select({
      version: recordHistory.version,
      action: recordHistory.action,
      at: recordHistory.at,
      changes: recordHistory.changes,
      note: recordHistory.note,
      actor: { id: people.id, name: people.name, email: people.email },
    })
    .from(recordHistory)
    .leftJoin(people, eq(people.id, recordHistory.actorPersonId))
    .where(and(eq(recordHistory.recordType, recordType), eq(recordHistory.recordId, recordId)))
    .orderBy(desc(recordHistory.version), desc(recordHistory.id));
}

export type HistoryRow = Awaited<ReturnType<typeof findHistory>>[number];

/** The record as one version left it: what a restore goes back to. */
export async function findSnapshot(db: DbOrTx, recordType: RecordType, recordId: number, version: number) {
  const [row] = await db
    .select({ snapshot: recordHistory.snapshot })
    .from(recordHistory)
    .where(
      and(
        eq(recordHistory.recordType, recordType),
        eq(recordHistory.recordId, recordId),
        eq(recordHistory.version, version),
      ),
    )
    .orderBy(desc(recordHistory.id))
    .limit(1);
  return row?.snapshot;
}

/** Whether a record's history has an entry for this version (seeded records start without one). */
export async function hasHistoryEntry(
  db: DbOrTx,
  recordType: RecordType,
  recordId: number,
  version: number,
): Promise<boolean> {
  const [row] = await db
    .select({ version: recordHistory.version })
    .from(recordHistory)
    .where(
      and(
        eq(recordHistory.recordType, recordType),
        eq(recordHistory.recordId, recordId),
        eq(recordHistory.version, version),
      ),
    )
    .limit(1);
  return row !== undefined;
}
