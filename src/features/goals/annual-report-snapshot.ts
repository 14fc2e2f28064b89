import type { AppDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { stockholmDate, stockholmInstant } from '../../lib/dates.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import {
  findGoalDecisions,
  findOtherCouncilDecisions,
  findYearActivities,
  type YearSpan,
} from './annual-reports.queries.ts';
import type { IndicatorDirection, IndicatorKind } from './goals.table.ts';
import type { IndicatorSlug, IndicatorUnit } from './indicators/indicator-catalogue.ts';
import { type IndicatorYear, loadGoalFigures } from './indicators/indicator-figures.service.ts';

/**
 * What an annual report shows (decision 016), as one value: built from the live register for a draft, and
 * stored as it is in `annual_reports.snapshot` when the report is published. A published report is only
 * ever rendered (page, XLSX, CSV, PDF) from this stored value, so later changes in the register — a
 * deleted activity, a changed target, a renamed indicator — never rewrite what the council was given.
 * The words that could change (indicator names and units, goal statements) are frozen with the figures.
 *
 * `schemaVersion` names this shape. A later change to it adds a new version and a reader for the old one;
 * a stored snapshot is never rewritten.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** How many of a goal's activities the report lists (all are counted). */
export const ACTIVITIES_LISTED = 10;

export type ReportFigure = {
  value: number | null;
  /** A small count of people, withheld (small-counts.ts): "färre än 3". */
  withheld: boolean;
  demo: boolean;
};

export type TargetMet = 'met' | 'notMet' | 'noTarget' | 'noValue' | 'withheld';

export type ReportIndicator = {
  slug: string;
  name: string;
  /** The unit in words, as the figure reads ("praktikperioder"). */
  unit: string;
  /** … after the figure 1 ("praktikperiod"); absent in a snapshot frozen before it was kept. */
  unitOne?: string;
  unitKind: IndicatorUnit;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  value: ReportFigure;
  previous: ReportFigure;
  target: number | null;
  targetDemo: boolean;
  met: TargetMet;
  /** An entered value's source and the day it was measured. */
  source: { text: string; measuredOn: string } | null;
};

export type ReportActivity = {
  slug: string;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  demo: boolean;
};

export type ReportDecision = {
  /** The agenda item (its page: /beslut/:id). */
  id: number;
  title: string;
  decision: string;
  meetingTitle: string;
  /** The meeting's day in Stockholm, YYYY-MM-DD. */
  meetingOn: string;
  groupName: string;
  demo: boolean;
};

export type ReportGoal = {
  slug: string;
  position: number;
  shortTitle: string;
  statement: string;
  comment: string;
  indicators: ReportIndicator[];
  activityCount: number;
  /** The newest ACTIVITIES_LISTED of them. */
  activities: ReportActivity[];
  decisions: ReportDecision[];
};

export type ReportContent = {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  year: number;
  summary: string;
  /** The day the figures were counted (YYYY-MM-DD, Stockholm): for a published report, the day it froze. */
  countedOn: string;
  goals: ReportGoal[];
  councilDecisions: ReportDecision[];
};

/** The report's texts, as the coordinator wrote them. */
export type ReportTexts = { summary: string; goalComments: Record<string, string> };

/** The calendar year in Stockholm, as dates and as instants. */
export function yearSpan(year: number): YearSpan {
  const from = stockholmInstant(`${year}-01-01`, '00:00');
  const until = stockholmInstant(`${year + 1}-01-01`, '00:00');
  if (!from || !until) throw new Error(`year ${year} has no first moment`);
  return { fromDate: `${year}-01-01`, toDate: `${year}-12-31`, from, until };
}

function figureOf(year: IndicatorYear | undefined): ReportFigure {
  if (!year) return { value: null, withheld: false, demo: false };
  return { value: year.value, withheld: year.withheld, demo: year.demo };
}

/** Whether the year's value reached its target, in the indicator's direction. */
export function targetMet(
  figure: ReportFigure,
  target: number | null,
  direction: IndicatorDirection,
): TargetMet {
  if (figure.withheld) return 'withheld';
  if (figure.value === null) return 'noValue';
  if (target === null) return 'noTarget';
  const reached = direction === 'higher' ? figure.value >= target : figure.value <= target;
  return reached ? 'met' : 'notMet';
}

