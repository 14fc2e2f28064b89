import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import { type ApiResource, focusAreaUrl } from '../api-resource.ts';
import {
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  updatedSinceParameter,
} from '../api-schemas.ts';
import {
  countFocusAreaRows,
  findFocusAreaAgreements,
  findFocusAreaRows,
  findFocusAreasInBriefs,
} from './focus-areas.queries.ts';

function focusAreaSchemas(t: Messages) {
  const words = t.apiOrganisations.focusAreas.fields;
  const item = z
    .object({
      ...recordFields(t),
      name: z.string().openapi({ description: words.name }),
      description: z.string().openapi({ description: words.description }),
      agreements: z.array(referenceSchema(t)).openapi({ description: words.agreements }),
    })
    .openapi('FocusArea', { description: t.apiOrganisations.focusAreas.description });
  return { item };
}

export type ApiFocusArea = z.infer<ReturnType<typeof focusAreaSchemas>['item']>;

export const focusAreasResource: ApiResource<ApiFocusArea> = {
  name: 'focus-areas',
  recordTypes: ['focus_area'],
  schemaName: 'FocusArea',
  schemas(t) {
    const { item } = focusAreaSchemas(t);
    return {
      item,
      filters: { updatedSince: updatedSinceParameter(t) },
      example: {
        id: 'kompetensforsorjning',
        url: 'https://samverkan.huddinge.se/avtal#omrade-kompetensforsorjning',
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        name: 'Kompetensförsörjning',
        description: '',
        agreements: [
          {
            id: 'samverkansavtal-karolinska-institutet',
            name: 'Samverkansavtal mellan Huddinge kommun och Karolinska Institutet',
            url: 'https://samverkan.huddinge.se/avtal/samverkansavtal-karolinska-institutet',
          },
          {
            id: 'samverkansavtal-sodertorns-hogskola',
            name: 'Samverkansavtal mellan Huddinge kommun och Södertörns högskola',
            url: 'https://samverkan.huddinge.se/avtal/samverkansavtal-sodertorns-hogskola',
          },
        ],
      },
    };
  },
  list: (deps, query) => listFocusAreas(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listFocusAreas(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiOrganisations.focusAreas.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listFocusAreas(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiFocusArea[]; total: number }> {
  const filter = {
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findFocusAreaRows(deps.db, filter, limit, offset),
    offset,
    () => countFocusAreaRows(deps.db, filter),
  );
  const ids = rows.map((row) => row.id);
  const [agreementRows, inBriefs] = await Promise.all([
    findFocusAreaAgreements(deps.db, ids),
    findFocusAreasInBriefs(deps.db, ids),
  ]);
  const agreementsOf = groupRows(agreementRows, (row) => row.focusAreaId);
  const site = deps.config.baseUrl;
  // Its place on the site: listed on /avtal when a public agreement prioritises it, else the needs bank
  // filtered by it; an area only activities use has no list of its own, and /avtal says what areas are.
  const pageOf = (row: { id: number; slug: string }) =>
    agreementsOf.has(row.id) || !inBriefs.has(row.id)
      ? focusAreaUrl(site, row.slug)
      : `${site}/behovsbanken?omrade=${row.slug}`;
  const items = rows.map((row) => ({
    id: row.slug,
    url: pageOf(row),
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    name: row.name,
    description: row.description,
    agreements: (agreementsOf.get(row.id) ?? []).map((agreement) => ({
      id: agreement.slug,
      name: agreement.title,
      url: `${site}/avtal/${agreement.slug}`,
    })),
  }));
  return { items, total };
}
