import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { type ActivityKind, activityKinds } from '../../activities/activities.table.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import { type ApiResource, focusAreaUrl, goalUrl } from '../api-resource.ts';
import {
  dateField,
  dayParameter,
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  updatedSinceParameter,
} from '../api-schemas.ts';
import {
  countActivityRows,
  findActivityFocusAreas,
  findActivityGoals,
  findActivityOrganisations,
  findActivityRows,
} from './activities.queries.ts';

function activitySchemas(t: Messages) {
  const words = t.apiActivities.activities.fields;
  const item = z
    .object({
      ...recordFields(t),
      title: z.string().openapi({ description: words.title }),
      kind: z.enum(activityKinds).openapi({ description: words.kind }),
      description: z.string().openapi({ description: words.description }),
      startsOn: dateField(words.startsOn).nullable(),
      endsOn: dateField(words.endsOn).nullable(),
      agreement: nullableReference(t, words.agreement),
      organisations: z.array(referenceSchema(t)).openapi({ description: words.organisations }),
      focusAreas: z.array(referenceSchema(t)).openapi({ description: words.focusAreas }),
      goals: z.array(referenceSchema(t)).openapi({ description: words.goals }),
      outcomes: z.string().openapi({ description: words.outcomes }),
      outcomesUsedOn: dateField(words.outcomesUsedOn).nullable(),
    })
    .openapi('Activity', { description: t.apiActivities.activities.description });
  return { item, words };
}

export type ApiActivity = z.infer<ReturnType<typeof activitySchemas>['item']>;

export const activitiesResource: ApiResource<ApiActivity> = {
  name: 'activities',
  recordTypes: ['activity'],
  schemaName: 'Activity',
  schemas(t) {
    const { item, words } = activitySchemas(t);
    return {
      item,
      filters: {
        kind: z
          .enum(activityKinds)
          .optional()
          .openapi({
            param: { name: 'kind', in: 'query' },
            description: words.kindFilter,
            example: 'ulf_project',
          }),
        organisation: slugParameter(words.organisationFilter, 'organisation'),
        agreement: slugParameter(words.agreementFilter, 'agreement'),
        focusArea: slugParameter(words.focusAreaFilter, 'focusArea'),
        goal: slugParameter(words.goalFilter, 'goal'),
        activeFrom: dayParameter(words.activeFromFilter, 'activeFrom'),
        activeTo: dayParameter(words.activeToFilter, 'activeTo'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'ulf-bedomning-i-gymnasieskolan',
        url: 'https://samverkan.huddinge.se/aktiviteter/ulf-bedomning-i-gymnasieskolan',
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        title: 'Formativ bedömning i gymnasieskolans yrkesprogram',
        kind: 'ulf_project',
        description: 'Praktiknära forskning om hur lärare ger återkoppling som hjälper eleverna framåt.',
        startsOn: '2022-01-10',
        endsOn: '2025-06-30',
        agreement: {
          id: 'ulf-avtal-sodertorns-hogskola',
          name: 'ULF-avtal om praktiknära forskning i förskola och skola',
          url: 'https://samverkan.huddinge.se/avtal/ulf-avtal-sodertorns-hogskola',
        },
        organisations: [
          {
            id: 'gymnasie-och-arbetsmarknadsforvaltningen',
            name: 'Gymnasie- och arbetsmarknadsförvaltningen',
            url: 'https://samverkan.huddinge.se/organisationer/gymnasie-och-arbetsmarknadsforvaltningen',
          },
          {
            id: 'sodertorns-hogskola',
            name: 'Södertörns högskola',
            url: 'https://samverkan.huddinge.se/larosaten/sodertorns-hogskola',
          },
        ],
        focusAreas: [],
        goals: [
          {
            id: 'verksamhetsutveckling-genom-forskning',
            name: 'Verksamhetsutveckling genom forskning',
            url: 'https://samverkan.huddinge.se/mal/verksamhetsutveckling-genom-forskning',
          },
        ],
        outcomes: 'En handledning för återkoppling i yrkesämnena, som används på två gymnasieskolor.',
        outcomesUsedOn: '2025-08-18',
      },
    };
  },
  list: (deps, query) => listActivities(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listActivities(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiActivities.activities.dataset,
  dataset: { themes: ['EDUC', 'GOVE', 'SOCI'], accrualPeriodicity: 'IRREG' },
};

async function listActivities(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiActivity[]; total: number }> {
  const filter = {
    kind: filters.kind as ActivityKind | undefined,
    organisation: filters.organisation as string | undefined,
    agreement: filters.agreement as string | undefined,
    focusArea: filters.focusArea as string | undefined,
    goal: filters.goal as string | undefined,
    activeFrom: filters.activeFrom as string | undefined,
    activeTo: filters.activeTo as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findActivityRows(deps.db, filter, limit, offset),
    offset,
    () => countActivityRows(deps.db, filter),
  );
  const ids = rows.map((row) => row.id);
  const [organisations, areas, goals] = await Promise.all([
    findActivityOrganisations(deps.db, ids),
    findActivityFocusAreas(deps.db, ids),
    findActivityGoals(deps.db, ids),
  ]);
  const organisationsOf = groupRows(organisations, (row) => row.activityId);
  const areasOf = groupRows(areas, (row) => row.activityId);
  const goalsOf = groupRows(goals, (row) => row.activityId);
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.slug,
    url: `${site}/aktiviteter/${row.slug}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    title: row.title,
    kind: row.kind,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    agreement:
      row.agreementSlug !== null && row.agreementTitle !== null
        ? { id: row.agreementSlug, name: row.agreementTitle, url: `${site}/avtal/${row.agreementSlug}` }
        : null,
    organisations: (organisationsOf.get(row.id) ?? []).map((organisation) => ({
      id: organisation.slug,
      name: organisation.name,
      url: `${site}${organisationPath(organisation)}`,
    })),
    focusAreas: (areasOf.get(row.id) ?? []).map((area) => ({
      id: area.slug,
      name: area.name,
      url: focusAreaUrl(site, area.slug),
    })),
    goals: (goalsOf.get(row.id) ?? []).map((goal) => ({
      id: goal.slug,
      name: goal.name,
      url: goalUrl(site, goal.slug),
    })),
    outcomes: row.outcomes,
    outcomesUsedOn: row.outcomesUsedOn,
  }));
  return { items, total };
}
