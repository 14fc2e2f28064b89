import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import { groupPath, organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { type GroupKind, groupKinds, memberRoles } from '../../groups/groups.table.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countGroupRows, findGroupRows, findGroupSeats } from './groups.queries.ts';

function groupSchemas(t: Messages) {
  const words = t.apiOrganisations.groups.fields;
  const member = z.object({
    role: z.enum(memberRoles).openapi({ description: words.memberRole }),
    personName: z.string().nullable().openapi({ description: words.memberPersonName }),
    seat: z.string().nullable().openapi({ description: words.memberSeat }),
    organisation: nullableReference(t, words.memberOrganisation),
    isExampleData: z.boolean().openapi({ description: words.memberIsExampleData }),
  });
  const item = z
    .object({
      ...recordFields(t),
      name: z.string().openapi({ description: words.name }),
      kind: z.enum(groupKinds).openapi({ description: words.kind }),
      description: z.string().openapi({ description: words.description }),
      agreement: nullableReference(t, words.agreement),
      organisations: z.array(referenceSchema(t)).openapi({ description: words.organisations }),
      members: z.array(member).openapi({ description: words.members }),
    })
    .openapi('Group', { description: t.apiOrganisations.groups.description });
  return { item, words };
}

export type ApiGroup = z.infer<ReturnType<typeof groupSchemas>['item']>;

const SITE = 'https://samverkan.huddinge.se';

export const groupsResource: ApiResource<ApiGroup> = {
  name: 'groups',
  recordTypes: ['group'],
  schemaName: 'Group',
  schemas(t) {
    const { item, words } = groupSchemas(t);
    const organisation = (slug: string, name: string, kind = 'university') => ({
      id: slug,
      name,
      url: `${SITE}${organisationPath({ slug, kind })}`,
    });
    return {
      item,
      filters: {
        kind: z
          .enum(groupKinds)
          .optional()
          .openapi({
            param: { name: 'kind', in: 'query' },
            description: words.kindFilter,
            example: 'working_group',
          }),
        organisation: slugParameter(words.organisationFilter, 'organisation'),
        agreement: slugParameter(words.agreementFilter, 'agreement').openapi({
          example: 'samverkansavtal-sodertorns-hogskola',
        }),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'hogskoleradet',
        url: `${SITE}/hogskoleradet`,
        updatedAt: '2026-03-05T09:30:00Z',
        isExampleData: false,
        name: 'Högskolerådet',
        kind: 'council',
        description:
          'Genom Högskolerådet utbyter kommunen och akademierna information och diskuterar strategier för fortsatt samarbete.',
        agreement: null,
        organisations: [
          organisation(
            'gymnasie-och-arbetsmarknadsnamnden',
            'Gymnasie- och arbetsmarknadsnämnden',
            'committee',
          ),
          organisation('huddinge-kommun', 'Huddinge kommun', 'municipality'),
          organisation('sodertorns-hogskola', 'Södertörns högskola'),
          organisation('karolinska-institutet', 'Karolinska Institutet'),
        ],
        members: [
          {
            role: 'chair',
            personName: null,
            seat: 'Ordförande i gymnasie- och arbetsmarknadsnämnden',
            organisation: organisation(
              'gymnasie-och-arbetsmarknadsnamnden',
              'Gymnasie- och arbetsmarknadsnämnden',
              'committee',
            ),
            isExampleData: false,
          },
          {
            role: 'member',
            personName: null,
            seat: null,
            organisation: organisation('huddinge-kommun', 'Huddinge kommun', 'municipality'),
            isExampleData: false,
          },
          {
            role: 'member',
            personName: null,
            seat: null,
            organisation: organisation('sodertorns-hogskola', 'Södertörns högskola'),
            isExampleData: false,
          },
          {
            role: 'member',
            personName: null,
            seat: null,
            organisation: organisation('karolinska-institutet', 'Karolinska Institutet'),
            isExampleData: false,
          },
        ],
      },
    };
  },
  list: (deps, query) => listGroups(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listGroups(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiOrganisations.groups.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listGroups(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiGroup[]; total: number }> {
  const today = stockholmDate(deps.clock.now());
  const filter = {
    today,
    kind: filters.kind as GroupKind | undefined,
    organisation: filters.organisation as string | undefined,
    agreement: filters.agreement as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findGroupRows(deps.db, filter, limit, offset),
    offset,
    () => countGroupRows(deps.db, filter),
  );
  const seatsOf = groupRows(
    await findGroupSeats(
      deps.db,
      rows.map((row) => row.id),
      today,
    ),
    (seat) => seat.groupId,
  );
  const site = deps.config.baseUrl;
  const items = rows.map((row) => {
    const members = (seatsOf.get(row.id) ?? []).map((seat) => ({
      role: seat.role,
      // The group's page shows the person's name where one is published, otherwise the office.
      personName: seat.personName,
      seat: seat.personName === null ? seat.seatDescription : null,
      organisation:
        seat.organisationSlug !== null && seat.organisationName !== null && seat.organisationKind !== null
          ? {
              id: seat.organisationSlug,
              name: seat.organisationName,
              url: `${site}${organisationPath({ slug: seat.organisationSlug, kind: seat.organisationKind })}`,
            }
          : null,
      isExampleData: seat.isDemo,
    }));
    const organisations = new Map<string, { id: string; name: string; url: string }>();
    for (const member of members) {
      if (member.organisation && !organisations.has(member.organisation.id)) {
        organisations.set(member.organisation.id, member.organisation);
      }
    }
    return {
      id: row.slug,
      url: `${site}${groupPath(row)}`,
      updatedAt: presentTimestamp(row.updatedAt),
      isExampleData: row.isDemo,
      name: row.name,
      kind: row.kind,
      description: row.description,
      agreement:
        row.agreementSlug !== null && row.agreementTitle !== null
          ? { id: row.agreementSlug, name: row.agreementTitle, url: `${site}/avtal/${row.agreementSlug}` }
          : null,
      organisations: [...organisations.values()],
      members,
    };
  });
  return { items, total };
}
