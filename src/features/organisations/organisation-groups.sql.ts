import { sql } from 'drizzle-orm';

/**
 * A recursive CTE named `tree`, for figures grouped by the organisation tree (the placement overview, the
 * goal indicators): every organisation with `shown` (not deleted), the nearest shown administration
 * (förvaltning) and university at or above it, and the top of its tree if that is shown. A deleted
 * organisation is never a group; what hangs under it is counted with the next one up that is shown.
 * Depth-limited against a cycle. Use it as `with recursive ${ORGANISATION_TREE}, …`.
 */
export const ORGANISATION_TREE = sql`
  tree as (
    select o.id, o.deleted_at is null as shown,
           case when o.deleted_at is null then o.id end as root_id,
           case when o.kind = 'administration' and o.deleted_at is null then o.id end as administration_id,
           case when o.kind = 'university' and o.deleted_at is null then o.id end as university_id,
           1 as depth
      from organisations o
     where o.parent_id is null
    union all
    select c.id, c.deleted_at is null,
           t.root_id,
           case when c.kind = 'administration' and c.deleted_at is null then c.id else t.administration_id end,
           case when c.kind = 'university' and c.deleted_at is null then c.id else t.university_id end,
           t.depth + 1
      from organisations c
      join tree t on c.parent_id = t.id
     where t.depth < 32
  )`;
