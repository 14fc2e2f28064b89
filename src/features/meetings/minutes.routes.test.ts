import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { groups } from '../groups/groups.table.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { meetingForMinutes } from './meeting-fixtures.ts';
import {
  agendaItems,
  meetingAdjusters,
  meetingParticipants,
  meetings,
  minutesCorrections,
} from './meetings.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
type Person = { personId: number; cookie: string };
let secretary: Person;
let adjusterA: Person;
let adjusterB: Person;
let member: Person;
let outsider: Person;
const GROUP = 'arbetsgrupp-sodertorns-hogskola';
const OTHER_GROUP = 'arbetsgrupp-karolinska-institutet';
const PAST = new Date('2026-11-20T10:00:00+01:00');
const FUTURE = new Date('2026-12-10T10:00:00+01:00');

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  secretary = await signedInPerson(subject, { name: 'Sara Sekreterare', groups: [GROUP, OTHER_GROUP] });
  adjusterA = await signedInPerson(subject, {
    name: 'Anna Justerare',
    email: 'anna.justerare@example.se',
    groups: [GROUP, OTHER_GROUP],
  });
  adjusterB = await signedInPerson(subject, { name: 'Bengt Justerare', groups: [GROUP, OTHER_GROUP] });
  member = await signedInPerson(subject, { name: 'Mona Medlem', groups: [GROUP] });
  outsider = await signedInPerson(subject, { name: 'Olle Utanför', groups: [OTHER_GROUP] });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const get = (path: string, who?: Person) =>
  subject.request(path, who ? { headers: { cookie: who.cookie } } : undefined);
const post = (path: string, who: Person, fields: Record<string, string>) =>
  subject.request(path, formPost(fields, { cookie: who.cookie }));

async function newMeeting(
  options: { groupSlug?: string; startsAt?: Date; status?: 'planned' | 'cancelled' } = {},
) {
  return meetingForMinutes(db(), {
    groupSlug: options.groupSlug ?? GROUP,
    startsAt: options.startsAt ?? PAST,
    members: [secretary.personId, adjusterA.personId, adjusterB.personId, member.personId],
    secretaryPersonId: secretary.personId,
    ...(options.status ? { status: options.status } : {}),
  });
}

async function meetingRow(id: number) {
  const [row] = await db().select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new Error('no meeting');
  return row;
}

async function participantIdOf(meetingId: number, personId: number) {
  const [row] = await db()
    .select({ id: meetingParticipants.id })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.personId, personId)));
  return row?.id ?? 0;
}

/** Finishes the minutes of a fresh meeting with both adjusters; returns the meeting. */
async function finishedMeeting(options: { groupSlug?: string } = {}) {
  const made = await newMeeting(options);
  const response = await post(`/moten/${made.meetingId}/protokoll`, secretary, {
    version: '1',
    action: 'justering',
    [`decision-${made.items.budget}`]: 'Arbetsgruppen beslutar att ta fram 40 praktikplatser.',
    [`notes-${made.items.budget}`]: 'Diskussion om platserna.',
    [`adjuster-${adjusterA.personId}`]: 'ja',
    [`adjuster-${adjusterB.personId}`]: 'ja',
    keptAt: 'Kommunledningsförvaltningen',
  });
  expect(response.status).toBe(303);
  return made;
}

