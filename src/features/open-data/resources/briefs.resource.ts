import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { type BriefKind, briefKinds } from '../../needs/needs.table.ts';
import { isBriefOpen } from '../../needs/views/brief-status.tsx';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import { type ApiResource, focusAreaUrl, goalUrl } from '../api-resource.ts';
import {
  dateField,
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  timestampField,
  updatedSinceParameter,
} from '../api-schemas.ts';
import {
  type BriefStatus,
  briefStatuses,
  countBriefRows,
  findBriefFocusAreas,
  findBriefGoals,
  findBriefInstitutions,
  findBriefOutcomes,
  findBriefRows,
} from './briefs.queries.ts';

function briefSchemas(t: Messages) {
  const words = t.apiActivities.briefs.fields;
  const item = z
    .object({
      ...recordFields(t),
      title: z.string().openapi({ description: words.title }),
      kind: z.enum(briefKinds).openapi({ description: words.kind }),
      status: z.enum(briefStatuses).openapi({ description: words.status }),
      organisation: nullableReference(t, words.organisation),
      question: z.string().openapi({ description: words.question }),
      intendedUse: z.string().openapi({ description: words.intendedUse }),
      background: z.string().openapi({ description: words.background }),
      beneficiaries: z.string().openapi({ description: words.beneficiaries }),
      offering: z.string().openapi({ description: words.offering }),
      contactName: z.string().openapi({ description: words.contactName }),
      deadline: dateField(words.deadline).nullable(),
      publishedAt: timestampField(words.publishedAt),
      focusAreas: z.array(referenceSchema(t)).openapi({ description: words.focusAreas }),
      goals: z.array(referenceSchema(t)).openapi({ description: words.goals }),
      institutions: z.array(referenceSchema(t)).openapi({ description: words.institutions }),
      outcomes: z.array(referenceSchema(t)).openapi({ description: words.outcomes }),
    })
    .openapi('Brief', { description: t.apiActivities.briefs.description });
  return { item, words };
}

export type ApiBrief = z.infer<ReturnType<typeof briefSchemas>['item']>;

