import { type SQL, sql } from 'drizzle-orm';
import { TIME_ZONE } from '../../../lib/dates.ts';
import type { ComputedIndicatorSlug } from './indicator-catalogue.ts';

/**
 * What each computed indicator counts, as SQL (issue 11, item 1). Each entry is a chain of CTEs that ends
 * in one named `facts`, to follow `with recursive ${ORGANISATION_TREE},`; one row of `facts` is one thing
 * counted in one calendar year:
 *
 *   year              int    the year it counts in (Stockholm time; never after `today`'s year)
 *   record_type       text   what the list behind the figure links to (CountedRecordType)
 *   record_id         int    … and which one
 *   amount            int    what it adds (1, or a number of places)
 *   is_demo           bool   demo data (a figure of demo data only is labelled Exempeldata)
 *   administration_ids int[] the förvaltningar it is counted under (empty: none)
 *   institution_ids   int[]  the institutions (universities) it is counted under (empty: none)
 *   agreement_ids     int[]  the agreements it is counted under (empty: none)
 *
 * Only what a public page may show is counted (public, not deleted, from an organisation that is shown),
 * so every figure can link to the records behind it; the words in sv-indicators.ts say the same. An
 * activity running over several years counts once in each of them; one linked to two institutions counts
 * once in the total and once under each institution. A record is counted under the förvaltning at or
 * above its unit, never under the top of the tree: a unit straight under the municipality (or of another
 * municipality) is in the breakdown's "Ingen förvaltning". A link to a deleted organisation counts under
 * the next shown one up (the tree's administration_id and university_id only name shown organisations).
 */

/** Activities anyone may read, with the years they run in: from its start to its end, or to today. */
function runningActivities(today: string, kinds: SQL | null): SQL {
  return sql`
    running as (
      select a.id, a.agreement_id, a.is_demo, y.year
        from activities a
        cross join lateral generate_series(
          extract(year from a.starts_on)::int,
          least(extract(year from coalesce(a.ends_on, ${today}::date))::int,
                extract(year from ${today}::date)::int)
        ) as y(year)
       where a.deleted_at is null and a.visibility = 'public' and a.starts_on is not null
         and a.starts_on <= ${today}::date
         ${kinds ? sql`and a.kind in (${kinds})` : sql``}
    )`;
}

/** No groups: what a fact has when only its total (or its record) is asked for. */
const NONE = sql`'{}'::int[]`;

/**
 * Per activity of `source` (a CTE with `id`): the förvaltningar and institutions of its organisations. The
 * tree's administration_id and university_id only ever name shown organisations, so a link to a deleted
 * unit counts under the next shown one up, never under the deleted one. Only the activities counted are
 * grouped: grouping all of them costs most of the query at 20,000 activities.
 */
function activityGroups(source: 'running' | 'with_business'): SQL {
  return sql`
  activity_groups as (
    select ao.activity_id,
           coalesce(array_agg(distinct t.administration_id) filter (where t.administration_id is not null), '{}')
             as administration_ids,
           coalesce(array_agg(distinct t.university_id) filter (where t.university_id is not null), '{}')
             as institution_ids
      from activity_organisations ao
      join tree t on t.id = ao.organisation_id
     where ao.activity_id in (select id from ${sql.raw(source)})
     group by ao.activity_id
  ),
  shown_agreements as (
    select id from agreements where deleted_at is null and visibility = 'public'
  )`;
}

/** One fact per activity and year of `source` (with `id`, `year`, `is_demo`, `agreement_id`). */
function activityFacts(source: 'running' | 'with_business', groups: boolean): SQL {
  if (!groups)
    return sql`
    facts as (
      select s.year, 'activity'::text as record_type, s.id as record_id, 1 as amount, s.is_demo,
             ${NONE} as administration_ids, ${NONE} as institution_ids, ${NONE} as agreement_ids
        from ${sql.raw(source)} s
    )`;
  return sql`
    ${activityGroups(source)},
    facts as (
      select s.year, 'activity'::text as record_type, s.id as record_id, 1 as amount, s.is_demo,
             coalesce(g.administration_ids, '{}') as administration_ids,
             coalesce(g.institution_ids, '{}') as institution_ids,
             case when sa.id is null then '{}'::int[] else array[sa.id] end as agreement_ids
        from ${sql.raw(source)} s
        left join activity_groups g on g.activity_id = s.id
        left join shown_agreements sa on sa.id = s.agreement_id
    )`;
}

