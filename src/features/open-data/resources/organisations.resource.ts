import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { type OrganisationKind, organisationKinds } from '../../organisations/organisations.table.ts';
import { pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  slugParameter,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countOrganisationRows, findOrganisationRows } from './organisations.queries.ts';

function organisationSchemas(t: Messages) {
  const words = t.apiOrganisations.organisations.fields;
  const item = z
    .object({
      ...recordFields(t),
      name: z.string().openapi({ description: words.name }),
      shortName: z.string().nullable().openapi({ description: words.shortName }),
      kind: z.enum(organisationKinds).openapi({ description: words.kind }),
      parent: nullableReference(t, words.parent),
      website: z.string().nullable().openapi({ format: 'uri', description: words.website }),
      description: z.string().openapi({ description: words.description }),
    })
    .openapi('Organisation', { description: t.apiOrganisations.organisations.description });
  return { item, words };
}

export type ApiOrganisation = z.infer<ReturnType<typeof organisationSchemas>['item']>;

export const organisationsResource: ApiResource<ApiOrganisation> = {
  name: 'organisations',
  recordTypes: ['organisation'],
  schemaName: 'Organisation',
  schemas(t) {
    const { item, words } = organisationSchemas(t);
    return {
      item,
      filters: {
        kind: z
          .enum(organisationKinds)
          .optional()
          .openapi({
            param: { name: 'kind', in: 'query' },
            description: words.kindFilter,
            example: 'university',
          }),
        parent: slugParameter(words.parentFilter, 'parent'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'barn-och-utbildningsforvaltningen',
        url: 'https://samverkan.huddinge.se/organisationer/barn-och-utbildningsforvaltningen',
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        name: 'Barn- och utbildningsförvaltningen',
        shortName: null,
        kind: 'administration',
        parent: {
          id: 'huddinge-kommun',
          name: 'Huddinge kommun',
          url: 'https://samverkan.huddinge.se/organisationer/huddinge-kommun',
        },
        website: null,
        description:
          'Samverkar genom ULF-avtal med Södertörns högskola i gemensamma satsningar på praktiknära forskning i förskola och skola.',
      },
    };
  },
  list: (deps, query) => listOrganisations(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listOrganisations(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiOrganisations.organisations.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listOrganisations(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiOrganisation[]; total: number }> {
  const filter = {
    kind: filters.kind as OrganisationKind | undefined,
    parent: filters.parent as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findOrganisationRows(deps.db, filter, limit, offset),
    offset,
    () => countOrganisationRows(deps.db, filter),
  );
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.slug,
    url: `${site}${organisationPath(row)}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    parent:
      row.parentSlug !== null && row.parentName !== null && row.parentKind !== null
        ? {
            id: row.parentSlug,
            name: row.parentName,
            url: `${site}${organisationPath({ slug: row.parentSlug, kind: row.parentKind })}`,
          }
        : null,
    website: row.website,
    description: row.description,
  }));
  return { items, total };
}
