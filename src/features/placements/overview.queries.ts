import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { ORGANISATION_TREE } from '../organisations/organisation-groups.sql.ts';

/**
 * The figures behind the public overview of placements and the needs bank (issue 9, item 7): one query
 * per table, each counting only what a public page may show. Organisations are grouped by the tree:
 * the förvaltning side by the nearest administration above (or at) a unit, the institution side by the
 * nearest university (an upper secondary school asking for APL places is its own institution); where
 * there is none, the förvaltning side by the top of the tree. A deleted organisation is never a
 * group (its name never shows); what hangs under it is counted with the next one up that is shown, and
 * the rows of a deleted organisation itself are not counted.
 */

/**
 * One row of a table: the group (null: no shown organisation above it) and whether everything it counts
 * is demo data (labelled "Exempeldata"); a row with a real offer, request or brief in it is not labelled,
 * since its figures are then partly real.
 */
export type FigureGroup = { groupId: number | null; name: string | null; demo: boolean };

export type PlacementAdministrationRow = FigureGroup & {
  offered: number;
  requested: number;
  confirmed: number;
  completed: number;
};
export type PlacementInstitutionRow = FigureGroup & {
  requested: number;
  confirmed: number;
  completed: number;
};
export type BriefAdministrationRow = FigureGroup & { published: number; takenUp: number };
export type BriefInstitutionRow = FigureGroup & { published: number; takenUp: number; tookUp: number };

/**
 * The term's offers that count (not deleted, from a shown unit) with their förvaltning, and the requests
 * on them that count (not deleted, from a shown institution) with the institution: the university above
 * the one asking, or the one asking itself (a school asking for APL places).
 */
function countedPlacements(term: string): SQL {
  return sql`
    with recursive ${ORGANISATION_TREE},
    offers as (
      select po.id, po.places, po.is_demo, coalesce(t.administration_id, t.root_id) as group_id
        from placement_offers po
        join tree t on t.id = po.organisation_id and t.shown
       where po.term = ${term} and po.deleted_at is null
    ),
    requests as (
      select r.offer_id, r.places, r.status, r.is_demo,
             coalesce(u.university_id, u.id) as group_id
        from placement_requests r
        join offers o on o.id = r.offer_id
        join tree u on u.id = r.university_id and u.shown
       where r.deleted_at is null
    )`;
}

/** What each status adds: requested (all but inställd), confirmed (bekräftad, genomförd), carried out. */
const REQUEST_SUMS = sql`
  coalesce(sum(r.places) filter (where r.status <> 'cancelled'), 0)::int as requested,
  coalesce(sum(r.places) filter (where r.status in ('confirmed', 'completed')), 0)::int as confirmed,
  coalesce(sum(r.places) filter (where r.status = 'completed'), 0)::int as completed`;

/** Per förvaltning: places offered in the term, and requested, confirmed and carried out on those offers. */
export async function placementsByAdministration(
  db: Db,
  term: string,
): Promise<PlacementAdministrationRow[]> {
  const result = await db.execute<PlacementAdministrationRow>(sql`
    ${countedPlacements(term)},
    per_offer as (
      select o.id, o.group_id, o.places, o.is_demo and coalesce(bool_and(r.is_demo), true) as demo,
             ${REQUEST_SUMS}
        from offers o
        left join requests r on r.offer_id = o.id
       group by o.id, o.group_id, o.places, o.is_demo
    )
    select p.group_id as "groupId", g.name, bool_and(p.demo) as demo,
           sum(p.places)::int as offered, sum(p.requested)::int as requested,
           sum(p.confirmed)::int as confirmed, sum(p.completed)::int as completed
      from per_offer p
      left join organisations g on g.id = p.group_id
     group by p.group_id, g.name`);
  return result.rows;
}

/** Per institution: places requested, confirmed and carried out on the term's offers. */
export async function placementsByInstitution(db: Db, term: string): Promise<PlacementInstitutionRow[]> {
  const result = await db.execute<PlacementInstitutionRow>(sql`
    ${countedPlacements(term)}
    select r.group_id as "groupId", g.name, bool_and(r.is_demo) as demo, ${REQUEST_SUMS}
      from requests r
      left join organisations g on g.id = r.group_id
     group by r.group_id, g.name`);
  return result.rows;
}

/**
 * Briefs published in the term (from its first day to the day after its last, in Stockholm) that anyone
 * may read: public, not deleted, from a shown organisation. Internal briefs never count. Taken up: a
 * response antagen or genomförd (not deleted), with the university it came from (if it names one: a
 * student or researcher may write an institution outside the register, and staff signing up for competence
 * development name none).
 */
function countedBriefs(from: string, until: string): SQL {
  return sql`
    with recursive ${ORGANISATION_TREE},
    counted as (
      select b.id, b.is_demo, t.university_id, coalesce(t.administration_id, t.root_id) as group_id
        from briefs b
        join tree t on t.id = b.organisation_id and t.shown
       where b.deleted_at is null and b.visibility = 'public'
         and b.published_at >= (${from}::date)::timestamp at time zone ${TIME_ZONE}
         and b.published_at < (${until}::date)::timestamp at time zone ${TIME_ZONE}
    ),
    taken as (
      select distinct r.brief_id, u.university_id as group_id,
             bool_and(r.is_demo) over (partition by r.brief_id) as is_demo
        from brief_responses r
        join counted c on c.id = r.brief_id
        left join tree u on u.id = r.institution_id and u.shown
       where r.status in ('accepted', 'completed') and r.deleted_at is null
    )`;
}

/** Per förvaltning (every publisher that is not an institution): briefs published, and taken up. */
export async function briefsByAdministration(
  db: Db,
  from: string,
  until: string,
): Promise<BriefAdministrationRow[]> {
  const result = await db.execute<BriefAdministrationRow>(sql`
    ${countedBriefs(from, until)}
    select c.group_id as "groupId", g.name,
           bool_and(c.is_demo and coalesce((select bool_and(k.is_demo) from taken k where k.brief_id = c.id), true))
             as demo,
           count(*)::int as published,
           (count(*) filter (where exists (select 1 from taken k where k.brief_id = c.id)))::int as "takenUp"
      from counted c
      left join organisations g on g.id = c.group_id
     where c.university_id is null
     group by c.group_id, g.name`);
  return result.rows;
}

/**
 * Per institution: its own briefs (competence development it offers) published and taken up, and the
 * briefs it took up (a response from it, or one of its departments, antagen or genomförd).
 */
export async function briefsByInstitution(
  db: Db,
  from: string,
  until: string,
): Promise<BriefInstitutionRow[]> {
  const result = await db.execute<BriefInstitutionRow>(sql`
    ${countedBriefs(from, until)},
    parts as (
      select c.university_id as group_id, c.is_demo, 1 as published,
             (exists (select 1 from taken k where k.brief_id = c.id))::int as taken_up, 0 as took_up
        from counted c
       where c.university_id is not null
      union all
      select k.group_id, k.is_demo, 0, 0, 1
        from taken k
       where k.group_id is not null
    )
    select x.group_id as "groupId", g.name, bool_and(x.is_demo) as demo,
           sum(x.published)::int as published, sum(x.taken_up)::int as "takenUp",
           sum(x.took_up)::int as "tookUp"
      from parts x
      left join organisations g on g.id = x.group_id
     group by x.group_id, g.name`);
  return result.rows;
}
