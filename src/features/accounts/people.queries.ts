import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { people, personIdentities } from './accounts.table.ts';

/** The person row, or undefined. Shared by sign-in, Mina uppgifter and the administration. */
export async function findPerson(db: DbOrTx, personId: number) {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  return person;
}

/** The same row, locked until the transaction ends, so changes to one account cannot interleave. */
export async function lockPerson(db: DbOrTx, personId: number) {
  const [person] = await db.select().from(people).where(eq(people.id, personId)).for('update');
  return person;
}

/** A person's ways of signing in, oldest first. */
export function findIdentities(db: DbOrTx, personId: number) {
  return db
    .select({
      issuer: personIdentities.issuer,
      subject: personIdentities.subject,
      createdAt: personIdentities.createdAt,
    })
    .from(personIdentities)
    .where(eq(personIdentities.personId, personId))
    .orderBy(asc(personIdentities.createdAt), asc(personIdentities.issuer));
}

/** Who signs in with this identity (issuer + subject), if anyone does. */
export async function findIdentityHolder(db: DbOrTx, issuer: string, subject: string) {
  const [row] = await db
    .select({ personId: personIdentities.personId })
    .from(personIdentities)
    .where(and(eq(personIdentities.issuer, issuer), eq(personIdentities.subject, subject)));
  return row?.personId;
}
