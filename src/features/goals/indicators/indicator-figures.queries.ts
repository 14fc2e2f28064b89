import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { ORGANISATION_TREE } from '../../organisations/organisation-groups.sql.ts';
import { goals, indicators, indicatorValues } from '../goals.table.ts';
import type { Breakdown, ComputedIndicatorSlug, CountedRecordType } from './indicator-catalogue.ts';
import { indicatorFacts } from './indicator-facts.queries.ts';

/**
 * Sums over a computed indicator's `facts` (indicator-facts.queries.ts): per year, per group in one year,
 * per record in one year. `demo`: everything summed is demo data.
 */

export type YearSum = { year: number; value: number; demo: boolean };

export async function sumsByYear(db: DbOrTx, slug: ComputedIndicatorSlug, today: string): Promise<YearSum[]> {
  const result = await db.execute<YearSum>(sql`
    with recursive ${ORGANISATION_TREE}, ${indicatorFacts(slug, today, { groups: false })}
    select year, sum(amount)::int as value, bool_and(is_demo) as demo
      from facts group by year order by year`);
  return result.rows;
}

/**
 * sumsByYear of several indicators in one statement (the dashboard): the organisation tree is built once
 * and there is one round trip instead of one per indicator. Each indicator's CTEs sit in a subquery of its
 * own, so their names do not collide; the tree is the outer query's.
 */
export async function sumsByYearOfEach(
  db: DbOrTx,
  slugs: readonly ComputedIndicatorSlug[],
  today: string,
): Promise<Map<ComputedIndicatorSlug, YearSum[]>> {
  const found = new Map<ComputedIndicatorSlug, YearSum[]>(slugs.map((slug) => [slug, []]));
  if (slugs.length === 0) return found;
  const parts = slugs.map(
    (slug) => sql`
    select ${slug}::text as slug, year, sum(amount)::int as value, bool_and(is_demo) as demo
      from (with ${indicatorFacts(slug, today, { groups: false })} select year, amount, is_demo from facts) f
     group by year`,
  );
  const result = await db.execute<YearSum & { slug: ComputedIndicatorSlug }>(sql`
    with recursive ${ORGANISATION_TREE}
    ${sql.join(parts, sql` union all `)}
    order by slug, year`);
  for (const { slug, ...sum } of result.rows) found.get(slug)?.push(sum);
  return found;
}

/** One row of a breakdown: the group (null id: counted under none of them), its name and address. */
export type GroupSum = {
  id: number | null;
  name: string | null;
  slug: string | null;
  value: number;
  demo: boolean;
};

const GROUP_COLUMN: Record<Breakdown, string> = {
  administration: 'administration_ids',
  institution: 'institution_ids',
  agreement: 'agreement_ids',
};

export async function sumsByGroup(
  db: DbOrTx,
  slug: ComputedIndicatorSlug,
  today: string,
  year: number,
  breakdown: Breakdown,
): Promise<GroupSum[]> {
  const column = sql.raw(GROUP_COLUMN[breakdown]);
  const names =
    breakdown === 'agreement'
      ? sql`left join agreements n on n.id = k.id`
      : sql`left join (select id, name as title, slug from organisations) n on n.id = k.id`;
  const result = await db.execute<GroupSum>(sql`
    with recursive ${ORGANISATION_TREE}, ${indicatorFacts(slug, today)},
    keyed as (
      select f.amount, f.is_demo, k.id
        from facts f
        cross join lateral unnest(case when cardinality(f.${column}) = 0 then array[null::int] else f.${column} end)
          as k(id)
       where f.year = ${year}
    )
    select k.id, n.title as name, n.slug, sum(k.amount)::int as value, bool_and(k.is_demo) as demo
      from keyed k
      ${names}
     group by k.id, n.title, n.slug
     order by value desc, name asc nulls last`);
  return result.rows;
}

/** One record behind a figure, with what the list shows of it. */
export type RecordSum = {
  recordType: CountedRecordType;
  recordId: number;
  value: number;
  demo: boolean;
  title: string | null;
  slug: string | null;
  /** For a placement offer: its term and unit. */
  detail: string | null;
};

export async function sumsByRecord(
  db: DbOrTx,
  slug: ComputedIndicatorSlug,
  today: string,
  year: number,
): Promise<RecordSum[]> {
  const result = await db.execute<RecordSum>(sql`
    with recursive ${ORGANISATION_TREE}, ${indicatorFacts(slug, today, { groups: false })},
    summed as (
      select record_type, record_id, sum(amount)::int as value, bool_and(is_demo) as demo
        from facts where year = ${year} group by record_type, record_id
    )
    select s.record_type as "recordType", s.record_id as "recordId", s.value, s.demo,
           coalesce(a.title, b.title, o.name, po.programme) as title,
           coalesce(a.slug, b.slug, o.slug) as slug,
           case when po.id is not null then po.term || ' · ' || u.name end as detail
      from summed s
      left join activities a on s.record_type = 'activity' and a.id = s.record_id
      left join briefs b on s.record_type = 'brief' and b.id = s.record_id
      left join organisations o on s.record_type = 'organisation' and o.id = s.record_id
      left join placement_offers po on s.record_type = 'placement_offer' and po.id = s.record_id
      left join organisations u on u.id = po.organisation_id
     order by s.value desc, title asc`);
  return result.rows;
}

/** The indicators' rows with their goals, in the catalogue's order of goals and positions. */
export function findIndicatorRows(db: DbOrTx) {
  return db
    .select({
      id: indicators.id,
      slug: indicators.slug,
      version: indicators.version,
      goalSlug: goals.slug,
      goalId: goals.id,
    })
    .from(indicators)
    .innerJoin(goals, eq(goals.id, indicators.goalId))
    .orderBy(asc(goals.position), asc(indicators.position));
}

/** Targets and entered values of the given indicators, every year. */
export function findIndicatorYears(db: DbOrTx, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      indicatorId: indicatorValues.indicatorId,
      year: indicatorValues.year,
      target: indicatorValues.target,
      value: indicatorValues.value,
      source: indicatorValues.source,
      measuredOn: indicatorValues.measuredOn,
      isDemo: indicatorValues.isDemo,
    })
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, indicatorIds))
    .orderBy(asc(indicatorValues.year));
}

export type IndicatorYearRow = Awaited<ReturnType<typeof findIndicatorYears>>[number];
