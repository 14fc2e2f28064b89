import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  auditLog,
  memberships,
  personIdentities,
  sessions,
  signInTokens,
} from '../accounts/accounts.table.ts';
import { agreementContacts, agreements } from '../agreements/agreements.table.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import { pageFeedback } from '../feedback/feedback.table.ts';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

export function findMemberships(db: DbOrTx, personId: number) {
  return db
    .select({
      organisationId: memberships.organisationId,
      organisation: organisations.name,
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(organisations.name));
}

export function findGroupMemberships(db: DbOrTx, personId: number) {
  return db
    .select({ groupId: groupMemberships.groupId, group: groups.name, createdAt: groupMemberships.createdAt })
    .from(groupMemberships)
    .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
    .where(eq(groupMemberships.personId, personId))
    .orderBy(asc(groups.name));
}

/** Sessions without their token hashes: the hash is the key to a session and never leaves the server. */
export function findSessions(db: DbOrTx, personId: number) {
  return db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.personId, personId))
    .orderBy(asc(sessions.createdAt));
}

/** The agreements that name the person as a party's contact: public records (see erasure). */
export function findAgreementContacts(db: DbOrTx, personId: number) {
  return db
    .select({
      agreementId: agreements.id,
      slug: agreements.slug,
      title: agreements.title,
      diarienummer: agreements.diarienummer,
      organisation: organisations.name,
    })
    .from(agreementContacts)
    .innerJoin(agreements, eq(agreements.id, agreementContacts.agreementId))
    .leftJoin(organisations, eq(organisations.id, agreementContacts.organisationId))
    .where(eq(agreementContacts.personId, personId))
    .orderBy(asc(agreements.title));
}

/**
 * The addresses the person has proven they own: their e-mail-link identities, lower-cased. Never the
 * contact e-mail, which anyone can set to someone else's address.
 */
export async function addressesOf(db: DbOrTx, personId: number): Promise<string[]> {
  const linkIdentities = await db
    .select({ subject: personIdentities.subject })
    .from(personIdentities)
    .where(and(eq(personIdentities.personId, personId), eq(personIdentities.issuer, EMAIL_LINK_ISSUER)));
  return [...new Set(linkIdentities.map((identity) => identity.subject.toLowerCase()))];
}

function lowerIn(column: AnyPgColumn, addresses: string[]) {
  return inArray(sql`lower(${column})`, addresses);
}

/** Sign-in links without their token hashes. */
export function findSignInLinks(db: DbOrTx, addresses: string[]) {
  if (addresses.length === 0) return Promise.resolve([]);
  return db
    .select({
      email: signInTokens.email,
      purpose: signInTokens.purpose,
      nextPath: signInTokens.nextPath,
      createdAt: signInTokens.createdAt,
      expiresAt: signInTokens.expiresAt,
      usedAt: signInTokens.usedAt,
    })
    .from(signInTokens)
    .where(lowerIn(signInTokens.email, addresses))
    .orderBy(asc(signInTokens.createdAt));
}

export function findMails(db: DbOrTx, addresses: string[]) {
  if (addresses.length === 0) return Promise.resolve([]);
  return db
    .select({
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      body: mailOutbox.textBody,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(lowerIn(mailOutbox.toAddress, addresses))
    .orderBy(asc(mailOutbox.createdAt));
}

export function findAuditEntries(db: DbOrTx, personId: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorPersonId: auditLog.actorPersonId,
      subjectPersonId: auditLog.subjectPersonId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(or(eq(auditLog.actorPersonId, personId), eq(auditLog.subjectPersonId, personId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

export function findHandledFeedback(db: DbOrTx, personId: number) {
  return db
    .select({
      pagePath: pageFeedback.pagePath,
      helpful: pageFeedback.helpful,
      comment: pageFeedback.comment,
      createdAt: pageFeedback.createdAt,
      handledAt: pageFeedback.handledAt,
    })
    .from(pageFeedback)
    .where(eq(pageFeedback.handledByPersonId, personId))
    .orderBy(asc(pageFeedback.handledAt));
}

/** Removes everything that ties a person to roles, groups and ways in. Sessions are ended separately. */
export async function deleteAccessOf(db: DbOrTx, personId: number): Promise<void> {
  await db.delete(personIdentities).where(eq(personIdentities.personId, personId));
  await db.delete(memberships).where(eq(memberships.personId, personId));
  await db.delete(groupMemberships).where(eq(groupMemberships.personId, personId));
}

export async function deleteSignInLinks(db: DbOrTx, addresses: string[], onlyUnused: boolean): Promise<void> {
  if (addresses.length === 0) return;
  await db
    .delete(signInTokens)
    .where(and(lowerIn(signInTokens.email, addresses), onlyUnused ? isNull(signInTokens.usedAt) : undefined));
}

export async function deleteMails(db: DbOrTx, addresses: string[]): Promise<void> {
  if (addresses.length === 0) return;
  await db.delete(mailOutbox).where(lowerIn(mailOutbox.toAddress, addresses));
}

export async function updateAuditDetail(db: DbOrTx, id: number, detail: Record<string, unknown>) {
  await db.update(auditLog).set({ detail }).where(eq(auditLog.id, id));
}
