import { and, asc, desc, eq, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { memberships, people } from '../accounts/accounts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import {
  agreementContacts,
  agreementFocusAreas,
  agreementParties,
  agreements,
  focusAreas,
} from './agreements.table.ts';

/** The SQL behind editing agreements (the public reads are in agreements.queries.ts). */

/** One agreement by address, deleted or internal or not: its edit form, history and restore need it either way. */
export async function findAgreementRecord(db: DbOrTx, slug: string) {
  const [row] = await db.select(shownColumns(agreements)).from(agreements).where(eq(agreements.slug, slug));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one agreement queue up. */
export async function lockAgreement(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select(shownColumns(agreements))
    .from(agreements)
    .where(eq(agreements.id, id))
    .for('update');
  return row;
}

export type AgreementContact = { personId: number; organisationId: number | null };

/** An agreement's parties, focus areas and contact people, by id (in id order, so two reads compare). */
export async function findAgreementLinks(db: DbOrTx, agreementId: number) {
  // One after another: in a transaction the three share one connection.
  const parties = await db
    .select({ id: agreementParties.organisationId })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, agreementId))
    .orderBy(asc(agreementParties.organisationId));
  const areas = await db
    .select({ id: agreementFocusAreas.focusAreaId })
    .from(agreementFocusAreas)
    .where(eq(agreementFocusAreas.agreementId, agreementId))
    .orderBy(asc(agreementFocusAreas.focusAreaId));
  const contacts: AgreementContact[] = await db
    .select({ personId: agreementContacts.personId, organisationId: agreementContacts.organisationId })
    .from(agreementContacts)
    .where(eq(agreementContacts.agreementId, agreementId))
    .orderBy(asc(agreementContacts.personId));
  return { parties: parties.map((row) => row.id), focusAreas: areas.map((row) => row.id), contacts };
}

export type AgreementLinks = Awaited<ReturnType<typeof findAgreementLinks>>;

/** The agreement's own columns as the form edits them. */
export type AgreementColumns = {
  kind: (typeof agreements.$inferInsert)['kind'];
  title: string;
  diarienummer: string | null;
  signedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string;
  visibility: 'public' | 'internal';
  internalReason: string | null;
};

export async function insertAgreement(tx: DbOrTx, slug: string, values: AgreementColumns, now: Date) {
  const [row] = await tx
    .insert(agreements)
    .values({ slug, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: agreements.slug })
    .returning({ id: agreements.id, version: agreements.version });
  // Undefined when another save took the address first (insertAtFreeSlug tries the next one).
  return row;
}

/**
 * Writes new values if the row is still at `expectedVersion`; the new version, or undefined when someone
 * saved in between (the caller refuses with both versions).
 */
export async function updateAgreement(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<AgreementColumns> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(agreements)
    .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: now })
    .where(and(eq(agreements.id, id), eq(agreements.version, expectedVersion)))
    .returning({ version: agreements.version });
  return row?.version;
}

/** Replaces the parties, focus areas and contact people of an agreement (in the caller's transaction). */
export async function replaceAgreementLinks(tx: DbOrTx, agreementId: number, links: AgreementLinks) {
  await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  await tx.delete(agreementFocusAreas).where(eq(agreementFocusAreas.agreementId, agreementId));
  await tx.delete(agreementContacts).where(eq(agreementContacts.agreementId, agreementId));
  if (links.parties.length > 0)
    await tx
      .insert(agreementParties)
      .values(links.parties.map((organisationId) => ({ agreementId, organisationId })));
  if (links.focusAreas.length > 0)
    await tx
      .insert(agreementFocusAreas)
      .values(links.focusAreas.map((focusAreaId) => ({ agreementId, focusAreaId })));
  if (links.contacts.length > 0)
    await tx.insert(agreementContacts).values(links.contacts.map((contact) => ({ agreementId, ...contact })));
}

