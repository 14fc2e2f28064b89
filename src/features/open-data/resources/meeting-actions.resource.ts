import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app-deps.ts';
import { organisationPath } from '../../../web/components/register-links.tsx';
import type { Messages } from '../../../web/i18n/messages.ts';
import type { ActionStatus } from '../../meetings/meetings.table.ts';
import { pageWithTotal } from '../api-paging.ts';
import type { ApiResource } from '../api-resource.ts';
import {
  dateField,
  nullableReference,
  parseUpdatedSince,
  presentTimestamp,
  recordFields,
  referenceSchema,
  slugParameter,
  updatedSinceParameter,
} from '../api-schemas.ts';
import { countActionRows, findActionRows, PUBLIC_ACTION_STATUSES } from './meeting-actions.queries.ts';
import { groupReference, NUMERIC_ID_PATTERN, numericId } from './meetings.resource.ts';

function actionSchemas(t: Messages) {
  const words = t.apiActions.fields;
  const record = recordFields(t);
  const item = z
    .object({
      ...record,
      id: record.id.openapi({ description: words.id, example: '7' }),
      url: record.url.openapi({ description: words.url }),
      title: z.string().openapi({ description: words.title }),
      status: z.enum(PUBLIC_ACTION_STATUSES).openapi({ description: words.status }),
      statusNote: z.string().openapi({ description: words.statusNote }),
      dueOn: dateField(words.dueOn).nullable(),
      owner: nullableReference(t, words.owner),
      meeting: referenceSchema(t).openapi({ description: words.meeting }),
      group: referenceSchema(t).openapi({ description: words.group }),
    })
    .openapi('MeetingAction', { description: t.apiActions.description });
  return { item, words };
}

export type ApiMeetingAction = z.infer<ReturnType<typeof actionSchemas>['item']>;

/** The open actions given by decisions, as the group pages' table "Pågående uppdrag" shows them. */
export const meetingActionsResource: ApiResource<ApiMeetingAction> = {
  name: 'meeting-actions',
  recordTypes: ['meeting_action'],
  schemaName: 'MeetingAction',
  idPattern: NUMERIC_ID_PATTERN,
  schemas(t) {
    const { item, words } = actionSchemas(t);
    return {
      item,
      filters: {
        group: slugParameter(words.groupFilter, 'group'),
        status: z
          .enum(PUBLIC_ACTION_STATUSES)
          .optional()
          .openapi({ param: { name: 'status', in: 'query' }, description: words.statusFilter }),
        updatedSince: updatedSinceParameter(t),
      },
      example: {
        id: '7',
        url: 'https://samverkan.huddinge.se/moten/12',
        updatedAt: '2026-10-02T13:15:00Z',
        isExampleData: false,
        title: 'Ta fram en plan för fler VFU-platser i förskolan',
        status: 'in_progress',
        statusNote: 'Utkast klart, går till förvaltningsledningen i november.',
        dueOn: '2026-12-15',
        owner: {
          id: 'barn-och-utbildningsforvaltningen',
          name: 'Barn- och utbildningsförvaltningen',
          url: 'https://samverkan.huddinge.se/organisationer/barn-och-utbildningsforvaltningen',
        },
        meeting: {
          id: '12',
          name: 'Högskolerådets möte i september',
          url: 'https://samverkan.huddinge.se/moten/12',
        },
        group: {
          id: 'hogskoleradet',
          name: 'Högskolerådet',
          url: 'https://samverkan.huddinge.se/hogskoleradet',
        },
      },
    };
  },
  list: (deps, query) => listActions(deps, query.filters, query.limit, query.offset),
  async get(deps, id) {
    const found = await listActions(deps, { id: numericId(id) }, 1, 0);
    return found.items[0];
  },
  texts: (t) => t.apiActions.dataset,
  dataset: { themes: ['GOVE', 'EDUC'], accrualPeriodicity: 'IRREG' },
};

async function listActions(
  deps: Pick<AppDeps, 'db' | 'config'>,
  filters: Record<string, unknown>,
  limit: number | null,
  offset: number,
): Promise<{ items: ApiMeetingAction[]; total: number }> {
  const filter = {
    group: filters.group as string | undefined,
    status: filters.status as ActionStatus | undefined,
    updatedSince:
      typeof filters.updatedSince === 'string' ? parseUpdatedSince(filters.updatedSince) : undefined,
    id: filters.id as number | undefined,
  };
  const { rows, total } = await pageWithTotal(
    await findActionRows(deps.db, filter, limit, offset),
    offset,
    () => countActionRows(deps.db, filter),
  );
  const site = deps.config.baseUrl;
  const items = rows.map((row) => ({
    id: String(row.id),
    url: `${site}/moten/${row.meeting.id}`,
    updatedAt: presentTimestamp(row.updatedAt),
    isExampleData: row.isDemo,
    title: row.title,
    status: row.status as ApiMeetingAction['status'],
    statusNote: row.statusNote,
    dueOn: row.dueOn,
    owner: row.owner
      ? { id: row.owner.slug, name: row.owner.name, url: `${site}${organisationPath(row.owner)}` }
      : null,
    meeting: { id: String(row.meeting.id), name: row.meeting.title, url: `${site}/moten/${row.meeting.id}` },
    group: groupReference(site, row.group),
  }));
  return { items, total };
}
