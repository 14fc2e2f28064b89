import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, signedInPerson } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { createTestApp, formPost, textOf, uploadPost } from '../../../tests/test-app.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { agendaItems, meetingParticipants, meetings } from './meetings.table.ts';

/**
 * A meeting in the workspace (issue 10), end to end on PostgreSQL and a real SMTP server: made with its
 * standing items, bad input refused next to the fields, who may make and change one, the call with a
 * parseable .ics, a change and a cancellation after the call as updates of the same event.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: ReturnType<typeof createSmtpTransport>;
let coordinator: { personId: number; cookie: string };
let member: { personId: number; cookie: string };
let secretary: { personId: number; cookie: string };
let outsider: { personId: number; cookie: string };
const GROUP = 'arbetsgrupp-sodertorns-hogskola';
const NEW = `/grupper/${GROUP}/moten/nytt`;

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  smtp = await startSmtpServer();
  transport = createSmtpTransport({
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    mailFrom: 'Samverkan <noreply@samverkan.test>',
  });
  coordinator = await signedInPerson(subject, {
    name: 'Cecilia Samordnare',
    email: 'cecilia@huddinge.example',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  member = await signedInPerson(subject, {
    name: 'Gunnel Gruppmedlem',
    email: 'gunnel@sh.example',
    roles: { 'sodertorns-hogskola': 'member' },
    groups: [GROUP],
  });
  secretary = await signedInPerson(subject, {
    name: 'Sara Sekreterare',
    email: 'sara@sh.example',
    roles: { 'sodertorns-hogskola': 'member' },
    groups: [GROUP],
  });
  outsider = await signedInPerson(subject, {
    name: 'Kalle Karolinska',
    roles: { 'karolinska-institutet': 'member' },
    groups: ['arbetsgrupp-karolinska-institutet'],
  });
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await subject?.cleanup();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const db = () => subject.deps.db;
const deliver = () =>
  deliverDueMail({ db: db(), transport, clock: subject.deps.clock, logger: pino({ level: 'silent' }) }, 100);
const get = (path: string, cookie?: string) => subject.request(path, cookie ? { headers: { cookie } } : {});
const post = (path: string, cookie: string, fields: Record<string, string> = {}) =>
  subject.request(path, formPost(fields, { cookie }));

const fields = (overrides: Record<string, string> = {}) => ({
  title: 'Arbetsgruppen, december',
  date: '2026-12-10',
  startTime: '10:00',
  endTime: '12:00',
  place: 'Kommunhuset, sal 3',
  videoUrl: '',
  secretaryPersonId: '',
  visibility: 'public',
  internalReason: '',
  ...overrides,
});

/** Makes a meeting as the coordinator; its id. */
async function newMeeting(overrides: Record<string, string> = {}): Promise<number> {
  const response = await post(NEW, coordinator.cookie, fields(overrides));
  expect(response.status).toBe(303);
  const match = /^\/moten\/(\d+)\/arbetsyta/.exec(response.headers.get('location') ?? '');
  if (!match?.[1]) throw new Error(`no meeting in ${response.headers.get('location')}`);
  return Number(match[1]);
}

async function meetingRow(id: number) {
  const [row] = await db().select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new Error(`meeting ${id}`);
  return row;
}

async function versionOf(id: number) {
  return String((await meetingRow(id)).version);
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const [component] = calendar.getAllSubcomponents('vevent');
  if (!component) throw new Error('no VEVENT');
  return { calendar, event: new ICAL.Event(component) };
}

