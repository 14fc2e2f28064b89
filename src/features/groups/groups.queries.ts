import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { AppError } from '../../lib/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { type GroupSiteRole, groupMembers, groups } from './groups.table.ts';

/** Working groups anyone may read, all of them or those that carry out the given agreements. */
export function findWorkingGroups(db: Db, where: { agreementIds?: number[] } = {}) {
  return db
    .select(shownColumns(groups))
    .from(groups)
    .where(
      and(
        eq(groups.kind, 'working_group'),
        shownToEveryone(groups),
        where.agreementIds ? inArray(groups.agreementId, [-1, ...where.agreementIds]) : undefined,
      ),
    )
    .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`);
}

/** The group that holds a site role (the council, the foundation's network), if any does and anyone may read it. */
export async function findGroupBySiteRole(db: Db, siteRole: GroupSiteRole) {
  const [group] = await db
    .select(shownColumns(groups))
    .from(groups)
    .where(and(eq(groups.siteRole, siteRole), shownToEveryone(groups)));
  return group;
}

/** A group for its public page: a deleted or internal group is not found (404). */
export async function getGroupBySlug(db: Db, slug: string) {
  const [group] = await db
    .select(shownColumns(groups))
    .from(groups)
    .where(and(eq(groups.slug, slug), shownToEveryone(groups)));
  if (!group) throw new AppError('NOT_FOUND', `group ${slug}`);
  return group;
}

/**
 * The seats a group has on the day `on` ('YYYY-MM-DD', today in Stockholm), in their listed order, with the
 * organisation each seat represents; a seat for a deleted organisation is shown without it. A seat whose
 * term has ended (or not begun) is not shown: a public page says who sits in the group now, and the
 * edit page and the group's history keep the rest.
 */
export function findMembers(db: Db, groupId: number, on: string) {
  return db
    .select({
      id: groupMembers.id,
      role: groupMembers.role,
      seatDescription: groupMembers.seatDescription,
      personName: groupMembers.personName,
      isDemo: groupMembers.isDemo,
      organisation: { slug: organisations.slug, name: organisations.name, kind: organisations.kind },
    })
    .from(groupMembers)
    .leftJoin(
      organisations,
      and(eq(organisations.id, groupMembers.organisationId), shownToEveryone(organisations)),
    )
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        or(isNull(groupMembers.fromOn), lte(groupMembers.fromOn, on)),
        or(isNull(groupMembers.toOn), gte(groupMembers.toOn, on)),
      ),
    )
    .orderBy(asc(groupMembers.position), asc(groupMembers.id));
}

export type GroupMemberRow = Awaited<ReturnType<typeof findMembers>>[number];

export async function findAgreementOfGroup(db: Db, agreementId: number) {
  const [agreement] = await db
    .select({ slug: agreements.slug, title: agreements.title })
    .from(agreements)
    .where(and(eq(agreements.id, agreementId), shownToEveryone(agreements)));
  return agreement;
}
