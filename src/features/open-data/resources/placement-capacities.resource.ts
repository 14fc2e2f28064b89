import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countCapacityRows, findCapacityRows } from './placement-capacities.queries.ts';

/** The public overview the figures come from (placements/views/overview-page.tsx). */
const OVERVIEW_PATH = '/praktik/oversikt';

/** A term as the overview takes it: VT or HT and a year 2000–2099. */
const TERM = /^(VT|HT)20[0-9]{2}$/;

/** The public id: lower-case term and the förvaltning's slug. */
export const CAPACITY_ID_PATTERN = /^(vt|ht)20[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

function capacitySchemas(t: Messages) {
  const words = t.apiMeetings.placementCapacities.fields;
  const record = recordFields(t);
  const count = (description: string) => z.number().int().min(0).openapi({ description });
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: 'ht2026-grundskoleforvaltningen' }),
      url: record.url.openapi({ description: words.url }),
      updatedAt: record.updatedAt.openapi({ description: words.updatedAt }),
      term: z.string().openapi({ description: words.term, example: 'HT2026' }),
      administration: referenceSchema(t).openapi({ description: words.administration }),
      offered: count(words.offered),
      requested: count(words.requested),
      confirmed: count(words.confirmed),
      completed: count(words.completed),
    })
    .openapi('PlacementCapacity', { description: t.apiMeetings.placementCapacities.description });
  return { item, words };
}

export type ApiPlacementCapacity = z.infer<ReturnType<typeof capacitySchemas>['item']>;

export const placementCapacitiesResource: ApiResource<ApiPlacementCapacity> = {
  name: 'placement-capacities',
  // Aggregates only: single offers, requests and needs are no public records (signed-in pages only).
  recordTypes: [],
  schemaName: 'PlacementCapacity',
  schemas(t) {
    const { item, words } = capacitySchemas(t);
    return {
      item,
      filters: {
        term: z
          .string()
          .max(6)
          .refine((value) => TERM.test(value))
          .optional()
          .openapi({
            param: { name: 'term', in: 'query' },
            description: words.termFilter,
            example: 'HT2026',
          }),
        organisation: slugParameter(words.organisationFilter, 'organisation'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'ht2026-grundskoleforvaltningen',
        url: 'https://samverkan.huddinge.se/praktik/oversikt?termin=HT2026',
        updatedAt: '2026-05-12T13:05:00Z',
        isExampleData: false,
        term: 'HT2026',
        administration: {
          id: 'grundskoleforvaltningen',
          name: 'Grundskoleförvaltningen',
          url: 'https://samverkan.huddinge.se/organisationer/grundskoleforvaltningen',
        },
        offered: 48,
        requested: 36,
        confirmed: 30,
        completed: 0,
      },
    };
  },
  list: (deps, query) => listCapacities(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const term = id.slice(0, 6).toUpperCase();
    const found = await listCapacities(deps, { term, publicId: id }, 1, 0);
    return found.items[0];
  },
  idPattern: CAPACITY_ID_PATTERN,
  texts: (t) => t.apiMeetings.placementCapacities.dataset,
  dataset: { themes: ['EDUC'], accrualPeriodicity: 'CONT' },
};

async function listCapacities(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiPlacementCapacity[]; total: number }> {
  const filter = {
    term: filters.term as string | undefined,
    organisation: filters.organisation as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    publicId: filters.publicId as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findCapacityRows(deps.db, filter, limit, offset),
    offset,
    () => countCapacityRows(deps.db, filter),
  );
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.publicId,
    url: `${site}${OVERVIEW_PATH}?termin=${row.term}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.demo,
    term: row.term,
    administration: {
      id: row.administrationSlug,
      name: row.administrationName,
      url: `${site}${organisationPath({ slug: row.administrationSlug, kind: row.administrationKind })}`,
    },
    offered: row.offered,
    requested: row.requested,
    confirmed: row.confirmed,
    completed: row.completed,
  }));
  return { items, total };
}