function decisionOf(row: Awaited<ReturnType<typeof findGoalDecisions>>[number]): ReportDecision {
  return {
    id: row.id,
    title: row.title,
    decision: row.decision,
    meetingTitle: row.meetingTitle,
    meetingOn: stockholmDate(row.startsAt),
    groupName: row.groupName,
    demo: row.isDemo,
  };
}

/**
 * The report's content counted from the register now. Pass the publishing transaction as `db` so that
 * every figure, activity and decision is read from one snapshot of the database (the caller runs it at
 * REPEATABLE READ); the goal follow-up's own functions (loadGoalFigures) take a transaction for this.
 */
export async function buildReportContent(
  deps: { db: DbOrTx; clock: AppDeps['clock']; t: Messages },
  year: number,
  texts: ReportTexts,
): Promise<ReportContent> {
  const { db, t } = deps;
  const span = yearSpan(year);
  const figures = await loadGoalFigures(deps);
  const goals: ReportGoal[] = [];
  // One goal after the other: on a transaction the queries run one at a time anyway.
  for (const { goal, indicators } of figures) {
    const activities = await findYearActivities(db, goal.id, span);
    const decisions = await findGoalDecisions(db, goal.id, span);
    goals.push({
      slug: goal.slug,
      position: goal.position,
      shortTitle: goal.shortTitle,
      statement: goal.statement,
      comment: texts.goalComments[goal.slug] ?? '',
      indicators: indicators.map((figure) => {
        const { definition } = figure;
        const words = t.indicators.definitions[definition.slug as IndicatorSlug];
        const thisYear = figure.years.find((entry) => entry.year === year);
        const value = figureOf(thisYear);
        const target = thisYear?.target ?? null;
        return {
          slug: definition.slug,
          name: words?.name ?? definition.slug,
          unit: words?.unit ?? '',
          unitOne: words?.unitOne ?? '',
          unitKind: definition.unit,
          kind: definition.kind,
          direction: definition.direction,
          value,
          previous: figureOf(figure.years.find((entry) => entry.year === year - 1)),
          target,
          targetDemo: thisYear?.targetDemo ?? false,
          met: targetMet(value, target, definition.direction),
          source: thisYear?.source ? { ...thisYear.source } : null,
        };
      }),
      activityCount: activities.length,
      activities: activities.slice(0, ACTIVITIES_LISTED).map((activity) => ({
        slug: activity.slug,
        title: activity.title,
        startsOn: activity.startsOn,
        endsOn: activity.endsOn,
        demo: activity.isDemo,
      })),
      decisions: decisions.map(decisionOf),
    });
  }
  const council = await findOtherCouncilDecisions(db, span);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    year,
    summary: texts.summary,
    countedOn: stockholmDate(deps.clock.now()),
    goals,
    councilDecisions: council.map(decisionOf),
  };
}

/**
 * A stored snapshot as content. Only the schema version this code writes is known; an unknown one is an
 * error (a stored report must never be shown as something it is not).
 */
export function readSnapshot(stored: Record<string, unknown>): ReportContent {
  if (stored.schemaVersion !== SNAPSHOT_SCHEMA_VERSION)
    throw new Error(`annual report snapshot schema version ${String(stored.schemaVersion)} is not known`);
  return stored as unknown as ReportContent;
}

/** Anything in the report is demo data: the page and the files say Exempeldata. */
export function contentHasDemo(content: ReportContent): boolean {
  const figureDemo = (figure: ReportFigure) => figure.demo;
  return (
    content.goals.some(
      (goal) =>
        goal.indicators.some(
          (indicator) =>
            figureDemo(indicator.value) || figureDemo(indicator.previous) || indicator.targetDemo,
        ) ||
        goal.activities.some((activity) => activity.demo) ||
        goal.decisions.some((decision) => decision.demo),
    ) || content.councilDecisions.some((decision) => decision.demo)
  );
}

/** The unit as it reads after `value`: "1 praktikperiod", "2 praktikperioder". */
export function unitAfter(indicator: Pick<ReportIndicator, 'unit' | 'unitOne'>, value: number): string {
  return value === 1 && indicator.unitOne ? indicator.unitOne : indicator.unit;
}

/** A figure the Swedish way: a decimal comma, a space between thousands. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value);
}
