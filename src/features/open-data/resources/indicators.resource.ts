import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import { loadDashboard, type ShownIndicator, type Standing } from '../../goals/goal-pages.service.ts';
import { type IndicatorKind, indicatorDirections, indicatorKinds } from '../../goals/goals.table.ts';
import type { IndicatorSlug } from '../../goals/indicators/indicator-catalogue.ts';
import { pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  dateField,
  idField,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  slugParameter,
  updatedSinceParameter,
  urlField,
} from '../api-schemas.ts';
import { dataWords, goalPath, indicatorPath } from './goals.resource.ts';
import { countIndicatorRows, findIndicatorPage } from './indicators.queries.ts';

const unitKinds = ['count', 'people', 'percent'] as const;
const standings = [
  'reached',
  'onTrack',
  'behind',
  'missed',
  'notSet',
  'unknown',
] as const satisfies readonly Standing[];

function indicatorSchemas(t: Messages) {
  const words = t.apiGoals.indicators.fields;
  const record = recordFields(t);
  const value = z
    .object({
      year: z.number().int().openapi({ description: words.year, example: 2026 }),
      value: z.number().nullable().openapi({ description: words.value }),
      withheld: z.boolean().openapi({ description: words.withheld }),
      target: z.number().nullable().openapi({ description: words.target }),
      met: z.boolean().nullable().openapi({ description: words.met }),
      standing: z.enum(standings).openapi({ description: words.standing }),
      isExampleData: z.boolean().openapi({ description: words.valueIsExampleData }),
      targetIsExampleData: z.boolean().openapi({ description: words.targetIsExampleData }),
      source: z.string().nullable().openapi({ description: words.source }),
      measuredOn: dateField(words.measuredOn).nullable(),
    })
    .openapi('IndicatorValue');
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: 'genomforda-praktikperioder' }),
      updatedAt: record.updatedAt.openapi({ description: words.updatedAt }),
      isExampleData: record.isExampleData.openapi({ description: words.isExampleData }),
      name: z.string().openapi({ description: words.name }),
      unit: z.string().openapi({ description: words.unit }),
      unitKind: z.enum(unitKinds).openapi({ description: words.unitKind }),
      counts: z.string().openapi({ description: words.counts }),
      from: z.string().openapi({ description: words.from }),
      period: z.string().openapi({ description: words.period }),
      kind: z.enum(indicatorKinds).openapi({ description: words.kind }),
      direction: z.enum(indicatorDirections).openapi({ description: words.direction }),
      // Inline, not the shared Reference: a $ref cannot carry this field's own description.
      goal: z
        .object({
          id: idField(t.apiGoals.goals.fields.id),
          name: z.string().openapi({ description: t.apiGoals.goals.fields.name }),
          url: urlField(t.openData.schemas.reference.url),
        })
        .openapi({ description: words.goal }),
      hasData: z.boolean().openapi({ description: words.hasData }),
      values: z.array(value).openapi({ description: words.values }),
      futureTargets: z
        .array(
          z.object({
            year: z.number().int().openapi({ description: words.futureYear }),
            target: z.number().openapi({ description: words.futureTarget }),
            isExampleData: z.boolean().openapi({ description: words.targetIsExampleData }),
          }),
        )
        .openapi({ description: words.futureTargets }),
    })
    .openapi('Indicator', { description: t.apiGoals.indicators.description });
  return { item, words };
}

export type ApiIndicator = z.infer<ReturnType<typeof indicatorSchemas>['item']>;

const exampleYear = (year: number, value: number, target: number | null) => ({
  year,
  value,
  withheld: false,
  target,
  met: target === null ? null : value >= target,
  standing:
    target === null ? ('notSet' as const) : value >= target ? ('reached' as const) : ('missed' as const),
  isExampleData: false,
  targetIsExampleData: false,
  source: null,
  measuredOn: null,
});