/** The year of a Stockholm timestamp column. */
function stockholmYear(column: SQL): SQL {
  return sql`extract(year from (${column} at time zone ${TIME_ZONE}))::int`;
}

/** Placement requests carried out (genomförd) on offers of shown units, by the year of the term. */
function completedPlacements(today: string, amount: SQL): SQL {
  return sql`
    facts as (
      select substring(po.term from 3)::int as year, 'placement_offer'::text as record_type,
             po.id as record_id, ${amount} as amount, (po.is_demo and r.is_demo) as is_demo,
             case when t.administration_id is null then '{}'::int[] else array[t.administration_id] end
               as administration_ids,
             array[coalesce(u.university_id, u.id)] as institution_ids,
             '{}'::int[] as agreement_ids
        from placement_requests r
        join placement_offers po on po.id = r.offer_id and po.deleted_at is null
        join tree t on t.id = po.organisation_id and t.shown
        join tree u on u.id = r.university_id and u.shown
       where r.status = 'completed' and r.deleted_at is null
         and substring(po.term from 3)::int <= extract(year from ${today}::date)::int
    )`;
}

/** Briefs anyone may read: public, published, not deleted, from a shown organisation. */
const SHOWN_BRIEFS = sql`
  shown_briefs as (
    select b.id, b.kind, b.is_demo, b.published_at, t.university_id, t.administration_id
      from briefs b
      join tree t on t.id = b.organisation_id and t.shown
     where b.deleted_at is null and b.visibility = 'public' and b.published_at is not null
  )`;

/** Organisations that stand for business: companies, and the municipality's näringslivssektion. */
const BUSINESS = sql`(o.kind = 'company' or o.slug = 'naringslivssektionen')`;

/**
 * Activities running in a year that involve business and an institution. The few activities with business
 * are found first and only they are checked for an institution: checking every activity for one first
 * (the plan PostgreSQL picks for an EXISTS here) costs most of the query at 20,000 activities.
 */
function businessAndAcademy(today: string): SQL {
  return sql`
  ${runningActivities(today, null)},
  business_activities as (
    select distinct ao.activity_id as id
      from activity_organisations ao
      join organisations o on o.id = ao.organisation_id and o.deleted_at is null
     where ${BUSINESS}
  ),
  academy_activities as (
    select distinct ai.activity_id as id
      from business_activities b
      join activity_organisations ai on ai.activity_id = b.id
      join tree ti on ti.id = ai.organisation_id
     where ti.university_id is not null
  ),
  with_business as (
    select r.id, r.year, r.is_demo, r.agreement_id
      from running r
      join academy_activities x on x.id = r.id
  )`;
}

