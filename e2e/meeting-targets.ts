import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

const GROUP = 'arbetsgrupp-sodertorns-hogskola';

/**
 * A meeting's workspace (src/features/meetings: meetings.*, agenda.*, meeting-calls.*) in each state: the
 * new-meeting form empty and refused; the working page of a planned meeting (with an internal item, a
 * guest and the call form), of a cancelled one and of one whose minutes are approved; the edit form, its
 * bad input and a stale version; delete, history, guests, agenda item forms; the call refused for a
 * cancelled meeting (409), agenda changes refused after approval (409), and a member refused (403). Every
 * posted state is refused, so crawling changes nothing. The meetings are written straight to the database.
 */
export async function meetingTargets(
  database: TestDatabase,
  people: { admin: string; member: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const group = (await pool.query<{ id: number }>('select id from groups where slug = $1', [GROUP])).rows[0]
    ?.id;
  if (group === undefined) throw new Error(`group ${GROUP}`);
  const meeting = async (values: {
    title: string;
    status: string;
    reason: string | null;
    minutes: string;
  }) => {
    const result = await pool.query<{ id: number }>(
      `insert into meetings (group_id, title, starts_at, ends_at, place, video_url, status, cancelled_reason,
                             minutes_status, version)
       values ($1, $2, '2027-01-20T09:00:00Z', '2027-01-20T11:00:00Z', 'Kommunhuset, sal 3',
               'https://video.example.se/rum/42', $3, $4, $5, 2)
       returning id`,
      [group, values.title, values.status, values.reason, values.minutes],
    );
    const id = result.rows[0]!.id;
    await pool.query(
      `insert into agenda_items (meeting_id, position, standing_kind, title, visibility, internal_reason, presenter,
                                 proposed_decision)
       values ($1, 1, 'opening', 'Mötets öppnande', 'public', null, '', ''),
              ($1, 2, null, 'Budget för nästa år', 'public', null, 'Ekonomichefen', 'Att godkänna budgeten.'),
              ($1, 3, null, 'En personalfråga', 'internal', 'Sekretess enligt OSL', '', '')`,
      [id],
    );
    await pool.query(
      `insert into meeting_participants (meeting_id, kind, name, organisation_name, email)
       values ($1, 'guest', 'Greta Gäst', 'Region Stockholm', 'greta@example.se')`,
      [id],
    );
    const item = await pool.query<{ id: number }>(
      'select id from agenda_items where meeting_id = $1 order by position limit 1',
      [id],
    );
    return { id, itemId: item.rows[0]!.id };
  };
  const planned = await meeting({
    title: 'Arbetsgruppen, januari',
    status: 'planned',
    reason: null,
    minutes: 'draft',
  });
  const cancelled = await meeting({
    title: 'Arbetsgruppen, inställt',
    status: 'cancelled',
    reason: 'För få kunde komma',
    minutes: 'draft',
  });
  const approved = await meeting({
    title: 'Arbetsgruppen, justerat',
    status: 'held',
    reason: null,
    minutes: 'approved',
  });
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: people.admin });
  const meetingForm = {
    title: 'Arbetsgruppen, januari',
    date: '2027-01-20',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Kommunhuset, sal 3',
    videoUrl: '',
    secretaryPersonId: '',
    visibility: 'public',
    internalReason: '',
  };
  const itemForm = {
    title: '',
    presenter: '',
    startTime: '25:00',
    proposedDecision: '',
    agreementId: '',
    visibility: 'internal',
    internalReason: '',
  };
  const base = `/moten/${planned.id}`;
  return [
    asAdmin({ name: 'meeting, new', url: `/grupper/${GROUP}/moten/nytt`, status: 200 }),
    asAdmin({
      name: 'meeting, new with bad input',
      url: `/grupper/${GROUP}/moten/nytt`,
      status: 422,
      form: {
        action: `/grupper/${GROUP}/moten/nytt`,
        fields: { ...meetingForm, endTime: '09:00', place: '', videoUrl: 'http://inte-https.example' },
      },
    }),
    asAdmin({ name: 'meeting, working page', url: `${base}/arbetsyta?sparat=1`, status: 200 }),
    asAdmin({
      name: 'meeting, working page, cancelled',
      url: `/moten/${cancelled.id}/arbetsyta`,
      status: 200,
    }),
    asAdmin({ name: 'meeting, working page, approved', url: `/moten/${approved.id}/arbetsyta`, status: 200 }),
    asAdmin({ name: 'meeting, edit', url: `${base}/andra`, status: 200 }),
    asAdmin({
      name: 'meeting, edit with a time skipped by summer time',
      url: `${base}/andra`,
      status: 422,
      form: {
        action: `${base}/andra`,
        fields: {
          ...meetingForm,
          date: '2027-03-28',
          startTime: '02:30',
          status: 'cancelled',
          cancelledReason: '',
          version: '2',
        },
      },
    }),
    asAdmin({
      name: 'meeting, edit after someone else saved',
      url: `${base}/andra`,
      status: 409,
      form: {
        action: `${base}/andra`,
        fields: {
          ...meetingForm,
          place: 'Flemingsberg',
          status: 'planned',
          cancelledReason: '',
          version: '1',
        },
      },
    }),
    asAdmin({ name: 'meeting, delete', url: `${base}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'meeting, delete after someone else saved',
      url: `${base}/ta-bort`,
      status: 409,
      form: { action: `${base}/ta-bort`, fields: { version: '1' } },
    }),
    asAdmin({ name: 'meeting, history', url: `${base}/historik`, status: 200 }),
    asAdmin({ name: 'meeting, add a guest', url: `${base}/gaster`, status: 200 }),
    asAdmin({
      name: 'meeting, guest with bad input',
      url: `${base}/gaster`,
      status: 422,
      form: { action: `${base}/gaster`, fields: { name: '', organisationName: '', email: 'inte-en-adress' } },
    }),
    asAdmin({
      name: 'meeting, removing a guest who is not there',
      url: `${base}/arbetsyta`,
      status: 404,
      form: { action: `${base}/gaster/2147483647/ta-bort`, fields: {} },
    }),
    asAdmin({
      name: 'meeting, call refused for a cancelled meeting',
      url: `/moten/${cancelled.id}/arbetsyta`,
      status: 409,
      form: { action: `/moten/${cancelled.id}/kalla`, fields: {} },
    }),
    asAdmin({ name: 'meeting document, upload', url: `${base}/dokument/ny`, status: 200 }),
    asAdmin({
      name: 'meeting document, upload without a file',
      url: `${base}/dokument/ny`,
      status: 422,
      form: {
        action: `${base}/dokument/ny`,
        fields: { title: '', kind: 'other', visibility: 'internal', internalReason: '' },
        multipart: true,
      },
    }),
    asAdmin({ name: 'agenda item, new', url: `${base}/arenden/nytt`, status: 200 }),
    asAdmin({
      name: 'agenda item, new with bad input',
      url: `${base}/arenden/nytt`,
      status: 422,
      form: { action: `${base}/arenden/nytt`, fields: itemForm },
    }),
    asAdmin({ name: 'agenda item, edit', url: `/arenden/${planned.itemId}/andra`, status: 200 }),
    asAdmin({
      name: 'agenda item, edit with bad input',
      url: `/arenden/${planned.itemId}/andra`,
      status: 422,
      form: { action: `/arenden/${planned.itemId}/andra`, fields: { ...itemForm, version: '1' } },
    }),
    asAdmin({
      name: 'agenda item, edit refused after approval',
      url: `/arenden/${approved.itemId}/andra`,
      status: 409,
    }),
    asAdmin({
      name: 'agenda item, move refused after approval',
      url: `/moten/${approved.id}/arbetsyta`,
      status: 409,
      form: { action: `/arenden/${approved.itemId}/flytta`, fields: { direction: 'ned' } },
    }),
    asAdmin({
      name: 'agenda item, removal refused after approval',
      url: `/moten/${approved.id}/arbetsyta`,
      status: 409,
      form: { action: `/arenden/${approved.itemId}/ta-bort`, fields: {} },
    }),
    { name: 'meeting, edit refused to a member', url: `${base}/andra`, status: 403, cookie: people.member },
  ];
}
