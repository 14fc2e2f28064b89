import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  type ActivityKind,
  activities,
  activityFocusAreas,
  activityGoals,
  activityOrganisations,
} from '../../activities/activities.table.ts';
import { agreements, focusAreas } from '../../agreements/agreements.table.ts';
import { goals } from '../../goals/goals.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { shownToEveryone } from '../../register/visibility.ts';
import { anyId } from './id-lists.queries.ts';

/**
 * The open data's reads of activities, with the rules of the activity's public page (getActivity in
 * activities.queries.ts): the activity public and not deleted; of what it links to only what anyone may
 * read (an internal or deleted agreement is null, a deleted organisation or focus area is left out).
 */

export type ActivityRowFilter = {
  kind?: ActivityKind;
  organisation?: string;
  agreement?: string;
  focusArea?: string;
  goal?: string;
  /** The period asked for (YYYY-MM-DD, each end optional): an activity matches if its period overlaps. */
  activeFrom?: string;
  activeTo?: string;
  updatedSince?: Date;
  /** One activity by its slug (the item endpoint). */
  slug?: string;
};

function conditions(filter: ActivityRowFilter) {
  return and(
    shownToEveryone(activities),
    filter.slug !== undefined ? eq(activities.slug, filter.slug) : undefined,
    filter.kind ? eq(activities.kind, filter.kind) : undefined,
    filter.updatedSince ? gte(activities.updatedAt, filter.updatedSince) : undefined,
    // An unknown end is open: no start has begun already, no end goes on.
    filter.activeFrom
      ? sql`(${activities.endsOn} is null or ${activities.endsOn} >= ${filter.activeFrom}::date)`
      : undefined,
    filter.activeTo
      ? sql`(${activities.startsOn} is null or ${activities.startsOn} <= ${filter.activeTo}::date)`
      : undefined,
    // Each link filter reads the few links of one record by their own index (organisation_id,
    // focus_area_id, goal_id), not every activity's links.
    filter.organisation
      ? sql`${activities.id} in (select ${activityOrganisations.activityId} from ${activityOrganisations}
          join ${organisations} on ${organisations.id} = ${activityOrganisations.organisationId}
          where ${organisations.slug} = ${filter.organisation} and ${organisations.deletedAt} is null)`
      : undefined,
    filter.agreement
      ? sql`${activities.agreementId} in (select ${agreements.id} from ${agreements}
          where ${agreements.slug} = ${filter.agreement} and ${shownToEveryone(agreements)})`
      : undefined,
    filter.focusArea
      ? sql`${activities.id} in (select ${activityFocusAreas.activityId} from ${activityFocusAreas}
          join ${focusAreas} on ${focusAreas.id} = ${activityFocusAreas.focusAreaId}
          where ${focusAreas.slug} = ${filter.focusArea} and ${focusAreas.deletedAt} is null)`
      : undefined,
    filter.goal
      ? sql`${activities.id} in (select ${activityGoals.activityId} from ${activityGoals}
          join ${goals} on ${goals.id} = ${activityGoals.goalId} where ${goals.slug} = ${filter.goal})`
      : undefined,
  );
}

/**
 * One page of public activities by slug, with the number of all that match (one statement), and the
 * agreement where anyone may read it. The count and the order need every matching row, so they are taken
 * over the narrow (id, slug) rows only; the wide columns are read for the page's rows alone (with 20,000
 * activities the whole list costs a third of what it does when every row carries its description).
 */
export function findActivityRows(db: Db, filter: ActivityRowFilter, limit: number | null, offset: number) {
  const inner = db
    .select({
      id: activities.id,
      slug: activities.slug,
      total: sql<number>`count(*) over ()`.as('total'),
    })
    .from(activities)
    .where(conditions(filter))
    .orderBy(asc(activities.slug))
    .$dynamic();
  if (limit !== null) inner.limit(limit);
  const page = inner.offset(offset).as('page');
  return db
    .select({
      id: activities.id,
      slug: activities.slug,
      title: activities.title,
      kind: activities.kind,
      description: activities.description,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      outcomes: activities.outcomes,
      outcomesUsedOn: activities.outcomesUsedOn,
      isDemo: activities.isDemo,
      updatedAt: activities.updatedAt,
      agreementSlug: agreements.slug,
      agreementTitle: agreements.title,
      total: sql<number>`${page.total}`.mapWith(Number),
    })
    .from(page)
    .innerJoin(activities, eq(activities.id, page.id))
    .leftJoin(agreements, and(eq(agreements.id, activities.agreementId), shownToEveryone(agreements)))
    .orderBy(asc(page.slug));
}

export function countActivityRows(db: Db, filter: ActivityRowFilter) {
  return db.$count(activities, conditions(filter));
}

/** The organisations (not deleted) of these activities, in the page's order. */
export function findActivityOrganisations(db: Db, activityIds: number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      activityId: activityOrganisations.activityId,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
    })
    .from(activityOrganisations)
    .innerJoin(organisations, eq(organisations.id, activityOrganisations.organisationId))
    .where(and(anyId(activityOrganisations.activityId, activityIds), shownToEveryone(organisations)))
    .orderBy(asc(organisations.id));
}

export function findActivityFocusAreas(db: Db, activityIds: number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .select({ activityId: activityFocusAreas.activityId, slug: focusAreas.slug, name: focusAreas.name })
    .from(activityFocusAreas)
    .innerJoin(focusAreas, eq(focusAreas.id, activityFocusAreas.focusAreaId))
    .where(and(anyId(activityFocusAreas.activityId, activityIds), shownToEveryone(focusAreas)))
    .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`);
}

/** The goals of these activities, in the goals' order (goals are never internal or deleted). */
export function findActivityGoals(db: Db, activityIds: number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .select({ activityId: activityGoals.activityId, slug: goals.slug, name: goals.shortTitle })
    .from(activityGoals)
    .innerJoin(goals, eq(goals.id, activityGoals.goalId))
    .where(anyId(activityGoals.activityId, activityIds))
    .orderBy(asc(goals.position));
}
