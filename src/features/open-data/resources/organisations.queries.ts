import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { type OrganisationKind, organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';

export type OrganisationRowFilter = {
  kind?: OrganisationKind;
  /** Only the organisations directly under the shown organisation with this slug. */
  parent?: string;
  updatedSince?: Date;
  /** One organisation by its slug (the item endpoint). */
  slug?: string;
};

const parent = alias(organisations, 'parent');

function conditions(filter: OrganisationRowFilter) {
  return and(
    shownToEveryone(organisations),
    filter.slug !== undefined ? eq(organisations.slug, filter.slug) : undefined,
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.updatedSince ? gte(organisations.updatedAt, filter.updatedSince) : undefined,
    filter.parent
      ? sql`exists (select 1 from ${organisations} as p where p.id = ${organisations.parentId}
          and p.slug = ${filter.parent} and p.deleted_at is null)`
      : undefined,
  );
}

/**
 * One page of the organisations anyone may read, by slug, with the number of all that match (one
 * statement). The parent is named as the organisation's page names it: only when it is itself shown; a
 * deleted parent is not named (the page says nothing, and the organisation is under no one's children).
 */
export function findOrganisationRows(
  db: Db,
  filter: OrganisationRowFilter,
  limit: number | null,
  offset: number,
) {
  const query = db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      website: organisations.website,
      description: organisations.description,
      isDemo: organisations.isDemo,
      updatedAt: organisations.updatedAt,
      parentSlug: parent.slug,
      parentName: parent.name,
      parentKind: parent.kind,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(parent, and(eq(parent.id, organisations.parentId), shownToEveryone(parent)))
    .where(conditions(filter))
    .orderBy(asc(organisations.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countOrganisationRows(db: Db, filter: OrganisationRowFilter) {
  return db.$count(organisations, conditions(filter));
}
