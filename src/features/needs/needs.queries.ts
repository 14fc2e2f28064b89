import { and, asc, count, desc, eq, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { agreementFocusAreas, agreements, focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownToEveryone, shownToEveryoneSql } from '../register/visibility.ts';
import { type BriefKind, briefFocusAreas, briefGoals, briefInstitutions, briefs } from './needs.table.ts';

/**
 * The public reads of the needs bank: only published briefs anyone may read (not deleted, public), and of
 * what they link to only what anyone may read (shownToEveryone on every register table).
 */

export const BRIEFS_PER_PAGE = 20;

export type BriefFilters = {
  kind?: BriefKind | undefined;
  focusAreaId?: number | undefined;
  goalId?: number | undefined;
  institutionId?: number | undefined;
};

/** Published and shown to everyone. */
const published = () => and(isNotNull(briefs.publishedAt), shownToEveryone(briefs)) as SQL;

function filtered(filters: BriefFilters): SQL {
  const conditions: (SQL | undefined)[] = [published()];
  if (filters.kind) conditions.push(eq(briefs.kind, filters.kind));
  if (filters.focusAreaId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${briefFocusAreas} where ${briefFocusAreas.briefId} = ${briefs.id}
              and ${briefFocusAreas.focusAreaId} = ${filters.focusAreaId})`,
    );
  if (filters.goalId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${briefGoals} where ${briefGoals.briefId} = ${briefs.id}
              and ${briefGoals.goalId} = ${filters.goalId})`,
    );
  // Addressed to the institution, or offered by it (competence development).
  if (filters.institutionId !== undefined)
    conditions.push(
      or(
        eq(briefs.organisationId, filters.institutionId),
        sql`exists (select 1 from ${briefInstitutions} where ${briefInstitutions.briefId} = ${briefs.id}
                and ${briefInstitutions.organisationId} = ${filters.institutionId})`,
      ),
    );
  return and(...conditions) as SQL;
}

/** One page of published briefs, newest first, with the asking organisation's name where it is shown. */
export async function findBriefPage(db: Db, filters: BriefFilters, page: number) {
  const where = filtered(filters);
  const [total] = await db.select({ n: count() }).from(briefs).where(where);
  const rows = await db
    .select({
      slug: briefs.slug,
      kind: briefs.kind,
      title: briefs.title,
      question: briefs.question,
      deadline: briefs.deadline,
      publishedAt: briefs.publishedAt,
      closedAt: briefs.closedAt,
      isDemo: briefs.isDemo,
      organisation: organisations.name,
    })
    .from(briefs)
    .leftJoin(organisations, and(eq(organisations.id, briefs.organisationId), shownToEveryone(organisations)))
    .where(where)
    .orderBy(desc(briefs.publishedAt), desc(briefs.id))
    .limit(BRIEFS_PER_PAGE)
    .offset((page - 1) * BRIEFS_PER_PAGE);
  return { rows, total: total?.n ?? 0 };
}

/**
 * The focus areas the needs bank names publicly: those anyone may see that a public agreement prioritises
 * or a published public brief is about (one only an internal agreement has stays out of sight with it).
 */
export function shownFocusArea(): SQL {
  return and(
    shownToEveryone(focusAreas),
    or(
      sql`exists (select 1 from ${briefFocusAreas} bf join ${briefs} b on b.id = bf.brief_id
                   where bf.focus_area_id = ${focusAreas.id} and b.published_at is not null
                     and ${sql.raw(shownToEveryoneSql('b', true))})`,
      sql`exists (select 1 from ${agreementFocusAreas} af join ${agreements} a on a.id = af.agreement_id
                   where af.focus_area_id = ${focusAreas.id} and ${sql.raw(shownToEveryoneSql('a', true))})`,
    ),
  ) as SQL;
}

/** What the filters offer: focus areas, goals and universities anyone may see, by address. */
export async function findFilterChoices(db: Db) {
  const [areaRows, goalRows, institutionRows] = await Promise.all([
    db
      .select({ id: focusAreas.id, slug: focusAreas.slug, name: focusAreas.name })
      .from(focusAreas)
      .where(shownFocusArea())
      .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`),
    db
      .select({ id: goals.id, slug: goals.slug, name: goals.shortTitle })
      .from(goals)
      .orderBy(asc(goals.position)),
    db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.kind, 'university'), shownToEveryone(organisations)))
      .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`),
  ]);
  return { focusAreas: areaRows, goals: goalRows, institutions: institutionRows };
}

/** One published brief anyone may read, with what it links to that anyone may read; else undefined. */
export async function findPublicBrief(db: Db, slug: string) {
  const [brief] = await db
    .select(shownColumns(briefs))
    .from(briefs)
    .where(and(eq(briefs.slug, slug), published()));
  if (!brief) return undefined;
  const [organisation, areas, goalRows, institutions] = await Promise.all([
    db
      .select({ slug: organisations.slug, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(and(eq(organisations.id, brief.organisationId), shownToEveryone(organisations)))
      .then((rows) => rows[0]),
    db
      .select({ slug: focusAreas.slug, name: focusAreas.name })
      .from(briefFocusAreas)
      .innerJoin(focusAreas, eq(focusAreas.id, briefFocusAreas.focusAreaId))
      .where(and(eq(briefFocusAreas.briefId, brief.id), shownToEveryone(focusAreas)))
      .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`),
    db
      .select({ slug: goals.slug, shortTitle: goals.shortTitle })
      .from(briefGoals)
      .innerJoin(goals, eq(goals.id, briefGoals.goalId))
      .where(eq(briefGoals.briefId, brief.id))
      .orderBy(asc(goals.position)),
    db
      .select({ slug: organisations.slug, name: organisations.name, kind: organisations.kind })
      .from(briefInstitutions)
      .innerJoin(organisations, eq(organisations.id, briefInstitutions.organisationId))
      .where(and(eq(briefInstitutions.briefId, brief.id), shownToEveryone(organisations)))
      .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`),
  ]);
  return { ...brief, organisation, focusAreas: areas, goals: goalRows, institutions };
}

/** How many entries a feed holds. */
export const FEED_ENTRIES = 50;

/** The newest published briefs for a feed, with the asking organisation's name where it is shown. */
export function findFeedBriefs(db: Db, filters: Pick<BriefFilters, 'kind' | 'focusAreaId'>) {
  return db
    .select({
      id: briefs.id,
      slug: briefs.slug,
      kind: briefs.kind,
      title: briefs.title,
      question: briefs.question,
      deadline: briefs.deadline,
      publishedAt: briefs.publishedAt,
      updatedAt: briefs.updatedAt,
      organisation: organisations.name,
    })
    .from(briefs)
    .leftJoin(organisations, and(eq(organisations.id, briefs.organisationId), shownToEveryone(organisations)))
    .where(filtered(filters))
    .orderBy(desc(briefs.publishedAt), desc(briefs.id))
    .limit(FEED_ENTRIES);
}

/** A focus area anyone may see, by address (a filter's value). */
export async function findShownFocusArea(db: Db, slug: string) {
  const [row] = await db
    .select({ id: focusAreas.id, slug: focusAreas.slug, name: focusAreas.name })
    .from(focusAreas)
    .where(and(eq(focusAreas.slug, slug), shownFocusArea()));
  return row;
}
