import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost } from '../../../tests/test-app.ts';
import { messagesFor } from '../../web/i18n/messages.ts';
import { people } from '../accounts/accounts.table.ts';
import { groupMemberships } from '../groups/groups.table.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { meetingInvitation } from './icalendar.ts';
import { meetingForMinutes } from './meeting-fixtures.ts';
import { meetingActions, meetingAdjusters, meetingParticipants, meetings } from './meetings.table.ts';
import { insertAction } from './public-fixtures.ts';

/**
 * Defects found in review of issue 10: a disabled account's calendar feed, a secretary who left the group,
 * a former member's call mail, an action from an internal item, control characters in the minutes and
 * action forms.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
type Person = { personId: number; cookie: string };
let secretary: Person;
let member: Person;
const GROUP = 'arbetsgrupp-sodertorns-hogskola';
const PAST = new Date('2026-11-20T10:00:00+01:00');
const FUTURE = new Date('2026-12-10T10:00:00+01:00');

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  secretary = await signedInPerson(subject, { name: 'Sara Sekreterare', groups: [GROUP] });
  member = await signedInPerson(subject, { name: 'Mona Medlem', groups: [GROUP] });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const get = (path: string, who: Person) => subject.request(path, { headers: { cookie: who.cookie } });
const post = (path: string, who: Person, fields: Record<string, string>) =>
  subject.request(path, formPost(fields, { cookie: who.cookie }));

async function groupIdOfSlug() {
  const made = await meetingForMinutes(db(), { groupSlug: GROUP, startsAt: PAST, members: [] });
  return made.groupId;
}

async function leaveGroup(personId: number) {
  const groupId = await groupIdOfSlug();
  await db()
    .delete(groupMemberships)
    .where(and(eq(groupMemberships.personId, personId), eq(groupMemberships.groupId, groupId)));
}

describe('calendar feed of a disabled account', () => {
  it('stops serving the internal meetings once the account is disabled', async () => {
    const person = await signedInPerson(subject, { groups: [GROUP] });
    const html = await (await post('/konto/kalender', person, { action: 'create' })).text();
    const path = html.match(/\/kalender\/[A-Za-z0-9_-]{43}\.ics/)?.[0] ?? '';
    expect((await subject.request(path)).status).toBe(200);
    await db().update(people).set({ disabledAt: new Date() }).where(eq(people.id, person.personId));
    expect((await subject.request(path)).status).toBe(404);
  });
});

describe('a secretary who has left the group', () => {
  it('may no longer open or write the minutes of the meeting', async () => {
    const leaver = await signedInPerson(subject, { name: 'Lena Lämnat', groups: [GROUP] });
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [leaver.personId],
      secretaryPersonId: leaver.personId,
    });
    expect((await get(`/moten/${made.meetingId}/protokoll`, leaver)).status).toBe(200);
    await leaveGroup(leaver.personId);
    expect((await get(`/moten/${made.meetingId}/protokoll`, leaver)).status).toBe(403);
    expect((await get(`/moten/${made.meetingId}/arbetsyta`, leaver)).status).toBe(403);
  });
});

describe('the call to a meeting', () => {
  it('gives a person who has left the group no internal item', async () => {
    const leaver = await signedInPerson(subject, { name: 'Leo Lämnat', groups: [GROUP] });
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: FUTURE,
      members: [secretary.personId, member.personId, leaver.personId],
      secretaryPersonId: secretary.personId,
    });
    await leaveGroup(leaver.personId);
    const response = await post(`/moten/${made.meetingId}/kalla`, secretary, {});
    expect(response.status).toBe(303);
    const mails = await db().select().from(mailOutbox);
    const mailOf = async (personId: number) => {
      const [person] = await db().select({ email: people.email }).from(people).where(eq(people.id, personId));
      return mails.filter(
        (mail) =>
          mail.toAddress === person?.email && mail.textBody.includes('Gemensamma praktikplatser 2027'),
      );
    };
    const toMember = await mailOf(member.personId);
    expect(toMember.length).toBeGreaterThan(0);
    expect(toMember.some((mail) => mail.textBody.includes('Personalärende'))).toBe(true);
    const toLeaver = await mailOf(leaver.personId);
    expect(toLeaver.length).toBeGreaterThan(0);
    for (const mail of toLeaver) {
      expect(mail.textBody).not.toContain('Personalärende');
      const ics = Buffer.from(mail.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
      expect(ics).not.toContain('Personalärende');
    }
  });
});

describe('an action from an internal item', () => {
  it('is internal whatever the form said', async () => {
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId],
      secretaryPersonId: secretary.personId,
    });
    const form = await (await get(`/arenden/${made.items.secret}/uppdrag/nytt`, secretary)).text();
    expect(form).toMatch(/value="internal"[^>]*checked|checked[^>]*value="internal"/);
    const response = await post(`/arenden/${made.items.secret}/uppdrag/nytt`, secretary, {
      title: 'Utreda personalfrågan',
      description: '',
      ownerPersonId: String(secretary.personId),
      ownerOrganisationId: '',
      dueOn: '',
      visibility: 'public',
      internalReason: '',
    });
    expect(response.status).toBe(303);
    const [action] = await db()
      .select({ visibility: meetingActions.visibility, reason: meetingActions.internalReason })
      .from(meetingActions)
      .where(eq(meetingActions.agendaItemId, made.items.secret));
    expect(action).toEqual({ visibility: 'internal', reason: 'Sekretess' });
  });
});

describe('control characters in the minutes and actions', () => {
  it('are refused next to the field in Swedish (422), never a 500', async () => {
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId],
      secretaryPersonId: secretary.personId,
    });
    const minutes = await post(`/moten/${made.meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'utkast',
      [`notes-${made.items.budget}`]: 'Anteckning\u0000',
      keptAt: 'Kommun\u0000huset',
    });
    expect(minutes.status).toBe(422);
    expect(await minutes.text()).toContain('tecken som inte kan sparas');
    const action = await post(`/arenden/${made.items.budget}/uppdrag/nytt`, secretary, {
      title: 'Uppdrag\u0000',
      description: 'Beskrivning\u0000',
      ownerPersonId: String(secretary.personId),
      ownerOrganisationId: '',
      dueOn: '',
      visibility: 'public',
      internalReason: '',
    });
    expect(action.status).toBe(422);
    const actionId = await insertAction(db(), {
      groupId: made.groupId,
      meetingId: made.meetingId,
      agendaItemId: made.items.budget,
      title: 'Ett uppdrag',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const status = await post(`/uppdrag/${actionId}/status`, secretary, {
      status: 'in_progress',
      note: 'Pågår\u0000',
      version: '1',
    });
    expect(status.status).toBe(422);
  });
});

describe('the agenda of minutes sent for approval', () => {
  it('cannot be changed until an adjuster sends the minutes back', async () => {
    const adjuster = await signedInPerson(subject, { name: 'Ada Justerare', groups: [GROUP] });
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId, adjuster.personId],
      secretaryPersonId: secretary.personId,
    });
    const finished = await post(`/moten/${made.meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'justering',
      [`decision-${made.items.budget}`]: 'Arbetsgruppen beslutar att ta fram 40 platser.',
      [`adjuster-${adjuster.personId}`]: 'ja',
      keptAt: 'Kommunledningsförvaltningen',
    });
    expect(finished.status).toBe(303);
    const changed = await post(`/arenden/${made.items.budget}/andra`, secretary, {
      title: 'Gemensamma praktikplatser 2028',
      presenter: '',
      startTime: '',
      proposedDecision: '',
      agreementId: '',
      visibility: 'public',
      internalReason: '',
      version: '1',
    });
    expect(changed.status).toBe(409);
    expect((await post(`/arenden/${made.items.secret}/ta-bort`, secretary, {})).status).toBe(409);
    const added = await post(`/moten/${made.meetingId}/arenden/nytt`, secretary, {
      title: 'Ett nytt ärende',
      presenter: '',
      startTime: '',
      proposedDecision: '',
      agreementId: '',
      visibility: 'public',
      internalReason: '',
    });
    expect(added.status).toBe(409);
    const back = await post(`/moten/${made.meetingId}/justera/tillbaka`, adjuster, { reason: 'Fel år.' });
    expect(back.status).toBe(303);
    expect((await post(`/arenden/${made.items.secret}/ta-bort`, secretary, {})).status).toBe(303);
  });
});

describe('the .ics of a call to a guest whose name holds double quotes', () => {
  it('names the attendee in full when parsed back with ical.js', () => {
    const ics = meetingInvitation(
      messagesFor('sv'),
      { baseUrl: 'https://samverkan.example.se' },
      {
        meeting: {
          id: 7,
          title: 'Möte',
          startsAt: FUTURE,
          endsAt: new Date(FUTURE.getTime() + 3_600_000),
          place: 'Sal 1',
          videoUrl: null,
          status: 'planned',
          cancelledReason: null,
          sequence: 0,
          agenda: [],
          updatedAt: PAST,
        },
        organiser: { name: 'Samverkan', email: 'noreply@example.se' },
        invitee: { name: 'Anna "Nisse" Svensson', email: 'anna@example.se' },
        now: PAST,
      },
    );
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    const attendee = event?.getFirstProperty('attendee');
    expect(attendee?.getParameter('cn')).toBe("Anna 'Nisse' Svensson");
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:anna@example.se');
  });
});

describe('the guests of a meeting whose minutes are approved', () => {
  it('are part of the minutes: none is added or removed', async () => {
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId],
      secretaryPersonId: secretary.personId,
    });
    await db()
      .update(meetings)
      .set({ status: 'held', minutesStatus: 'approved', minutesApprovedAt: PAST })
      .where(eq(meetings.id, made.meetingId));
    const guests = () =>
      db()
        .select({ id: meetingParticipants.id })
        .from(meetingParticipants)
        .where(and(eq(meetingParticipants.meetingId, made.meetingId), eq(meetingParticipants.kind, 'guest')));
    const [guest] = await guests();
    const added = await post(`/moten/${made.meetingId}/gaster`, secretary, {
      name: 'Sen Gäst',
      organisationName: '',
      email: 'sen.gast@example.se',
    });
    expect(added.status).toBe(409);
    const removed = await post(`/moten/${made.meetingId}/gaster/${guest?.id}/ta-bort`, secretary, {});
    expect(removed.status).toBe(409);
    expect(await guests()).toEqual([{ id: guest?.id }]);
  });
});

describe('a meeting whose minutes are approved', () => {
  it('keeps its title, time, place and status; its visibility may still change', async () => {
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId],
      secretaryPersonId: secretary.personId,
    });
    await db()
      .update(meetings)
      .set({ status: 'held', minutesStatus: 'approved', minutesApprovedAt: PAST })
      .where(eq(meetings.id, made.meetingId));
    const form = {
      title: 'Arbetsgruppens möte',
      date: '2026-11-20',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Huddinge kommunhus, sal Stortorp',
      videoUrl: '',
      secretaryPersonId: String(secretary.personId),
      status: 'held',
      cancelledReason: '',
      visibility: 'public',
      internalReason: '',
      version: '1',
    };
    const moved = await post(`/moten/${made.meetingId}/andra`, secretary, { ...form, date: '2026-11-19' });
    expect(moved.status).toBe(409);
    const renamed = await post(`/moten/${made.meetingId}/andra`, secretary, { ...form, title: 'Annat möte' });
    expect(renamed.status).toBe(409);
    const hidden = await post(`/moten/${made.meetingId}/andra`, secretary, {
      ...form,
      visibility: 'internal',
      internalReason: 'Sekretess',
    });
    expect(hidden.status).toBe(303);
  });
});

describe('deleting a called meeting still to come', () => {
  it('cancels it in the calendars of those called (METHOD:CANCEL, a higher SEQUENCE)', async () => {
    const invitee = await signedInPerson(subject, { name: 'Ivar Inbjuden', groups: [GROUP] });
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: FUTURE,
      members: [secretary.personId, invitee.personId],
      secretaryPersonId: secretary.personId,
      title: 'Mötet som ströks',
    });
    expect((await post(`/moten/${made.meetingId}/kalla`, secretary, {})).status).toBe(303);
    const [called] = await db().select().from(meetings).where(eq(meetings.id, made.meetingId));
    const deleted = await post(`/moten/${made.meetingId}/ta-bort`, secretary, {
      version: String(called?.version),
    });
    expect(deleted.status).toBe(303);
    const [person] = await db()
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, invitee.personId));
    const mails = (await db().select().from(mailOutbox)).filter(
      (mail) => mail.toAddress === person?.email && mail.subject.includes('Mötet som ströks'),
    );
    const cancel = mails.find((mail) => mail.attachments?.[0]?.contentType.includes('method=CANCEL'));
    expect(cancel).toBeDefined();
    const ics = Buffer.from(cancel?.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(event?.getFirstPropertyValue('sequence'))).toBe((called?.calendarSequence ?? 0) + 1);
  });
});

describe('the adjusters of the minutes', () => {
  it('are chosen among the members of the group now, never one who has left', async () => {
    const stays = await signedInPerson(subject, { name: 'Stina Stannar', groups: [GROUP] });
    const leaver = await signedInPerson(subject, { name: 'Lars Lämnat', groups: [GROUP] });
    const made = await meetingForMinutes(db(), {
      groupSlug: GROUP,
      startsAt: PAST,
      members: [secretary.personId, stays.personId, leaver.personId],
      secretaryPersonId: secretary.personId,
    });
    await leaveGroup(leaver.personId);
    const form = await (await get(`/moten/${made.meetingId}/protokoll`, secretary)).text();
    expect(form).toContain(`name="adjuster-${stays.personId}"`);
    expect(form).not.toContain(`name="adjuster-${leaver.personId}"`);
    const finished = await post(`/moten/${made.meetingId}/protokoll`, secretary, {
      version: '1',
      action: 'justering',
      [`adjuster-${leaver.personId}`]: 'ja',
      keptAt: 'Kommunledningsförvaltningen',
    });
    expect(finished.status).toBe(400);
    expect(
      await db().select().from(meetingAdjusters).where(eq(meetingAdjusters.meetingId, made.meetingId)),
    ).toEqual([]);
  });
});
