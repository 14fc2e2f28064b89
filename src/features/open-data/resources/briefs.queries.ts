import { and, asc, eq, gte, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { activities } from '../../activities/activities.table.ts';
import { focusAreas } from '../../agreements/agreements.table.ts';
import { goals } from '../../goals/goals.table.ts';
import {
  type BriefKind,
  briefFocusAreas,
  briefGoals,
  briefInstitutions,
  briefResponses,
  briefs,
} from '../../needs/needs.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

/**
 * The open data's reads of the needs bank, with the rules of its public pages (needs.queries.ts): only
 * published briefs anyone may read (published, public, not deleted); of what they link to only what
 * anyone may read. Answers (brief_responses) are personal data and never read here, except which public
 * activities accepted ones became ("Det här blev" on the brief's page).
 */

export type BriefStatus = 'open' | 'closed';
export const briefStatuses = ['open', 'closed'] as const satisfies readonly BriefStatus[];

export type BriefRowFilter = {
  kind?: BriefKind;
  status?: BriefStatus;
  organisation?: string;
  focusArea?: string;
  goal?: string;
  updatedSince?: Date;
  /** One brief by its slug (the item endpoint). */
  slug?: string;
  /** Today in Stockholm, YYYY-MM-DD: whether a brief is open follows from it. */
  today: string;
};

/** isBriefOpen of the needs bank as SQL: not closed by its owner, and its last day not passed. */
function openCondition(today: string): SQL {
  return sql`(${briefs.closedAt} is null and (${briefs.deadline} is null or ${briefs.deadline} >= ${today}::date))`;
}

function conditions(filter: BriefRowFilter) {
  return and(
    isNotNull(briefs.publishedAt),
    shownToEveryone(briefs),
    filter.slug !== undefined ? eq(briefs.slug, filter.slug) : undefined,
    filter.kind ? eq(briefs.kind, filter.kind) : undefined,
    filter.status === 'open' ? openCondition(filter.today) : undefined,
    filter.status === 'closed' ? sql`not ${openCondition(filter.today)}` : undefined,
    filter.updatedSince ? gte(briefs.updatedAt, filter.updatedSince) : undefined,
    // Asked by the organisation or addressed to it, as the needs bank's filter by institution.
    filter.organisation
      ? or(
          sql`${briefs.organisationId} in (select ${organisations.id} from ${organisations}
              where ${organisations.slug} = ${filter.organisation} and ${organisations.deletedAt} is null)`,
          sql`${briefs.id} in (select ${briefInstitutions.briefId} from ${briefInstitutions}
              join ${organisations} on ${organisations.id} = ${briefInstitutions.organisationId}
              where ${organisations.slug} = ${filter.organisation} and ${organisations.deletedAt} is null)`,
        )
      : undefined,
    filter.focusArea
      ? sql`${briefs.id} in (select ${briefFocusAreas.briefId} from ${briefFocusAreas}
          join ${focusAreas} on ${focusAreas.id} = ${briefFocusAreas.focusAreaId}
          where ${focusAreas.slug} = ${filter.focusArea} and ${focusAreas.deletedAt} is null)`
      : undefined,
    filter.goal
      ? sql`${briefs.id} in (select ${briefGoals.briefId} from ${briefGoals}
          join ${goals} on ${goals.id} = ${briefGoals.goalId} where ${goals.slug} = ${filter.goal})`
      : undefined,
  );
}

/**
 * One page of published public briefs by slug, with the number of all that match (one statement), and
 * the asking organisation where it is still in the register. Never the contact's e-mail.
 */
export function findBriefRows(db: Db, filter: BriefRowFilter, limit: number | null, offset: number) {
  const query = db
    .select({
      id: briefs.id,
      slug: briefs.slug,
      kind: briefs.kind,
      title: briefs.title,
      background: briefs.background,
      question: briefs.question,
      intendedUse: briefs.intendedUse,
      beneficiaries: briefs.beneficiaries,
      offering: briefs.offering,
      contactName: briefs.contactName,
      deadline: briefs.deadline,
      publishedAt: briefs.publishedAt,
      closedAt: briefs.closedAt,
      isDemo: briefs.isDemo,
      updatedAt: briefs.updatedAt,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(briefs)
    .leftJoin(organisations, and(eq(organisations.id, briefs.organisationId), shownToEveryone(organisations)))
    .where(conditions(filter))
    .orderBy(asc(briefs.slug))
    .$dynamic();
  if (limit !== null) query.limit(limit);
  return query.offset(offset);
}

export function countBriefRows(db: Db, filter: BriefRowFilter) {
  return db.$count(briefs, conditions(filter));
}

export function findBriefFocusAreas(db: Db, briefIds: number[]) {
  if (briefIds.length === 0) return Promise.resolve([]);
  return db
    .select({ briefId: briefFocusAreas.briefId, slug: focusAreas.slug, name: focusAreas.name })
    .from(briefFocusAreas)
    .innerJoin(focusAreas, eq(focusAreas.id, briefFocusAreas.focusAreaId))
    .where(and(anyId(briefFocusAreas.briefId, briefIds), shownToEveryone(focusAreas)))
    .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`);
}

export function findBriefGoals(db: Db, briefIds: number[]) {
  if (briefIds.length === 0) return Promise.resolve([]);
  return db
    .select({ briefId: briefGoals.briefId, slug: goals.slug, name: goals.shortTitle })
    .from(briefGoals)
    .innerJoin(goals, eq(goals.id, briefGoals.goalId))
    .where(anyId(briefGoals.briefId, briefIds))
    .orderBy(asc(goals.position));
}

/** The institutions (not deleted) these briefs are addressed to, in name order. */
export function findBriefInstitutions(db: Db, briefIds: number[]) {
  if (briefIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      briefId: briefInstitutions.briefId,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(briefInstitutions)
    .innerJoin(organisations, eq(organisations.id, briefInstitutions.organisationId))
    .where(and(anyId(briefInstitutions.briefId, briefIds), shownToEveryone(organisations)))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/**
 * "Det här blev": the public activities accepted answers to these briefs became, as findActivitiesFromBrief
 * reads them for the brief's page. Nothing else of an answer (who, how, why declined) is read.
 */
export function findBriefOutcomes(db: Db, briefIds: number[]) {
  if (briefIds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinct({
      briefId: briefResponses.briefId,
      activityId: activities.id,
      slug: activities.slug,
      title: activities.title,
    })
    .from(briefResponses)
    .innerJoin(activities, eq(activities.id, briefResponses.activityId))
    .where(
      and(
        anyId(briefResponses.briefId, briefIds),
        inArray(briefResponses.status, ['accepted', 'completed']),
        shownToEveryone(activities),
      ),
    )
    .orderBy(asc(briefResponses.briefId), asc(activities.id));
}
