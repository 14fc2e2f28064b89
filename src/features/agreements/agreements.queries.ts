import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { activities } from '../activities/activities.table.ts';
import { groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import {
  type AgreementKind,
  agreementContacts,
  agreementFocusAreas,
  agreementParties,
  agreements,
  focusAreas,
} from './agreements.table.ts';

export type PartyRef = { agreementId: number; slug: string; name: string; kind: string };

export type AgreementFilter = { kinds?: AgreementKind[]; ids?: number[]; limit?: number; offset?: number };

/** Agreements anyone may read (not deleted, public), narrowed by the filter. */
function agreementConditions(where: AgreementFilter) {
  return and(
    shownToEveryone(agreements),
    where.kinds ? inArray(agreements.kind, where.kinds) : undefined,
    where.ids ? anyOf(agreements.id, where.ids) : undefined,
  );
}

export function countAgreements(db: Db, where: AgreementFilter = {}) {
  return db.$count(agreements, agreementConditions(where));
}

export function findAgreements(db: Db, where: AgreementFilter = {}) {
  const query = db
    .select(shownColumns(agreements))
    .from(agreements)
    .where(agreementConditions(where))
    .orderBy(asc(agreements.id))
    .$dynamic();
  if (where.limit !== undefined) query.limit(where.limit).offset(where.offset ?? 0);
  return query;
}

export function findAgreementBySlug(db: Db, slug: string) {
  return db
    .select(shownColumns(agreements))
    .from(agreements)
    .where(and(eq(agreements.slug, slug), shownToEveryone(agreements)))
    .then((rows) => rows[0]);
}

/** Parties of several agreements at once, one query for a whole list; a deleted organisation is no party. */
export async function findPartiesOf(db: Db, agreementIds: number[]): Promise<Map<number, PartyRef[]>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db
    .select({
      agreementId: agreementParties.agreementId,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(and(anyOf(agreementParties.agreementId, agreementIds), shownToEveryone(organisations)))
    .orderBy(asc(organisations.id));
  return groupBy(rows, (row) => row.agreementId);
}

export async function findFocusAreasOf(db: Db, agreementIds: number[]) {
  if (agreementIds.length === 0)
    return new Map<number, { agreementId: number; slug: string; name: string }[]>();
  const rows = await db
    .select({ agreementId: agreementFocusAreas.agreementId, slug: focusAreas.slug, name: focusAreas.name })
    .from(agreementFocusAreas)
    .innerJoin(focusAreas, eq(focusAreas.id, agreementFocusAreas.focusAreaId))
    .where(and(anyOf(agreementFocusAreas.agreementId, agreementIds), shownToEveryone(focusAreas)))
    .orderBy(asc(focusAreas.id));
  return groupBy(rows, (row) => row.agreementId);
}

/** Focus areas that at least one agreement anyone may read prioritises, in the register's order. */
export function findPrioritisedFocusAreas(db: Db) {
  return db
    .selectDistinct({
      id: focusAreas.id,
      slug: focusAreas.slug,
      name: focusAreas.name,
      isDemo: focusAreas.isDemo,
    })
    .from(focusAreas)
    .innerJoin(agreementFocusAreas, eq(agreementFocusAreas.focusAreaId, focusAreas.id))
    .innerJoin(agreements, eq(agreements.id, agreementFocusAreas.agreementId))
    .where(and(shownToEveryone(focusAreas), shownToEveryone(agreements)))
    .orderBy(asc(focusAreas.id));
}

export function findGroupsOfAgreement(db: Db, agreementId: number) {
  return db
    .select(shownColumns(groups))
    .from(groups)
    .where(and(eq(groups.agreementId, agreementId), shownToEveryone(groups)))
    .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`);
}

export function findActivitiesOfAgreement(db: Db, agreementId: number) {
  return db
    .select(shownColumns(activities))
    .from(activities)
    .where(and(eq(activities.agreementId, agreementId), shownToEveryone(activities)))
    .orderBy(asc(activities.startsOn));
}

/**
 * The named contact people of an agreement, with the party they speak for. Part of the public record:
 * shown even for a person who asked for erasure (marked on their account, see Mina uppgifter). The name
 * and the party only: the e-mail stays in the register, it is not published.
 */
export function findContactsOfAgreement(db: Db, agreementId: number) {
  return (
    db
      .select({ name: people.name, organisationName: organisations.name })
      .from(agreementContacts)
      .innerJoin(people, eq(people.id, agreementContacts.personId))
      // A deleted organisation is not named: the contact is shown without the party they spoke for.
      .leftJoin(
        organisations,
        and(eq(organisations.id, agreementContacts.organisationId), shownToEveryone(organisations)),
      )
      .where(eq(agreementContacts.agreementId, agreementId))
      .orderBy(sql`${people.name} collate "sv-SE-x-icu"`)
  );
}

/** `column = any($1::int[])`: one array parameter, where inArray would send one parameter per id. */
function anyOf(column: AnyPgColumn, ids: number[]) {
  return sql`${column} = any(${sql.param(ids)}::int[])`;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
