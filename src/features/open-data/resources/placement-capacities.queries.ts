import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { ORGANISATION_TREE } from '../../organisations/organisation-groups.sql.ts';

/**
 * The placement overview's figures (placements/overview.queries.ts) as open data: per term and förvaltning,
 * exactly the rows of the public overview's first table, counted by the same rules — offers not deleted
 * from a unit that is not deleted; requests on them not deleted from an institution that is not deleted;
 * the förvaltning is the nearest one above the unit (or the top of its tree). Not per unit: single units'
 * capacity is for signed-in staff (decision 013), and a unit's one placement could point at a person.
 */

export type CapacityRowFilter = {
  term?: string;
  /** A förvaltning's slug. */
  organisation?: string;
  updatedSince?: Date;
  /** One row by its public id (the item endpoint). */
  publicId?: string;
};

export type CapacityRow = {
  publicId: string;
  term: string;
  administrationSlug: string;
  administrationName: string;
  administrationKind: string;
  demo: boolean;
  updatedAt: Date;
  offered: number;
  requested: number;
  confirmed: number;
  completed: number;
  total: number;
};

/** The public id: lower-case term and the förvaltning's slug (ht2026-grundskoleforvaltningen). */
const PUBLIC_ID = sql`lower(c.term) || '-' || g.slug`;

function cells(filter: CapacityRowFilter): SQL {
  return sql`
    with recursive ${ORGANISATION_TREE},
    offers as (
      select po.id, po.term, po.places, po.is_demo, po.updated_at,
             coalesce(t.administration_id, t.root_id) as group_id
        from placement_offers po
        join tree t on t.id = po.organisation_id and t.shown
       where po.deleted_at is null
         ${filter.term ? sql`and po.term = ${filter.term}` : sql``}
    ),
    requests as (
      select r.offer_id, r.places, r.status, r.is_demo, r.updated_at
        from placement_requests r
        join offers o on o.id = r.offer_id
        join tree u on u.id = r.university_id and u.shown
       where r.deleted_at is null
    ),
    per_offer as (
      select o.id, o.term, o.group_id, o.places,
             o.is_demo and coalesce(bool_and(r.is_demo), true) as demo,
             greatest(o.updated_at, max(r.updated_at)) as updated_at,
             coalesce(sum(r.places) filter (where r.status <> 'cancelled'), 0)::int as requested,
             coalesce(sum(r.places) filter (where r.status in ('confirmed', 'completed')), 0)::int as confirmed,
             coalesce(sum(r.places) filter (where r.status = 'completed'), 0)::int as completed
        from offers o
        left join requests r on r.offer_id = o.id
       group by o.id, o.term, o.group_id, o.places, o.is_demo, o.updated_at
    ),
    c as (
      select p.term, p.group_id, bool_and(p.demo) as demo, max(p.updated_at) as updated_at,
             sum(p.places)::int as offered, sum(p.requested)::int as requested,
             sum(p.confirmed)::int as confirmed, sum(p.completed)::int as completed
        from per_offer p
       group by p.term, p.group_id
    )`;
}

function conditions(filter: CapacityRowFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.organisation) parts.push(sql`g.slug = ${filter.organisation}`);
  if (filter.updatedSince) parts.push(sql`c.updated_at >= ${filter.updatedSince.toISOString()}::timestamptz`);
  if (filter.publicId) parts.push(sql`${PUBLIC_ID} = ${filter.publicId}`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of capacity rows in a stable order (term oldest first, then the förvaltning's slug),
 * with the number of all that match (one statement).
 */
export async function findCapacityRows(
  db: Db,
  filter: CapacityRowFilter,
  limit: number | null,
  offset: number,
): Promise<CapacityRow[]> {
  const result = await db.execute<CapacityRow>(sql`
    ${cells(filter)}
    select ${PUBLIC_ID} as "publicId", c.term,
           g.slug as "administrationSlug", g.name as "administrationName", g.kind as "administrationKind",
           c.demo, c.updated_at as "updatedAt", c.offered, c.requested, c.confirmed, c.completed,
           count(*) over ()::int as total
      from c
      join organisations g on g.id = c.group_id
     where ${conditions(filter)}
     order by substr(c.term, 3), substr(c.term, 1, 2) = 'HT', g.slug
     ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset}`);
  return result.rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
}

export async function countCapacityRows(db: Db, filter: CapacityRowFilter): Promise<number> {
  const result = await db.execute<{ count: number }>(sql`
    ${cells(filter)}
    select count(*)::int as count
      from c
      join organisations g on g.id = c.group_id
     where ${conditions(filter)}`);
  return Number(result.rows[0]?.count ?? 0);
}