export const indicatorsResource: ApiResource<ApiIndicator> = {
  name: 'indicators',
  recordTypes: ['indicator'],
  schemaName: 'Indicator',
  schemas(t) {
    const { item, words } = indicatorSchemas(t);
    const site = 'https://samverkan.huddinge.se';
    const definition = t.indicators.definitions['genomforda-praktikperioder'];
    return {
      item,
      filters: {
        goal: slugParameter(words.goalFilter, 'goal'),
        kind: z
          .enum(indicatorKinds)
          .optional()
          .openapi({
            param: { name: 'kind', in: 'query' },
            description: words.kindFilter,
            example: 'manual',
          }),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'genomforda-praktikperioder',
        url: `${site}/mal/indikatorer/genomforda-praktikperioder`,
        updatedAt: '2026-02-10T14:05:00Z',
        isExampleData: false,
        name: definition.name,
        unit: definition.unit,
        unitKind: 'count',
        counts: definition.counts,
        from: definition.from,
        period: definition.period,
        kind: 'computed',
        direction: 'higher',
        goal: { id: 'rekrytering', name: 'Rekrytering', url: `${site}/mal/rekrytering` },
        hasData: true,
        values: [
          exampleYear(2022, 31, null),
          exampleYear(2023, 38, null),
          exampleYear(2024, 44, 40),
          exampleYear(2025, 47, 50),
          { ...exampleYear(2026, 52, 55), met: null, standing: 'onTrack' },
        ],
        futureTargets: [{ year: 2027, target: 60, isExampleData: false }],
      },
    };
  },
  list: (deps, query) => listIndicators(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listIndicators(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiGoals.indicators.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'CONT' },
};

/** The page's standing as "met or not": a past year reached or missed; otherwise not (yet) decided. */
function metOf(standing: Standing): boolean | null {
  if (standing === 'reached') return true;
  if (standing === 'missed') return false;
  return null;
}

/**
 * One indicator as the API gives it, from the same figures and standings the pages under /mal show
 * (goal-pages.service.ts): a withheld small count has no number here either; an indicator with nothing
 * counted or entered in any year has no values (the pages say so in words, never a 0 invented for it).
 */
function present(
  site: string,
  shown: ShownIndicator,
  row: { slug: string; updatedAt: Date; goalSlug: string; goalName: string },
): ApiIndicator {
  const { definition } = shown;
  const words = dataWords().indicators.definitions[definition.slug as IndicatorSlug];
  return {
    id: definition.slug,
    url: `${site}${indicatorPath(definition.slug)}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: false,
    name: words.name,
    unit: words.unit,
    unitKind: definition.unit,
    counts: words.counts,
    from: words.from,
    period: words.period,
    kind: definition.kind,
    direction: definition.direction,
    goal: { id: row.goalSlug, name: row.goalName, url: `${site}${goalPath(row.goalSlug)}` },
    hasData: shown.hasData,
    values: shown.years.map((year, index) => {
      const standing = shown.standings[index] ?? 'unknown';
      const value = shown.hasData && !year.withheld ? year.value : null;
      return {
        year: year.year,
        value,
        withheld: year.withheld,
        target: year.target,
        met: value === null ? null : metOf(standing),
        standing: value === null && standing !== 'notSet' ? 'unknown' : standing,
        isExampleData: value !== null && year.demo,
        targetIsExampleData: year.targetDemo,
        source: year.source?.text ?? null,
        measuredOn: year.source?.measuredOn ?? null,
      };
    }),
    futureTargets: shown.futureTargets.map((target) => ({
      year: target.year,
      target: target.target,
      isExampleData: target.demo,
    })),
  };
}

async function listIndicators(
  deps: AppDeps,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiIndicator[]; total: number }> {
  const filter = {
    goal: filters.goal as string | undefined,
    kind: filters.kind as IndicatorKind | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findIndicatorPage(deps.db, filter, limit, offset),
    offset,
    () => countIndicatorRows(deps.db, filter),
  );
  if (rows.length === 0) return { items: [], total };
  // The dashboard's own figures (with the app's cache of counted sums, as the pages have them).
  const dashboard = await loadDashboard(deps);
  const shown = new Map(
    dashboard.goals
      .flatMap((goal) => goal.indicators)
      .map((indicator) => [indicator.definition.slug, indicator]),
  );
  const site = deps.config.baseUrl;
  const items = rows.flatMap((row) => {
    const figures = shown.get(row.slug);
    return figures ? [present(site, figures, row)] : [];
  });
  return { items, total };
}
