import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { stockholmDate } from '../../../lib/dates.ts';
import { groupPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import { meetingStatuses } from '../../meetings/meetings.table.ts';
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
  timestampField,
  updatedSinceParameter,
  urlField,
} from '../api-schemas.ts';
import {
  countMeetingRows,
  findItemFocusAreas,
  findItemGoals,
  findMeetingItems,
  findMeetingRows,
} from './meetings.queries.ts';

/** The site's numeric ids (/moten/1, /beslut/1): PostgreSQL's integer at most. */
export const NUMERIC_ID_PATTERN = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 2_147_483_647;

/** A numeric id the database can hold, or undefined (a 404 without asking). */
export function numericId(id: string): number | undefined {
  if (!NUMERIC_ID_PATTERN.test(id) || Number(id) > MAX_ID) return undefined;
  return Number(id);
}

/** The group a meeting belongs to, as a link to its page (/hogskoleradet for the council). */
export function groupReference(
  site: string,
  group: { slug: string; name: string; siteRole: Parameters<typeof groupPath>[0]['siteRole'] },
) {
  return { id: group.slug, name: group.name, url: `${site}${groupPath(group)}` };
}

function meetingSchemas(t: Messages) {
  const words = t.apiMeetings.meetings.fields;
  const record = recordFields(t);
  const agendaItem = z
    .object({
      number: z.number().int().min(1).openapi({ description: words.itemNumber }),
      title: z.string().openapi({ description: words.itemTitle }),
      presenter: z.string().nullable().openapi({ description: words.presenter }),
      startTime: z.string().nullable().openapi({ description: words.startTime, example: '09:30' }),
      proposedDecision: z.string().nullable().openapi({ description: words.proposedDecision }),
      notes: z.string().nullable().openapi({ description: words.notes }),
      decision: z.string().nullable().openapi({ description: words.decision }),
      decisionUrl: urlField(words.decisionUrl).nullable(),
      agreement: nullableReference(t, words.agreement),
      focusAreas: z.array(referenceSchema(t)).openapi({ description: words.focusAreas }),
      goals: z.array(referenceSchema(t)).openapi({ description: words.goals }),
    })
    .openapi('AgendaItem');
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: '12' }),
      title: z.string().openapi({ description: words.title }),
      group: referenceSchema(t).openapi({ description: words.group }),
      startsAt: timestampField(words.startsAt),
      endsAt: timestampField(words.endsAt),
      location: z.string().nullable().openapi({ description: words.location }),
      videoUrl: urlField(words.videoUrl).nullable(),
      status: z.enum(meetingStatuses).openapi({ description: words.status }),
      cancelledReason: z.string().nullable().openapi({ description: words.cancelledReason }),
      agenda: z.array(agendaItem).openapi({ description: words.agenda }),
      minutes: z
        .object({
          status: z.literal('approved').openapi({ description: words.minutesStatus }),
          approvedOn: dateField(words.approvedOn),
          keptAt: z.string().nullable().openapi({ description: words.keptAt }),
          url: urlField(words.minutesUrl),
        })
        .nullable()
        .openapi({ description: words.minutes }),
    })
    .openapi('Meeting', { description: t.apiMeetings.meetings.description });
  return { item, words };
}

export type ApiMeeting = z.infer<ReturnType<typeof meetingSchemas>['item']>;