export const briefsResource: ApiResource<ApiBrief> = {
  name: 'briefs',
  recordTypes: ['brief'],
  schemaName: 'Brief',
  schemas(t) {
    const { item, words } = briefSchemas(t);
    return {
      item,
      filters: {
        kind: z
          .enum(briefKinds)
          .optional()
          .openapi({
            param: { name: 'kind', in: 'query' },
            description: words.kindFilter,
            example: 'research_question',
          }),
        status: z
          .enum(briefStatuses)
          .optional()
          .openapi({
            param: { name: 'status', in: 'query' },
            description: words.statusFilter,
            example: 'open',
          }),
        organisation: slugParameter(words.organisationFilter, 'organisation'),
        focusArea: slugParameter(words.focusAreaFilter, 'focusArea'),
        goal: slugParameter(words.goalFilter, 'goal'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: 'varfor-stannar-personal-i-aldreomsorgen',
        url: 'https://samverkan.huddinge.se/behovsbanken/varfor-stannar-personal-i-aldreomsorgen',
        updatedAt: '2026-09-10T07:00:00Z',
        isExampleData: false,
        title: 'Vad får personalen att stanna i äldreomsorgen?',
        kind: 'research_question',
        status: 'open',
        organisation: {
          id: 'vard-och-omsorgsforvaltningen',
          name: 'Vård- och omsorgsförvaltningen',
          url: 'https://samverkan.huddinge.se/organisationer/vard-och-omsorgsforvaltningen',
        },
        question: 'Vilka faktorer i arbetsmiljön gör att undersköterskor stannar kvar det första året?',
        intendedUse: 'Underlag för förvaltningens plan för kompetensförsörjning 2027–2029.',
        background: 'Personalomsättningen på våra vård- och omsorgsboenden är hög, särskilt det första året.',
        beneficiaries: 'Boende, anhöriga och medarbetare i äldreomsorgen.',
        offering: 'Tillgång till personalstatistik, intervjupersoner på tre boenden och en kontaktperson.',
        contactName: 'Maria Andersson',
        deadline: '2027-02-28',
        publishedAt: '2026-09-10T07:00:00Z',
        focusAreas: [
          {
            id: 'kompetensforsorjning',
            name: 'Kompetensförsörjning',
            url: 'https://samverkan.huddinge.se/avtal#omrade-kompetensforsorjning',
          },
          {
            id: 'tillgang-till-likvardig-vard',
            name: 'Tillgång till likvärdig vård',
            url: 'https://samverkan.huddinge.se/avtal#omrade-tillgang-till-likvardig-vard',
          },
        ],
        goals: [
          {
            id: 'rekrytering',
            name: 'Rekrytering',
            url: 'https://samverkan.huddinge.se/mal/rekrytering',
          },
          {
            id: 'verksamhetsutveckling-genom-forskning',
            name: 'Verksamhetsutveckling genom forskning',
            url: 'https://samverkan.huddinge.se/mal/verksamhetsutveckling-genom-forskning',
          },
        ],
        institutions: [
          {
            id: 'karolinska-institutet',
            name: 'Karolinska Institutet',
            url: 'https://samverkan.huddinge.se/larosaten/karolinska-institutet',
          },
        ],
        outcomes: [
          {
            id: 'forskning-personal-stannar-aldreomsorg',
            name: 'Vad får personalen att stanna i äldreomsorgen?',
            url: 'https://samverkan.huddinge.se/aktiviteter/forskning-personal-stannar-aldreomsorg',
          },
        ],
      },
    };
  },
  list: (deps, query) => listBriefs(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listBriefs(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiActivities.briefs.dataset,
  dataset: { themes: ['EDUC', 'GOVE', 'SOCI'], accrualPeriodicity: 'IRREG' },
};

async function listBriefs(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiBrief[]; total: number }> {
  const today = stockholmDate(deps.clock.now());
  const filter = {
    today,
    kind: filters.kind as BriefKind | undefined,
    status: filters.status as BriefStatus | undefined,
    organisation: filters.organisation as string | undefined,
    focusArea: filters.focusArea as string | undefined,
    goal: filters.goal as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    slug: filters.id as string | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findBriefRows(deps.db, filter, limit, offset),
    offset,
    () => countBriefRows(deps.db, filter),
  );
  const ids = rows.map((row) => row.id);
  const [areas, goals, institutions, outcomes] = await Promise.all([
    findBriefFocusAreas(deps.db, ids),
    findBriefGoals(deps.db, ids),
    findBriefInstitutions(deps.db, ids),
    findBriefOutcomes(deps.db, ids),
  ]);
  const areasOf = groupRows(areas, (row) => row.briefId);
  const goalsOf = groupRows(goals, (row) => row.briefId);
  const institutionsOf = groupRows(institutions, (row) => row.briefId);
  const outcomesOf = groupRows(outcomes, (row) => row.briefId);
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: row.slug,
    url: `${site}/behovsbanken/${row.slug}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    title: row.title,
    kind: row.kind,
    status: (isBriefOpen(row, today) ? 'open' : 'closed') as BriefStatus,
    organisation:
      row.organisationSlug !== null && row.organisationName !== null && row.organisationKind !== null
        ? {
            id: row.organisationSlug,
            name: row.organisationName,
            url: `${site}${organisationPath({ slug: row.organisationSlug, kind: row.organisationKind })}`,
          }
        : null,
    question: row.question,
    intendedUse: row.intendedUse,
    background: row.background,
    beneficiaries: row.beneficiaries,
    offering: row.offering,
    contactName: row.contactName,
    deadline: row.deadline,
    // Only published briefs are read (publishedAt is not null).
    publishedAt: presentTimestamp(row.publishedAt ?? row.updatedAt),
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
    // The page names no institutions for competence development (the institution offers it).
    institutions:
      row.kind === 'staff_development'
        ? []
        : (institutionsOf.get(row.id) ?? []).map((institution) => ({
            id: institution.slug,
            name: institution.name,
            url: `${site}${organisationPath(institution)}`,
          })),
    outcomes: (outcomesOf.get(row.id) ?? []).map((activity) => ({
      id: activity.slug,
      name: activity.title,
      url: `${site}/aktiviteter/${activity.slug}`,
    })),
  }));
  return { items, total };
}
