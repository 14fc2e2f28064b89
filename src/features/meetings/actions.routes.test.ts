import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { findActionsForFollowUp, findOpenActionsOfGroup } from './actions.queries.ts';
import { meetingForMinutes } from './meeting-fixtures.ts';
import { meetingActions, meetings } from './meetings.table.ts';
import { insertAction } from './public-fixtures.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
type Person = { personId: number; cookie: string };
let secretary: Person;
let member: Person;
let owner: Person;
let outsider: Person;
let coordinator: Person;
const GROUP = 'arbetsgrupp-sodertorns-hogskola';
const OTHER_GROUP = 'arbetsgrupp-karolinska-institutet';

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  secretary = await signedInPerson(subject, { name: 'Sara Sekreterare', groups: [GROUP] });
  member = await signedInPerson(subject, { name: 'Mona Medlem', groups: [GROUP] });
  owner = await signedInPerson(subject, { name: 'Åke Ansvarig', groups: [GROUP] });
  outsider = await signedInPerson(subject, { name: 'Olle Utanför', groups: [OTHER_GROUP] });
  coordinator = await signedInPerson(subject, {
    name: 'Cecilia Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const get = (path: string, who?: Person) =>
  subject.request(path, who ? { headers: { cookie: who.cookie } } : undefined);
const post = (path: string, who: Person, fields: Record<string, string>) =>
  subject.request(path, formPost(fields, { cookie: who.cookie }));

function meeting(startsAt: string, groupSlug = GROUP) {
  return meetingForMinutes(db(), {
    groupSlug,
    startsAt: new Date(startsAt),
    members: [secretary.personId, member.personId, owner.personId],
    secretaryPersonId: secretary.personId,
  });
}

async function actionRow(id: number) {
  const [row] = await db().select().from(meetingActions).where(eq(meetingActions.id, id));
  if (!row) throw new Error('no action');
  return row;
}

describe('an action from a decision', () => {
  it('is made by whoever may edit the meeting, with an owner among the members, and gets a history', async () => {
    const { items } = await meeting('2026-10-01T10:00:00+02:00');
    expect((await get(`/arenden/${items.budget}/uppdrag/nytt`, secretary)).status).toBe(200);
    expect((await get(`/arenden/${items.budget}/uppdrag/nytt`, member)).status).toBe(403);
    const response = await post(`/arenden/${items.budget}/uppdrag/nytt`, secretary, {
      title: 'Inventera praktikplatser',
      description: 'Alla förvaltningar.',
      ownerPersonId: String(owner.personId),
      ownerOrganisationId: '',
      dueOn: '2026-11-15',
      visibility: 'public',
      internalReason: '',
    });
    expect(response.status).toBe(303);
    const id = Number(response.headers.get('location')?.match(/\/uppdrag\/(\d+)/)?.[1]);
    const action = await actionRow(id);
    expect(action.ownerPersonId).toBe(owner.personId);
    expect(action.agendaItemId).toBe(items.budget);
    const page = await get(`/uppdrag/${id}`, owner);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Inventera praktikplatser');
    expect(text).toContain('Försenad');
    expect(text).toContain('Historik');
  });

  it('refuses bad input next to the field with 422, values kept', async () => {
    const { items } = await meeting('2026-10-02T10:00:00+02:00');
    const outside = await post(`/arenden/${items.budget}/uppdrag/nytt`, secretary, {
      title: 'Ett uppdrag som behålls',
      description: '',
      ownerPersonId: String(outsider.personId),
      ownerOrganisationId: '',
      dueOn: '',
      visibility: 'public',
      internalReason: '',
    });
    expect(outside.status).toBe(422);
    const html = await outside.text();
    expect(html).toContain('id="ownerPersonId-error"');
    expect(textOf(html)).toContain('Välj en person bland gruppens medlemmar.');
    expect(html).toContain('value="Ett uppdrag som behålls"');
    const noOwner = await post(`/arenden/${items.budget}/uppdrag/nytt`, secretary, {
      title: 'Utan ansvarig',
      description: '',
      ownerPersonId: '',
      ownerOrganisationId: '',
      dueOn: '31/12',
      visibility: 'internal',
      internalReason: '',
    });
    expect(noOwner.status).toBe(422);
    expect(textOf(await noOwner.text())).toContain('Skriv ett datum som 2027-03-31.');
    const [organisation] = await db().select({ id: organisations.id }).from(organisations).limit(1);
    const internal = await post(`/arenden/${items.budget}/uppdrag/nytt`, secretary, {
      title: 'Internt uppdrag',
      description: '',
      ownerPersonId: '',
      ownerOrganisationId: String(organisation?.id),
      dueOn: '',
      visibility: 'internal',
      internalReason: '',
    });
    expect(internal.status).toBe(422);
    expect(textOf(await internal.text())).toContain('Skriv varför uppdraget är internt.');
  });
});

describe('following up an action', () => {
  it('records the status and note with history; struken needs a note; a stale form is refused', async () => {
    const made = await meeting('2026-10-03T10:00:00+02:00');
    const id = await insertAction(db(), {
      groupId: made.groupId,
      meetingId: made.meetingId,
      agendaItemId: made.items.budget,
      title: 'Följ upp platserna',
      ownerPersonId: owner.personId,
      dueOn: '2026-12-31',
    });
    expect(
      (await post(`/uppdrag/${id}/status`, outsider, { status: 'in_progress', note: '', version: '1' }))
        .status,
    ).toBe(403);
    const noNote = await post(`/uppdrag/${id}/status`, owner, { status: 'struck', note: '', version: '1' });
    expect(noNote.status).toBe(422);
    const html = await noNote.text();
    expect(html).toContain('id="note-error"');
    expect(textOf(html)).toContain('Skriv varför uppdraget stryks.');
    const ok = await post(`/uppdrag/${id}/status`, owner, {
      status: 'in_progress',
      note: 'Hälften klart.',
      version: '1',
    });
    expect(ok.status).toBe(303);
    const action = await actionRow(id);
    expect(action.status).toBe('in_progress');
    expect(action.statusNote).toBe('Hälften klart.');
    expect(action.version).toBe(2);
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'meeting_action'), eq(recordHistory.recordId, id)));
    expect(history[0]?.changes).toMatchObject({ Status: ['Ej påbörjad', 'Pågår'] });
    const stale = await post(`/uppdrag/${id}/status`, member, { status: 'done', note: '', version: '1' });
    expect(stale.status).toBe(422);
    expect((await actionRow(id)).status).toBe('in_progress');
    const struck = await post(`/uppdrag/${id}/status`, member, {
      status: 'struck',
      note: 'Ersatt av nytt uppdrag.',
      version: '2',
    });
    expect(struck.status).toBe(303);
    expect((await actionRow(id)).status).toBe('struck');
  });
});

