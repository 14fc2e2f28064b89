import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities, activityGoals } from '../activities/activities.table.ts';
import { groups } from '../groups/groups.table.ts';
import { agendaItemGoals, agendaItems, meetings } from '../meetings/meetings.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { annualReports } from './goals.table.ts';

/** The annual reports' rows (issue 11; decision 016). Nothing here decides who may read what. */

const reportColumns = {
  id: annualReports.id,
  year: annualReports.year,
  status: annualReports.status,
  summary: annualReports.summary,
  goalComments: annualReports.goalComments,
  publishedAt: annualReports.publishedAt,
  isDemo: annualReports.isDemo,
  version: annualReports.version,
};

/** Every report, newest year first (the list page filters out drafts for the public). */
export function findReports(db: DbOrTx) {
  return db
    .select(reportColumns)
    .from(annualReports)
    .where(isNull(annualReports.deletedAt))
    .orderBy(desc(annualReports.year));
}

export type ReportRow = Awaited<ReturnType<typeof findReports>>[number];

/** One year's report with its snapshot; `forUpdate` locks the row for the rest of the transaction. */
export async function findReport(db: DbOrTx, year: number, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ ...reportColumns, snapshot: annualReports.snapshot })
    .from(annualReports)
    .where(and(eq(annualReports.year, year), isNull(annualReports.deletedAt)));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

export type ReportWithSnapshot = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** Whether a report for the year exists at all (deleted ones too: the year is unique in the table). */
export async function yearHasReport(db: DbOrTx, year: number): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(annualReports).where(eq(annualReports.year, year));
  return (row?.n ?? 0) > 0;
}

/** Adds a draft; undefined when another report for the year got there first (the unique year). */
export async function insertReport(
  db: DbOrTx,
  values: { year: number; summary: string; goalComments: Record<string, string>; isDemo?: boolean },
) {
  const [row] = await db
    .insert(annualReports)
    .values(values)
    .onConflictDoNothing({ target: annualReports.year })
    .returning({ id: annualReports.id, version: annualReports.version });
  return row;
}

/** Saves a draft's texts if it is still at `expectedVersion` and a draft; the new version, else undefined. */
export async function updateReportTexts(
  db: DbOrTx,
  id: number,
  expectedVersion: number,
  values: { summary: string; goalComments: Record<string, string> },
  at: Date,
) {
  const [row] = await db
    .update(annualReports)
    .set({ ...values, version: sql`${annualReports.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(annualReports.id, id),
        eq(annualReports.version, expectedVersion),
        eq(annualReports.status, 'draft'),
      ),
    )
    .returning({ version: annualReports.version });
  return row?.version;
}

/** Publishes a draft with its frozen content; the new version, or undefined when it is no longer a draft. */
export async function markPublished(
  db: DbOrTx,
  id: number,
  expectedVersion: number,
  values: { snapshot: Record<string, unknown>; publishedAt: Date; publishedByPersonId: number | null },
) {
  const [row] = await db
    .update(annualReports)
    .set({
      ...values,
      status: 'published',
      version: sql`${annualReports.version} + 1`,
      updatedAt: values.publishedAt,
    })
    .where(
      and(
        eq(annualReports.id, id),
        eq(annualReports.version, expectedVersion),
        eq(annualReports.status, 'draft'),
      ),
    )
    .returning({ version: annualReports.version });
  return row?.version;
}

/** A calendar year as instants: from its first moment in Stockholm up to (not including) the next's. */
export type YearSpan = { fromDate: string; toDate: string; from: Date; until: Date };

/**
 * The public activities linked to a goal that ran during the year (started on or before its last day and
 * not ended before its first), newest start first. An activity without a start date has no period and is
 * not counted for any year.
 */
export function findYearActivities(db: DbOrTx, goalId: number, span: YearSpan) {
  return db
    .select({
      slug: activities.slug,
      title: activities.title,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      isDemo: activities.isDemo,
    })
    .from(activities)
    .innerJoin(activityGoals, eq(activityGoals.activityId, activities.id))
    .where(
      and(
        eq(activityGoals.goalId, goalId),
        shownToEveryone(activities),
        isNotNull(activities.startsOn),
        lte(activities.startsOn, span.toDate),
        or(isNull(activities.endsOn), gte(activities.endsOn, span.fromDate)),
      ),
    )
    .orderBy(desc(activities.startsOn), asc(activities.title));
}

const decisionColumns = {
  id: agendaItems.id,
  title: agendaItems.title,
  decision: agendaItems.decision,
  meetingTitle: meetings.title,
  startsAt: meetings.startsAt,
  groupName: groups.name,
  isDemo: agendaItems.isDemo,
};

/** A decision anyone may read (as on /beslut/:id): a public item with a decision in approved minutes. */
const publicDecisionIn = (span: YearSpan) =>
  and(
    shownToEveryone(agendaItems),
    shownToEveryone(meetings),
    shownToEveryone(groups),
    eq(meetings.minutesStatus, 'approved'),
    ne(agendaItems.decision, ''),
    gte(meetings.startsAt, span.from),
    lt(meetings.startsAt, span.until),
  );

/** The year's public decisions linked to a goal, of any group, in meeting order. */
export function findGoalDecisions(db: DbOrTx, goalId: number, span: YearSpan) {
  return db
    .select(decisionColumns)
    .from(agendaItems)
    .innerJoin(agendaItemGoals, eq(agendaItemGoals.agendaItemId, agendaItems.id))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(agendaItemGoals.goalId, goalId), publicDecisionIn(span)))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}

/** The council's public decisions of the year that are linked to no goal (those stand under their goal). */
export function findOtherCouncilDecisions(db: DbOrTx, span: YearSpan) {
  return db
    .select(decisionColumns)
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(groups.siteRole, 'council'),
        publicDecisionIn(span),
        notExists(
          db
            .select({ one: sql`1` })
            .from(agendaItemGoals)
            .where(eq(agendaItemGoals.agendaItemId, agendaItems.id)),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}
