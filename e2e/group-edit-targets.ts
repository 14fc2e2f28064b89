import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

type Person = { personId: number; cookie: string };

/** The working group whose pages are crawled in every state, and the council (which has a site role). */
const GROUP = 'arbetsgrupp-sodertorns-hogskola';
const COUNCIL = 'hogskoleradet';

/**
 * The group and seat pages behind sign-in (src/features/groups/group-edits.*), in each of their states:
 * the forms empty, filled, with messages by the fields and after someone else saved; the delete and remove
 * questions; a refused delete; the history with seat lines; the public pages with "Ändra"; a refusal.
 * Every form state here is refused by the rules, so crawling it changes nothing.
 */
export async function groupEditTargets(
  database: TestDatabase,
  people: { admin: Person; editor: Person; member: Person },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const seat = await pool.query<{ id: number }>(
    `select gm.id from group_members gm join groups g on g.id = gm.group_id
      where g.slug = $1 order by gm.position, gm.id limit 1`,
    [COUNCIL],
  );
  const seatId = seat.rows[0]!.id;
  await recordGroupHistory(database, people.admin.personId);
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({
    ...target,
    cookie: people.admin.cookie,
  });
  const groupForm = {
    kind: 'working_group',
    name: 'Arbetsgruppen för samverkansavtalet med Södertörns högskola',
    description: 'Arbetsgruppen gör verklighet av innehållet i avtalet.',
    agreementId: '',
    organisationId: '',
    visibility: 'public',
    internalReason: '',
    siteRole: '',
  };
  const seatForm = {
    personName: '',
    seatDescription: '',
    role: 'member',
    organisationId: '',
    fromOn: '',
    toOn: '',
    position: '',
  };
  return [
    asAdmin({ name: 'group, signed in with edit links', url: `/grupper/${GROUP}?sparat=1`, status: 200 }),
    asAdmin({ name: 'council, signed in with group edit links', url: '/hogskoleradet', status: 200 }),
    asAdmin({ name: 'group, edit', url: `/grupper/${GROUP}/andra`, status: 200 }),
    asAdmin({ name: 'group, edit after a save', url: `/grupper/${GROUP}/andra?sparat=1`, status: 200 }),
    asAdmin({
      name: 'group, edit with errors',
      url: `/grupper/${GROUP}/andra`,
      status: 422,
      form: {
        action: `/grupper/${GROUP}/andra`,
        fields: { ...groupForm, name: '', visibility: 'internal', version: '1' },
      },
    }),
    asAdmin({
      name: 'group, saved by someone else meanwhile',
      url: `/grupper/${GROUP}/andra`,
      status: 409,
      form: { action: `/grupper/${GROUP}/andra`, fields: { ...groupForm, version: '999' } },
    }),
    asAdmin({ name: 'group, new', url: '/grupper/ny', status: 200 }),
    {
      name: 'group, new as an editor',
      url: '/grupper/ny',
      status: 200,
      cookie: people.editor.cookie,
    },
    asAdmin({
      name: 'group, new with errors',
      url: '/grupper/ny',
      status: 422,
      form: { action: '/grupper/ny', fields: { ...groupForm, name: 'x'.repeat(201), kind: '' } },
    }),
    asAdmin({ name: 'group, delete', url: `/grupper/${GROUP}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'group, delete refused (it is the council)',
      url: `/grupper/${COUNCIL}/ta-bort`,
      status: 409,
      form: { action: `/grupper/${COUNCIL}/ta-bort`, fields: { version: '1' } },
    }),
    asAdmin({ name: 'group, history', url: `/grupper/${GROUP}/historik`, status: 200 }),
    asAdmin({ name: 'seat, new', url: `/grupper/${GROUP}/ledamoter/ny`, status: 200 }),
    asAdmin({
      name: 'seat, new with errors',
      url: `/grupper/${GROUP}/ledamoter/ny`,
      status: 422,
      form: {
        action: `/grupper/${GROUP}/ledamoter/ny`,
        fields: { ...seatForm, fromOn: '2026-06-01', toOn: '2026-01-31', position: 'först', version: '1' },
      },
    }),
    asAdmin({ name: 'seat, edit', url: `/grupper/${COUNCIL}/ledamoter/${seatId}/andra`, status: 200 }),
    asAdmin({
      name: 'seat, saved by someone else meanwhile',
      url: `/grupper/${COUNCIL}/ledamoter/${seatId}/andra`,
      status: 409,
      form: {
        action: `/grupper/${COUNCIL}/ledamoter/${seatId}/andra`,
        fields: { ...seatForm, personName: 'Ny Ordförande', role: 'chair', version: '999' },
      },
    }),
    asAdmin({ name: 'seat, remove', url: `/grupper/${COUNCIL}/ledamoter/${seatId}/ta-bort`, status: 200 }),
    asAdmin({
      name: 'seat, removed by someone else meanwhile',
      url: `/grupper/${COUNCIL}/ledamoter/${seatId}/ta-bort`,
      status: 409,
      form: { action: `/grupper/${COUNCIL}/ledamoter/${seatId}/ta-bort`, fields: { version: '999' } },
    }),
    {
      name: 'group edit refused to a member',
      url: `/grupper/${GROUP}/andra`,
      status: 403,
      cookie: people.member.cookie,
    },
  ];
}

/** Changes in the working group's history, one of them a seat's, so its history page has entries. */
async function recordGroupHistory(database: TestDatabase, actorPersonId: number): Promise<void> {
  await database.pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     select 'group', id, 1, 'changed', $1,
            jsonb_build_object(
              'description', jsonb_build_array('', 'Arbetsgruppen gör verklighet av innehållet i avtalet.'),
              'seat-999999', jsonb_build_array(
                '', 'Ordförande i barn- och utbildningsnämnden · Ordförande · Barn- och utbildningsförvaltningen · 2026-01-01–tills vidare · ordning 1')),
            '{}'::jsonb
       from groups where slug = $2`,
    [actorPersonId, GROUP],
  );
}
