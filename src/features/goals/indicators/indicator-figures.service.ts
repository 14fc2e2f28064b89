import type { AppDeps } from '../../../app-deps.ts';
import type { DbOrTx } from '../../../db/client.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import { AppError } from '../../../lib/errors.ts';
import { isSmallCount, withholdSmallCounts } from '../../../lib/small-counts.ts';
import type { PageCache } from '../../../web/page-cache.ts';
import { findGoalRows } from '../goals.queries.ts';
import { countedSumsThroughCache } from './counted-sums-cache.ts';
import {
  type Breakdown,
  type ComputedIndicatorSlug,
  findIndicatorDefinition,
  type IndicatorDefinition,
  indicatorCatalogue,
} from './indicator-catalogue.ts';
import {
  findIndicatorRows,
  findIndicatorYears,
  type GroupSum,
  type IndicatorYearRow,
  type RecordSum,
  sumsByGroup,
  sumsByRecord,
  sumsByYear,
  sumsByYearOfEach,
  type YearSum,
} from './indicator-figures.queries.ts';

/**
 * The goal follow-up's figures (issue 11): each indicator's value per year (counted from the register, or
 * entered with its source) beside its target, its breakdowns and the records behind a figure. Everything
 * here is public: only public records are counted (indicator-facts.queries.ts), and small counts of people
 * are withheld (small-counts.ts).
 */

/** How many years the pages show: this one and the four before it. */
export const YEARS_SHOWN = 5;

/**
 * A transaction or the pool, and the clock. With the app's page cache the counted sums come through
 * counted-sums-cache.ts; without it they are counted now — so a caller in a transaction (publishing a
 * report freezes what the transaction reads) passes no page cache.
 */
type Deps = { db: DbOrTx; clock: AppDeps['clock']; pageCache?: PageCache; logger?: AppDeps['logger'] };

export type IndicatorYear = {
  year: number;
  /** Null: nothing counted or entered for the year, or withheld. */
  value: number | null;
  /** A small count of people, not shown (src/lib/small-counts.ts). */
  withheld: boolean;
  /** What the value counts is demo data only (labelled Exempeldata). */
  demo: boolean;
  target: number | null;
  targetDemo: boolean;
  /** An entered value's source and the day it was measured. */
  source: { text: string; measuredOn: string } | null;
};

export type IndicatorFigures = {
  definition: IndicatorDefinition;
  id: number;
  version: number;
  /** The years shown, oldest first, ending with the current year (in Stockholm). */
  years: IndicatorYear[];
  /** Targets set for years after the current one. */
  futureTargets: { year: number; target: number; demo: boolean }[];
  /** Anything counted or entered at all, in any year: without it the pages say there is nothing yet. */
  hasData: boolean;
};

export type GoalFigures = {
  goal: Awaited<ReturnType<typeof findGoalRows>>[number];
  indicators: IndicatorFigures[];
};

export function currentYear(deps: Pick<AppDeps, 'clock'>): number {
  return Number(stockholmDate(deps.clock.now()).slice(0, 4));
}

