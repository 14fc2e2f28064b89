import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { AppError } from '../../lib/errors.ts';
import { memberships, people } from '../accounts/accounts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { groupMemberships, groups } from './groups.table.ts';

/** A group that is not deleted, public or internal (its internal page is for its members either way). */
export async function findGroupIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.slug, slug), isNull(groups.deletedAt)));
  return row?.id;
}

/** The group for its internal page: internal groups too (unlike its public page), deleted ones not. */
export async function getGroupForInternals(db: Db, slug: string) {
  const [group] = await db
    .select(shownColumns(groups))
    .from(groups)
    .where(and(eq(groups.slug, slug), isNull(groups.deletedAt)));
  if (!group) throw new AppError('NOT_FOUND', `group ${slug}`);
  return group;
}

/**
 * The group's members who have accounts that can sign in (not disabled, not erased), by name, with the
 * organisations they belong to.
 */
export async function findMembersWithAccounts(db: Db, groupId: number) {
  const members = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(and(eq(groupMemberships.groupId, groupId), isNull(people.disabledAt), isNull(people.erasedAt)))
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`, asc(people.id));
  const places = await db
    .select({
      personId: memberships.personId,
      organisation: { slug: organisations.slug, name: organisations.name, kind: organisations.kind },
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.personId, [-1, ...members.map((member) => member.id)]))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
  return members.map((member) => ({
    ...member,
    organisations: places.filter((place) => place.personId === member.id).map((place) => place.organisation),
  }));
}
