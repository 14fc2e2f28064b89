import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { AppError } from '../../lib/errors.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import {
  type ActivityKind,
  activities,
  activityFocusAreas,
  activityGoals,
  activityOrganisations,
} from './activities.table.ts';

export function findActivitiesOfKind(db: Db, kind: ActivityKind) {
  return db
    .select(shownColumns(activities))
    .from(activities)
    .where(and(eq(activities.kind, kind), shownToEveryone(activities)))
    .orderBy(asc(activities.startsOn));
}

/**
 * One activity anyone may read, with the organisations, agreement, focus areas and goals it is linked to
 * that anyone may read; a deleted or internal activity is not found (404).
 */
export async function getActivity(db: Db, slug: string) {
  const [activity] = await db
    .select(shownColumns(activities))
    .from(activities)
    .where(and(eq(activities.slug, slug), shownToEveryone(activities)));
  if (!activity) throw new AppError('NOT_FOUND', `activity ${slug}`);
  const [parties, areas, goalRows, agreement] = await Promise.all([
    db
      .select({ slug: organisations.slug, name: organisations.name, kind: organisations.kind })
      .from(activityOrganisations)
      .innerJoin(organisations, eq(organisations.id, activityOrganisations.organisationId))
      .where(and(eq(activityOrganisations.activityId, activity.id), shownToEveryone(organisations)))
      .orderBy(asc(organisations.id)),
    db
      .select({ slug: focusAreas.slug, name: focusAreas.name })
      .from(activityFocusAreas)
      .innerJoin(focusAreas, eq(focusAreas.id, activityFocusAreas.focusAreaId))
      .where(and(eq(activityFocusAreas.activityId, activity.id), shownToEveryone(focusAreas))),
    db
      .select({ slug: goals.slug, shortTitle: goals.shortTitle })
      .from(activityGoals)
      .innerJoin(goals, eq(goals.id, activityGoals.goalId))
      .where(eq(activityGoals.activityId, activity.id))
      .orderBy(asc(goals.position)),
    activity.agreementId
      ? db
          .select({ slug: agreements.slug, title: agreements.title })
          .from(agreements)
          .where(and(eq(agreements.id, activity.agreementId), shownToEveryone(agreements)))
          .then((rows) => rows[0])
      : undefined,
  ]);
  return { ...activity, organisations: parties, focusAreas: areas, goals: goalRows, agreement };
}