function today(deps: Pick<AppDeps, 'clock'>): string {
  return stockholmDate(deps.clock.now());
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** Puts counted (or entered) values and targets together for the shown years. */
function assemble(
  deps: Pick<AppDeps, 'clock'>,
  definition: IndicatorDefinition,
  row: { id: number; version: number },
  counted: YearSum[],
  entered: IndicatorYearRow[],
): IndicatorFigures {
  const thisYear = currentYear(deps);
  const countedByYear = new Map(counted.map((sum) => [sum.year, sum]));
  const enteredByYear = new Map(entered.map((value) => [value.year, value]));
  const years: IndicatorYear[] = [];
  for (let year = thisYear - YEARS_SHOWN + 1; year <= thisYear; year++) {
    const given = enteredByYear.get(year);
    const target = toNumber(given?.target ?? null);
    if (definition.kind === 'manual') {
      const value = toNumber(given?.value ?? null);
      years.push({
        year,
        value,
        withheld: false,
        demo: value !== null && (given?.isDemo ?? false),
        target,
        targetDemo: target !== null && (given?.isDemo ?? false),
        source:
          value !== null && given?.source && given.measuredOn
            ? { text: given.source, measuredOn: given.measuredOn }
            : null,
      });
      continue;
    }
    const sum = countedByYear.get(year);
    const value = sum?.value ?? 0;
    const withheld = definition.countsPeople && isSmallCount(value);
    years.push({
      year,
      value: withheld ? null : value,
      withheld,
      demo: sum?.demo ?? false,
      target,
      targetDemo: target !== null && (given?.isDemo ?? false),
      source: null,
    });
  }
  const hasData =
    definition.kind === 'manual' ? entered.some((value) => value.value !== null) : counted.length > 0;
  const futureTargets = entered.flatMap((value) =>
    value.year > thisYear && value.target !== null
      ? [{ year: value.year, target: Number(value.target), demo: value.isDemo }]
      : [],
  );
  return { definition, id: row.id, version: row.version, years, futureTargets, hasData };
}

const COMPUTED_SLUGS = indicatorCatalogue.flatMap((definition) =>
  definition.kind === 'computed' ? [definition.slug as ComputedIndicatorSlug] : [],
);

/**
 * Every computed indicator's sums per year, in one statement (the organisation tree built once); through
 * the app's cache of them where there is one and the caller is not in a transaction.
 */
function countedSumsOfEach(deps: Deps): Promise<Map<ComputedIndicatorSlug, YearSum[]>> {
  const count = () => sumsByYearOfEach(deps.db, COMPUTED_SLUGS, today(deps));
  const { pageCache } = deps;
  if (!pageCache) return count();
  return countedSumsThroughCache(pageCache, today(deps), count, deps.logger);
}

async function countedSums(deps: Deps, definition: IndicatorDefinition): Promise<YearSum[]> {
  if (definition.kind !== 'computed') return [];
  if (deps.pageCache)
    return (await countedSumsOfEach(deps)).get(definition.slug as ComputedIndicatorSlug) ?? [];
  return sumsByYear(deps.db, definition.slug as ComputedIndicatorSlug, today(deps));
}

/** Every goal with its indicators' figures: the dashboard on /mal. */
export async function loadGoalFigures(deps: Deps): Promise<GoalFigures[]> {
  // One query after the other: on a transaction (the annual report's publishing, the seed) they share one
  // connection, where node-postgres queues queries sent at once and warns that pg 9 will refuse them.
  const goalRows = await findGoalRows(deps.db);
  const indicatorRows = await findIndicatorRows(deps.db);
  const entered = await findIndicatorYears(
    deps.db,
    indicatorRows.map((row) => row.id),
  );
  const rowsBySlug = new Map(indicatorRows.map((row) => [row.slug, row]));
  const shown = indicatorCatalogue.filter((definition) => rowsBySlug.has(definition.slug));
  const sums = await countedSumsOfEach(deps);
  const counted = shown.map((definition) => sums.get(definition.slug as ComputedIndicatorSlug) ?? []);
  const figures = shown.map((definition, index) => {
    const row = rowsBySlug.get(definition.slug)!;
    return assemble(
      deps,
      definition,
      row,
      counted[index] ?? [],
      entered.filter((value) => value.indicatorId === row.id),
    );
  });
  return goalRows.map((goal) => ({
    goal,
    indicators: figures.filter((figure) => figure.definition.goal === goal.slug),
  }));
}

/** One indicator's figures; a 404 for a slug that is no indicator. */
export async function loadIndicatorFigures(deps: Deps, slug: string): Promise<IndicatorFigures> {
  const definition = findIndicatorDefinition(slug);
  const row = definition && (await findIndicatorRows(deps.db)).find((indicator) => indicator.slug === slug);
  if (!definition || !row) throw new AppError('NOT_FOUND', `indicator ${slug}`);
  const [counted, entered] = await Promise.all([
    countedSums(deps, definition),
    findIndicatorYears(deps.db, [row.id]),
  ]);
  return assemble(deps, definition, row, counted, entered);
}

export type BreakdownRow = GroupSum & { withheld: boolean };

/**
 * Under a withheld total (1–2 people) two or more rows would each be worked out as exactly 1, so there are
 * none; one row says no more than the total does. A row's people are counted in it once, so rows that add
 * up to a small number stand under a small total.
 */
function rowsUnderSmallTotal(rows: { value: number }[]): boolean {
  return rows.length > 1 && isSmallCount(rows.reduce((sum, row) => sum + row.value, 0));
}

/** A computed indicator's figure for one year split each way its definition allows. */
export async function loadBreakdowns(
  deps: Deps,
  definition: IndicatorDefinition,
  year: number,
): Promise<{ breakdown: Breakdown; rows: BreakdownRow[]; withheld: boolean }[]> {
  if (definition.kind !== 'computed') return [];
  const slug = definition.slug as ComputedIndicatorSlug;
  const sums = await Promise.all(
    definition.breakdowns.map((breakdown) => sumsByGroup(deps.db, slug, today(deps), year, breakdown)),
  );
  return definition.breakdowns.map((breakdown, index) => {
    const rows = sums[index] ?? [];
    if (definition.countsPeople && rowsUnderSmallTotal(rows)) return { breakdown, rows: [], withheld: true };
    return {
      breakdown,
      withheld: false,
      rows: definition.countsPeople
        ? withholdSmallCounts(rows, true)
        : rows.map((row) => ({ ...row, withheld: false })),
    };
  });
}

export type CountedRecord = RecordSum & { withheld: boolean };

/** The records a computed figure counts for one year, each with what it adds. */
export async function loadCountedRecords(
  deps: Deps,
  definition: IndicatorDefinition,
  year: number,
): Promise<CountedRecord[]> {
  if (definition.kind !== 'computed') return [];
  const rows = await sumsByRecord(deps.db, definition.slug as ComputedIndicatorSlug, today(deps), year);
  if (definition.countsPeople && rowsUnderSmallTotal(rows)) return [];
  return definition.countsPeople
    ? withholdSmallCounts(rows, true)
    : rows.map((row) => ({ ...row, withheld: false }));
}
