import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { agendaItems, meetings } from './meetings.table.ts';

/**
 * The agenda (issue 10): items added, moved and removed keep their numbers § 1..n; changes are refused
 * once the minutes are approved; only those who may edit the meeting change it.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: { personId: number; cookie: string };
let member: { personId: number; cookie: string };
const GROUP = 'arbetsgrupp-sodertorns-hogskola';

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  coordinator = await signedInPerson(subject, { roles: { 'huddinge-kommun': 'coordinator' } });
  member = await signedInPerson(subject, { roles: { 'sodertorns-hogskola': 'member' }, groups: [GROUP] });
});
afterAll(async () => {
  await subject?.cleanup();
});

const db = () => subject.deps.db;
const get = (path: string, cookie: string) => subject.request(path, { headers: { cookie } });
const post = (path: string, cookie: string, fields: Record<string, string> = {}) =>
  subject.request(path, formPost(fields, { cookie }));

async function newMeeting(): Promise<number> {
  const response = await post(`/grupper/${GROUP}/moten/nytt`, coordinator.cookie, {
    title: 'Dagordningsprov',
    date: '2026-12-15',
    startTime: '09:00',
    endTime: '10:00',
    place: 'Kommunhuset',
    videoUrl: '',
    secretaryPersonId: '',
    visibility: 'public',
    internalReason: '',
  });
  expect(response.status).toBe(303);
  return Number(/\/moten\/(\d+)\//.exec(response.headers.get('location') ?? '')?.[1]);
}

const item = (title: string, overrides: Record<string, string> = {}) => ({
  title,
  presenter: '',
  startTime: '',
  proposedDecision: '',
  agreementId: '',
  visibility: 'public',
  internalReason: '',
  ...overrides,
});

async function agenda(meetingId: number) {
  return db()
    .select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.deletedAt)))
    .orderBy(agendaItems.position);
}

describe('the agenda', () => {
  it('adds items last, moves them up and down and renumbers after a removal, § 1..n', async () => {
    const id = await newMeeting();
    expect((await post(`/moten/${id}/arenden/nytt`, coordinator.cookie, item('Budget 2027'))).status).toBe(
      303,
    );
    expect(
      (await post(`/moten/${id}/arenden/nytt`, coordinator.cookie, item('Nya praktikplatser'))).status,
    ).toBe(303);
    let rows = await agenda(id);
    expect(rows.map((row) => row.title).slice(4)).toEqual(['Budget 2027', 'Nya praktikplatser']);
    const budget = rows[4]?.id as number;
    expect((await post(`/arenden/${budget}/flytta`, coordinator.cookie, { direction: 'upp' })).status).toBe(
      303,
    );
    expect((await post(`/arenden/${budget}/flytta`, coordinator.cookie, { direction: 'upp' })).status).toBe(
      303,
    );
    rows = await agenda(id);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[2]?.title).toBe('Budget 2027');
    // The first item removed: the rest are § 1..5.
    expect((await post(`/arenden/${rows[0]?.id}/ta-bort`, coordinator.cookie)).status).toBe(303);
    rows = await agenda(id);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.title).toBe('Val av justerare');
    const page = textOf(await (await get(`/moten/${id}/arbetsyta`, coordinator.cookie)).text());
    expect(page).toContain('§ 2. Budget 2027');
    expect(page).toContain('§ 5. Nya praktikplatser');
    expect(page).not.toContain('Dagordningen har inga ärenden utöver de stående.');
  });

  it('shows an internal item as internal with its reason, and asks for the reason', async () => {
    const id = await newMeeting();
    const missing = await post(
      `/moten/${id}/arenden/nytt`,
      coordinator.cookie,
      item('Personalfråga', { visibility: 'internal' }),
    );
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Skriv varför det är internt.');
    await post(
      `/moten/${id}/arenden/nytt`,
      coordinator.cookie,
      item('Personalfråga', { visibility: 'internal', internalReason: 'Sekretess' }),
    );
    const page = textOf(await (await get(`/moten/${id}/arbetsyta`, member.cookie)).text());
    expect(page).toContain('Personalfråga Internt: Sekretess');
  });

  it('is changed only by those who may edit the meeting', async () => {
    const id = await newMeeting();
    const [first] = await agenda(id);
    expect((await get(`/moten/${id}/arenden/nytt`, member.cookie)).status).toBe(403);
    expect((await post(`/arenden/${first?.id}/flytta`, member.cookie, { direction: 'ned' })).status).toBe(
      403,
    );
    expect((await post(`/arenden/${first?.id}/ta-bort`, member.cookie)).status).toBe(403);
  });

  it('refuses any change once the minutes are approved (409)', async () => {
    const id = await newMeeting();
    const [first] = await agenda(id);
    await db().update(meetings).set({ minutesStatus: 'approved' }).where(eq(meetings.id, id));
    const edit = await get(`/arenden/${first?.id}/andra`, coordinator.cookie);
    expect(edit.status).toBe(409);
    expect(textOf(await edit.text())).toContain(
      'Protokollet är justerat, så dagordningen kan inte längre ändras.',
    );
    const [row] = await db()
      .select({ version: agendaItems.version })
      .from(agendaItems)
      .where(eq(agendaItems.id, first?.id ?? 0));
    expect(
      (
        await post(`/arenden/${first?.id}/andra`, coordinator.cookie, {
          ...item('Ändrat'),
          version: String(row?.version),
        })
      ).status,
    ).toBe(409);
    expect(
      (await post(`/arenden/${first?.id}/flytta`, coordinator.cookie, { direction: 'ned' })).status,
    ).toBe(409);
    expect((await post(`/moten/${id}/arenden/nytt`, coordinator.cookie, item('Sent'))).status).toBe(409);
    expect((await agenda(id))[0]?.title).toBe('Mötets öppnande');
  });
});