/** Addresses starting like this one: to find a free one for a new agreement. */
export async function findAgreementSlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: agreements.slug })
    .from(agreements)
    .where(like(agreements.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

/**
 * Every organisation, deleted ones too (marked): the tree that parties' chains are read from, and, the
 * live ones, what a party may be chosen from.
 */
export function findOrganisationTree(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      parentId: organisations.parentId,
      deleted: sql<boolean>`${organisations.deletedAt} is not null`,
    })
    .from(organisations)
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/** The focus areas still in the register, in the register's order: the form's checkboxes. */
export function findLiveFocusAreas(db: DbOrTx) {
  return db
    .select({ id: focusAreas.id, slug: focusAreas.slug, name: focusAreas.name })
    .from(focusAreas)
    .where(isNull(focusAreas.deletedAt))
    .orderBy(asc(focusAreas.id));
}

/** Names of focus areas by id, deleted ones too (a history names what an agreement prioritised). */
export async function findFocusAreaNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: focusAreas.id, name: focusAreas.name })
    .from(focusAreas)
    .where(sql`${focusAreas.id} = any(${sql.param(ids)}::int[])`);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The people a contact may be chosen from: everyone with an account who can sign in and has a name, and
 * the agreement's present contacts whatever their account's state (`keep`). With the organisations they
 * belong to, so two people of one name can be told apart; never their e-mail.
 */
export function findContactChoices(db: DbOrTx, keep: number[]) {
  return db
    .select({
      id: people.id,
      name: people.name,
      // The outer table by name in plain SQL: drizzle writes a lone "id" for a one-table select, which
      // inside this subquery would mean the organisation's.
      organisations: sql<string>`coalesce((
        select string_agg(o.name, ', ' order by o.name collate "sv-SE-x-icu")
          from ${memberships} m join ${organisations} o on o.id = m.organisation_id
         where m.person_id = people.id and o.deleted_at is null), '')`,
    })
    .from(people)
    .where(
      or(
        and(isNull(people.erasedAt), isNull(people.disabledAt), sql`${people.name} <> ''`),
        keep.length > 0 ? sql`${people.id} = any(${sql.param(keep)}::int[])` : undefined,
      ),
    )
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`, asc(people.id));
}

/** People by id: names for the history ("Name (Organisation)"), and whether a contact may be named. */
export async function findPeopleByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; erased: boolean; choosable: boolean }>();
  const rows = await db
    .select({ id: people.id, name: people.name, erasedAt: people.erasedAt, disabledAt: people.disabledAt })
    .from(people)
    .where(sql`${people.id} = any(${sql.param(ids)}::int[])`);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: row.name,
        erased: row.erasedAt !== null,
        // The same people the form offers (findContactChoices).
        choosable: row.erasedAt === null && row.disabledAt === null && row.name !== '',
      },
    ]),
  );
}

/** Each party of an agreement with the organisations above it, itself first (what the rules read). */
export async function findPartyChains(db: DbOrTx, agreementId: number): Promise<number[][]> {
  // The depth limit only guards against a parent cycle typed into the database by hand.
  const result = await db.execute<{ chain: number[] }>(sql`
    with recursive chain(party_id, id, parent_id, depth) as (
      select o.id, o.id, o.parent_id, 0
        from agreement_parties p join organisations o on o.id = p.organisation_id
       where p.agreement_id = ${agreementId}
      union all
      select chain.party_id, o.id, o.parent_id, chain.depth + 1
        from organisations o join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select array_agg(id order by depth) as chain from chain group by party_id`);
  return result.rows.map((row) => row.chain.map(Number));
}

/** Every agreement still in the register, internal ones too, with its parties' ids: the workspace list. */
export function findLiveAgreementsWithParties(db: DbOrTx) {
  return db
    .select({
      slug: agreements.slug,
      title: agreements.title,
      visibility: agreements.visibility,
      parties: sql<number[]>`coalesce((
        select array_agg(p.organisation_id) from ${agreementParties} p where p.agreement_id = agreements.id
      ), '{}')`,
    })
    .from(agreements)
    .where(isNull(agreements.deletedAt))
    .orderBy(sql`${agreements.title} collate "sv-SE-x-icu"`);
}

/** Deleted agreements, the latest first: the coordinator can open their history and restore them. */
export function findDeletedAgreements(db: DbOrTx) {
  return db
    .select({ slug: agreements.slug, title: agreements.title })
    .from(agreements)
    .where(isNotNull(agreements.deletedAt))
    .orderBy(desc(agreements.deletedAt))
    .limit(50);
}
