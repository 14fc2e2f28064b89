import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { people, personIdentities, signInTokens } from '../accounts/accounts.table.ts';
import { queueMail } from '../mail/mail.service.ts';
import { recordAudit } from './audit.ts';
import { EMAIL_LINK_ISSUER } from './identities.tsx';
import { hashToken, newToken } from './sessions.ts';

export const SIGN_IN_LINK_VALID_MS = 15 * 60_000;
export const INVITATION_VALID_MS = 7 * 24 * 3_600_000;
/** Links per e-mail address and hour; more would be a way to flood someone's inbox. */
export const LINKS_PER_ADDRESS_PER_HOUR = 5;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Sends a sign-in link unless the address has had too many lately. The caller answers the same way
 * whether or not the address belongs to anyone (a new address becomes an account when the link is used);
 * a disabled account gets no mail, and the page says nothing about it.
 */
export async function requestSignInLink(
  deps: Pick<RequestDeps, 'db' | 'clock' | 'config' | 't'>,
  email: string,
  nextPath: string,
): Promise<'queued' | 'rate-limited'> {
  const { db, clock } = deps;
  const now = clock.now();
  const address = normaliseEmail(email);
  return db.transaction(async (tx) => {
    // Serialises requests for one address, so the count below cannot be raced past.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${address}`}))`);
    const [recent] = await tx
      .select({ n: count() })
      .from(signInTokens)
      .where(
        and(
          sql`lower(${signInTokens.email}) = ${address}`,
          gt(signInTokens.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if ((recent?.n ?? 0) >= LINKS_PER_ADDRESS_PER_HOUR) return 'rate-limited';
    const holder = await personWithEmailIdentity(tx, address);
    await recordAudit(tx, now, {
      action: 'sign_in_link_requested',
      actorPersonId: null,
      subjectPersonId: holder?.id ?? null,
      detail: holder?.disabledAt ? { refused: 'disabled' } : {},
    });
    if (holder?.disabledAt) {
      // No mail, but a row all the same (born used, so it can never sign in): the per-address limit must
      // count a disabled account's requests exactly as anyone else's, or the 429 would tell them apart.
      await tx.insert(signInTokens).values({
        tokenHash: hashToken(newToken()),
        email: address,
        purpose: 'sign_in',
        nextPath,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_VALID_MS),
        usedAt: now,
      });
      return 'queued';
    }
    await issueLink(tx, deps, { email: address, purpose: 'sign_in', nextPath, now });
    return 'queued';
  });
}

/** An invitation: a sign-in link that lasts a week, with a note saying who invited. */
export async function sendInvitation(
  tx: DbOrTx,
  deps: Pick<RequestDeps, 'config' | 't'>,
  invitation: { email: string; inviterName: string; now: Date },
): Promise<void> {
  await issueLink(tx, deps, {
    email: normaliseEmail(invitation.email),
    purpose: 'invitation',
    nextPath: '/mina-uppgifter',
    now: invitation.now,
    inviterName: invitation.inviterName,
  });
}

async function issueLink(
  tx: DbOrTx,
  deps: Pick<RequestDeps, 'config' | 't'>,
  link: {
    email: string;
    purpose: 'sign_in' | 'invitation';
    nextPath: string;
    now: Date;
    inviterName?: string;
  },
): Promise<void> {
  const token = newToken();
  const validMs = link.purpose === 'invitation' ? INVITATION_VALID_MS : SIGN_IN_LINK_VALID_MS;
  await tx.insert(signInTokens).values({
    tokenHash: hashToken(token),
    email: link.email,
    purpose: link.purpose,
    nextPath: link.nextPath,
    createdAt: link.now,
    expiresAt: new Date(link.now.getTime() + validMs),
  });
  // The token goes in the query string: request logs record the path only.
  const url = `${deps.config.baseUrl}/logga-in/lank?${new URLSearchParams({ token })}`;
  const { t } = deps;
  const mail =
    link.purpose === 'invitation'
      ? {
          subject: t.auth.mail.invitationSubject,
          text: t.auth.mail.invitationBody(url, link.inviterName ?? ''),
        }
      : { subject: t.auth.mail.signInSubject, text: t.auth.mail.signInBody(url) };
  await queueMail(tx, { to: link.email, ...mail }, { now: () => link.now });
}

/** A link that can still be used: its address and where to go. Reads only; `spendSignInLink` uses it. */
export async function findUsableSignInLink(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<{ email: string; nextPath: string } | null> {
  if (token.length === 0 || token.length > 100) return null;
  const [link] = await db
    .select({ email: signInTokens.email, nextPath: signInTokens.nextPath })
    .from(signInTokens)
    .where(usable(token, now));
  return link ?? null;
}

/**
 * Spends a link inside the sign-in's transaction: one UPDATE that checks it is unused and in date, so two
 * clicks at once cannot both sign in, and a sign-in that fails leaves the link unspent.
 */
export async function spendSignInLink(tx: DbOrTx, token: string, now: Date): Promise<boolean> {
  const spent = await tx
    .update(signInTokens)
    .set({ usedAt: now })
    .where(usable(token, now))
    .returning({ email: signInTokens.email });
  return spent.length === 1;
}

function usable(token: string, now: Date) {
  return and(
    eq(signInTokens.tokenHash, hashToken(token)),
    isNull(signInTokens.usedAt),
    gt(signInTokens.expiresAt, now),
  );
}

async function personWithEmailIdentity(tx: DbOrTx, address: string) {
  const [row] = await tx
    .select({ id: people.id, disabledAt: people.disabledAt })
    .from(personIdentities)
    .innerJoin(people, eq(people.id, personIdentities.personId))
    .where(and(eq(personIdentities.issuer, EMAIL_LINK_ISSUER), eq(personIdentities.subject, address)));
  return row;
}
