import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { SITE_ROLE_PAGES } from '../../web/components/register-links.tsx';
import type { OrganisationChain } from '../auth/permissions.ts';

/**
 * Who owns a page, for the feedback viewer. A register page belongs to the organisation it shows (an
 * activity to its linked organisations, a group to its organisation); every other page (the start page,
 * /avtal, /mal, …) to the municipality's coordinators, which is `null` here. The rule exists twice, and
 * the tests hold the two together: `pageOwnerChain` for one page, `visiblePagePaths` for the lists.
 *
 * A deleted record owns nothing: the page of a deleted organisation, activity or group (a 404 now) is left
 * to the coordinators, and a deleted organisation is left out of every chain, while the organisations
 * above it still own what lies under it (the walk up and down the tree goes through it). An internal
 * record keeps its owners: its page is not public any more, but the feedback given on it is still theirs.
 */

/** One path segment, exactly: a trailing slash or a deeper path is another page, owned by nobody. */
const SLUG = '([^/]+)';
const siteRoleOfPage = new Map<string, string>(
  Object.entries(SITE_ROLE_PAGES).map(([role, path]) => [path, role]),
);

/** The SQL that finds the organisations directly owning a page, or null for a page nobody but the coordinators owns. */
function directOwners(pagePath: string): SQL | null {
  let match = new RegExp(`^/larosaten/${SLUG}$`).exec(pagePath);
  if (match) {
    return sql`select id from organisations
                where slug = ${match[1]} and kind = 'university' and deleted_at is null`;
  }
  match = new RegExp(`^/organisationer/${SLUG}$`).exec(pagePath);
  if (match) {
    return sql`select id from organisations
                where slug = ${match[1]} and kind <> 'university' and deleted_at is null`;
  }
  match = new RegExp(`^/aktiviteter/${SLUG}$`).exec(pagePath);
  if (match) {
    return sql`select ao.organisation_id as id from activity_organisations ao
                 join activities a on a.id = ao.activity_id where a.slug = ${match[1]} and a.deleted_at is null`;
  }
  match = new RegExp(`^/grupper/${SLUG}$`).exec(pagePath);
  if (match) {
    return sql`select organisation_id as id from groups
                where slug = ${match[1]} and organisation_id is not null and deleted_at is null`;
  }
  const siteRole = siteRoleOfPage.get(pagePath);
  if (siteRole) {
    return sql`select organisation_id as id from groups
                where site_role = ${siteRole}::group_site_role and organisation_id is not null
                  and deleted_at is null`;
  }
  return null;
}

/**
 * The owning organisations of a page with every organisation above them, nearest first; null when the
 * page has no owning organisation (then only coordinators see its feedback). For `canSeeFeedbackFor`.
 */
export async function pageOwnerChain(db: Db, pagePath: string): Promise<OrganisationChain | null> {
  const owners = directOwners(pagePath);
  if (owners === null) return null;
  // The depth limit only guards against a parent cycle someone might type into the database by hand.
  const result = await db.execute<{ id: number }>(sql`
    with recursive chain(id, parent_id, deleted, depth) as (
      select o.id, o.parent_id, o.deleted_at is not null, 0 from organisations o
       where o.id in (${owners}) and o.deleted_at is null
      union all
      select o.id, o.parent_id, o.deleted_at is not null, chain.depth + 1 from organisations o
        join chain on o.id = chain.parent_id
       where chain.depth < 50
    )
    select id from chain where not deleted group by id order by min(depth), id`);
  if (result.rows.length === 0) return null;
  return result.rows.map((row) => Number(row.id));
}

/**
 * A subquery with the page paths owned by these organisations or any organisation under them: the
 * pages an editor of them may see feedback for. Kept in SQL so the lists never load other pages' rows.
 */
export function visiblePagePaths(organisationIds: number[]): SQL {
  if (organisationIds.length === 0) return sql`select null::text where false`;
  const ownPages = Object.entries(SITE_ROLE_PAGES).map(
    ([role, path]) => sql`(${role}::group_site_role, ${path}::text)`,
  );
  return sql`
    with recursive subtree(id, depth) as (
      select id, 0 from organisations where id in (${sql.join(
        organisationIds.map((id) => sql`${id}::int`),
        sql`, `,
      )}) and deleted_at is null
      union all
      select o.id, subtree.depth + 1 from organisations o join subtree on o.parent_id = subtree.id
       where subtree.depth < 50
    ),
    -- the tree is walked through deleted organisations, but they own no pages themselves
    owners as (select s.id from subtree s join organisations o on o.id = s.id where o.deleted_at is null)
    select case when o.kind = 'university' then '/larosaten/' else '/organisationer/' end || o.slug
      from organisations o where o.id in (select id from owners)
    union all
    select '/aktiviteter/' || a.slug from activities a
      join activity_organisations ao on ao.activity_id = a.id
     where ao.organisation_id in (select id from owners) and a.deleted_at is null
    union all
    select '/grupper/' || g.slug from groups g
     where g.organisation_id in (select id from owners) and g.deleted_at is null
    union all
    select own.path from groups g
      join (values ${sql.join(ownPages, sql`, `)}) as own(role, path) on own.role = g.site_role
     where g.organisation_id in (select id from owners) and g.deleted_at is null`;
}