const FACTS: Record<ComputedIndicatorSlug, (today: string, groups: boolean) => SQL> = {
  'genomforda-praktikperioder': (today) => completedPlacements(today, sql`1`),
  'placerade-studenter': (today) => completedPlacements(today, sql`r.places`),
  'forsknings-och-ulf-projekt': (today, groups) => sql`
    ${runningActivities(today, sql`'research_project', 'ulf_project'`)},
    ${activityFacts('running', groups)}`,
  'resultat-som-anvands': (today, groups) => sql`
      running as (
        select a.id, a.agreement_id, a.is_demo, extract(year from a.outcomes_used_on)::int as year
          from activities a
         where a.deleted_at is null and a.visibility = 'public' and a.outcomes_used_on is not null
           and a.kind in ('research_project', 'ulf_project', 'thesis_project')
           and a.outcomes_used_on <= ${today}::date
      ),
    ${activityFacts('running', groups)}`,
  'forskningsfragor-som-tagits-upp': (today) => sql`
    ${SHOWN_BRIEFS},
    taken as (
      select b.id, b.administration_id, min(r.accepted_at) as taken_at,
             bool_and(b.is_demo and r.is_demo) as is_demo,
             coalesce(array_agg(distinct coalesce(u.university_id, u.id)) filter (where u.id is not null), '{}')
               as institution_ids
        from shown_briefs b
        join brief_responses r on r.brief_id = b.id
        left join tree u on u.id = r.institution_id and u.shown
       where b.kind in ('research_question', 'ulf_question', 'thesis') and r.role <> 'staff'
         and r.status in ('accepted', 'completed') and r.deleted_at is null
         and r.accepted_at < (${today}::date + 1)::timestamp at time zone ${TIME_ZONE}
       group by b.id, b.administration_id
    ),
    facts as (
      select ${stockholmYear(sql`k.taken_at`)} as year, 'brief'::text as record_type, k.id as record_id,
             1 as amount, k.is_demo,
             case when k.administration_id is null then '{}'::int[] else array[k.administration_id] end
               as administration_ids,
             k.institution_ids, '{}'::int[] as agreement_ids
        from taken k
    )`,
  'aktiviteter-naringsliv-och-akademi': (today, groups) => sql`
    ${businessAndAcademy(today)},
    ${activityFacts('with_business', groups)}`,
  'foretag-i-samverkan': (today, groups) => sql`
    ${businessAndAcademy(today)},
    ${groups ? sql`${activityGroups('with_business')},` : sql``}
    facts as (
      select w.year, 'organisation'::text as record_type, o.id as record_id, 1 as amount,
             bool_and(w.is_demo) as is_demo, ${NONE} as administration_ids,
             ${groups ? sql`coalesce(array_agg(distinct i.id) filter (where i.id is not null), '{}')` : NONE}
               as institution_ids,
             ${NONE} as agreement_ids
        from with_business w
        join activity_organisations ao on ao.activity_id = w.id
        join organisations o on o.id = ao.organisation_id and o.deleted_at is null and o.kind = 'company'
        ${
          groups
            ? sql`left join activity_groups g on g.activity_id = w.id
        left join lateral unnest(g.institution_ids) as i(id) on true`
            : sql``
        }
       group by w.year, o.id
    )`,
  'medarbetare-i-kompetensutveckling': (today) => sql`
    ${SHOWN_BRIEFS},
    facts as (
      select ${stockholmYear(sql`r.accepted_at`)} as year, 'brief'::text as record_type, b.id as record_id,
             1 as amount, (b.is_demo and r.is_demo) as is_demo,
             case when w.administration_id is null then '{}'::int[] else array[w.administration_id] end
               as administration_ids,
             case when b.university_id is null then '{}'::int[] else array[b.university_id] end
               as institution_ids,
             '{}'::int[] as agreement_ids
        from shown_briefs b
        join brief_responses r on r.brief_id = b.id
        left join tree w on w.id = r.institution_id
       where b.kind = 'staff_development' and r.role = 'staff'
         and r.status in ('accepted', 'completed') and r.deleted_at is null and r.accepted_at is not null
         and r.accepted_at < (${today}::date + 1)::timestamp at time zone ${TIME_ZONE}
    )`,
  kompetensutvecklingsinsatser: (today) => sql`
    ${SHOWN_BRIEFS},
    facts as (
      select ${stockholmYear(sql`b.published_at`)} as year, 'brief'::text as record_type, b.id as record_id,
             1 as amount, b.is_demo, '{}'::int[] as administration_ids,
             case when b.university_id is null then '{}'::int[] else array[b.university_id] end
               as institution_ids,
             '{}'::int[] as agreement_ids
        from shown_briefs b
       where b.kind = 'staff_development'
         and b.published_at < (${today}::date + 1)::timestamp at time zone ${TIME_ZONE}
    )`,
};

/**
 * The `facts` CTEs of a computed indicator, counting up to `today` (an ISO date in Stockholm). Without
 * `groups` the group columns are empty: a total or a list of records needs no grouping, and skipping it
 * is most of what makes the dashboard's figures fast.
 */
export function indicatorFacts(slug: ComputedIndicatorSlug, today: string, options = { groups: true }): SQL {
  return FACTS[slug](today, options.groups);
}