describe('a new meeting', () => {
  it('is made with the four standing items and the group’s members called, and shows on its working page', async () => {
    const id = await newMeeting({ secretaryPersonId: String(secretary.personId) });
    const items = await db()
      .select({ position: agendaItems.position, title: agendaItems.title, kind: agendaItems.standingKind })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, id))
      .orderBy(agendaItems.position);
    expect(items).toEqual([
      { position: 1, title: 'Mötets öppnande', kind: 'opening' },
      { position: 2, title: 'Val av justerare', kind: 'adjuster' },
      { position: 3, title: 'Föregående protokoll', kind: 'previous_minutes' },
      { position: 4, title: 'Uppföljning av uppdrag', kind: 'action_follow_up' },
    ]);
    const called = await db()
      .select({ personId: meetingParticipants.personId })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, id));
    expect(called.map((row) => row.personId).sort()).toEqual([member.personId, secretary.personId].sort());
    const page = await get(`/moten/${id}/arbetsyta`, member.cookie);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('§ 1. Mötets öppnande');
    expect(text).toContain('Sara Sekreterare');
    expect(text).toContain('10 december 2026, 10:00–12:00');
    expect(text).not.toContain('Skicka kallelsen');
    // Those who may call see what is missing before the call.
    const own = textOf(await (await get(`/moten/${id}/arbetsyta`, secretary.cookie)).text());
    expect(own).toContain('Dagordningen har inga ärenden utöver de stående.');
    expect(own).toContain('Skicka kallelsen');
    // The group's internal page lists it.
    const internal = textOf(await (await get(`/grupper/${GROUP}/internt`, member.cookie)).text());
    expect(internal).toContain('Arbetsgruppen, december');
  });

  it('suggests a title from the group and a date', async () => {
    const response = await get(NEW, coordinator.cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(
      'value="Arbetsgruppen för samverkansavtalet med Södertörns högskola, ',
    );
  });

  it('refuses bad input with Swedish messages next to the fields, keeping what was typed', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ startTime: '14:00', endTime: '13:00' }, 'Mötet måste sluta efter att det börjar.'],
      [{ date: '2027-03-28', startTime: '02:30', endTime: '04:00' }, 'Den tiden finns inte det datumet'],
      [{ place: '', videoUrl: '' }, 'Ange en plats eller en videolänk.'],
      [{ videoUrl: 'http://video.example/rum' }, 'Skriv en adress som börjar med https://.'],
    ];
    for (const [overrides, message] of cases) {
      const response = await post(
        NEW,
        coordinator.cookie,
        fields({ title: 'Behållen rubrik', ...overrides }),
      );
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(textOf(html)).toContain(message);
      expect(html).toContain('value="Behållen rubrik"');
    }
  });

  it('may not be made by a plain member of the group', async () => {
    expect((await get(NEW, member.cookie)).status).toBe(403);
    expect((await post(NEW, member.cookie, fields())).status).toBe(403);
  });
});

describe('changing a meeting', () => {
  it('lets its secretary change it, not another member; a time or place change raises SEQUENCE', async () => {
    const id = await newMeeting({ secretaryPersonId: String(secretary.personId) });
    expect((await get(`/moten/${id}/andra`, secretary.cookie)).status).toBe(200);
    expect((await get(`/moten/${id}/andra`, member.cookie)).status).toBe(403);
    expect((await get(`/moten/${id}/arbetsyta`, outsider.cookie)).status).toBe(403);
    const retitled = await post(`/moten/${id}/andra`, secretary.cookie, {
      ...fields({ title: 'Ny rubrik', secretaryPersonId: String(secretary.personId) }),
      status: 'planned',
      cancelledReason: '',
      version: await versionOf(id),
    });
    expect(retitled.status).toBe(303);
    expect((await meetingRow(id)).calendarSequence).toBe(0);
    const moved = await post(`/moten/${id}/andra`, secretary.cookie, {
      ...fields({ title: 'Ny rubrik', place: 'Flemingsberg', secretaryPersonId: String(secretary.personId) }),
      status: 'planned',
      cancelledReason: '',
      version: await versionOf(id),
    });
    expect(moved.status).toBe(303);
    expect((await meetingRow(id)).calendarSequence).toBe(1);
  });

  it('needs a reason to cancel', async () => {
    const id = await newMeeting();
    const response = await post(`/moten/${id}/andra`, coordinator.cookie, {
      ...fields(),
      status: 'cancelled',
      cancelledReason: '',
      version: await versionOf(id),
    });
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Skriv varför mötet är inställt.');
  });
});

