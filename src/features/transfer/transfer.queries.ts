import { asc, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities } from '../activities/activities.table.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

/**
 * The register as the coordinator exports it: every record not deleted, internal ones too (the export is
 * for those with the right to them), names instead of ids.
 *
 * The subqueries name the outer table's columns in plain SQL (`agreements.id`): drizzle writes a column
 * of a one-table select without its table (`"id"`), which inside a subquery means the subquery's own.
 */

export function findOrganisationsForExport(db: DbOrTx) {
  return db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      parentSlug: sql<
        string | null
      >`(select p.slug from organisations p where p.id = organisations.parent_id)`,
      parentName: sql<
        string | null
      >`(select p.name from organisations p where p.id = organisations.parent_id)`,
      website: organisations.website,
      description: organisations.description,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

export function findAgreementsForExport(db: DbOrTx) {
  return db
    .select({
      slug: agreements.slug,
      title: agreements.title,
      kind: agreements.kind,
      diarienummer: agreements.diarienummer,
      signedOn: agreements.signedOn,
      validFrom: agreements.validFrom,
      validTo: agreements.validTo,
      parties: sql<string>`coalesce((select string_agg(o.name, ', ' order by o.name collate "sv-SE-x-icu")
        from agreement_parties ap join organisations o on o.id = ap.organisation_id
        where ap.agreement_id = agreements.id and o.deleted_at is null), '')`,
      focusAreas: sql<string>`coalesce((select string_agg(f.name, ', ' order by f.name collate "sv-SE-x-icu")
        from agreement_focus_areas af join focus_areas f on f.id = af.focus_area_id
        where af.agreement_id = agreements.id and f.deleted_at is null), '')`,
      visibility: agreements.visibility,
      internalReason: agreements.internalReason,
      description: agreements.description,
      updatedAt: agreements.updatedAt,
    })
    .from(agreements)
    .where(isNull(agreements.deletedAt))
    .orderBy(sql`${agreements.title} collate "sv-SE-x-icu"`);
}

export function findGroupsForExport(db: DbOrTx) {
  return db
    .select({
      slug: groups.slug,
      name: groups.name,
      kind: groups.kind,
      agreement: sql<
        string | null
      >`(select a.title from agreements a where a.id = groups.agreement_id and a.deleted_at is null)`,
      organisation: sql<
        string | null
      >`(select o.name from organisations o where o.id = groups.organisation_id and o.deleted_at is null)`,
      seats: sql<number>`(select count(*)::int from group_members m where m.group_id = groups.id)`,
      visibility: groups.visibility,
      internalReason: groups.internalReason,
      description: groups.description,
      updatedAt: groups.updatedAt,
    })
    .from(groups)
    .where(isNull(groups.deletedAt))
    .orderBy(sql`${groups.name} collate "sv-SE-x-icu"`);
}

export function findActivitiesForExport(db: DbOrTx) {
  return db
    .select({
      slug: activities.slug,
      title: activities.title,
      kind: activities.kind,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      organisations: sql<string>`coalesce((select string_agg(o.slug, ', ' order by o.slug)
        from activity_organisations ao join organisations o on o.id = ao.organisation_id
        where ao.activity_id = activities.id and o.deleted_at is null), '')`,
      agreement: sql<
        string | null
      >`(select a.slug from agreements a where a.id = activities.agreement_id and a.deleted_at is null)`,
      visibility: activities.visibility,
      internalReason: activities.internalReason,
      description: activities.description,
      outcomes: activities.outcomes,
      outcomesUsedOn: activities.outcomesUsedOn,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(isNull(activities.deletedAt))
    .orderBy(asc(activities.startsOn), asc(activities.id));
}
