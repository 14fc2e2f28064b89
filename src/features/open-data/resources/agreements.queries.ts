import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../accounts/accounts.table.ts';
import type { AgreementStatus } from '../../agreements/agreement-status.ts';
import { EXPIRING_WITHIN_DAYS } from '../../agreements/agreement-status.ts';
import {
  type AgreementKind,
  agreementContacts,
  agreementFocusAreas,
  agreementParties,
  agreements,
  focusAreas,
} from '../../agreements/agreements.table.ts';
import { documents } from '../../documents/documents.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

export type AgreementRowFilter = {
  kind?: AgreementKind;
  status?: AgreementStatus;
  organisation?: string;
  focusArea?: string;
  updatedSince?: Date;
  /** One agreement by its slug (the item endpoint). */
  slug?: string;
  /** Today in Stockholm, YYYY-MM-DD: the status follows from it. */
  today: string;
};

/**
 * The status rule of agreement-status.ts as SQL, so that a status filter pages in the database: ended
 * after the last day, draft before the first, expiring in the last 90 days, otherwise active.
 */
function statusCondition(status: AgreementStatus, today: string): SQL {
  const ended = sql`${agreements.validTo} < ${today}::date`;
  const notEnded = sql`(${agreements.validTo} is null or ${agreements.validTo} >= ${today}::date)`;
  const started = sql`(${agreements.validFrom} is null or ${agreements.validFrom} <= ${today}::date)`;
  const closeToEnd = sql`${agreements.validTo} - ${today}::date <= ${EXPIRING_WITHIN_DAYS}`;
  switch (status) {
    case 'ended':
      return ended;
    case 'draft':
      return sql`${notEnded} and ${agreements.validFrom} > ${today}::date`;
    case 'expiring':
      return sql`${notEnded} and ${started} and ${closeToEnd}`;
    case 'active':
      return sql`${notEnded} and ${started} and (${agreements.validTo} is null or not (${closeToEnd}))`;
  }
}

/**
 * When what the API shows of an agreement last changed: the agreement, or one of its documents (added,
 * changed, made internal or deleted without a change of the agreement itself). Spelled out with the
 * table's name: in a select from one table Drizzle writes a column without it, and inside the subquery a
 * bare "id" would be the document's.
 */
const agreementUpdatedAt = sql<Date>`greatest(agreements.updated_at,
  (select max(d.updated_at) from documents d where d.agreement_id = agreements.id))`;

function conditions(filter: AgreementRowFilter) {
  return and(
    shownToEveryone(agreements),
    filter.slug !== undefined ? eq(agreements.slug, filter.slug) : undefined,
    filter.kind ? eq(agreements.kind, filter.kind) : undefined,
    filter.status ? statusCondition(filter.status, filter.today) : undefined,
    filter.updatedSince
      ? sql`${agreementUpdatedAt} >= ${filter.updatedSince.toISOString()}::timestamptz`
      : undefined,
    filter.organisation
      ? sql`exists (select 1 from ${agreementParties} join ${organisations} on ${organisations.id} = ${agreementParties.organisationId}
          where ${agreementParties.agreementId} = ${agreements.id} and ${organisations.slug} = ${filter.organisation}
            and ${organisations.deletedAt} is null)`
      : undefined,
    filter.focusArea
      ? sql`exists (select 1 from ${agreementFocusAreas} join ${focusAreas} on ${focusAreas.id} = ${agreementFocusAreas.focusAreaId}
          where ${agreementFocusAreas.agreementId} = ${agreements.id} and ${focusAreas.slug} = ${filter.focusArea}
            and ${focusAreas.deletedAt} is null)`
      : undefined,
  );
}

/** One page of public agreements by slug, with the number of all that match (one statement). */
export function findAgreementRows(db: Db, filter: AgreementRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: agreements.id,
      slug: agreements.slug,
      title: agreements.title,
      kind: agreements.kind,
      diarienummer: agreements.diarienummer,
      signedOn: agreements.signedOn,
      validFrom: agreements.validFrom,
      validTo: agreements.validTo,
      description: agreements.description,
      isDemo: agreements.isDemo,
      updatedAt: agreementUpdatedAt.mapWith((value: string | Date) => new Date(value)),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(agreements)
    .where(conditions(filter))
    .orderBy(asc(agreements.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countAgreementRows(db: Db, filter: AgreementRowFilter) {
  return db.$count(agreements, conditions(filter));
}

/** The parties (public organisations) of these agreements, in name order. */
export function findAgreementParties(db: Db, agreementIds: number[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agreementId: agreementParties.agreementId,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(and(anyId(agreementParties.agreementId, agreementIds), shownToEveryone(organisations)))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

export function findAgreementFocusAreas(db: Db, agreementIds: number[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select({ agreementId: agreementFocusAreas.agreementId, slug: focusAreas.slug, name: focusAreas.name })
    .from(agreementFocusAreas)
    .innerJoin(focusAreas, eq(focusAreas.id, agreementFocusAreas.focusAreaId))
    .where(and(anyId(agreementFocusAreas.agreementId, agreementIds), shownToEveryone(focusAreas)))
    .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`);
}

/**
 * The named contacts, as the agreement's page shows them: the name and the party they speak for (a
 * deleted party is not named), never an e-mail address.
 */
export function findAgreementContacts(db: Db, agreementIds: number[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agreementId: agreementContacts.agreementId,
      name: people.name,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(agreementContacts)
    .innerJoin(people, eq(people.id, agreementContacts.personId))
    .leftJoin(
      organisations,
      and(eq(organisations.id, agreementContacts.organisationId), shownToEveryone(organisations)),
    )
    .where(anyId(agreementContacts.agreementId, agreementIds))
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`);
}

/** The documents the agreements' pages list: public and not deleted, oldest first, never the bytes. */
export function findAgreementDocuments(db: Db, agreementIds: number[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      agreementId: documents.agreementId,
      id: documents.id,
      title: documents.title,
      kind: documents.kind,
      fileName: documents.fileName,
      byteSize: documents.byteSize,
    })
    .from(documents)
    .where(and(anyId(documents.agreementId, agreementIds), shownToEveryone(documents)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}
