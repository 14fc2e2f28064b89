import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

export const activityKinds = [
  'research_project',
  'ulf_project',
  'placement_period',
  'thesis_project',
  'course',
  'event',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKind = pgEnum('activity_kind', activityKinds);

export const activities = pgTable(
  'activities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    kind: activityKind().notNull(),
    description: text().notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    /** What came of it: results, reports, what was used (issue 8: activities have outcomes). */
    outcomes: text().notNull().default(''),
    /**
     * Since when the results are used in the municipality's work, as the activity's editor reports it: what
     * goal 2's "results reported as used" counts (issue 11). Null: not reported as used (yet).
     */
    outcomesUsedOn: date('outcomes_used_on', { mode: 'string' }),
    ...visibilityColumns(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`title`, sql`description`),
  },
  (t) => [
    index().on(t.agreementId),
    index('activities_search_idx').using('gin', t.searchVector),
    // The ids of the activities anyone may read: counts over them (activities per goal on the start page)
    // read this small index instead of the wide table.
    index('activities_shown_idx').on(t.id).where(sql`${t.deletedAt} is null and ${t.visibility} = 'public'`),
  ],
);

export const activityOrganisations = pgTable(
  'activity_organisations',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.organisationId] }), index().on(t.organisationId)],
);

export const activityFocusAreas = pgTable(
  'activity_focus_areas',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    focusAreaId: integer('focus_area_id')
      .notNull()
      .references(() => focusAreas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.focusAreaId] }), index().on(t.focusAreaId)],
);

export const activityGoals = pgTable(
  'activity_goals',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  // The primary key serves lookups by activity; goal pages and counts look up by goal.
  (t) => [primaryKey({ columns: [t.activityId, t.goalId] }), index().on(t.goalId)],
);

export type Activity = typeof activities.$inferSelect;
