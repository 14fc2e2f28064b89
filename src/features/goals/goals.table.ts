import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, isDemo } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { recordColumns } from '../register/register.table.ts';

export const goals = pgTable('goals', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  position: integer().notNull(),
  shortTitle: text('short_title').notNull(),
  /** The goal as the source page words it, completing "Målet med samarbetet är att det ska …". */
  statement: text().notNull(),
});

/** Counted from the register by a query, or entered by the coordinator with a source (issue 11). */
export const indicatorKinds = ['computed', 'manual'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorKind = pgEnum('indicator_kind', indicatorKinds);

/** Which way is better: more placements is better; for some measures (e.g. a waiting time) fewer is. */
export const indicatorDirections = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirection = pgEnum('indicator_direction', indicatorDirections);

/**
 * An indicator of a goal. Its definition (what is counted, from which records, for which period), name
 * and unit are in the code's indicator catalogue and the strings (indicator-catalogue.ts, sv-indicators.ts):
 * a computed indicator is a query, so its words and its SQL change together. This row exists so targets
 * and entered values have something to refer to and a version and history to share: a target or a value
 * set is a change of its indicator.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    position: integer().notNull().default(0),
    kind: indicatorKind().notNull().default('computed'),
    direction: indicatorDirection().notNull().default('higher'),
    ...recordColumns(),
  },
  (t) => [index().on(t.goalId)],
);

/**
 * One indicator's year: the target the coordinator set for it, and for a manual indicator the value
 * entered with its source (e.g. "Medarbetarenkäten 2026, HR-avdelningen") and the day it was measured.
 * A computed indicator's value is never stored here: it is counted from the register when read.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    target: numeric(),
    /** Entered (manual indicators only). */
    value: numeric(),
    /** Where an entered value comes from; required with a value. */
    source: text(),
    /** When the entered value was measured (a survey's closing day). */
    measuredOn: date('measured_on', { mode: 'string' }),
    isDemo: isDemo(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.indicatorId, t.year),
    check('indicator_values_year_check', sql`${t.year} between 2000 and 2100`),
    check(
      'indicator_values_source_check',
      sql`${t.value} is null or (${t.source} is not null and ${t.measuredOn} is not null)`,
    ),
  ],
);

export const annualReportStatuses = ['draft', 'published'] as const;
export type AnnualReportStatus = (typeof annualReportStatuses)[number];
export const annualReportStatus = pgEnum('annual_report_status', annualReportStatuses);

/**
 * The annual report (årsrapport) to Högskolerådet for one calendar year (decision 015). A draft shows the
 * register's figures as they are now; publishing stores them in `snapshot` in the same transaction, and a
 * published report is only ever read from its snapshot, so a later change in the register does not rewrite
 * what the council was given.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    year: integer().notNull().unique(),
    status: annualReportStatus().notNull().default('draft'),
    /** The coordinator's short text for the whole year. */
    summary: text().notNull().default(''),
    /** The coordinator's comment per goal: goal slug → text. */
    goalComments: jsonb('goal_comments').$type<Record<string, string>>().notNull().default({}),
    /** Everything the published report shows, frozen (see annual-report-snapshot.ts for its shape). */
    snapshot: jsonb().$type<Record<string, unknown>>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByPersonId: integer('published_by_person_id').references(() => people.id, {
      onDelete: 'set null',
    }),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    check('annual_reports_year_check', sql`${t.year} between 2000 and 2100`),
    check(
      'annual_reports_published_check',
      sql`(${t.status} = 'published') = (${t.snapshot} is not null and ${t.publishedAt} is not null)`,
    ),
  ],
);

export type Goal = typeof goals.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type AnnualReport = typeof annualReports.$inferSelect;
