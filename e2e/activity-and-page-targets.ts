import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/** The activity whose forms are crawled (public, linked to gymnasie- och arbetsmarknadsförvaltningen). */
const ACTIVITY = 'ulf-bedomning-i-gymnasieskolan';

/**
 * The pages for editing activities and the text pages (issue 8), in their empty, filled, saved, error,
 * conflict and refused states: as the administrator (who may do all a coordinator may), an editor and a
 * member. Nothing here saves: every form state is refused, so the crawl's database keeps its shape (every
 * activity in it stays public and undeleted, as the crawl of activity pages expects).
 */
export async function activityAndPageTargets(
  database: TestDatabase,
  cookies: { admin: string; adminId: number; editor: string; member: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const [organisation] = (
    await pool.query<{ id: number }>(
      "select id from organisations where slug = 'gymnasie-och-arbetsmarknadsforvaltningen'",
    )
  ).rows;
  // A change in each history, so the history pages are crawled with entries on them.
  await pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     select 'activity', id, 1, 'changed', $1,
            '{"organisations": ["Gymnasie- och arbetsmarknadsförvaltningen", "Gymnasie- och arbetsmarknadsförvaltningen, Södertörns högskola"], "visibility": ["Intern", "Offentlig"]}'::jsonb,
            '{}'::jsonb
       from activities where slug = $2`,
    [cookies.adminId, ACTIVITY],
  );
  await pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     select 'page', id, 1, 'changed', $1, '{"title": ["ULF", "Samverkan med Södertörns högskola"]}'::jsonb,
            '{}'::jsonb
       from pages where slug = 'ulf'`,
    [cookies.adminId],
  );
  const activityForm = {
    kind: 'ulf_project',
    title: 'Formativ bedömning i gymnasieskolans yrkesprogram',
    startsOn: '2022-01-10',
    endsOn: '2025-06-30',
    organisation1: String(organisation?.id ?? ''),
    agreementId: '',
    description: '',
    outcomes: '',
    visibility: 'public',
    internalReason: '',
  };
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: cookies.admin,
  });
  return [
    asAdmin({
      name: 'activity, signed in with edit links',
      url: `/aktiviteter/${ACTIVITY}?sparat=1`,
      status: 200,
    }),
    asAdmin({ name: 'activity, new', url: '/aktiviteter/ny', status: 200 }),
    asAdmin({
      name: 'activity, new with errors',
      url: '/aktiviteter/ny',
      status: 422,
      form: {
        action: '/aktiviteter/ny',
        fields: {
          ...activityForm,
          kind: '',
          title: '',
          startsOn: '1 september',
          organisation1: '',
          visibility: 'internal',
        },
      },
    }),
    asAdmin({ name: 'activity, edit', url: `/aktiviteter/${ACTIVITY}/andra`, status: 200 }),
    asAdmin({
      name: 'activity, edit after saving it internal',
      url: `/aktiviteter/${ACTIVITY}/andra?sparat=1`,
      status: 200,
    }),
    asAdmin({
      name: 'activity, edit with errors',
      url: `/aktiviteter/${ACTIVITY}/andra`,
      status: 422,
      form: {
        action: `/aktiviteter/${ACTIVITY}/andra`,
        fields: {
          ...activityForm,
          title: 'x'.repeat(201),
          endsOn: '2021-12-31',
          organisation2: activityForm.organisation1,
          visibility: 'internal',
          version: '1',
        },
      },
    }),
    asAdmin({
      name: 'activity, saved by someone else meanwhile',
      url: `/aktiviteter/${ACTIVITY}/andra`,
      status: 409,
      form: { action: `/aktiviteter/${ACTIVITY}/andra`, fields: { ...activityForm, version: '999' } },
    }),
    asAdmin({ name: 'activity, delete', url: `/aktiviteter/${ACTIVITY}/ta-bort`, status: 200 }),
    asAdmin({ name: 'activity, history', url: `/aktiviteter/${ACTIVITY}/historik`, status: 200 }),
    {
      name: 'activity, new, as an editor',
      url: '/aktiviteter/ny',
      status: 200,
      cookie: cookies.editor,
    },
    { name: 'workspace, editor', url: '/arbetsyta', status: 200, cookie: cookies.editor },
    {
      name: 'activity edit refused to a member',
      url: `/aktiviteter/${ACTIVITY}/andra`,
      status: 403,
      cookie: cookies.member,
    },
    asAdmin({ name: 'text page, signed in with edit links', url: '/ulf?sparat=1', status: 200 }),
    asAdmin({ name: 'start page, signed in with edit links', url: '/?sparat=oforandrat', status: 200 }),
    asAdmin({ name: 'text page, edit', url: '/sidor/tillganglighet/andra', status: 200 }),
    asAdmin({
      name: 'text page, edit with errors',
      url: '/sidor/ulf/andra',
      status: 422,
      form: {
        action: '/sidor/ulf/andra',
        fields: { title: '', body: 'Ett stycke.\n\n'.repeat(800), version: '1' },
      },
    }),
    asAdmin({
      name: 'text page, saved by someone else meanwhile',
      url: '/sidor/ulf/andra',
      status: 409,
      form: {
        action: '/sidor/ulf/andra',
        fields: { title: 'ULF', body: 'Min text.', version: '999' },
      },
    }),
    asAdmin({ name: 'text page, history', url: '/sidor/ulf/historik', status: 200 }),
    {
      name: 'text page edit refused to an editor',
      url: '/sidor/ulf/andra',
      status: 403,
      cookie: cookies.editor,
    },
  ];
}
