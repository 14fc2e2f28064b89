import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownToEveryoneSql } from '../register/visibility.ts';

export const SEARCH_PAGE_SIZE = 10;

/** Marks around matched words in headlines; control characters never occur in stored text. */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

export type SearchHitType =
  | 'organisation'
  | 'agreement'
  | 'group'
  | 'activity'
  | 'page'
  | 'brief'
  | 'decision';

export type SearchHit = {
  type: SearchHitType;
  slug: string;
  kind: string;
  title: string;
  snippet: string;
  isDemo: boolean;
  total: number;
};

/**
 * One ranked full-text search over the register with the Swedish stemmer after unaccent, so
 * "högskolorna" finds "högskola" and "sodertorn" finds "Södertörn". Headlines are made only for the
 * page of hits that is shown, since ts_headline re-reads each text.
 */
export async function searchRegister(db: Db, query: string, page: number): Promise<SearchHit[]> {
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const marks = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
  const titleOptions = `${marks}, HighlightAll=true`;
  const bodyOptions = `${marks}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
  // A match in the title (weight A) always outranks matches only in the text; ts_rank_cd's flag 32 keeps
  // the text rank below 1, so it orders hits within those two groups.
  const rank = sql`(ts_filter(search_vector, '{a}') @@ q.query)::int + ts_rank_cd(search_vector, q.query, 32)`;
  // Only rows anyone may read: not deleted, and public where the table has a visibility.
  const shown = sql.raw(shownToEveryoneSql('', false));
  const shownPublic = sql.raw(shownToEveryoneSql('', true));
  const result = await db.execute<SearchHit>(sql`
    with q as (select websearch_to_tsquery('samverkan_sv', ${query}) as query),
    hits as (
      select 'organisation' as type, slug, kind::text as kind, name as title, description as body, is_demo,
             ${rank} as rank
        from organisations, q where search_vector @@ q.query and ${shown}
      union all
      select 'agreement', slug, kind::text, title, description, is_demo, ${rank}
        from agreements, q where search_vector @@ q.query and ${shownPublic}
      union all
      select 'group', slug, kind::text, name, description, is_demo, ${rank}
        -- the council and the foundation's network are found through their pages instead (same address)
        from groups, q where search_vector @@ q.query and site_role is null and ${shownPublic}
      union all
      select 'activity', slug, kind::text, title, description, is_demo, ${rank}
        from activities, q where search_vector @@ q.query and ${shownPublic}
      union all
      -- the needs bank: published briefs only (a draft is no public record yet)
      select 'brief', slug, kind::text, title, question, is_demo, ${rank}
        from briefs, q where search_vector @@ q.query and published_at is not null and ${shownPublic}
      union all
      -- decisions (issue 10): public items of public meetings of public groups, once the minutes are approved;
      -- slug is the item's id, the decision's stable address /beslut/:id
      select 'decision', id::text, 'decision', title, decision, is_demo, ${rank}
        from (select ai.id, ai.title, ai.decision, ai.is_demo, ai.search_vector
                from agenda_items ai
                join meetings m on m.id = ai.meeting_id
                join groups g on g.id = m.group_id
               where ai.deleted_at is null and ai.visibility = 'public' and ai.decision <> ''
                 and m.deleted_at is null and m.visibility = 'public' and m.minutes_status = 'approved'
                 and g.deleted_at is null and g.visibility = 'public') as decisions, q
       where search_vector @@ q.query
      union all
      -- page text may hold [label](link) markup: headlines show the label only, and no "## "
      select 'page', path, 'page', title,
             regexp_replace(regexp_replace(body, '\\[([^\\]]+)\\]\\([^)]*\\)', '\\1', 'g'), '^## ', '', 'gn'),
             false, ${rank}
        from pages, q where search_vector @@ q.query and ${shown}
    ),
    ranked as (
      select *, count(*) over () as total from hits
      -- type and slug break ties, so that paging with offset never shows a hit twice or skips one
      order by rank desc, title collate "sv-SE-x-icu", type, slug
      limit ${SEARCH_PAGE_SIZE} offset ${offset}
    )
    select type, slug, kind, is_demo as "isDemo", total::int as total,
           ts_headline('samverkan_sv', title, q.query, ${titleOptions}) as title,
           case when body = '' then '' else ts_headline('samverkan_sv', body, q.query, ${bodyOptions}) end as snippet
      from ranked, q
     order by rank desc, ranked.title collate "sv-SE-x-icu", ranked.type, ranked.slug
  `);
  return result.rows;
}
