import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { DEFAULT_LANGUAGE, type Messages, messagesFor } from '../../../web/i18n/messages.ts';
import type { IndicatorSlug } from '../../goals/indicators/indicator-catalogue.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countGoalRows, findGoalIndicators, findGoalRows } from './goals.queries.ts';

/** A goal's page and an indicator's page on the site. */
export const goalPath = (slug: string) => `/mal/${slug}`;
export const indicatorPath = (slug: string) => `/mal/indikatorer/${slug}`;

/**
 * The API's words for data (indicator names and units): the site's default language, looked up when asked
 * (never bound at import), as the API document is (app.tsx). The answers are the same for every client,
 * so they are cached as one.
 */
export function dataWords(): Messages {
  return messagesFor(DEFAULT_LANGUAGE);
}

function goalSchemas(t: Messages) {
  const words = t.apiGoals.goals.fields;
  const record = recordFields(t);
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: 'rekrytering' }),
      updatedAt: record.updatedAt.openapi({ description: words.updatedAt }),
      isExampleData: record.isExampleData.openapi({ description: words.isExampleData }),
      position: z.number().int().min(1).openapi({ description: words.position }),
      name: z.string().openapi({ description: words.name }),
      description: z.string().openapi({ description: words.description }),
      indicators: z.array(referenceSchema(t)).openapi({ description: words.indicators }),
    })
    .openapi('Goal', { description: t.apiGoals.goals.description });
  return { item };
}

export type ApiGoal = z.infer<ReturnType<typeof goalSchemas>['item']>;

export const goalsResource: ApiResource<ApiGoal> = {
  name: 'goals',
  // The goals are fixed rows of their own table (decision 015), with no record type or history.
  recordTypes: [],
  schemaName: 'Goal',
  schemas(t) {
    const { item } = goalSchemas(t);
    return {
      item,
      filters: { updatedSince: updatedSinceParameter(t) },
      example: {
        id: 'rekrytering',
        url: 'https://samverkan.huddinge.se/mal/rekrytering',
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        position: 1,
        name: 'Rekrytering',
        description: 'underlätta Huddinge kommuns rekrytering',
        indicators: [
          {
            id: 'genomforda-praktikperioder',
            name: 'Genomförda praktikperioder',
            url: 'https://samverkan.huddinge.se/mal/indikatorer/genomforda-praktikperioder',
          },
          {
            id: 'placerade-studenter',
            name: 'Placerade studenter',
            url: 'https://samverkan.huddinge.se/mal/indikatorer/placerade-studenter',
          },
          {
            id: 'anstallda-efter-praktik',
            name: 'Praktikanter som senare anställts',
            url: 'https://samverkan.huddinge.se/mal/indikatorer/anstallda-efter-praktik',
          },
        ],
      },
    };
  },
  list: (deps, query) => listGoals(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listGoals(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiGoals.goals.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listGoals(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiGoal[]; total: number }> {
  const filter = {
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findGoalRows(deps.db, filter, limit, offset),
    offset,
    () => countGoalRows(deps.db, filter),
  );
  const indicatorsOf = groupRows(
    await findGoalIndicators(
      deps.db,
      rows.map((row) => row.id),
    ),
    (row) => row.goalId,
  );
  const words = dataWords().indicators.definitions;
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.slug,
    url: `${site}${goalPath(row.slug)}`,
    // Every goal has indicators; a goal without any has changed never, which reads as the epoch.
    updatedAt: presentTimestamp(row.updatedAt ?? new Date(0)),
    isExampleData: false,
    position: row.position,
    name: row.shortTitle,
    description: row.statement,
    indicators: (indicatorsOf.get(row.id) ?? []).map((indicator) => ({
      id: indicator.slug,
      name: words[indicator.slug as IndicatorSlug]?.name ?? indicator.slug,
      url: `${site}${indicatorPath(indicator.slug)}`,
    })),
  }));
  return { items, total };
}
