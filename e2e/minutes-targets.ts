import { eq } from 'drizzle-orm';
import { meetingForMinutes } from '../src/features/meetings/meeting-fixtures.ts';
import { meetings } from '../src/features/meetings/meetings.table.ts';
import { insertAction, insertAdjuster, insertCorrection } from '../src/features/meetings/public-fixtures.ts';
import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

type Person = { personId: number; cookie: string };

const GROUP = 'arbetsgrupp-sodertorns-hogskola';

/**
 * Minutes, approval, corrections and actions (src/features/meetings: minutes.*, adjustment.*,
 * corrections.*, actions.*) in each state: the minutes form of a draft, with messages by the fields; ready
 * minutes (and overdue ones) with the approval view; approved minutes with a correction and the correction
 * form; the refusals (cancelled meeting, editing ready or approved minutes, correcting a draft, a member);
 * a new action, an action's page with its follow-up form and message, the overdue list. Every posted
 * state is refused, so crawling changes nothing. The meetings are written straight to the database.
 */
export async function minutesTargets(
  database: TestDatabase,
  people: { admin: Person; member: Person },
): Promise<CrawlTarget[]> {
  const db = database.db;
  const { admin, member } = people;
  const made = (title: string, status: 'planned' | 'cancelled' = 'planned') =>
    meetingForMinutes(db, {
      groupSlug: GROUP,
      startsAt: new Date('2026-11-20T09:00:00Z'),
      members: [admin.personId, member.personId],
      title,
      status,
    });
  const draft = await made('Protokoll i utkast');
  const ready = await made('Protokoll för justering');
  const overdue = await made('Försenad justering');
  const approved = await made('Justerat protokoll');
  const cancelled = await made('Inställt möte', 'cancelled');
  const setMinutes = (id: number, values: Partial<typeof meetings.$inferInsert>) =>
    db.update(meetings).set(values).where(eq(meetings.id, id));
  await setMinutes(ready.meetingId, {
    status: 'held',
    minutesStatus: 'ready',
    adjustmentDueOn: '2026-12-11',
  });
  await setMinutes(overdue.meetingId, {
    status: 'held',
    minutesStatus: 'ready',
    adjustmentDueOn: '2026-11-25',
  });
  await setMinutes(approved.meetingId, {
    status: 'held',
    minutesStatus: 'approved',
    minutesApprovedAt: new Date('2026-11-24T12:00:00Z'),
    minutesKeptAt: 'Kommunledningsförvaltningen',
  });
  await insertAdjuster(db, ready.meetingId, admin.personId, null);
  await insertAdjuster(db, overdue.meetingId, admin.personId, null);
  await insertAdjuster(db, approved.meetingId, admin.personId, new Date('2026-11-24T12:00:00Z'));
  await insertCorrection(db, {
    meetingId: approved.meetingId,
    agendaItemId: approved.items.budget,
    reason: 'Skrivfel i antalet platser.',
    changes: { decision: ['40 platser', '45 platser'] },
    actorPersonId: admin.personId,
  });
  const earlier = await meetingForMinutes(db, {
    groupSlug: GROUP,
    startsAt: new Date('2026-09-01T09:00:00Z'),
    members: [admin.personId],
    title: 'Tidigare möte',
  });
  const action = await insertAction(db, {
    groupId: earlier.groupId,
    meetingId: earlier.meetingId,
    agendaItemId: earlier.items.budget,
    title: 'Inventera praktikplatser',
    ownerPersonId: member.personId,
    dueOn: '2026-11-01',
  });
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: admin.cookie });
  const protocol = (id: number) => `/moten/${id}/protokoll`;
  return [
    asAdmin({ name: 'minutes, draft form with follow-up', url: protocol(draft.meetingId), status: 200 }),
    asAdmin({ name: 'minutes, draft saved', url: `${protocol(draft.meetingId)}?klart=utkast`, status: 200 }),
    asAdmin({
      name: 'minutes, messages by the fields',
      url: protocol(draft.meetingId),
      status: 422,
      form: {
        action: protocol(draft.meetingId),
        fields: {
          version: '1',
          action: 'justering',
          [`notes-${draft.items.budget}`]: 'x'.repeat(20_001),
          [`decision-${draft.items.budget}`]: 'Beslut som behålls.',
          keptAt: '',
        },
      },
    }),
    asAdmin({
      name: 'minutes, finish without adjuster',
      url: protocol(draft.meetingId),
      status: 422,
      form: { action: protocol(draft.meetingId), fields: { version: '1', action: 'justering', keptAt: '' } },
    }),
    asAdmin({ name: 'minutes, ready', url: `${protocol(ready.meetingId)}?klart=justering`, status: 200 }),
    asAdmin({ name: 'minutes, ready and overdue', url: protocol(overdue.meetingId), status: 200 }),
    asAdmin({ name: 'minutes, approved', url: protocol(approved.meetingId), status: 200 }),
    asAdmin({
      name: 'minutes, editing ready minutes refused',
      url: protocol(ready.meetingId),
      status: 409,
      form: { action: protocol(ready.meetingId), fields: { version: '1', action: 'utkast', keptAt: '' } },
    }),
    asAdmin({
      name: 'minutes, editing approved minutes refused',
      url: protocol(approved.meetingId),
      status: 409,
      form: { action: protocol(approved.meetingId), fields: { version: '1', action: 'utkast', keptAt: '' } },
    }),
    asAdmin({ name: 'minutes, cancelled meeting refused', url: protocol(cancelled.meetingId), status: 409 }),
    { name: 'minutes, member refused', url: protocol(draft.meetingId), status: 403, cookie: member.cookie },
    asAdmin({ name: 'approval, ready', url: `/moten/${ready.meetingId}/justera`, status: 200 }),
    asAdmin({
      name: 'approval, approved',
      url: `/moten/${approved.meetingId}/justera?klart=publicerat`,
      status: 200,
    }),
    asAdmin({
      name: 'approval, send back without comment',
      url: `/moten/${ready.meetingId}/justera`,
      status: 422,
      form: { action: `/moten/${ready.meetingId}/justera/tillbaka`, fields: { reason: '' } },
    }),
    asAdmin({ name: 'approval, draft refused', url: `/moten/${draft.meetingId}/justera`, status: 403 }),
    asAdmin({
      name: 'approval, approving without being an adjuster',
      url: `/moten/${draft.meetingId}/justera`,
      status: 403,
      form: { action: `/moten/${draft.meetingId}/justera`, fields: {} },
    }),
    {
      name: 'approval, not an adjuster',
      url: `/moten/${ready.meetingId}/justera`,
      status: 403,
      cookie: member.cookie,
    },
    asAdmin({
      name: 'correction, form with earlier ones',
      url: `/moten/${approved.meetingId}/rattelse`,
      status: 200,
    }),
    asAdmin({
      name: 'correction, without reason',
      url: `/moten/${approved.meetingId}/rattelse`,
      status: 422,
      form: {
        action: `/moten/${approved.meetingId}/rattelse`,
        fields: {
          itemId: String(approved.items.budget),
          notes: '',
          decision: 'Nytt',
          reason: '',
          version: '1',
        },
      },
    }),
    asAdmin({ name: 'correction, draft refused', url: `/moten/${draft.meetingId}/rattelse`, status: 409 }),
    asAdmin({ name: 'action, new', url: `/arenden/${approved.items.budget}/uppdrag/nytt`, status: 200 }),
    asAdmin({
      name: 'action, new with messages',
      url: `/arenden/${approved.items.budget}/uppdrag/nytt`,
      status: 422,
      form: {
        action: `/arenden/${approved.items.budget}/uppdrag/nytt`,
        fields: {
          title: '',
          description: '',
          ownerPersonId: '',
          ownerOrganisationId: '',
          dueOn: 'i morgon',
          visibility: 'internal',
          internalReason: '',
        },
      },
    }),
    asAdmin({ name: 'action, page', url: `/uppdrag/${action}?klart=sparat`, status: 200 }),
    asAdmin({
      name: 'action, struck without a note',
      url: `/uppdrag/${action}`,
      status: 422,
      form: { action: `/uppdrag/${action}/status`, fields: { status: 'struck', note: '', version: '1' } },
    }),
    asAdmin({ name: 'overdue actions', url: '/uppdrag/forsenade', status: 200 }),
    asAdmin({
      name: 'overdue actions, one group',
      url: `/uppdrag/forsenade?grupp=${earlier.groupId}`,
      status: 200,
    }),
    {
      name: 'overdue actions, member refused',
      url: '/uppdrag/forsenade',
      status: 403,
      cookie: member.cookie,
    },
  ];
}
