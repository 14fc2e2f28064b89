import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../auth/audit.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import { organisations } from '../organisations/organisations.table.ts';
import { memberships, people, personIdentities } from './accounts.table.ts';

export type GrantOutcome =
  | { kind: 'granted'; personId: number; organisation: string }
  | { kind: 'no-person' }
  | { kind: 'ambiguous'; personIds: number[] }
  | { kind: 'no-municipality' };

/**
 * Makes the person who signs in with this e-mail (by link) an administrator in the municipality at the root of the tree: how the
 * first administrator comes about (from the command line, by whoever runs the server), after which
 * administrators manage roles in the app. Refuses when two people share the address.
 */
export async function grantAdministrator(db: Db, email: string, now: Date): Promise<GrantOutcome> {
  // The address must be one the person signed in with (a proven e-mail-link identity), never the contact
  // e-mail, which anyone can set to anything on Mina uppgifter.
  const matches = await db
    .select({ id: people.id })
    .from(personIdentities)
    .innerJoin(people, eq(people.id, personIdentities.personId))
    .where(
      and(
        eq(personIdentities.issuer, EMAIL_LINK_ISSUER),
        eq(personIdentities.subject, email.trim().toLowerCase()),
        isNull(people.erasedAt),
        isNull(people.disabledAt),
      ),
    );
  if (matches.length === 0) return { kind: 'no-person' };
  if (matches.length > 1) return { kind: 'ambiguous', personIds: matches.map((match) => match.id) };
  const personId = matches[0]!.id;
  const [municipality] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), isNull(organisations.parentId)))
    .orderBy(organisations.id)
    .limit(1);
  if (!municipality) return { kind: 'no-municipality' };
  await db.transaction(async (tx) => {
    await tx
      .insert(memberships)
      .values({ personId, organisationId: municipality.id, role: 'administrator' })
      .onConflictDoUpdate({
        target: [memberships.personId, memberships.organisationId],
        set: { role: 'administrator' },
      });
    await recordAudit(tx, now, {
      action: 'membership_granted',
      actorPersonId: null,
      subjectPersonId: personId,
      detail: { organisation: municipality.name, role: 'administrator', via: 'kommandorad' },
    });
  });
  return { kind: 'granted', personId, organisation: municipality.name };
}