describe('the call', () => {
  it('mails every participant an .ics with the meeting’s URL and local time; a cancellation keeps the UID', async () => {
    const id = await newMeeting();
    const guest = await post(`/moten/${id}/gaster`, coordinator.cookie, {
      name: 'Greta Gäst',
      organisationName: 'Region Stockholm',
      email: 'greta@region.example',
    });
    expect(guest.status).toBe(303);
    await post(`/moten/${id}/arenden/nytt`, coordinator.cookie, {
      title: 'Hemligt ärende',
      presenter: '',
      startTime: '',
      proposedDecision: '',
      agreementId: '',
      visibility: 'internal',
      internalReason: 'Sekretess',
    });
    // A member who joined the group after the meeting was made is called too.
    const late = await createPerson(db(), { name: 'Lena Sen', email: 'lena@sh.example', groups: [GROUP] });
    const call = await post(`/moten/${id}/kalla`, coordinator.cookie);
    expect(call.status).toBe(303);
    expect((await meetingRow(id)).calledAt).not.toBeNull();
    await deliver();
    const toGunnel = smtp.received.find((mail) => mail.envelopeTo.includes('gunnel@sh.example'));
    const toGreta = smtp.received.find((mail) => mail.envelopeTo.includes('greta@region.example'));
    expect(smtp.received.some((mail) => mail.envelopeTo.includes('lena@sh.example'))).toBe(true);
    expect(late).toBeGreaterThan(0);
    expect(toGunnel?.subject).toBe('Kallelse: Arbetsgruppen, december');
    expect(toGunnel?.text).toContain('10 december 2026 klockan 10:00–12:00');
    expect(toGunnel?.text).toContain('Hemligt ärende');
    expect(toGreta?.text).not.toContain('Hemligt ärende');
    expect(toGreta?.text).toContain(`http://localhost:3000/moten/${id}`);
    const ics = toGunnel?.attachments.find((attachment) => attachment.filename === 'mote.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const { calendar, event } = parseIcs(ics?.text ?? '');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/moten/${id}`);
    expect(event.startDate.toString()).toBe('2026-12-10T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T09:00:00.000Z');
    const uid = event.uid;
    const sequence = event.sequence;

    smtp.received.length = 0;
    const cancel = await post(`/moten/${id}/andra`, coordinator.cookie, {
      ...fields(),
      status: 'cancelled',
      cancelledReason: 'För få kan komma',
      version: await versionOf(id),
    });
    expect(cancel.status).toBe(303);
    await deliver();
    const cancelled = smtp.received.find((mail) => mail.envelopeTo.includes('gunnel@sh.example'));
    expect(cancelled?.subject).toBe('Inställt: Arbetsgruppen, december');
    const again = parseIcs(cancelled?.attachments.find((a) => a.filename === 'mote.ics')?.text ?? '');
    expect(again.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(again.event.uid).toBe(uid);
    expect(again.event.sequence).toBeGreaterThan(sequence);
    // A cancelled meeting is not called again.
    expect((await post(`/moten/${id}/kalla`, coordinator.cookie)).status).toBe(409);
    expect((await get(`/moten/${id}/arbetsyta`, coordinator.cookie)).status).toBe(200);
  });
});

describe('calling again', () => {
  it('sends a changed call to everyone on a second press, and refuses a meeting that has begun', async () => {
    const id = await newMeeting();
    expect((await post(`/moten/${id}/kalla`, coordinator.cookie)).status).toBe(303);
    await deliver();
    smtp.received.length = 0;
    expect((await post(`/moten/${id}/kalla`, coordinator.cookie)).status).toBe(303);
    await deliver();
    expect(smtp.received.map((mail) => mail.subject)).toContain('Ändrad kallelse: Arbetsgruppen, december');
    expect(smtp.received.some((mail) => mail.subject.startsWith('Kallelse:'))).toBe(false);
    const past = await newMeeting({ date: '2026-11-20' });
    const refused = await post(`/moten/${past}/kalla`, coordinator.cookie);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Mötet har redan börjat');
  });
});

describe('a meeting’s documents', () => {
  const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';
  async function upload(id: number, title: string, visibility: 'public' | 'internal') {
    const response = await subject.request(
      `/moten/${id}/dokument/ny`,
      uploadPost(
        { field: 'fil', name: `${title}.pdf`, bytes: PDF, type: 'application/pdf' },
        { title, kind: 'other', visibility, internalReason: visibility === 'internal' ? 'Sekretess' : '' },
        { cookie: coordinator.cookie },
      ),
    );
    expect(response.status).toBe(303);
    const page = await (await get(`/moten/${id}/arbetsyta`, coordinator.cookie)).text();
    const match = new RegExp(`href="(/dokument/\\d+/${title}\\.pdf)"`).exec(page);
    if (!match?.[1]) throw new Error(`no link to ${title}`);
    return match[1];
  }

  it('shows a public document of a public meeting to everyone, an internal one only to the group (404 else)', async () => {
    const id = await newMeeting();
    const open = await upload(id, 'Underlag', 'public');
    const closed = await upload(id, 'Hemligt', 'internal');
    expect((await get(open)).status).toBe(200);
    expect((await get(closed)).status).toBe(404);
    expect((await get(closed, outsider.cookie)).status).toBe(404);
    expect((await get(closed, member.cookie)).status).toBe(200);
    // An internal meeting's public document is not everyone's either.
    const internal = await newMeeting({ visibility: 'internal', internalReason: 'Förberedande' });
    const ofInternal = await upload(internal, 'Utkast', 'public');
    expect((await get(ofInternal)).status).toBe(404);
    expect((await get(ofInternal, member.cookie)).status).toBe(200);
    // Its edit page is for those who may edit the meeting.
    const editPath = `${closed.replace(/\/[^/]+\.pdf$/, '')}/andra`;
    expect((await get(editPath, coordinator.cookie)).status).toBe(200);
    expect((await get(editPath, member.cookie)).status).toBe(403);
  });
});
