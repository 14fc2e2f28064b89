import { eq } from 'drizzle-orm';
import type { RequestDeps } from '../../app-deps.ts';
import type { OidcProviderConfig } from '../../config.ts';
import type { DbOrTx } from '../../db/client.ts';
import { Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { people } from '../accounts/accounts.table.ts';
import {
  countActiveAdministrators,
  isAdministrator,
  lockAdministrators,
} from '../accounts/administrators.ts';
import { findIdentities, findPerson, lockPerson } from '../accounts/people.queries.ts';
import { recordAudit } from '../auth/audit.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import { identityMethod } from '../auth/identity-method.ts';
import { endAllSessions, isAlive } from '../auth/sessions.ts';
import { deleteSubscriptionsTo } from '../needs/alerts.queries.ts';
import { eraseAnswersOf, findAnswersForExport } from '../needs/brief-responses.queries.ts';
import { findPlacementRequestsForExport } from '../placements/requests.queries.ts';
import { findProposalsForExport } from '../proposals/proposals.queries.ts';
import type { DetailsField, DetailsInput } from './account.forms.ts';
import {
  addressesOf,
  deleteAccessOf,
  deleteMails,
  deleteSignInLinks,
  findAgreementContacts,
  findAuditEntries,
  findGroupMemberships,
  findHandledFeedback,
  findMails,
  findMemberships,
  findSessions,
  findSignInLinks,
  updateAuditDetail,
} from './account.queries.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'config' | 'pageCache' | 't'>;

/** How an identity is shown: its way in, and the address for an e-mail link. */
export function describeIdentity(
  t: Messages,
  identity: { issuer: string; subject: string },
  providers: Pick<OidcProviderConfig, 'issuer' | 'name'>[],
): { method: string; account: string | null } {
  return {
    method: identityMethod(t, identity.issuer, providers),
    // A provider's `sub` is an opaque number that means nothing to the person, so it is not shown.
    account: identity.issuer === EMAIL_LINK_ISSUER ? identity.subject : null,
  };
}

/** Everything the Mina uppgifter page shows, for the signed-in person only. */
export async function loadAccount(deps: Deps, personId: number) {
  const { db, clock, config } = deps;
  const [person, identities, memberships, groups, sessionRows] = await Promise.all([
    findPerson(db, personId),
    findIdentities(db, personId),
    findMemberships(db, personId),
    findGroupMemberships(db, personId),
    findSessions(db, personId),
  ]);
  if (!person) throw new Error(`signed-in person ${personId} has no row`);
  const now = clock.now();
  return {
    person,
    identities: identities.map((identity) => ({
      ...describeIdentity(deps.t, identity, config.oidcProviders),
      createdAt: identity.createdAt,
    })),
    memberships,
    groups,
    activeSessions: sessionRows.filter((session) => isAlive(session, now)).length,
  };
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;

/**
 * Saves the person's own details. The e-mail is contact information only: the identities people sign in
 * with are not touched. The audit entry names the fields that changed, never their values.
 */
export async function saveDetails(
  deps: Deps,
  personId: number,
  input: DetailsInput,
): Promise<DetailsField[]> {
  const { clock } = deps;
  // A person's name is public where they are an agreement's contact: the pages must show the new one.
  return withPublicChange(deps, async (tx) => {
    const person = await lockPerson(tx, personId);
    if (!person) throw new Error(`signed-in person ${personId} has no row`);
    const next = {
      name: input.name,
      email: input.email === '' ? null : input.email,
      keywords: input.keywords,
    };
    const changed: DetailsField[] = [];
    if (next.name !== person.name) changed.push('name');
    if (next.email !== person.email) changed.push('email');
    if (next.keywords.join('\n') !== person.keywords.join('\n')) changed.push('keywords');
    if (input.language !== person.language) changed.push('language');
    if (changed.length === 0) return changed;
    await tx
      .update(people)
      .set({ ...next, language: input.language })
      .where(eq(people.id, personId));
    await recordAudit(tx, clock.now(), {
      action: 'details_changed',
      actorPersonId: personId,
      subjectPersonId: personId,
      detail: { fields: changed },
    });
    return changed;
  });
}

/** A sign-in link in a mail body still works until used: the export never carries a live one. */
export function withoutTokens(t: Messages, body: string): string {
  return body.replace(/([?&]token=)[^\s&#]+/g, `$1${t.account.export.removedToken}`);
}

/**
 * Everything held about the person (right of access, GDPR art. 15), read in one transaction so the
 * parts agree. Token hashes are left out: they are keys, not information about the person.
 */
export async function exportAccount(deps: Deps, personId: number) {
  const { db, clock, config } = deps;
  const now = clock.now();
  return db.transaction(async (tx) => {
    await recordAudit(tx, now, {
      action: 'data_exported',
      actorPersonId: personId,
      subjectPersonId: personId,
    });
    const person = await findPerson(tx, personId);
    if (!person) throw new Error(`signed-in person ${personId} has no row`);
    const addresses = await addressesOf(tx, personId);
    // One after another: a transaction is one connection, and it runs one query at a time anyway.
    const identities = await findIdentities(tx, personId);
    return {
      about: deps.t.account.export.about,
      exportedAt: now.toISOString(),
      person,
      identities: identities.map((identity) => ({
        ...identity,
        method: describeIdentity(deps.t, identity, config.oidcProviders).method,
      })),
      memberships: await findMemberships(tx, personId),
      groupMemberships: await findGroupMemberships(tx, personId),
      sessions: await findSessions(tx, personId),
      signInLinks: await findSignInLinks(tx, addresses),
      auditLog: await findAuditEntries(tx, personId),
      agreementContacts: await findAgreementContacts(tx, personId),
      mails: (await findMails(tx, addresses)).map((mail) => ({
        ...mail,
        body: withoutTokens(deps.t, mail.body),
      })),
      handledPageFeedback: await findHandledFeedback(tx, personId),
      proposals: await findProposalsForExport(tx, personId),
      briefResponses: await findAnswersForExport(tx, personId),
      placementRequests: await findPlacementRequestsForExport(tx, personId),
    };
  });
}

export type ErasureOutcome = {
  keptForPublicRecord: boolean;
  agreements: Awaited<ReturnType<typeof findAgreementContacts>>;
};

/**
 * The person's request for erasure (GDPR art. 17). A party contact named on an agreement keeps name and
 * e-mail there, because the agreement is a public record (art. 17.3 b; offentlighetsprincipen); the row
 * is marked. Otherwise the row becomes an anonymous tombstone, so audit entries keep pointing somewhere.
 * Either way every way in, every role and every session is gone when this returns.
 */
export async function requestErasure(deps: Deps, personId: number): Promise<ErasureOutcome> {
  const { clock } = deps;
  const now = clock.now();
  // An erased name leaves the public pages that showed it (unless kept as an agreement's contact).
  return withPublicChange(deps, async (tx) => {
    await lockAdministrators(tx);
    const person = await lockPerson(tx, personId);
    if (!person) throw new Error(`signed-in person ${personId} has no row`);
    const agreements = await findAgreementContacts(tx, personId);
    // Erasing the last administrator would leave the platform without one.
    if ((await isAdministrator(tx, personId)) && (await countActiveAdministrators(tx)) <= 1) {
      throw new Refusal('account.erasure.lastAdministrator', { field: 'bekrafta' });
    }
    const kept = agreements.length > 0;
    const addresses = await addressesOf(tx, personId);
    await deleteAccessOf(tx, personId);
    await endAllSessions(tx, personId);
    await deleteSignInLinks(tx, addresses, kept);
    await deleteMails(tx, addresses);
    await eraseAnswersOf(tx, personId);
    await deleteSubscriptionsTo(tx, addresses);
    const common = { keywords: [], language: 'sv' as const, lastSignInAt: null, erasureRequestedAt: now };
    if (kept) {
      await tx
        .update(people)
        .set({ ...common, keptForPublicRecordAt: now })
        .where(eq(people.id, personId));
    } else {
      await tx
        .update(people)
        .set({ ...common, name: '', email: null, erasedAt: now })
        .where(eq(people.id, personId));
      await scrubAuditDetails(tx, deps.t, personId, [person.name, person.email ?? '', ...addresses]);
    }
    await recordAudit(tx, now, {
      action: 'erasure_requested',
      actorPersonId: personId,
      subjectPersonId: personId,
      detail: { keptForPublicRecord: kept },
    });
    return { keptForPublicRecord: kept, agreements };
  });
}

/**
 * Audit entries stay (who did what to which account is needed to answer for it later), but a detail
 * value that is the person's name or one of their addresses is replaced.
 */
async function scrubAuditDetails(
  tx: DbOrTx,
  t: Messages,
  personId: number,
  personal: string[],
): Promise<void> {
  const values = new Set(personal.map((value) => value.trim().toLowerCase()).filter(Boolean));
  if (values.size === 0) return;
  for (const entry of await findAuditEntries(tx, personId)) {
    let changed = false;
    const detail: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry.detail)) {
      const personalValue = typeof value === 'string' && values.has(value.trim().toLowerCase());
      detail[key] = personalValue ? t.account.export.scrubbed : value;
      changed ||= personalValue;
    }
    if (changed) await updateAuditDetail(tx, entry.id, detail);
  }
}
