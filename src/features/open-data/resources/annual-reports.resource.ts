import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import {
  contentHasDemo,
  type ReportDecision,
  type ReportFigure,
  readSnapshot,
} from '../../goals/annual-report-snapshot.ts';
import { indicatorDirections, indicatorKinds } from '../../goals/goals.table.ts';
import { pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  dateField,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  timestampField,
  updatedSinceParameter,
  urlField,
} from '../api-schemas.ts';
import { countAnnualReportRows, findAnnualReportRows } from './annual-reports.queries.ts';
import { goalPath, indicatorPath } from './goals.resource.ts';

const targetMets = ['met', 'notMet', 'noTarget', 'noValue', 'withheld'] as const;
const unitKinds = ['count', 'people', 'percent'] as const;

/** A report's page on the site (/mal/arsrapporter/:year). */
const reportPath = (year: number) => `/mal/arsrapporter/${year}`;

function annualReportSchemas(t: Messages) {
  const words = t.apiGoals.annualReports.fields;
  const record = recordFields(t);
  // One object per use, each with its own description (a shared $ref could not carry it).
  const figure = (description: string) =>
    z
      .object({
        value: z.number().nullable().openapi({ description: words.figureValue }),
        withheld: z.boolean().openapi({ description: words.figureWithheld }),
        isExampleData: z.boolean().openapi({ description: words.figureIsExampleData }),
      })
      .openapi({ description });
  const decision = z
    .object({
      id: z.string().openapi({ description: words.decisionId, example: '12' }),
      url: urlField(t.openData.schemas.record.url),
      title: z.string().openapi({ description: words.decisionTitle }),
      decision: z.string().openapi({ description: words.decisionText }),
      meetingTitle: z.string().openapi({ description: words.meetingTitle }),
      meetingOn: dateField(words.meetingOn),
      groupName: z.string().openapi({ description: words.groupName }),
      isExampleData: z.boolean().openapi({ description: t.openData.schemas.record.isExampleData }),
    })
    .openapi('AnnualReportDecision');
  const indicator = z
    .object({
      id: z.string().openapi({ description: t.apiGoals.indicators.fields.id }),
      url: urlField(t.openData.schemas.record.url),
      name: z.string().openapi({ description: words.indicatorName }),
      unit: z.string().openapi({ description: words.unit }),
      unitKind: z.enum(unitKinds).openapi({ description: t.apiGoals.indicators.fields.unitKind }),
      kind: z.enum(indicatorKinds).openapi({ description: t.apiGoals.indicators.fields.kind }),
      direction: z.enum(indicatorDirections).openapi({ description: t.apiGoals.indicators.fields.direction }),
      value: figure(words.value),
      previous: figure(words.previous),
      target: z.number().nullable().openapi({ description: words.target }),
      targetIsExampleData: z.boolean().openapi({ description: words.targetIsExampleData }),
      met: z.enum(targetMets).openapi({ description: words.met }),
      source: z.string().nullable().openapi({ description: words.source }),
      measuredOn: dateField(words.measuredOn).nullable(),
    })
    .openapi('AnnualReportIndicator');
  const goal = z
    .object({
      id: z.string().openapi({ description: t.apiGoals.goals.fields.id }),
      url: urlField(t.openData.schemas.record.url),
      position: z.number().int().openapi({ description: words.goalPosition }),
      name: z.string().openapi({ description: words.goalName }),
      description: z.string().openapi({ description: words.goalStatement }),
      comment: z.string().openapi({ description: words.comment }),
      indicators: z.array(indicator).openapi({ description: words.indicators }),
      activityCount: z.number().int().min(0).openapi({ description: words.activityCount }),
      activities: z
        .array(
          z.object({
            id: z.string().openapi({ description: t.openData.schemas.reference.id }),
            name: z.string().openapi({ description: t.openData.schemas.reference.name }),
            url: urlField(t.openData.schemas.reference.url),
            startsOn: dateField(words.startsOn).nullable(),
            endsOn: dateField(words.endsOn).nullable(),
            isExampleData: z.boolean().openapi({ description: t.openData.schemas.record.isExampleData }),
          }),
        )
        .openapi({ description: words.activities }),
      decisions: z.array(decision).openapi({ description: words.decisions }),
    })
    .openapi('AnnualReportGoal');
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: '2025' }),
      updatedAt: record.updatedAt.openapi({ description: words.updatedAt }),
      isExampleData: record.isExampleData.openapi({ description: words.isExampleData }),
      year: z.number().int().openapi({ description: words.year }),
      publishedAt: timestampField(words.publishedAt),
      countedOn: dateField(words.countedOn),
      summary: z.string().openapi({ description: words.summary }),
      goals: z.array(goal).openapi({ description: words.goals }),
      councilDecisions: z.array(decision).openapi({ description: words.councilDecisions }),
      files: z
        .object({ xlsx: urlField(words.xlsx), csv: urlField(words.csv), pdf: urlField(words.pdf) })
        .openapi({ description: words.files }),
    })
    .openapi('AnnualReport', { description: t.apiGoals.annualReports.description });
  return { item };
}

export type ApiAnnualReport = z.infer<ReturnType<typeof annualReportSchemas>['item']>;

const SITE = 'https://samverkan.huddinge.se';

