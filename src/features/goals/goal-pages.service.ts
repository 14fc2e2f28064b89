import type { AppDeps } from '../../app-deps.ts';
import { daysBetween, stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { findPublicGoalDecisions } from './goal-pages.queries.ts';
import { findGoalRows, findGoalsWithActivityCounts } from './goals.queries.ts';
import type { IndicatorDefinition } from './indicators/indicator-catalogue.ts';
import {
  currentYear,
  type IndicatorFigures,
  type IndicatorYear,
  loadBreakdowns,
  loadCountedRecords,
  loadGoalFigures,
  loadIndicatorFigures,
  YEARS_SHOWN,
} from './indicators/indicator-figures.service.ts';

/**
 * What the public goal pages show (issue 11): the figures of indicator-figures.service.ts, each year's
 * standing against its target in words, the goal's decisions and activities, and the year a page is for.
 */

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** How a year's figure stands against its target (t.goalPages.onTrack). */
export type Standing = 'reached' | 'onTrack' | 'behind' | 'missed' | 'notSet' | 'unknown';

export type ShownIndicator = IndicatorFigures & { standings: Standing[] };

/** How much of the current year has gone, in Stockholm: a count is compared with that share of its target. */
function shareOfYearGone(deps: Pick<AppDeps, 'clock'>): number {
  const today = stockholmDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  return (daysBetween(`${year}-01-01`, today) + 1) / days;
}

/**
 * A past year has reached its target or not. The current year is "in step" when a count has come as far as
 * the share of the year gone (a count grows over the year); an entered share or rate is compared as it is.
 */
export function standingOf(
  definition: IndicatorDefinition,
  figure: IndicatorYear,
  thisYear: number,
  yearGone: number,
): Standing {
  if (figure.target === null) return 'notSet';
  if (figure.value === null) return 'unknown';
  const better = (value: number, than: number) =>
    definition.direction === 'higher' ? value >= than : value <= than;
  if (better(figure.value, figure.target)) return 'reached';
  if (figure.year < thisYear) return 'missed';
  if (definition.direction === 'lower') return 'behind';
  const cumulative = definition.kind === 'computed' && definition.unit !== 'percent';
  return cumulative && figure.value >= figure.target * yearGone ? 'onTrack' : 'behind';
}

function withStandings(deps: Pick<AppDeps, 'clock'>, figures: IndicatorFigures): ShownIndicator {
  const thisYear = currentYear(deps);
  const yearGone = shareOfYearGone(deps);
  return {
    ...figures,
    standings: figures.years.map((year) => standingOf(figures.definition, year, thisYear, yearGone)),
  };
}

/** The dashboard: every goal with its indicators and the count of public activities that contribute. */
export async function loadDashboard(deps: Deps) {
  const [figures, counts] = await Promise.all([loadGoalFigures(deps), findGoalsWithActivityCounts(deps.db)]);
  return {
    thisYear: currentYear(deps),
    goals: figures.map((goal) => ({
      ...goal,
      activityCount: counts.find((count) => count.id === goal.goal.id)?.activityCount ?? 0,
      indicators: goal.indicators.map((indicator) => withStandings(deps, indicator)),
    })),
  };
}

/** One goal's page; a 404 for a slug that is no goal. */
export async function loadGoalPage(deps: Deps, slug: string) {
  const dashboard = await loadDashboard(deps);
  const goal = dashboard.goals.find((shown) => shown.goal.slug === slug);
  if (!goal) throw new AppError('NOT_FOUND', `goal ${slug}`);
  const decisions = await findPublicGoalDecisions(deps.db, goal.goal.id);
  return { thisYear: dashboard.thisYear, ...goal, decisions };
}

/** The years a page may be asked for (?ar=): the shown ones. Another is a bad request (400). */
export function chosenYear(deps: Pick<AppDeps, 'clock'>, asked: string | undefined): number {
  const thisYear = currentYear(deps);
  if (asked === undefined || asked === '') return thisYear;
  const year = Number(asked);
  if (!Number.isInteger(year) || year > thisYear || year <= thisYear - YEARS_SHOWN) {
    throw new AppError('BAD_REQUEST', `year ${asked}`);
  }
  return year;
}

/** One indicator's page: its figures and, for a counted one, the chosen year's breakdowns. */
export async function loadIndicatorPage(deps: Deps, slug: string, asked: string | undefined) {
  const year = chosenYear(deps, asked);
  const [figures, goals] = await Promise.all([loadIndicatorFigures(deps, slug), findGoalRows(deps.db)]);
  const breakdowns = await loadBreakdowns(deps, figures.definition, year);
  const goal = goals.find((row) => row.slug === figures.definition.goal) ?? null;
  return { thisYear: currentYear(deps), year, figures: withStandings(deps, figures), goal, breakdowns };
}

/** The records a counted figure is made of, for one year; a 404 for an entered indicator (nothing to list). */
export async function loadRecordsPage(deps: Deps, slug: string, asked: string | undefined) {
  const figures = await loadIndicatorFigures(deps, slug);
  if (figures.definition.kind !== 'computed') throw new AppError('NOT_FOUND', `records of ${slug}`);
  const year = chosenYear(deps, asked);
  const records = await loadCountedRecords(deps, figures.definition, year);
  const figure = figures.years.find((shown) => shown.year === year);
  return { thisYear: currentYear(deps), year, figures, figure, records };
}

/** The goals in order, for the definitions page. */
export function listGoals(deps: Pick<AppDeps, 'db'>) {
  return findGoalRows(deps.db);
}
