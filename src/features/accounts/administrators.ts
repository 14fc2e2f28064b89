import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, people } from './accounts.table.ts';

/**
 * Serialises every change that could take away an administrator (role changes, disabling, erasure), so
 * two at once cannot both pass the "someone is left" check. Held to the end of the transaction.
 */
export async function lockAdministrators(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('samverkan:administrators'))`);
}

/** Administrators who can still sign in. The platform must never be left without one. */
export async function countActiveAdministrators(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${people.id})::int` })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(memberships.role, 'administrator'), isNull(people.disabledAt), isNull(people.erasedAt)));
  return row?.n ?? 0;
}

export async function isAdministrator(db: DbOrTx, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.role, 'administrator')))
    .limit(1);
  return row !== undefined;
}
