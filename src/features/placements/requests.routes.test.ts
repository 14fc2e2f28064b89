import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, sessionCookieFor } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { startHousekeeping } from '../../housekeeping.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import {
  type PlacementRequestStatus,
  placementNeeds,
  placementOffers,
  placementRequests,
  placementStudents,
} from './placements.table.ts';

/**
 * Placement requests over HTTP against a real PostgreSQL: asking for places, every status move and every
 * move that is not allowed, the over-booking guard under 50 concurrent confirmations, needs lists and
 * their answers, the term proposal, the GDPR clean-up and the mails on both sides through a real SMTP
 * server.
 */
let subject: Awaited<ReturnType<typeof createTestApp>>;
const db = () => subject.deps.db;
const cookie = {} as Record<'pc' | 'pcKi' | 'editor' | 'otherEditor' | 'coordinator' | 'member', string>;
const person = {} as Record<keyof typeof cookie, number>;
const org = { sh: 0, ki: 0, unit: 0, otherUnit: 0 };
const EMAIL = { pc: 'praktik@sh.example.se', editor: 'rektor@alfa.example.se' };

async function idOf(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}

let _offers = 0;
async function makeOffer(over: Partial<typeof placementOffers.$inferInsert> = {}) {
  _offers += 1;
  const [row] = await db()
    .insert(placementOffers)
    .values({
      organisationId: org.unit,
      term: 'HT2027',
      kind: 'vfu_care',
      programme: 'Sjuksköterskeprogrammet',
      studyLevel: 'termin 5',
      places: 5,
      startsOn: '2027-09-06',
      endsOn: '2027-10-29',
      area: 'Flemingsberg',
      ...over,
    })
    .returning();
  return row!;
}

async function makeRequest(
  offerId: number,
  over: Partial<typeof placementRequests.$inferInsert> = {},
): Promise<number> {
  const [row] = await db()
    .insert(placementRequests)
    .values({ offerId, universityId: org.sh, requesterPersonId: person.pc, places: 1, ...over })
    .returning({ id: placementRequests.id });
  return row!.id;
}

async function requestRow(id: number) {
  const [row] = await db().select().from(placementRequests).where(eq(placementRequests.id, id));
  return row!;
}
async function offerRow(id: number) {
  const [row] = await db().select().from(placementOffers).where(eq(placementOffers.id, id));
  return row!;
}

function move(id: number, who: keyof typeof cookie, fields: Record<string, string>) {
  return subject.request(
    `/praktik/forfragningar/${id}/status`,
    formPost({ version: '1', reason: '', proposedOfferId: '', ...fields }, { cookie: cookie[who] }),
  );
}

async function mailsTo(address: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
}

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  org.sh = await idOf('sodertorns-hogskola');
  org.ki = await idOf('karolinska-institutet');
  const parent = await idOf('barn-och-utbildningsforvaltningen');
  const otherParent = await idOf('gymnasie-och-arbetsmarknadsforvaltningen');
  const [unit] = await db()
    .insert(organisations)
    .values({ slug: 'enhet-alfa', name: 'Enhet Alfa', kind: 'unit', parentId: parent })
    .returning();
  const [otherUnit] = await db()
    .insert(organisations)
    .values({ slug: 'enhet-beta', name: 'Enhet Beta', kind: 'unit', parentId: otherParent })
    .returning();
  org.unit = unit!.id;
  org.otherUnit = otherUnit!.id;
  const specs = {
    pc: { name: 'Petra Praktik', email: EMAIL.pc, roles: { 'sodertorns-hogskola': 'placement_coordinator' } },
    pcKi: { name: 'Kim Karolinska', roles: { 'karolinska-institutet': 'placement_coordinator' } },
    editor: {
      name: 'Rut Rektor',
      email: EMAIL.editor,
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    },
    otherEditor: { name: 'Gun Gymnasie', roles: { 'gymnasie-och-arbetsmarknadsforvaltningen': 'editor' } },
    coordinator: { name: 'Sam Samordnare', roles: { 'huddinge-kommun': 'coordinator' } },
    member: { name: 'Maja Medlem', roles: { 'barn-och-utbildningsforvaltningen': 'member' } },
  } as const;
  for (const [key, spec] of Object.entries(specs) as [keyof typeof cookie, (typeof specs)['pc']][]) {
    person[key] = await createPerson(db(), spec as Parameters<typeof createPerson>[1]);
    cookie[key] = await sessionCookieFor(db(), person[key], subject.deps.clock.now());
  }
});
afterAll(() => subject.cleanup());