describe('writing the minutes', () => {
  it('shows the form to the secretary with the items in § order, internal ones marked, and the attendance', async () => {
    const { meetingId } = await newMeeting();
    const response = await get(`/moten/${meetingId}/protokoll`, secretary);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = textOf(await response.text());
    expect(text).toContain('§ 1 Mötets öppnande');
    expect(text.indexOf('§ 3 Gemensamma praktikplatser 2027')).toBeLessThan(
      text.indexOf('§ 4 Personalärende Internt'),
    );
    expect(text).toContain('Spara, stäng mötet och skicka för justering');
    expect(text).toContain('Gäst Gästsson');
  });

  it('refuses a member who may not edit the meeting (403)', async () => {
    const { meetingId } = await newMeeting();
    expect((await get(`/moten/${meetingId}/protokoll`, member)).status).toBe(403);
    expect((await get(`/moten/${meetingId}/protokoll`, outsider)).status).toBe(403);
    expect((await get(`/moten/${meetingId}/protokoll`)).status).toBe(303);
  });

  it('saves a draft: notes, decision and attendance, with history; the meeting stays planned', async () => {
    const { meetingId, items } = await newMeeting();
    const participant = await participantIdOf(meetingId, member.personId);
    const response = await post(`/moten/${meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'utkast',
      [`notes-${items.budget}`]: 'Vi diskuterade.',
      [`decision-${items.budget}`]: 'Att fortsätta.',
      [`attendance-${participant}`]: 'absent',
    });
    expect(response.status).toBe(303);
    const meeting = await meetingRow(meetingId);
    expect(meeting.status).toBe('planned');
    expect(meeting.minutesStatus).toBe('draft');
    expect(meeting.version).toBe(2);
    const [item] = await db().select().from(agendaItems).where(eq(agendaItems.id, items.budget));
    expect(item?.decision).toBe('Att fortsätta.');
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'agenda_item'), eq(recordHistory.recordId, items.budget)));
    expect(history).toHaveLength(1);
    expect(history[0]?.changes).toMatchObject({ Beslut: ['', 'Att fortsätta.'] });
    const [attendance] = await db()
      .select({ value: meetingParticipants.attendance })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.id, participant));
    expect(attendance?.value).toBe('absent');
    // The form was opened on version 1: a second save from it is refused, nothing lost silently.
    const stale = await post(`/moten/${meetingId}/protokoll`, secretary, { version: '1', action: 'utkast' });
    expect(stale.status).toBe(409);
  });

  it('finishes in one step: held, ready, deadline 14 days from Stockholm today, adjusters mailed with the link', async () => {
    const { meetingId } = await finishedMeeting();
    const meeting = await meetingRow(meetingId);
    expect(meeting.status).toBe('held');
    expect(meeting.minutesStatus).toBe('ready');
    expect(meeting.minutesReadyAt).not.toBeNull();
    expect(meeting.adjustmentDueOn).toBe('2026-12-11');
    const mails = await db()
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'anna.justerare@example.se'));
    const mail = mails.find((row) => row.textBody.includes(`/moten/${meetingId}/justera`));
    expect(mail?.subject).toBe('Justera protokollet: Arbetsgruppens möte');
    expect(mail?.textBody).toContain('11 december 2026');
    const adjusters = await db()
      .select()
      .from(meetingAdjusters)
      .where(eq(meetingAdjusters.meetingId, meetingId));
    expect(adjusters.map((row) => row.personId).sort()).toEqual(
      [adjusterA.personId, adjusterB.personId].sort(),
    );
    // Ready minutes are not edited: 409, in Swedish.
    const again = await post(`/moten/${meetingId}/protokoll`, secretary, { version: '2', action: 'utkast' });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('skickat för justering och kan inte ändras');
  });

  it("honours the group's own adjustment days", async () => {
    await db().update(groups).set({ adjustmentDays: 5 }).where(eq(groups.slug, OTHER_GROUP));
    const { meetingId } = await finishedMeeting({ groupSlug: OTHER_GROUP });
    expect((await meetingRow(meetingId)).adjustmentDueOn).toBe('2026-12-02');
  });

  it('needs an adjuster to finish: 422 next to the field, what was typed kept', async () => {
    const { meetingId, items } = await newMeeting();
    const response = await post(`/moten/${meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'justering',
      [`decision-${items.budget}`]: 'Ett beslut som inte får försvinna.',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="adjusters-error"');
    expect(textOf(html)).toContain('Välj minst en justerare för att skicka protokollet för justering.');
    expect(html).toContain('Ett beslut som inte får försvinna.');
    expect((await meetingRow(meetingId)).minutesStatus).toBe('draft');
  });

  it('needs the place the minutes are kept to finish: 422 next to the field, what was typed kept', async () => {
    const { meetingId, items } = await newMeeting();
    const response = await post(`/moten/${meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'justering',
      [`decision-${items.budget}`]: 'Ett beslut som inte får försvinna.',
      [`adjuster-${adjusterA.personId}`]: 'ja',
      keptAt: ' ',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="keptAt-error"');
    expect(textOf(html)).toContain('Skriv var protokollet förvaras.');
    expect(html).toContain('Ett beslut som inte får försvinna.');
    expect((await meetingRow(meetingId)).minutesStatus).toBe('draft');
  });

  it('refuses too long notes with 422 next to the field, values kept', async () => {
    const { meetingId, items } = await newMeeting();
    const response = await post(`/moten/${meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'utkast',
      [`notes-${items.budget}`]: 'x'.repeat(20_001),
      [`decision-${items.budget}`]: 'Behålls.',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`id="notes-${items.budget}-error"`);
    expect(textOf(html)).toContain('Anteckningarna får vara högst 20 000 tecken.');
    expect(html).toContain('Behålls.');
  });

  it('refuses minutes of a cancelled meeting and finishing a meeting not yet started (409)', async () => {
    const cancelled = await newMeeting({ status: 'cancelled' });
    const page = await get(`/moten/${cancelled.meetingId}/protokoll`, secretary);
    expect(page.status).toBe(409);
    expect(textOf(await page.text())).toContain('Mötet är inställt');
    const coming = await newMeeting({ startsAt: FUTURE });
    const early = await post(`/moten/${coming.meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'justering',
      [`adjuster-${adjusterA.personId}`]: 'ja',
    });
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain('Mötet har inte börjat ännu');
    // A draft of a coming meeting may be saved.
    const draft = await post(`/moten/${coming.meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'utkast',
    });
    expect(draft.status).toBe(303);
  });
});

describe('approval (justering)', () => {
  it('is only for the adjusters: anyone else gets 403', async () => {
    const { meetingId } = await finishedMeeting();
    expect((await get(`/moten/${meetingId}/justera`, member)).status).toBe(403);
    expect((await post(`/moten/${meetingId}/justera`, member, {})).status).toBe(403);
    expect((await post(`/moten/${meetingId}/justera`, secretary, {})).status).toBe(403);
    expect((await meetingRow(meetingId)).minutesStatus).toBe('ready');
  });

  it('publishes the minutes when the last adjuster approves, and not before', async () => {
    const { meetingId, items } = await finishedMeeting();
    const page = await get(`/moten/${meetingId}/justera`, adjusterA);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Arbetsgruppen beslutar att ta fram 40 praktikplatser.');
    expect(text).toContain('Justera protokollet');
    expect(text).toContain('§ 4 Personalärende Internt');
    expect(text).toContain('Inga öppna uppdrag från tidigare möten.');
    expect((await subject.request(`/beslut/${items.budget}`)).status).toBe(404);

    expect((await post(`/moten/${meetingId}/justera`, adjusterA, {})).status).toBe(303);
    expect((await meetingRow(meetingId)).minutesStatus).toBe('ready');
    expect((await subject.request(`/beslut/${items.budget}`)).status).toBe(404);
    // Approving twice is refused.
    expect((await post(`/moten/${meetingId}/justera`, adjusterA, {})).status).toBe(409);

    const last = await post(`/moten/${meetingId}/justera`, adjusterB, {});
    expect(last.status).toBe(303);
    expect(last.headers.get('location')).toBe(`/moten/${meetingId}/justera?klart=publicerat`);
    const meeting = await meetingRow(meetingId);
    expect(meeting.minutesStatus).toBe('approved');
    expect(meeting.minutesApprovedAt).not.toBeNull();
    expect(meeting.minutesKeptAt).toBe('Kommunledningsförvaltningen');
    const decision = await subject.request(`/beslut/${items.budget}`);
    expect(decision.status).toBe(200);
    expect(textOf(await decision.text())).toContain('Arbetsgruppen beslutar att ta fram 40 praktikplatser.');
  });

  it('sends the minutes back with a comment: a draft again, approvals cleared, the secretary mailed', async () => {
    const { meetingId } = await finishedMeeting();
    await post(`/moten/${meetingId}/justera`, adjusterA, {});
    const empty = await post(`/moten/${meetingId}/justera/tillbaka`, adjusterB, { reason: ' ' });
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain('Skriv vad som behöver ändras.');
    const back = await post(`/moten/${meetingId}/justera/tillbaka`, adjusterB, {
      reason: 'Paragraf 3 saknar beslut om datum.',
    });
    expect(back.status).toBe(303);
    const meeting = await meetingRow(meetingId);
    expect(meeting.minutesStatus).toBe('draft');
    expect(meeting.adjustmentDueOn).toBeNull();
    const approvals = await db()
      .select()
      .from(meetingAdjusters)
      .where(eq(meetingAdjusters.meetingId, meetingId));
    expect(approvals.every((row) => row.approvedAt === null)).toBe(true);
    const mails = await db().select().from(mailOutbox);
    expect(
      mails.some(
        (mail) =>
          mail.textBody.includes('Paragraf 3 saknar beslut om datum.') &&
          mail.textBody.includes(`/moten/${meetingId}/protokoll`),
      ),
    ).toBe(true);
    // The secretary may write again.
    expect((await get(`/moten/${meetingId}/protokoll`, secretary)).status).toBe(200);
  });

  it('shows overdue minutes to the secretary after the deadline, without approving them', async () => {
    const { meetingId } = await finishedMeeting();
    await db().update(meetings).set({ adjustmentDueOn: '2026-11-20' }).where(eq(meetings.id, meetingId));
    const text = textOf(await (await get(`/moten/${meetingId}/protokoll`, secretary)).text());
    expect(text).toContain('Justeringen är försenad: sista dag var 20 november 2026.');
    expect((await meetingRow(meetingId)).minutesStatus).toBe('ready');
  });
});

describe('approved minutes are frozen: corrections', () => {
  it('refuses a direct edit after approval and records a correction with before and after', async () => {
    const { meetingId, items } = await finishedMeeting();
    await post(`/moten/${meetingId}/justera`, adjusterA, {});
    await post(`/moten/${meetingId}/justera`, adjusterB, {});
    const version = String((await meetingRow(meetingId)).version);
    const edit = await post(`/moten/${meetingId}/protokoll`, secretary, {
      version,
      action: 'utkast',
      [`decision-${items.budget}`]: 'Ett tyst byte.',
    });
    expect(edit.status).toBe(409);
    expect(textOf(await edit.text())).toContain('Gör en rättelse i stället');
    const [unchanged] = await db().select().from(agendaItems).where(eq(agendaItems.id, items.budget));
    expect(unchanged?.decision).toBe('Arbetsgruppen beslutar att ta fram 40 praktikplatser.');

    expect((await get(`/moten/${meetingId}/rattelse?arende=${items.budget}`, secretary)).status).toBe(200);
    expect((await get(`/moten/${meetingId}/rattelse`, member)).status).toBe(403);
    const noReason = await post(`/moten/${meetingId}/rattelse`, secretary, {
      version,
      itemId: String(items.budget),
      notes: 'Diskussion om platserna.',
      decision: 'Arbetsgruppen beslutar att ta fram 45 praktikplatser.',
      reason: '',
    });
    expect(noReason.status).toBe(422);
    const noReasonHtml = await noReason.text();
    expect(textOf(noReasonHtml)).toContain('Skriv skälet till rättelsen.');
    expect(noReasonHtml).toContain('45 praktikplatser');

    const corrected = await post(`/moten/${meetingId}/rattelse`, secretary, {
      version,
      itemId: String(items.budget),
      notes: 'Diskussion om platserna.',
      decision: 'Arbetsgruppen beslutar att ta fram 45 praktikplatser.',
      reason: 'Skrivfel i antalet.',
    });
    expect(corrected.status).toBe(303);
    const [correction] = await db()
      .select()
      .from(minutesCorrections)
      .where(eq(minutesCorrections.meetingId, meetingId));
    expect(correction?.reason).toBe('Skrivfel i antalet.');
    expect(correction?.changes).toEqual({
      decision: [
        'Arbetsgruppen beslutar att ta fram 40 praktikplatser.',
        'Arbetsgruppen beslutar att ta fram 45 praktikplatser.',
      ],
    });
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'agenda_item'), eq(recordHistory.recordId, items.budget)));
    expect(history.some((entry) => entry.note === 'Rättelse: Skrivfel i antalet.')).toBe(true);
    const page = textOf(await (await get(`/moten/${meetingId}/rattelse?klart=rattelse`, secretary)).text());
    expect(page).toContain('Skrivfel i antalet.');
    const minutes = textOf(await (await get(`/moten/${meetingId}/protokoll`, secretary)).text());
    expect(minutes).toContain('Rättelser');
    expect(minutes).toMatch(
      /Beslut Arbetsgruppen beslutar att ta fram 40 praktikplatser\. Arbetsgruppen beslutar att ta fram 45 praktikplatser\./,
    );
    // Corrections are only of approved minutes.
    const draft = await newMeeting();
    expect((await get(`/moten/${draft.meetingId}/rattelse`, secretary)).status).toBe(409);
  });
});

describe('mail to the adjusters', () => {
  it('is delivered through real SMTP with the link to the approval page and the deadline', async () => {
    const smtp = await startSmtpServer();
    try {
      const { meetingId } = await finishedMeeting();
      const transport = createSmtpTransport({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'noreply@example.se',
      });
      const deps = { db: db(), transport, clock: subject.deps.clock, logger: pino({ level: 'silent' }) };
      for (let i = 0; i < 20 && (await deliverDueMail(deps, 100)).sent > 0; i++);
      const mail = smtp.received.find(
        (received) =>
          received.envelopeTo.includes('anna.justerare@example.se') &&
          received.text.includes(`/moten/${meetingId}/justera`),
      );
      expect(mail?.subject).toBe('Justera protokollet: Arbetsgruppens möte');
      expect(mail?.text).toContain(`${subject.deps.config.baseUrl}/moten/${meetingId}/justera`);
      expect(mail?.text).toContain('Justera det senast 11 december 2026');
    } finally {
      await smtp.close();
    }
  });
});
