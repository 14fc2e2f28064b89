import { and, asc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { agreements } from '../../agreements/agreements.table.ts';
import { type GroupKind, groupMembers, groups } from '../../groups/groups.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

export type GroupRowFilter = {
  kind?: GroupKind;
  /** Only groups where the shown organisation with this slug holds a seat today. */
  organisation?: string;
  /** Only groups that carry out the public agreement with this slug. */
  agreement?: string;
  updatedSince?: Date;
  /** One group by its slug (the item endpoint). */
  slug?: string;
  /** Today in Stockholm, YYYY-MM-DD: the seats shown are those held on it. */
  today: string;
};

/** A seat held on the day `on`, as findMembers (groups.queries.ts) has it behind the public group pages. */
function seatHeldOn(on: string): SQL {
  return and(
    or(isNull(groupMembers.fromOn), lte(groupMembers.fromOn, on)),
    or(isNull(groupMembers.toOn), gte(groupMembers.toOn, on)),
  ) as SQL;
}

function conditions(filter: GroupRowFilter) {
  return and(
    shownToEveryone(groups),
    filter.slug !== undefined ? eq(groups.slug, filter.slug) : undefined,
    filter.kind ? eq(groups.kind, filter.kind) : undefined,
    filter.updatedSince ? gte(groups.updatedAt, filter.updatedSince) : undefined,
    filter.organisation
      ? sql`exists (select 1 from ${groupMembers} join ${organisations} on ${organisations.id} = ${groupMembers.organisationId}
          where ${groupMembers.groupId} = ${groups.id} and ${organisations.slug} = ${filter.organisation}
            and ${shownToEveryone(organisations)} and ${seatHeldOn(filter.today)})`
      : undefined,
    filter.agreement
      ? sql`exists (select 1 from ${agreements} where ${agreements.id} = ${groups.agreementId}
          and ${agreements.slug} = ${filter.agreement} and ${shownToEveryone(agreements)})`
      : undefined,
  );
}

/**
 * One page of the groups anyone may read (public, not deleted), by slug, with the number of all that
 * match (one statement); the agreement only where anyone may read it, as on the group's page.
 */
export function findGroupRows(db: Db, filter: GroupRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      kind: groups.kind,
      description: groups.description,
      siteRole: groups.siteRole,
      isDemo: groups.isDemo,
      updatedAt: groups.updatedAt,
      agreementSlug: agreements.slug,
      agreementTitle: agreements.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(groups)
    .leftJoin(agreements, and(eq(agreements.id, groups.agreementId), shownToEveryone(agreements)))
    .where(conditions(filter))
    .orderBy(asc(groups.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countGroupRows(db: Db, filter: GroupRowFilter) {
  return db.$count(groups, conditions(filter));
}

/**
 * The seats of these groups held on the day `on`, in the order the group's page lists them, as its
 * member table shows them: the role, the organisation (a deleted one is not named) and the person's name
 * or the office that holds the seat. Never an e-mail address: seats hold none, and the people with
 * accounts in a group (group_memberships) are not read at all.
 */
export function findGroupSeats(db: Db, groupIds: number[], on: string) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      groupId: groupMembers.groupId,
      role: groupMembers.role,
      seatDescription: groupMembers.seatDescription,
      personName: groupMembers.personName,
      isDemo: groupMembers.isDemo,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(groupMembers)
    .leftJoin(
      organisations,
      and(eq(organisations.id, groupMembers.organisationId), shownToEveryone(organisations)),
    )
    .where(and(anyId(groupMembers.groupId, groupIds), seatHeldOn(on)))
    .orderBy(asc(groupMembers.groupId), asc(groupMembers.position), asc(groupMembers.id));
}