describe('requesting places', () => {
  it('shows the form to a placement coordinator with their own institution chosen', async () => {
    const offer = await makeOffer();
    const response = await subject.request(`/praktik/platser/${offer.id}/begar`, {
      headers: { cookie: cookie.pc },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Begär platser hos Enhet Alfa');
    expect(html).toMatch(/<option value="\d+" selected="">Södertörns högskola<\/option>/);
  });

  it('chooses the coordinator’s own university, its departments indented under it, on both forms', async () => {
    const offer = await makeOffer();
    const { rows } = await subject.database.pool.query(
      `insert into organisations (slug, name, kind, parent_id)
       values ('institutionen-for-provning', 'Institutionen för provning', 'department', $1) returning id`,
      [org.sh],
    );
    try {
      for (const path of [`/praktik/platser/${offer.id}/begar`, '/praktik/behov/ny']) {
        const html = await (await subject.request(path, { headers: { cookie: cookie.pc } })).text();
        const options = [...html.matchAll(/<option value="(\d*)"( selected="")?>([^<]*)<\/option>/g)]
          .filter((match) => match[3] === 'Välj lärosäte' || [org.sh, rows[0].id].includes(Number(match[1])))
          .map((match) => [match[3], Boolean(match[2])]);
        expect(options, path).toEqual([
          ['Välj lärosäte', false],
          ['Södertörns högskola', true],
          ['\u00a0\u00a0\u00a0Institutionen för provning', false],
        ]);
      }
    } finally {
      await subject.database.pool.query('delete from organisations where id = $1', [rows[0].id]);
    }
  });

  it('sends a request: inskickad, students with their removal day, history, and a mail to the unit', async () => {
    const offer = await makeOffer();
    const response = await subject.request(
      `/praktik/platser/${offer.id}/begar`,
      formPost(
        {
          universityId: String(org.sh),
          places: '2',
          preference: '1',
          message: 'Två studenter på termin 5.',
          students: 'Anna, Sjuksköterskeprogrammet\nOla',
        },
        { cookie: cookie.pc },
      ),
    );
    expect(response.status).toBe(303);
    const id = Number(response.headers.get('location')?.match(/forfragningar\/(\d+)/)?.[1]);
    const request = await requestRow(id);
    expect(request).toMatchObject({
      status: 'submitted',
      places: 2,
      universityId: org.sh,
      requesterPersonId: person.pc,
    });
    const students = await db().select().from(placementStudents).where(eq(placementStudents.requestId, id));
    expect(students.map((s) => [s.firstName, s.programme, s.removeAfter])).toEqual([
      ['Anna', 'Sjuksköterskeprogrammet', '2027-10-30'],
      ['Ola', '', '2027-10-30'],
    ]);
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'placement_request'), eq(recordHistory.recordId, id)));
    expect(history).toHaveLength(1);
    const mails = await mailsTo(EMAIL.editor);
    expect(
      mails.some((mail) => mail.textBody.includes('Södertörns högskola begär 2 platser hos Enhet Alfa')),
    ).toBe(true);
    const page = await subject.request(`/praktik/forfragningar/${id}?klart=skickad`, {
      headers: { cookie: cookie.pc },
    });
    const text = textOf(await page.text());
    expect(text).toContain('Förfrågan är skickad');
    expect(text).toContain('Anna, Sjuksköterskeprogrammet');
  });

  it('gives bad input back with Swedish messages by the fields and keeps what was typed', async () => {
    const offer = await makeOffer();
    const response = await subject.request(
      `/praktik/platser/${offer.id}/begar`,
      formPost(
        {
          universityId: String(org.sh),
          places: 'tolv',
          preference: '0',
          message: 'Hej',
          students: 'anna@example.se, Sjuksköterskeprogrammet',
        },
        { cookie: cookie.pc },
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Skriv antalet platser som en siffra, minst 1.');
    expect(html).toContain('Skriv prioriteten som en siffra från 1 till 99.');
    expect(html).toContain('Skriv en student per rad');
    expect(html).toContain('anna@example.se, Sjuksköterskeprogrammet</textarea>');
    expect(html).toContain('value="tolv"');
  });

  it('refuses more students than places by the field, and another institution than one’s own (403)', async () => {
    const offer = await makeOffer();
    const many = await subject.request(
      `/praktik/platser/${offer.id}/begar`,
      formPost(
        { universityId: String(org.sh), places: '1', preference: '1', message: '', students: 'Anna\nOla' },
        { cookie: cookie.pc },
      ),
    );
    expect(many.status).toBe(422);
    expect(await many.text()).toContain('Du har angett fler studenter än platser.');
    const other = await subject.request(
      `/praktik/platser/${offer.id}/begar`,
      formPost(
        { universityId: String(org.ki), places: '1', preference: '1', message: '', students: '' },
        { cookie: cookie.pc },
      ),
    );
    // Not a choice the form gave them: refused outright.
    expect(other.status).toBe(403);
  });

  it('is not for editors or members, and an unknown offer is a 404', async () => {
    const offer = await makeOffer();
    for (const who of ['editor', 'member'] as const) {
      const response = await subject.request(`/praktik/platser/${offer.id}/begar`, {
        headers: { cookie: cookie[who] },
      });
      expect(response.status).toBe(403);
    }
    const missing = await subject.request('/praktik/platser/999999/begar', {
      headers: { cookie: cookie.pc },
    });
    expect(missing.status).toBe(404);
  });
});

describe('status moves', () => {
  it('goes inskickad → under behandling → bekräftad → genomförd, each with history and a mail', async () => {
    const offer = await makeOffer({ places: 3 });
    const id = await makeRequest(offer.id, { places: 2 });
    expect((await move(id, 'editor', { move: 'review', version: '1' })).status).toBe(303);
    expect((await move(id, 'editor', { move: 'confirm', version: '2' })).status).toBe(303);
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(2);
    expect((await move(id, 'editor', { move: 'complete', version: '3' })).status).toBe(303);
    expect(await requestRow(id)).toMatchObject({ status: 'completed', version: 4 });
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(2);
    const mails = await mailsTo(EMAIL.pc);
    const subjects = mails.filter((mail) => mail.textBody.includes(`nr ${id} `)).map((mail) => mail.subject);
    // The subject names the request, the unit and the term: two requests never share one.
    expect(subjects).toEqual([
      `Förfrågan nr ${id} om praktikplatser hos Enhet Alfa, höstterminen 2027: under behandling`,
      `Förfrågan nr ${id} om praktikplatser hos Enhet Alfa, höstterminen 2027: bekräftad`,
      `Förfrågan nr ${id} om praktikplatser hos Enhet Alfa, höstterminen 2027: genomförd`,
    ]);
    // The house style: "Hej!", the parts with something in them one blank line apart, the signature.
    const confirmed = mails.find((mail) => mail.subject.endsWith(': bekräftad'))!;
    expect(confirmed.textBody).toBe(
      [
        'Hej!',
        `Förfrågan nr ${id} från Södertörns högskola om 2 platser hos Enhet Alfa (Sjuksköterskeprogrammet, höstterminen 2027) är nu bekräftad.`,
        `Se förfrågan (du behöver logga in):\nhttp://localhost:3000/praktik/forfragningar/${id}`,
        'Hälsningar\nSamverkan med akademierna, Huddinge kommun',
      ].join('\n\n'),
    );
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'placement_request'), eq(recordHistory.recordId, id)));
    // The first state (no row yet: written straight to the table) and the three moves.
    expect(history.map((row) => row.version).sort()).toEqual([1, 2, 3, 4]);
    const page = textOf(
      await (
        await subject.request(`/praktik/forfragningar/${id}`, { headers: { cookie: cookie.pc } })
      ).text(),
    );
    expect(page).toContain('Under behandling → Bekräftad');
  });

  it('declines with a required reason and another offer proposed; the institution is mailed both', async () => {
    const offer = await makeOffer();
    const other = await makeOffer({ organisationId: org.otherUnit });
    const id = await makeRequest(offer.id);
    const page = await subject.request(`/praktik/forfragningar/${id}`, {
      headers: { cookie: cookie.editor },
    });
    const html = await page.text();
    expect(html).toContain('Andra erbjudanden som passar');
    expect(textOf(html)).toContain('Varför: programmet stämmer, samma nivå i utbildningen, enheten har');
    const noReason = await move(id, 'editor', { move: 'decline' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv ett skäl. Den andra parten får det i sitt mejl.');
    const declined = await move(id, 'editor', {
      move: 'decline',
      reason: 'Alla handledare är upptagna den perioden.',
      proposedOfferId: String(other.id),
    });
    expect(declined.status).toBe(303);
    expect(await requestRow(id)).toMatchObject({ status: 'declined', proposedOfferId: other.id });
    const mail = (await mailsTo(EMAIL.pc)).find(
      (m) => m.textBody.includes(`nr ${id} `) && m.subject.endsWith('avböjd'),
    );
    expect(mail?.textBody).toContain('Alla handledare är upptagna den perioden.');
    expect(mail?.textBody).toContain(
      'Enheten föreslår i stället: Enhet Beta, Sjuksköterskeprogrammet (VIL/VFU, vård och omsorg, höstterminen 2027)',
    );
  });

  it('gives the places back when the institution cancels a confirmed request, and mails the unit', async () => {
    const offer = await makeOffer({ places: 2 });
    const id = await makeRequest(offer.id, { places: 2 });
    expect((await move(id, 'editor', { move: 'confirm' })).status).toBe(303);
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(2);
    const response = await move(id, 'pc', {
      move: 'cancel',
      version: '2',
      reason: 'Studenterna gör uppehåll.',
    });
    expect(response.status).toBe(303);
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(0);
    const mail = (await mailsTo(EMAIL.editor)).find((m) => m.textBody.includes(`nr ${id} `));
    expect(mail?.subject).toBe(
      `Förfrågan nr ${id} om praktikplatser hos Enhet Alfa, höstterminen 2027: inställd`,
    );
    expect(mail?.textBody).toContain('Studenterna gör uppehåll.');
  });

  const refusals: {
    name: string;
    status: PlacementRequestStatus;
    who: keyof typeof cookie;
    fields: Record<string, string>;
    expected: number;
    text: string;
  }[] = [
    {
      name: 'confirming a cancelled request',
      status: 'cancelled',
      who: 'editor',
      fields: { move: 'confirm' },
      expected: 409,
      text: 'förfrågan är inställd',
    },
    {
      name: 'confirming a declined request',
      status: 'declined',
      who: 'editor',
      fields: { move: 'confirm' },
      expected: 409,
      text: 'förfrågan är avböjd',
    },
    {
      name: 'confirming a confirmed request again',
      status: 'confirmed',
      who: 'editor',
      fields: { move: 'confirm' },
      expected: 409,
      text: 'förfrågan är bekräftad',
    },
    {
      name: 'completing a request never confirmed',
      status: 'in_review',
      who: 'editor',
      fields: { move: 'complete' },
      expected: 409,
      text: 'förfrågan är under behandling',
    },
    {
      name: 'reviewing a request twice',
      status: 'in_review',
      who: 'editor',
      fields: { move: 'review' },
      expected: 409,
      text: 'förfrågan är under behandling',
    },
    {
      name: 'declining a completed request',
      status: 'completed',
      who: 'editor',
      fields: { move: 'decline', reason: 'Nej' },
      expected: 409,
      text: 'förfrågan är genomförd',
    },
    {
      name: 'cancelling a completed request',
      status: 'completed',
      who: 'pc',
      fields: { move: 'cancel', reason: 'Nej' },
      expected: 409,
      text: 'förfrågan är genomförd',
    },
    {
      name: 'cancelling a declined request',
      status: 'declined',
      who: 'pc',
      fields: { move: 'cancel', reason: 'Nej' },
      expected: 409,
      text: 'förfrågan är avböjd',
    },
    {
      name: 'the institution confirming its own request',
      status: 'submitted',
      who: 'pc',
      fields: { move: 'confirm' },
      expected: 403,
      text: 'behörighet',
    },
    {
      name: 'the unit cancelling the institution’s request',
      status: 'submitted',
      who: 'editor',
      fields: { move: 'cancel', reason: 'Nej' },
      expected: 403,
      text: 'behörighet',
    },
    {
      name: 'another administration’s editor confirming',
      status: 'submitted',
      who: 'otherEditor',
      fields: { move: 'confirm' },
      expected: 403,
      text: 'behörighet',
    },
    {
      name: 'another institution cancelling',
      status: 'submitted',
      who: 'pcKi',
      fields: { move: 'cancel', reason: 'Nej' },
      expected: 403,
      text: 'behörighet',
    },
    {
      name: 'a member confirming',
      status: 'submitted',
      who: 'member',
      fields: { move: 'confirm' },
      expected: 403,
      text: 'behörighet',
    },
  ];

  it.for(refusals)(
    'refuses $name ($expected) and changes nothing',
    async ({ status, who, fields, expected, text }) => {
      const offer = await makeOffer();
      const id = await makeRequest(offer.id, { status });
      const before = await offerRow(offer.id);
      const response = await move(id, who, fields);
      expect(response.status).toBe(expected);
      expect(textOf(await response.text()).toLowerCase()).toContain(text);
      expect(await requestRow(id)).toMatchObject({ status, version: 1 });
      expect((await offerRow(offer.id)).confirmedPlaces).toBe(before.confirmedPlaces);
    },
  );

  it('refuses a move from a page opened before someone else’s move (409), naming the record as it is', async () => {
    const offer = await makeOffer();
    const id = await makeRequest(offer.id);
    expect((await move(id, 'coordinator', { move: 'review' })).status).toBe(303);
    const stale = await move(id, 'editor', { move: 'decline', version: '1', reason: 'Fullt.' });
    expect(stale.status).toBe(409);
    expect((await requestRow(id)).status).toBe('in_review');
  });

  it('answers a move that is not a move with 400, and an unknown request with 404', async () => {
    const offer = await makeOffer();
    const id = await makeRequest(offer.id);
    expect((await move(id, 'editor', { move: 'steal' })).status).toBe(400);
    expect((await move(999999, 'editor', { move: 'confirm' })).status).toBe(404);
  });
});