describe('overdue actions', () => {
  it('lists every group’s overdue actions for coordinators only, with days overdue and a group filter', async () => {
    const here = await meeting('2026-09-01T10:00:00+02:00');
    const there = await meeting('2026-09-02T10:00:00+02:00', OTHER_GROUP);
    await insertAction(db(), {
      groupId: here.groupId,
      meetingId: here.meetingId,
      title: 'Sen rapport',
      dueOn: '2026-11-17',
    });
    await insertAction(db(), {
      groupId: there.groupId,
      meetingId: there.meetingId,
      title: 'Annan grupps uppdrag',
      dueOn: '2026-11-26',
    });
    await insertAction(db(), {
      groupId: here.groupId,
      meetingId: here.meetingId,
      title: 'Klart uppdrag',
      dueOn: '2026-11-01',
      status: 'done',
    });
    await insertAction(db(), {
      groupId: here.groupId,
      meetingId: here.meetingId,
      title: 'Inte försenat',
      dueOn: '2026-11-27',
    });
    expect((await get('/uppdrag/forsenade', member)).status).toBe(403);
    expect((await get('/uppdrag/forsenade')).status).toBe(303);
    const response = await get('/uppdrag/forsenade', coordinator);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toMatch(/Sen rapport .*17 november 2026 10/);
    expect(text).toMatch(/Annan grupps uppdrag .*26 november 2026 1 /);
    expect(text).not.toContain('Klart uppdrag');
    expect(text).not.toContain('Inte försenat');
    const filtered = textOf(
      await (await get(`/uppdrag/forsenade?grupp=${there.groupId}`, coordinator)).text(),
    );
    expect(filtered).toContain('Annan grupps uppdrag');
    expect(filtered).not.toContain('Sen rapport');
    expect((await get('/uppdrag/forsenade?grupp=abc', coordinator)).status).toBe(400);
  });
});

describe('the follow-up item', () => {
  it("lists the group's open actions from earlier meetings, overdue first, in the next meeting's minutes form", async () => {
    const earlier = await meeting('2026-08-01T10:00:00+02:00');
    const later = await meeting('2026-11-20T10:00:00+01:00');
    await insertAction(db(), {
      groupId: earlier.groupId,
      meetingId: earlier.meetingId,
      title: 'Uppdrag utan datum',
    });
    await insertAction(db(), {
      groupId: earlier.groupId,
      meetingId: earlier.meetingId,
      title: 'Gammalt försenat',
      dueOn: '2026-08-30',
    });
    await insertAction(db(), {
      groupId: earlier.groupId,
      meetingId: earlier.meetingId,
      title: 'Struket uppdrag',
      status: 'struck',
    });
    await insertAction(db(), {
      groupId: later.groupId,
      meetingId: later.meetingId,
      title: 'Från samma möte',
    });
    const [row] = await db().select().from(meetings).where(eq(meetings.id, later.meetingId));
    const list = await findActionsForFollowUp(db(), later.groupId, row?.startsAt ?? new Date());
    const titles = list.map((action) => action.title);
    expect(titles.indexOf('Gammalt försenat')).toBeLessThan(titles.indexOf('Uppdrag utan datum'));
    expect(titles).not.toContain('Struket uppdrag');
    expect(titles).not.toContain('Från samma möte');
    const text = textOf(await (await get(`/moten/${later.meetingId}/protokoll`, secretary)).text());
    expect(text).toContain('Uppdrag att följa upp');
    expect(text).toContain('Gammalt försenat');
    // Public only: nothing from unapproved minutes.
    const open = await findOpenActionsOfGroup(db(), earlier.groupId, {
      publicOnly: true,
      today: '2026-11-27',
    });
    expect(open.map((action) => action.title)).not.toContain('Gammalt försenat');
    await db().update(meetings).set({ minutesStatus: 'approved' }).where(eq(meetings.id, earlier.meetingId));
    const after = await findOpenActionsOfGroup(db(), earlier.groupId, {
      publicOnly: true,
      today: '2026-11-27',
    });
    expect(after.find((action) => action.title === 'Gammalt försenat')?.overdue).toBe(true);
    // The group's internal page has its open actions and how many are overdue.
    const internal = textOf(await (await get(`/grupper/${GROUP}/internt`, member)).text());
    expect(internal).toMatch(/Uppdrag \d+ öppna uppdrag, varav [1-9]\d* försenade\./);
    expect(internal).toContain('Gammalt försenat');
    expect(internal).not.toContain('Struket uppdrag');
  });
});