export const meetingsResource: ApiResource<ApiMeeting> = {
  name: 'meetings',
  recordTypes: ['meeting'],
  schemaName: 'Meeting',
  schemas(t) {
    const { item, words } = meetingSchemas(t);
    return {
      item,
      filters: {
        group: slugParameter(words.groupFilter, 'group'),
        from: dayParameter(words.fromFilter, 'from'),
        to: dayParameter(words.toFilter, 'to'),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: '12',
        url: 'https://samverkan.huddinge.se/moten/12',
        updatedAt: '2026-10-05T14:12:00Z',
        isExampleData: false,
        title: 'Högskolerådets möte i september',
        group: {
          id: 'hogskoleradet',
          name: 'Högskolerådet',
          url: 'https://samverkan.huddinge.se/hogskoleradet',
        },
        startsAt: '2026-09-17T07:00:00Z',
        endsAt: '2026-09-17T09:30:00Z',
        location: 'Huddinge kommunhus, Sjödalsvägen 29',
        videoUrl: null,
        status: 'held',
        cancelledReason: null,
        agenda: [
          {
            number: 1,
            title: 'Kompetensförsörjning i vård och omsorg: gemensam handlingsplan',
            presenter: 'Förvaltningschef, vård- och omsorgsförvaltningen',
            startTime: '09:15',
            proposedDecision: 'Rådet ställer sig bakom att en gemensam handlingsplan tas fram.',
            notes: 'Rådet diskuterade behovet av fler VFU-platser i äldreomsorgen.',
            decision: 'Rådet ger vård- och omsorgsförvaltningen i uppdrag att ta fram en handlingsplan.',
            decisionUrl: 'https://samverkan.huddinge.se/beslut/41',
            agreement: null,
            focusAreas: [
              {
                id: 'kompetensforsorjning',
                name: 'Kompetensförsörjning',
                url: 'https://samverkan.huddinge.se/avtal#omrade-kompetensforsorjning',
              },
            ],
            goals: [],
          },
        ],
        minutes: {
          status: 'approved',
          approvedOn: '2026-10-01',
          keptAt: 'Kommunledningsförvaltningen, Huddinge kommun',
          url: 'https://samverkan.huddinge.se/moten/12/protokoll.html',
        },
      },
    };
  },
  list: (deps, query) => listMeetings(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const number = numericId(id);
    if (number === undefined) return undefined;
    const found = await listMeetings(deps, { id: number }, 1, 0);
    return found.items[0];
  },
  idPattern: NUMERIC_ID_PATTERN,
  texts: (t) => t.apiMeetings.meetings.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listMeetings(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiMeeting[]; total: number }> {
  const filter = {
    group: filters.group as string | undefined,
    from: filters.from as string | undefined,
    to: filters.to as string | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    id: filters.id as number | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findMeetingRows(deps.db, filter, limit, offset),
    offset,
    () => countMeetingRows(deps.db, filter),
  );
  const items = await findMeetingItems(
    deps.db,
    rows.map((row) => row.id),
  );
  const itemIds = items.map((item) => item.id);
  const [areas, itemGoals] = await Promise.all([
    findItemFocusAreas(deps.db, itemIds),
    findItemGoals(deps.db, itemIds),
  ]);
  const itemsOf = groupRows(items, (item) => item.meetingId);
  const areasOf = groupRows(areas, (area) => area.itemId);
  const goalsOf = groupRows(itemGoals, (goal) => goal.itemId);
  const site = deps.config.baseUrl;
  return {
    total,
    items: rows.map((row) => {
      // As meeting-pages.service.ts: the minutes' part only once they are approved.
      const approved = row.minutesStatus === 'approved' && row.minutesApprovedAt !== null;
      return {
        id: String(row.id),
        url: `${site}/moten/${row.id}`,
        updatedAt: presentTimestamp(row.updatedAt),
        isExampleData: row.isDemo,
        title: row.title,
        group: groupReference(site, row.group),
        startsAt: presentTimestamp(row.startsAt),
        endsAt: presentTimestamp(row.endsAt),
        location: row.place || null,
        videoUrl: row.videoUrl && row.status !== 'cancelled' ? row.videoUrl : null,
        status: row.status,
        cancelledReason: row.status === 'cancelled' ? row.cancelledReason || null : null,
        agenda: (itemsOf.get(row.id) ?? []).map((item) => ({
          number: item.number,
          title: item.title,
          presenter: item.presenter || null,
          startTime: item.startTime ? item.startTime.slice(0, 5) : null,
          proposedDecision: item.proposedDecision || null,
          notes: approved ? item.notes || null : null,
          decision: approved ? item.decision || null : null,
          decisionUrl: approved && item.decision ? `${site}/beslut/${item.id}` : null,
          agreement:
            item.agreementSlug && item.agreementTitle
              ? {
                  id: item.agreementSlug,
                  name: item.agreementTitle,
                  url: `${site}/avtal/${item.agreementSlug}`,
                }
              : null,
          focusAreas: (areasOf.get(item.id) ?? []).map((area) => ({
            id: area.slug,
            name: area.name,
            url: focusAreaUrl(site, area.slug),
          })),
          goals: (goalsOf.get(item.id) ?? []).map((goal) => ({
            id: goal.slug,
            name: goal.shortTitle,
            url: goalUrl(site, goal.slug),
          })),
        })),
        minutes:
          approved && row.minutesApprovedAt
            ? {
                status: 'approved' as const,
                approvedOn: stockholmDate(row.minutesApprovedAt),
                keptAt: row.minutesKeptAt || null,
                url: `${site}/moten/${row.id}/protokoll.html`,
              }
            : null,
      };
    }),
  };
}