describe('never over-booking', () => {
  it('lets exactly 5 of 50 simultaneous confirmations through on an offer with 5 places', async () => {
    const offer = await makeOffer({ places: 5 });
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(await makeRequest(offer.id, { places: 1 }));
    const responses = await Promise.all(ids.map((id) => move(id, 'editor', { move: 'confirm' })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(45);
    const refused = responses.find((response) => response.status === 409)!;
    expect(textOf(await refused.text())).toContain('Platserna är redan tagna');
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(5);
    const [confirmed] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(placementRequests)
      .where(and(eq(placementRequests.offerId, offer.id), eq(placementRequests.status, 'confirmed')));
    expect(confirmed?.n).toBe(5);
  });

  it('maps the CHECK constraint to the same refusal when the count is already at the limit', async () => {
    const offer = await makeOffer({ places: 1 });
    await db().update(placementOffers).set({ confirmedPlaces: 1 }).where(eq(placementOffers.id, offer.id));
    const id = await makeRequest(offer.id);
    const response = await move(id, 'editor', { move: 'confirm' });
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain('Platserna är redan tagna');
  });
});

describe('lists of needs', () => {
  it('an institution posts a need, a unit answers with places that are confirmed at once', async () => {
    const offer = await makeOffer({ places: 4 });
    const posted = await subject.request(
      '/praktik/behov/ny',
      formPost(
        {
          universityId: String(org.sh),
          term: 'ht2027',
          kind: 'vfu_care',
          programme: 'Sjuksköterskeprogrammet',
          studyLevel: 'termin 5',
          students: '12',
          weeks: 'v. 36–43',
          startsOn: '',
          endsOn: '',
          area: 'Flemingsberg',
          description: '',
        },
        { cookie: cookie.pc },
      ),
    );
    expect(posted.status).toBe(303);
    const needId = Number(posted.headers.get('location')?.match(/behov\/(\d+)/)?.[1]);
    const [need] = await db().select().from(placementNeeds).where(eq(placementNeeds.id, needId));
    expect(need).toMatchObject({ term: 'HT2027', students: 12 });
    const list = textOf(
      await (await subject.request('/praktik/behov', { headers: { cookie: cookie.editor } })).text(),
    );
    expect(list).toContain('12 studenter, Sjuksköterskeprogrammet, termin 5, v. 36–43');
    const page = textOf(
      await (
        await subject.request(`/praktik/behov/${needId}`, { headers: { cookie: cookie.editor } })
      ).text(),
    );
    expect(page).toContain('resväg: samma område');
    const tooMany = await subject.request(
      `/praktik/behov/${needId}/svara`,
      formPost({ offerId: String(offer.id), places: '5', message: '' }, { cookie: cookie.editor }),
    );
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('Erbjudandet har bara 4 lediga platser.');
    const answered = await subject.request(
      `/praktik/behov/${needId}/svara`,
      formPost({ offerId: String(offer.id), places: '3', message: 'Välkomna!' }, { cookie: cookie.editor }),
    );
    expect(answered.status).toBe(303);
    const id = Number(answered.headers.get('location')?.match(/forfragningar\/(\d+)/)?.[1]);
    expect(await requestRow(id)).toMatchObject({
      status: 'confirmed',
      needId,
      places: 3,
      universityId: org.sh,
    });
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(3);
    const mail = (await mailsTo(EMAIL.pc)).find(
      (m) => m.subject === 'Svar från Enhet Alfa på ert behov av praktikplatser, höstterminen 2027',
    );
    expect(mail?.textBody).toContain('Enhet Alfa har bekräftat 3 platser');
    // Another administration's editor may not answer with this unit's offer.
    const foreign = await subject.request(
      `/praktik/behov/${needId}/svara`,
      formPost({ offerId: String(offer.id), places: '1', message: '' }, { cookie: cookie.otherEditor }),
    );
    expect(foreign.status).toBe(403);
  });

  it('never lets the answers add up past the need, also when units answer at the same moment', async () => {
    const [need] = await db()
      .insert(placementNeeds)
      .values({
        universityId: org.sh,
        authorPersonId: person.pc,
        term: 'HT2027',
        kind: 'vfu_care',
        programme: 'Sjuksköterskeprogrammet',
        students: 3,
      })
      .returning();
    const offer = await makeOffer({ places: 20 });
    const answer = (places: string) =>
      subject.request(
        `/praktik/behov/${need!.id}/svara`,
        formPost({ offerId: String(offer.id), places, message: '' }, { cookie: cookie.editor }),
      );
    const statuses = await Promise.all(Array.from({ length: 10 }, () => answer('1')));
    expect(statuses.filter((response) => response.status === 303)).toHaveLength(3);
    expect(statuses.filter((response) => response.status === 422)).toHaveLength(7);
    const late = await answer('1');
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('Lärosätet behöver inte så många platser.');
    const answers = await db().select().from(placementRequests).where(eq(placementRequests.needId, need!.id));
    expect(answers.reduce((sum, row) => sum + row.places, 0)).toBe(3);
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(3);
  });

  it('the institution closes a need: Stängd on its page, left out of the list and suggestions, answers refused; reopens it', async () => {
    const [need] = await db()
      .insert(placementNeeds)
      .values({
        universityId: org.sh,
        authorPersonId: person.pc,
        term: 'HT2031',
        kind: 'vfu_care',
        programme: 'Stängningsprogrammet',
        students: 4,
      })
      .returning();
    const needId = need!.id;
    const offer = await makeOffer({ term: 'HT2031', places: 3 });
    const page = async (who: keyof typeof cookie) =>
      textOf(
        await (
          await subject.request(`/praktik/behov/${needId}`, { headers: { cookie: cookie[who] } })
        ).text(),
      );
    const list = async () =>
      textOf(await (await subject.request('/praktik/behov', { headers: { cookie: cookie.editor } })).text());
    // The offer's page suggests the needs that fit it (as links to them).
    const fits = async () =>
      (await subject.request(`/praktik/platser/${offer.id}`, { headers: { cookie: cookie.editor } })).text();
    const post = (action: 'stang' | 'oppna', who: keyof typeof cookie, version: string) =>
      subject.request(`/praktik/behov/${needId}/${action}`, formPost({ version }, { cookie: cookie[who] }));
    expect(await page('pc')).toContain('Stäng behovet');
    expect(await page('editor')).not.toContain('Stäng behovet');
    expect(await list()).toContain('Stängningsprogrammet');
    expect(await fits()).toContain(`href="/praktik/behov/${needId}"`);

    // Another institution's placement coordinator, a unit's editor and a member may not close it.
    expect((await post('stang', 'pcKi', '1')).status).toBe(403);
    expect((await post('stang', 'editor', '1')).status).toBe(403);
    expect((await post('stang', 'member', '1')).status).toBe(403);

    const closed = await post('stang', 'pc', '1');
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toBe(`/praktik/behov/${needId}?klart=stangt`);
    const [row] = await db().select().from(placementNeeds).where(eq(placementNeeds.id, needId));
    expect(row!.closedAt).not.toBeNull();
    expect(row!.version).toBe(2);
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'placement_need'), eq(recordHistory.recordId, needId)));
    expect(history.find((entry) => entry.version === 2)).toMatchObject({
      action: 'changed',
      actorPersonId: person.pc,
      changes: { status: ['Öppen', 'Stängd'] },
    });
    const closedPage = await page('editor');
    expect(closedPage).toContain('Stängd');
    expect(closedPage).not.toContain('Svara med platser');
    expect(await page('pc')).toContain('Öppna behovet igen');
    expect(await list()).not.toContain('Stängningsprogrammet');
    expect(await fits()).not.toContain(`href="/praktik/behov/${needId}"`);

    // Answering a closed need is refused, with the reason in Swedish, and nothing is taken.
    const answer = await subject.request(
      `/praktik/behov/${needId}/svara`,
      formPost({ offerId: String(offer.id), places: '1', message: '' }, { cookie: cookie.editor }),
    );
    expect(answer.status).toBe(409);
    expect(textOf(await answer.text())).toContain('Lärosätet har stängt behovet');
    expect(
      (await subject.request(`/praktik/behov/${needId}/svara`, { headers: { cookie: cookie.editor } }))
        .status,
    ).toBe(409);
    expect((await offerRow(offer.id)).confirmedPlaces).toBe(0);

    // A page opened before the close: its version is old, so 409 and nothing changes.
    const stale = await post('oppna', 'pc', '1');
    expect(stale.status).toBe(409);
    expect(
      (await db().select().from(placementNeeds).where(eq(placementNeeds.id, needId)))[0]!.closedAt,
    ).not.toBeNull();

    // The coordinator reopens it: open again, in the list.
    expect((await post('oppna', 'coordinator', '2')).status).toBe(303);
    expect(await page('editor')).toContain('Svara med platser');
    expect(await list()).toContain('Stängningsprogrammet');
  });

  it('gives a bad need back with messages by the fields', async () => {
    const response = await subject.request(
      '/praktik/behov/ny',
      formPost(
        {
          universityId: String(org.sh),
          term: 'hösten',
          kind: '',
          programme: '',
          studyLevel: '',
          students: '0',
          weeks: '',
          startsOn: '2027-10-01',
          endsOn: '2027-09-01',
          area: '',
          description: '',
        },
        { cookie: cookie.pc },
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const message of [
      'Skriv terminen som VT eller HT',
      'Välj typ av praktik i listan.',
      'Skriv antalet studenter som en siffra, minst 1.',
      'Slutdatumet kan inte vara före startdatumet.',
    ])
      expect(html).toContain(message);
    expect(html).toContain('value="hösten"');
  });
});