export const annualReportsResource: ApiResource<ApiAnnualReport> = {
  name: 'annual-reports',
  recordTypes: ['annual_report'],
  schemaName: 'AnnualReport',
  idPattern: /^[0-9]{4}$/,
  schemas(t) {
    const { item } = annualReportSchemas(t);
    const definition = t.indicators.definitions['forsknings-och-ulf-projekt'];
    return {
      item,
      filters: { updatedSince: updatedSinceParameter(t) },
      example: {
        id: '2025',
        url: `${SITE}/mal/arsrapporter/2025`,
        updatedAt: '2026-01-15T09:00:00Z',
        isExampleData: false,
        year: 2025,
        publishedAt: '2026-01-15T09:00:00Z',
        countedOn: '2026-01-15',
        summary: 'Året då samverkan växte: fler forskningsprojekt och fler praktikperioder.',
        goals: [
          {
            id: 'verksamhetsutveckling-genom-forskning',
            url: `${SITE}/mal/verksamhetsutveckling-genom-forskning`,
            position: 2,
            name: 'Verksamhetsutveckling genom forskning',
            description: 'bidra till Huddinge kommuns verksamhetsutveckling genom forskning',
            comment: 'Forskningsprojekten ökade tack vare ULF-avtalet.',
            indicators: [
              {
                id: 'forsknings-och-ulf-projekt',
                url: `${SITE}/mal/indikatorer/forsknings-och-ulf-projekt`,
                name: definition.name,
                unit: definition.unit,
                unitKind: 'count',
                kind: 'computed',
                direction: 'higher',
                value: { value: 9, withheld: false, isExampleData: false },
                previous: { value: 7, withheld: false, isExampleData: false },
                target: 8,
                targetIsExampleData: false,
                met: 'met',
                source: null,
                measuredOn: null,
              },
            ],
            activityCount: 1,
            activities: [
              {
                id: 'projekt-om-lasforstaelse',
                name: 'Projekt om läsförståelse i Huddinges skolor',
                url: `${SITE}/aktiviteter/projekt-om-lasforstaelse`,
                startsOn: '2025-02-01',
                endsOn: '2025-12-31',
                isExampleData: false,
              },
            ],
            decisions: [
              {
                id: '12',
                url: `${SITE}/beslut/12`,
                title: 'Satsning på ULF',
                decision: 'Rådet ställer sig bakom satsningen.',
                meetingTitle: 'Högskolerådets möte i maj',
                meetingOn: '2025-05-20',
                groupName: 'Högskolerådet',
                isExampleData: false,
              },
            ],
          },
        ],
        councilDecisions: [],
        files: {
          xlsx: `${SITE}/mal/arsrapporter/2025/arsrapport.xlsx`,
          csv: `${SITE}/mal/arsrapporter/2025/arsrapport.csv`,
          pdf: `${SITE}/mal/arsrapporter/2025/arsrapport.pdf`,
        },
      },
    };
  },
  list: (deps, query) => listAnnualReports(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listAnnualReports(deps, { id }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiGoals.annualReports.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'ANNUAL' },
};

function figureOf(figure: ReportFigure) {
  // A withheld small count has no number in the snapshot (decision 016); null it here all the same.
  return {
    value: figure.withheld ? null : figure.value,
    withheld: figure.withheld,
    isExampleData: figure.demo,
  };
}

function decisionOf(site: string, decision: ReportDecision) {
  return {
    id: String(decision.id),
    url: `${site}/beslut/${decision.id}`,
    title: decision.title,
    decision: decision.decision,
    meetingTitle: decision.meetingTitle,
    meetingOn: decision.meetingOn,
    groupName: decision.groupName,
    isExampleData: decision.demo,
  };
}

/**
 * Published reports, read only from their frozen snapshots (decision 016), as /mal/arsrapporter/:year
 * shows them: nothing here reads the register's live figures.
 */
async function listAnnualReports(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiAnnualReport[]; total: number }> {
  const filter = {
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    year: typeof filters.id === 'string' ? Number(filters.id) : undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findAnnualReportRows(deps.db, filter, limit, offset),
    offset,
    () => countAnnualReportRows(deps.db, filter),
  );
  const site = deps.config.baseUrl;
  const items = rows.flatMap((row) => {
    if (!row.snapshot || !row.publishedAt) return [];
    const content = readSnapshot(row.snapshot);
    const base = `${site}${reportPath(row.year)}`;
    return [
      {
        id: String(row.year),
        url: base,
        updatedAt: presentTimestamp(row.updatedAt),
        isExampleData: row.isDemo || contentHasDemo(content),
        year: row.year,
        publishedAt: presentTimestamp(row.publishedAt),
        countedOn: content.countedOn,
        summary: content.summary,
        goals: content.goals.map((goal) => ({
          id: goal.slug,
          url: `${site}${goalPath(goal.slug)}`,
          position: goal.position,
          name: goal.shortTitle,
          description: goal.statement,
          comment: goal.comment,
          indicators: goal.indicators.map((indicator) => ({
            id: indicator.slug,
            url: `${site}${indicatorPath(indicator.slug)}`,
            name: indicator.name,
            unit: indicator.unit,
            unitKind: indicator.unitKind,
            kind: indicator.kind,
            direction: indicator.direction,
            value: figureOf(indicator.value),
            previous: figureOf(indicator.previous),
            target: indicator.target,
            targetIsExampleData: indicator.targetDemo,
            met: indicator.met,
            source: indicator.source?.text ?? null,
            measuredOn: indicator.source?.measuredOn ?? null,
          })),
          activityCount: goal.activityCount,
          activities: goal.activities.map((activity) => ({
            id: activity.slug,
            name: activity.title,
            url: `${site}/aktiviteter/${activity.slug}`,
            startsOn: activity.startsOn,
            endsOn: activity.endsOn,
            isExampleData: activity.demo,
          })),
          decisions: goal.decisions.map((decision) => decisionOf(site, decision)),
        })),
        councilDecisions: content.councilDecisions.map((decision) => decisionOf(site, decision)),
        files: {
          xlsx: `${base}/arsrapport.xlsx`,
          csv: `${base}/arsrapport.csv`,
          pdf: `${base}/arsrapport.pdf`,
        },
      },
    ];
  });
  return { items, total };
}
