import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import { groupRows, pageWithTotal } from '../api-paging.ts';
import { type ApiResource, focusAreaUrl, goalUrl } from '../api-resource.ts';
import {
  dateField,
  dayParameter,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  timestampField,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countDecisionRows, findDecisionRows } from './decisions.queries.ts';
import { findItemFocusAreas, findItemGoals } from './meetings.queries.ts';
import { groupReference, NUMERIC_ID_PATTERN, numericId } from './meetings.resource.ts';

function decisionSchemas(t: Messages) {
  const words = t.apiMeetings.decisions.fields;
  const record = recordFields(t);
  const meeting = referenceSchema(t)
    .extend({ startsAt: timestampField(words.meetingStartsAt) })
    .openapi('MeetingReference');
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: '41' }),
      title: z.string().openapi({ description: words.title }),
      number: z.number().int().min(1).openapi({ description: words.number }),
      decision: z.string().openapi({ description: words.decision }),
      notes: z.string().nullable().openapi({ description: words.notes }),
      meeting: meeting.openapi({ description: words.meeting }),
      group: referenceSchema(t).openapi({ description: words.group }),
      decidedOn: dateField(words.decidedOn),
      approvedOn: dateField(words.approvedOn).nullable(),
      focusAreas: z.array(referenceSchema(t)).openapi({ description: words.focusAreas }),
      goals: z.array(referenceSchema(t)).openapi({ description: words.goals }),
    })
    .openapi('Decision', { description: t.apiMeetings.decisions.description });
  return { item, words };
}

export type ApiDecision = z.infer<ReturnType<typeof decisionSchemas>['item']>;

export const decisionsResource: ApiResource<ApiDecision> = {
  name: 'decisions',
  recordTypes: ['agenda_item'],
  schemaName: 'Decision',
  schemas(t) {
    const { item, words } = decisionSchemas(t);
    return {
      item,
      filters: {
        group: slugParameter(words.groupFilter, 'group'),
        goal: slugParameter(words.goalFilter, 'goal'),
        focusArea: slugParameter(words.focusAreaFilter, 'focusArea'),
        from: dayParameter(words.fromFilter, 'from'),
        to: dayParameter(words.toFilter, 'to'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: '41',
        url: 'https://samverkan.huddinge.se/beslut/41',
        updatedAt: '2026-10-01T12:40:00Z',
        isExampleData: false,
        title: 'Kompetensförsörjning i vård och omsorg: gemensam handlingsplan',
        number: 4,
        decision: 'Rådet ger vård- och omsorgsförvaltningen i uppdrag att ta fram en handlingsplan.',
        notes: 'Rådet diskuterade behovet av fler VFU-platser i äldreomsorgen.',
        meeting: {
          id: '12',
          name: 'Högskolerådets möte i september',
          url: 'https://samverkan.huddinge.se/moten/12#paragraf-4',
          startsAt: '2026-09-17T07:00:00Z',
        },
        group: {
          id: 'hogskoleradet',
          name: 'Högskolerådet',
          url: 'https://samverkan.huddinge.se/hogskoleradet',
        },
        decidedOn: '2026-09-17',
        approvedOn: '2026-10-01',
        focusAreas: [
          {
            id: 'kompetensforsorjning',
            name: 'Kompetensförsörjning',
            url: 'https://samverkan.huddinge.se/avtal#omrade-kompetensforsorjning',
          },
        ],
        goals: [],
      },
    };
  },
  list: (deps, query) => listDecisions(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const number = numericId(id);
    if (number === undefined) return undefined;
    const found = await listDecisions(deps, { id: number }, 1, 0);
    return found.items[0];
  },
  idPattern: NUMERIC_ID_PATTERN,
  texts: (t) => t.apiMeetings.decisions.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listDecisions(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiDecision[]; total: number }> {
  const filter = {
    group: filters.group as string | undefined,
    goal: filters.goal as string | undefined,
    focusArea: filters.focusArea as string | undefined,
    from: filters.from as string | undefined,
    to: filters.to as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    id: filters.id as number | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findDecisionRows(deps.db, filter, limit, offset),
    offset,
    () => countDecisionRows(deps.db, filter),
  );
  const ids = rows.map((row) => row.id);
  const [areas, itemGoals] = await Promise.all([
    findItemFocusAreas(deps.db, ids),
    findItemGoals(deps.db, ids),
  ]);
  const areasOf = groupRows(areas, (area) => area.itemId);
  const goalsOf = groupRows(itemGoals, (goal) => goal.itemId);
  const site = deps.config.baseUrl;
  return {
    total,
    items: rows.map((row) => ({
      id: String(row.id),
      url: `${site}/beslut/${row.id}`,
      updatedAt: presentTimestamp(row.updatedAt),
      isExampleData: row.isDemo,
      title: row.title,
      number: row.number,
      decision: row.decision,
      notes: row.notes || null,
      meeting: {
        id: String(row.meeting.id),
        name: row.meeting.title,
        url: `${site}/moten/${row.meeting.id}#paragraf-${row.number}`,
        startsAt: presentTimestamp(row.meeting.startsAt),
      },
      group: groupReference(site, row.group),
      decidedOn: stockholmDate(row.meeting.startsAt),
      approvedOn: row.meeting.minutesApprovedAt ? stockholmDate(row.meeting.minutesApprovedAt) : null,
      focusAreas: (areasOf.get(row.id) ?? []).map((area) => ({
        id: area.slug,
        name: area.name,
        url: focusAreaUrl(site, area.slug),
      })),
      goals: (goalsOf.get(row.id) ?? []).map((goal) => ({
        id: goal.slug,
        name: goal.shortTitle,
        url: goalUrl(site, goal.slug),
      })),
    })),
  };
}
