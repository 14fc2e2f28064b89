import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.ts';
import { auditLog, memberships, people } from '../accounts/accounts.table.ts';
import { findIdentities } from '../accounts/people.queries.ts';
import type { AuditAction } from '../auth/audit.ts';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

export const ADMIN_PAGE_SIZE = 50;

const byName = sql`${people.name} collate "sv-SE-x-icu"`;

/** `%`, `_` and `\` are wildcards in LIKE: a search for them means the characters themselves. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page of people, by name, with their organisations and roles, and how many there are in all. */
export async function findPeople(db: Db, query: { q: string; page: number }) {
  const where = query.q
    ? or(ilike(people.name, containing(query.q)), ilike(people.email, containing(query.q)))
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        disabledAt: people.disabledAt,
        lastSignInAt: people.lastSignInAt,
      })
      .from(people)
      .where(where)
      .orderBy(byName, asc(people.id))
      .limit(ADMIN_PAGE_SIZE)
      .offset((query.page - 1) * ADMIN_PAGE_SIZE),
    db.select({ n: count() }).from(people).where(where),
  ]);
  const roles = await membershipsOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    total: total?.n ?? 0,
    people: rows.map((row) => ({ ...row, memberships: roles.filter((role) => role.personId === row.id) })),
  };
}

function membershipsOf(db: Db, personIds: number[]) {
  return db
    .select({
      personId: memberships.personId,
      organisationId: memberships.organisationId,
      role: memberships.role,
      organisation: { slug: organisations.slug, name: organisations.name, kind: organisations.kind },
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.personId, [-1, ...personIds]))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/** Everything the person page shows besides the person: identities, roles, groups, recent log. */
export async function findPersonDetails(db: Db, personId: number) {
  const [identities, roles, groupRows, log] = await Promise.all([
    findIdentities(db, personId),
    membershipsOf(db, [personId]),
    db
      .select({ id: groups.id, slug: groups.slug, name: groups.name })
      .from(groupMemberships)
      .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
      .where(eq(groupMemberships.personId, personId))
      .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`),
    findAuditEntries(db, { personId, page: 1, pageSize: 10 }),
  ]);
  return { identities, memberships: roles, groups: groupRows, log: log.entries };
}

/** Every organisation, for the organisation choices; the view lays them out as the tree. */
export function findAllOrganisations(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
    .from(organisations)
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

export function findAllGroups(db: Db) {
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`);
}

export async function findOrganisationName(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name;
}

export async function findGroupName(db: DbOrTx, id: number) {
  const [row] = await db.select({ name: groups.name }).from(groups).where(eq(groups.id, id));
  return row?.name;
}

/** Administrators whose accounts are not disabled: the platform must always have one. */
const actor = alias(people, 'actor');
const subject = alias(people, 'subject');

/** The audit log, newest first; `personId` matches entries where the person acted or was acted on. */
export async function findAuditEntries(
  db: Db,
  filter: { action?: AuditAction; personId?: number; page: number; pageSize?: number },
) {
  const pageSize = filter.pageSize ?? ADMIN_PAGE_SIZE;
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.personId !== undefined) {
    const involved = or(
      eq(auditLog.actorPersonId, filter.personId),
      eq(auditLog.subjectPersonId, filter.personId),
    );
    if (involved) conditions.push(involved);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [entries, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        detail: auditLog.detail,
        actor: { id: actor.id, name: actor.name, email: actor.email },
        subject: { id: subject.id, name: subject.name, email: subject.email },
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorPersonId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectPersonId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { entries, total: total?.n ?? 0 };
}

export type AuditEntryRow = Awaited<ReturnType<typeof findAuditEntries>>['entries'][number];