describe('the automatic term proposal', () => {
  it('shows the rule and the proposal, confirms exactly what was shown, and refuses a changed one', async () => {
    const term = 'VT2028';
    const small = await makeOffer({ term, places: 2 });
    const first = await makeRequest(small.id, { places: 2, preference: 1 });
    const second = await makeRequest(small.id, { places: 1, preference: 2 });
    const fromKi = await makeRequest(small.id, {
      places: 1,
      preference: 1,
      universityId: org.ki,
      requesterPersonId: person.pcKi,
    });
    const page = await subject.request(`/praktik/fordelning?termin=${term}`, {
      headers: { cookie: cookie.coordinator },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(textOf(html)).toContain('I varje varv börjar det lärosäte som hittills fått minst antal platser');
    const hash = html.match(/name="hash" value="([0-9a-f]{64})"/)?.[1];
    expect(hash).toBeDefined();
    // KI's first choice in round 1 (1 place), then SH's 2 places do not fit; SH's second (1 place) does.
    const confirm = await subject.request(
      '/praktik/fordelning',
      formPost({ term, hash: hash! }, { cookie: cookie.coordinator }),
    );
    expect(confirm.status).toBe(303);
    expect((await requestRow(fromKi)).status).toBe('confirmed');
    expect((await requestRow(first)).status).toBe('submitted');
    expect((await requestRow(second)).status).toBe('confirmed');
    expect((await offerRow(small.id)).confirmedPlaces).toBe(2);
    // The same proposal again: the data changed (two confirmed), so it is refused and nothing moves.
    const again = await subject.request(
      '/praktik/fordelning',
      formPost({ term, hash: hash! }, { cookie: cookie.coordinator }),
    );
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('Förslaget har ändrats');
  });

  it('is the coordinator’s only', async () => {
    for (const who of ['editor', 'pc'] as const) {
      const response = await subject.request('/praktik/fordelning?termin=HT2027', {
        headers: { cookie: cookie[who] },
      });
      expect(response.status).toBe(403);
    }
  });
});

describe('lists and the workspace', () => {
  it('shows each side its own requests, filtered by term and status', async () => {
    const offer = await makeOffer({ term: 'VT2029' });
    const mine = await makeRequest(offer.id);
    const kis = await makeRequest(offer.id, {
      universityId: org.ki,
      requesterPersonId: person.pcKi,
      status: 'declined',
    });
    const asPc = await (
      await subject.request('/praktik/forfragningar?termin=VT2029', { headers: { cookie: cookie.pc } })
    ).text();
    expect(asPc).toContain(`/praktik/forfragningar/${mine}"`);
    expect(asPc).not.toContain(`/praktik/forfragningar/${kis}"`);
    const asEditor = await (
      await subject.request('/praktik/forfragningar?termin=VT2029&status=declined', {
        headers: { cookie: cookie.editor },
      })
    ).text();
    expect(asEditor).toContain(`/praktik/forfragningar/${kis}"`);
    expect(asEditor).not.toContain(`/praktik/forfragningar/${mine}"`);
    const asOther = await (
      await subject.request('/praktik/forfragningar?termin=VT2029', {
        headers: { cookie: cookie.otherEditor },
      })
    ).text();
    expect(asOther).not.toContain(`/praktik/forfragningar/${mine}"`);
    const refused = await subject.request(`/praktik/forfragningar/${mine}`, {
      headers: { cookie: cookie.otherEditor },
    });
    expect(refused.status).toBe(403);
  });

  it('shows on an offer’s page its requests, "Begär platser", and for the unit what fits the offer', async () => {
    const offer = await makeOffer({ term: 'VT2030' });
    const elsewhere = await makeOffer({ term: 'VT2030', organisationId: org.otherUnit });
    const own = await makeRequest(offer.id, { places: 2 });
    const fitting = await makeRequest(elsewhere.id, { places: 1 });
    const asEditor = textOf(
      await (
        await subject.request(`/praktik/platser/${offer.id}`, { headers: { cookie: cookie.editor } })
      ).text(),
    );
    expect(asEditor).toContain(`Nr ${own}: Södertörns högskola, 2 platser`);
    expect(asEditor).toContain('Förfrågningar och behov som passar');
    expect(asEditor).toContain(
      'Förfrågan från Södertörns högskola, 1 plats · Sjuksköterskeprogrammet · 8 poäng Varför: programmet stämmer, samma nivå i utbildningen, enheten har 5 lediga platser, förvaltningen har ett avtal med lärosätet',
    );
    expect(asEditor).not.toContain('Begär platser på erbjudandet');
    const html = await (
      await subject.request(`/praktik/platser/${offer.id}`, { headers: { cookie: cookie.pc } })
    ).text();
    expect(html).toContain(`href="/praktik/platser/${offer.id}/begar"`);
    expect(html).not.toContain('Förfrågningar och behov som passar');
    expect(html).not.toContain(`/praktik/forfragningar/${fitting}"`);
  });

  it('puts a placement coordinator’s requests and needs in their own export (right of access)', async () => {
    const response = await subject.request('/mina-uppgifter/export', { headers: { cookie: cookie.pc } });
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      placementRequests: { requests: { institution: string }[]; needs: { programme: string }[] };
    };
    expect(data.placementRequests.requests.length).toBeGreaterThan(0);
    expect(data.placementRequests.requests[0]?.institution).toBe('Södertörns högskola');
    expect(data.placementRequests.needs.map((need) => need.programme)).toContain('Sjuksköterskeprogrammet');
  });

  it('gives editors "Förfrågningar att besvara", placement coordinators "Lärosätets förfrågningar", both the placement pages', async () => {
    const editor = textOf(
      await (await subject.request('/arbetsyta', { headers: { cookie: cookie.editor } })).text(),
    );
    expect(editor).toContain('Förfrågningar att besvara');
    expect(editor).not.toContain('Lärosätets förfrågningar');
    const pc = textOf(await (await subject.request('/arbetsyta', { headers: { cookie: cookie.pc } })).text());
    const pcHtml = await (await subject.request('/arbetsyta', { headers: { cookie: cookie.pc } })).text();
    expect(pc).toContain('Lärosätets förfrågningar');
    // The capacity list, the needs lists and the overview, reachable from the workspace.
    for (const href of ['/praktik/platser', '/praktik/forfragningar', '/praktik/behov', '/praktik/oversikt'])
      expect(pcHtml).toContain(`href="${href}"`);
  });
});

describe('mail through a real SMTP server', () => {
  it('mails both sides of a request that is confirmed', async () => {
    const smtp = await startSmtpServer();
    try {
      const offer = await makeOffer();
      const sent = await subject.request(
        `/praktik/platser/${offer.id}/begar`,
        formPost(
          {
            universityId: String(org.sh),
            places: '1',
            preference: '1',
            message: 'En student.',
            students: '',
          },
          { cookie: cookie.pc },
        ),
      );
      const id = Number(sent.headers.get('location')?.match(/forfragningar\/(\d+)/)?.[1]);
      expect((await move(id, 'editor', { move: 'confirm' })).status).toBe(303);
      const transport = createSmtpTransport({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'noreply@example.se',
      });
      try {
        for (
          let i = 0;
          i < 20 &&
          (
            await deliverDueMail(
              { db: db(), transport, clock: subject.deps.clock, logger: pino({ level: 'silent' }) },
              100,
            )
          ).sent > 0;
          i++
        );
      } finally {
        transport.close();
      }
      const unitSide = smtp.received.find(
        (mail) =>
          mail.envelopeTo.includes(EMAIL.editor) && mail.text.includes(`/praktik/forfragningar/${id}`),
      );
      expect(unitSide?.subject).toBe('Ny förfrågan om praktikplatser hos Enhet Alfa, höstterminen 2027');
      expect(unitSide?.text).toContain('Södertörns högskola begär 1 plats hos Enhet Alfa');
      const institutionSide = smtp.received.find(
        (mail) => mail.envelopeTo.includes(EMAIL.pc) && mail.text.includes(`nr ${id} `),
      );
      expect(institutionSide?.subject).toBe(
        `Förfrågan nr ${id} om praktikplatser hos Enhet Alfa, höstterminen 2027: bekräftad`,
      );
      expect(institutionSide?.text).toContain('är nu bekräftad');
    } finally {
      await smtp.close();
    }
  });
});

describe('the GDPR clean-up', () => {
  it('moves the students’ removal day with the offer’s end, so none outlives the placement', async () => {
    const offer = await makeOffer({ endsOn: '2027-10-29' });
    const id = await makeRequest(offer.id);
    await db()
      .insert(placementStudents)
      .values({ requestId: id, firstName: 'Anna', removeAfter: '2027-10-30' });
    const save = (fields: Record<string, string>, version: string) =>
      subject.request(
        `/praktik/platser/${offer.id}/andra`,
        formPost(
          {
            organisationId: String(org.unit),
            term: 'HT2027',
            kind: 'vfu_care',
            programme: 'Sjuksköterskeprogrammet',
            studyLevel: 'termin 5',
            places: '5',
            supervisors: '0',
            startsOn: '2027-09-06',
            endsOn: '2027-09-30',
            address: '',
            area: 'Flemingsberg',
            prerequisites: '',
            description: '',
            version,
            ...fields,
          },
          { cookie: cookie.editor },
        ),
      );
    const removal = async () =>
      (await db().select().from(placementStudents).where(eq(placementStudents.requestId, id)))[0]
        ?.removeAfter;
    expect((await save({}, '1')).status).toBe(303);
    expect(await removal()).toBe('2027-10-01');
    // Without an end of its own the term's end counts (HT: 31 January).
    expect((await save({ term: 'VT2027', startsOn: '', endsOn: '' }, '2')).status).toBe(303);
    expect(await removal()).toBe('2027-07-01');
  });

  it('deletes students once their removal day has come in Stockholm, on the housekeeping run', async () => {
    const offer = await makeOffer();
    const id = await makeRequest(offer.id);
    await db()
      .insert(placementStudents)
      .values([
        { requestId: id, firstName: 'Anna', removeAfter: '2027-10-30' },
        { requestId: id, firstName: 'Ola', removeAfter: '2027-10-31' },
      ]);
    const names = async () =>
      (await db().select().from(placementStudents).where(eq(placementStudents.requestId, id))).map(
        (s) => s.firstName,
      );
    // Summer time until 31 October 2027: Stockholm is UTC+2. The run also ends the tests' sessions (their
    // time is long past by then), so this runs last.
    let now = new Date('2027-10-29T21:59:00Z'); // 23:59 on 29 October in Stockholm
    const clock = { now: () => now };
    const logger = pino({ level: 'silent' });
    const run = async () => {
      const stop = startHousekeeping({ db: db(), clock, logger }, 10);
      await new Promise((resolve) => setTimeout(resolve, 150));
      stop();
    };
    await run();
    expect(await names()).toEqual(['Anna', 'Ola']);
    now = new Date('2027-10-29T22:00:00Z'); // 00:00 on 30 October in Stockholm
    await run();
    expect(await names()).toEqual(['Ola']);
    now = new Date('2027-10-31T00:30:00Z');
    await run();
    expect(await names()).toEqual([]);
    // The request itself stays.
    expect((await requestRow(id)).id).toBe(id);
  });
});
