import { desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';

/** The organisations still in the register, for the workspace's tree (the view puts them in tree order). */
export function findLiveOrganisations(db: Db) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/** Deleted organisations, the latest first: the coordinator can open their history and restore them. */
export function findDeletedOrganisations(db: Db) {
  return db
    .select({ slug: organisations.slug, name: organisations.name, deletedAt: organisations.deletedAt })
    .from(organisations)
    .where(isNotNull(organisations.deletedAt))
    .orderBy(desc(organisations.deletedAt))
    .limit(50);
}
