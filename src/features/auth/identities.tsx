import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { Refusal } from '../../lib/refusal.ts';
import { people, personIdentities } from '../accounts/accounts.table.ts';
import { findIdentityHolder, lockPerson } from '../accounts/people.queries.ts';
import { recordAudit } from './audit.ts';
import { startSession } from './sessions.ts';

/** The issuer of e-mail-link identities; their subject is the lower-cased address. */
export const EMAIL_LINK_ISSUER = 'urn:samverkan:e-postlank';

export type VerifiedIdentity = {
  /** The OIDC issuer URL, or EMAIL_LINK_ISSUER. */
  issuer: string;
  /** OIDC `sub`, or the lower-cased e-mail address. */
  subject: string;
  email: string | null;
  name: string | null;
  /** How the identity was proven, for the audit log: a provider id or 'e-post'. */
  method: string;
};

/**
 * Finds the person behind a verified identity (issuer + subject, never the e-mail alone), creating one
 * the first time, and starts a new session. A disabled account is refused and the refusal logged.
 */
export async function signInWithIdentity(
  c: Context<AppEnv>,
  identity: VerifiedIdentity,
  nextPath: string,
): Promise<Response>;
/** `spendCredential` runs first in the same transaction (spending a sign-in link); false: null, no sign-in. */
export async function signInWithIdentity(
  c: Context<AppEnv>,
  identity: VerifiedIdentity,
  nextPath: string,
  spendCredential: (tx: DbOrTx) => Promise<boolean>,
): Promise<Response | null>;
export async function signInWithIdentity(
  c: Context<AppEnv>,
  identity: VerifiedIdentity,
  nextPath: string,
  spendCredential?: (tx: DbOrTx) => Promise<boolean>,
): Promise<Response | null> {
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const outcome = await db.transaction(async (tx) => {
    if (spendCredential && !(await spendCredential(tx))) return 'spent' as const;
    const personId = await findOrCreatePerson(tx, identity);
    // Locked, so an erasure or a disabling at the same moment is either seen here or waits for us.
    const person = await lockPerson(tx, personId);
    if (!person || person.disabledAt || person.erasedAt) {
      await recordAudit(tx, now, {
        action: 'sign_in_refused',
        actorPersonId: null,
        subjectPersonId: personId,
        detail: { method: identity.method, reason: 'disabled' },
      });
      return 'disabled' as const;
    }
    await tx
      .update(people)
      .set({
        lastSignInAt: now,
        // Fill in what we do not know yet; a person's own edits are never overwritten by a provider.
        ...(person.name === '' && identity.name ? { name: identity.name } : {}),
        ...(person.email === null && identity.email ? { email: identity.email } : {}),
      })
      .where(eq(people.id, personId));
    await recordAudit(tx, now, {
      action: 'sign_in',
      actorPersonId: personId,
      subjectPersonId: personId,
      detail: { method: identity.method },
    });
    await startSession(c, tx, personId);
    return 'signed-in' as const;
  });
  if (outcome === 'spent') return null;
  if (outcome === 'disabled') {
    throw new Refusal('auth.disabledBody', { status: 403, title: 'auth.disabledTitle' });
  }
  return c.redirect(nextPath, 303);
}

async function findOrCreatePerson(tx: DbOrTx, identity: VerifiedIdentity): Promise<number> {
  const known = await findIdentityHolder(tx, identity.issuer, identity.subject);
  if (known !== undefined) return known;
  const [created] = await tx
    .insert(people)
    .values({ name: identity.name ?? '', email: identity.email })
    .returning({ id: people.id });
  if (!created) throw new Error('people insert returned no row');
  // Two first sign-ins at once: the second insert does nothing and we use the winner's person.
  const [linked] = await tx
    .insert(personIdentities)
    .values({ personId: created.id, issuer: identity.issuer, subject: identity.subject })
    .onConflictDoNothing()
    .returning({ personId: personIdentities.personId });
  if (linked) return linked.personId;
  await tx.delete(people).where(eq(people.id, created.id));
  return findOrCreatePerson(tx, identity);
}
