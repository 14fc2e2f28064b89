import { and, asc, eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample } from '../../../tests/fuzz-forms.ts';
import { sessionCookieFor, signedInPerson } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { buildTestApp, createTestApp, formPost, OWN_ORIGIN, textOf } from '../../../tests/test-app.ts';
import { people, personIdentities } from '../accounts/accounts.table.ts';
import {
  activities,
  activityFocusAreas,
  activityGoals,
  activityOrganisations,
} from '../activities/activities.table.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { briefOutcomes } from './brief-responses.service.ts';
import {
  type BriefKind,
  type BriefResponseStatus,
  briefFocusAreas,
  briefGoals,
  briefResponseStatuses,
  briefResponses,
  briefs,
} from './needs.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
type Person = { personId: number; cookie: string };
let researcher: Person;
let student: Person;
let outsider: Person;
let insider: Person;
let editor: Person;
let otherEditor: Person;
let coordinator: Person;
let placementCoordinator: Person;
const ids = { own: 0, other: 0, sh: 0, ki: 0, school: 0, focusArea: 0, goal: 0 };

const db = () => subject.deps.db;
const as = (who: Person, fields: Record<string, string>) => formPost(fields, { cookie: who.cookie });
const get = (path: string, who?: Person) =>
  subject.request(path, who ? { headers: { cookie: who.cookie } } : {});

async function organisationId(slug: string): Promise<number> {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}

beforeAll(async () => {
  subject = await createTestApp();
  researcher = await signedInPerson(subject, { name: 'Rut Forskare', email: 'rut@sh.example' });
  student = await signedInPerson(subject, { name: 'Sam Student', email: 'sam@student.example' });
  outsider = await signedInPerson(subject, {
    name: 'Olle Utanför',
    roles: { 'gymnasie-och-arbetsmarknadsforvaltningen': 'member' },
  });
  insider = await signedInPerson(subject, {
    name: 'Ines Inne',
    email: 'ines@huddinge.example',
    roles: { 'barn-och-utbildningsforvaltningen': 'member' },
  });
  editor = await signedInPerson(subject, {
    name: 'Erik Redaktör',
    roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
  });
  otherEditor = await signedInPerson(subject, {
    name: 'Greta Annan',
    roles: { 'gymnasie-och-arbetsmarknadsforvaltningen': 'editor' },
  });
  coordinator = await signedInPerson(subject, {
    name: 'Cora Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  placementCoordinator = await signedInPerson(subject, {
    name: 'Pia Praktik',
    roles: { 'sodertorns-hogskola': 'placement_coordinator' },
  });
  ids.own = await organisationId('barn-och-utbildningsforvaltningen');
  ids.other = await organisationId('gymnasie-och-arbetsmarknadsforvaltningen');
  ids.sh = await organisationId('sodertorns-hogskola');
  ids.ki = await organisationId('karolinska-institutet');
  ids.focusArea = (await db().select().from(focusAreas).orderBy(asc(focusAreas.id)).limit(1))[0]!.id;
  ids.goal = (await db().select().from(goals).orderBy(asc(goals.id)).limit(1))[0]!.id;
});
afterAll(() => subject.cleanup());

let briefCount = 0;
/** A brief written straight to the database (the briefs' own service is tested with it), with links. */
async function brief(values: Partial<typeof briefs.$inferInsert> & { kind?: BriefKind } = {}) {
  briefCount += 1;
  const [row] = await db()
    .insert(briefs)
    .values({
      slug: `behov-${briefCount}`,
      kind: 'research_question',
      title: `Högläsning i förskolan ${briefCount}`,
      organisationId: ids.own,
      background: 'Förskolorna läser högt varje dag.',
      question: `Hur påverkar daglig högläsning barnens ordförråd (fråga ${briefCount})?`,
      intendedUse: 'Underlag för förskolornas läsplan.',
      contactName: 'Kim Kontakt',
      contactEmail: 'kim.kontakt@huddinge.example',
      publishedAt: new Date('2026-11-01T09:00:00Z'),
      ...values,
    })
    .returning();
  await db().insert(briefFocusAreas).values({ briefId: row!.id, focusAreaId: ids.focusArea });
  await db().insert(briefGoals).values({ briefId: row!.id, goalId: ids.goal });
  return row!;
}

/** An answer as a researcher fills it in. */
function answer(changes: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Rut Forskare',
    email: 'rut@sh.example',
    role: 'researcher',
    institutionId: String(ids.sh),
    otherInstitution: '',
    programme: 'Institutionen för pedagogik',
    approach: 'Vi följer tre förskolor under en termin med observationer och ordförrådstest.',
    timing: 'Vårterminen 2027',
    startsOn: '2027-01-15',
    endsOn: '2027-06-15',
    ...changes,
  };
}

/** Sends an answer; a 303 to the new answer's page gives its id. */
async function send(who: Person, slug: string, fields: Record<string, string>): Promise<number> {
  const response = await subject.request(`/behovsbanken/${slug}/svara`, as(who, fields));
  expect(response.status, textOf(await response.clone().text()).slice(0, 500)).toBe(303);
  const match = /^\/behovsbanken\/svar\/(\d+)\?klart=skickat$/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(`no answer in ${response.headers.get('location')}`);
  return Number(match[1]);
}

async function stored(id: number) {
  const [row] = await db().select().from(briefResponses).where(eq(briefResponses.id, id));
  if (!row) throw new Error(`answer ${id}`);
  return row;
}

const move = (who: Person, id: number, status: string, version: number, reason = '') =>
  subject.request(`/behovsbanken/svar/${id}/status`, as(who, { status, reason, version: String(version) }));

async function moved(who: Person, id: number, status: BriefResponseStatus, reason = '') {
  const response = await move(who, id, status, (await stored(id)).version, reason);
  expect(response.status, textOf(await response.clone().text()).slice(0, 500)).toBe(303);
  expect(response.headers.get('location')).toBe(`/behovsbanken/svar/${id}?klart=flyttat`);
}

async function mailsTo(address: string) {
  return db()
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, address))
    .orderBy(asc(mailOutbox.createdAt));
}

describe('answering a brief', () => {
  it('sends signed-out people to sign in first', async () => {
    const { slug } = await brief();
    const response = await get(`/behovsbanken/${slug}/svara`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/logga-in?nasta=%2Fbehovsbanken%2F${slug}%2Fsvara`);
    const post = await subject.request(`/behovsbanken/${slug}/svara`, formPost(answer()));
    expect(post.status).toBe(401);
  });

  it('opens the form with the person’s name and address, and the brief’s question', async () => {
    const { slug, question } = await brief();
    const response = await get(`/behovsbanken/${slug}/svara`, researcher);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('value="Rut Forskare"');
    expect(html).toContain('value="rut@sh.example"');
    const text = textOf(html);
    expect(text).toContain('Beskeden om ditt svar skickas till ditt kontos adress, rut@sh.example.');
    expect(text).toContain(question);
    expect(text).toContain('Forskare');
    expect(text).toContain('Annat lärosäte');
  });

  it('saves an answer with its history, a receipt to the responder and a notice to the brief’s contact', async () => {
    const { id: briefId, slug, title } = await brief();
    const id = await send(
      student,
      slug,
      answer({
        name: 'Sam Student',
        email: 'sam@student.example',
        role: 'student',
        institutionId: 'annat',
        otherInstitution: 'Stockholms universitet',
        programme: 'Förskollärarprogrammet, termin 7',
        startsOn: '',
        endsOn: '',
      }),
    );
    expect(await stored(id)).toMatchObject({
      briefId,
      responderPersonId: student.personId,
      role: 'student',
      institutionId: null,
      otherInstitution: 'Stockholms universitet',
      status: 'submitted',
      version: 1,
      startsOn: null,
    });
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'brief_response'), eq(recordHistory.recordId, id)));
    expect(history).toMatchObject([{ action: 'created', version: 1, actorPersonId: student.personId }]);
    const [receipt] = await mailsTo('sam@student.example');
    expect(receipt?.subject).toBe(`Ditt svar på ”${title}” har kommit fram`);
    expect(receipt?.textBody).toContain(`/behovsbanken/svar/${id}`);
    const notices = await mailsTo('kim.kontakt@huddinge.example');
    expect(notices.at(-1)?.subject).toBe(`Nytt svar på ”${title}”`);

    const page = textOf(await (await get(`/behovsbanken/svar/${id}?klart=skickat`, student)).text());
    expect(page).toContain('Tack! Ditt svar är inskickat.');
    expect(page).toContain('Stockholms universitet');
    expect(page).toContain('Inskickad');
    expect(textOf(await (await get('/arbetsyta', student)).text())).toMatch(
      new RegExp(`Mina svar ${title} Inskickad`),
    );
  });

  it('takes one answer per person: a second is a 409 with a link to the first, the form too', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer());
    const again = await subject.request(`/behovsbanken/${slug}/svara`, as(researcher, answer()));
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(textOf(html)).toContain('Du har redan svarat på det här behovet.');
    expect(html).toContain(`href="/behovsbanken/svar/${id}"`);
    expect((await get(`/behovsbanken/${slug}/svara`, researcher)).status).toBe(409);
    expect(
      await db()
        .select()
        .from(briefResponses)
        .where(eq(briefResponses.responderPersonId, researcher.personId)),
    ).toHaveLength(1);
  });

  it('takes one of two answers sent at the same moment', async () => {
    const { slug } = await brief();
    const fresh = await signedInPerson(subject, { name: 'Dubbel Klick' });
    const statuses = await Promise.all(
      [1, 2, 3].map(
        async () => (await subject.request(`/behovsbanken/${slug}/svara`, as(fresh, answer()))).status,
      ),
    );
    expect(statuses.sort()).toEqual([303, 409, 409]);
  });

  const refusals = [
    {
      name: 'closed',
      values: { closedAt: new Date('2026-11-20T09:00:00Z') },
      status: 409,
      says: 'Behovet är stängt',
    },
    {
      name: 'past its deadline',
      values: { deadline: '2026-11-26' },
      status: 409,
      says: 'Sista dag att svara var 26 november 2026',
    },
    {
      name: 'deleted',
      values: { deletedAt: new Date('2026-11-20T09:00:00Z') },
      status: 409,
      says: 'Behovet har tagits bort',
    },
    { name: 'unpublished', values: { publishedAt: null }, status: 409, says: 'inte publicerat' },
    {
      name: 'published later',
      values: { publishedAt: new Date('2026-12-01T09:00:00Z') },
      status: 409,
      says: 'inte publicerat',
    },
    {
      name: 'internal, to an outsider',
      values: { visibility: 'internal' as const, internalReason: 'Arbetsmaterial' },
      status: 403,
      says: 'Behovet är internt',
    },
  ];
  it.for(refusals)(
    'refuses a brief that is $name, on the form and on sending',
    async ({ values, status, says }) => {
      const { slug } = await brief(values);
      const form = await get(`/behovsbanken/${slug}/svara`, outsider);
      expect(form.status).toBe(status);
      expect(textOf(await form.text())).toContain(says);
      const sent = await subject.request(`/behovsbanken/${slug}/svara`, as(outsider, answer()));
      expect(sent.status).toBe(status);
      // A form that does not pass its checks shows nothing of the brief either (its question, its title).
      const { question } = await brief(values);
      const bad = await subject.request(
        `/behovsbanken/behov-${briefCount}/svara`,
        as(outsider, answer({ approach: '' })),
      );
      expect(bad.status).toBe(status);
      expect(await bad.text()).not.toContain(question.slice(0, 40));
      expect(
        await db()
          .select()
          .from(briefResponses)
          .where(eq(briefResponses.responderPersonId, outsider.personId)),
      ).toHaveLength(0);
    },
  );

  it('takes answers on the deadline day, and internal briefs from inside the organisation', async () => {
    const today = await brief({ deadline: '2026-11-27' });
    expect((await get(`/behovsbanken/${today.slug}/svara`, researcher)).status).toBe(200);
    const internal = await brief({ visibility: 'internal', internalReason: 'Arbetsmaterial' });
    expect((await get(`/behovsbanken/${internal.slug}/svara`, insider)).status).toBe(200);
    expect((await get(`/behovsbanken/${internal.slug}/svara`, coordinator)).status).toBe(200);
  });

  it('answers 404 for a brief that does not exist', async () => {
    expect((await get('/behovsbanken/finns-inte/svara', researcher)).status).toBe(404);
  });

  it('puts bad input back with a message by each field, keeping what was typed', async () => {
    const { slug } = await brief();
    const response = await subject.request(
      `/behovsbanken/${slug}/svara`,
      as(
        researcher,
        answer({
          name: '',
          email: 'inte en adress',
          role: 'astronaut',
          institutionId: 'annat',
          otherInstitution: '',
          approach: '   ',
          startsOn: '2027-02-30',
          endsOn: '2027-01-01',
          timing: 'x'.repeat(201),
          programme: '<script>alert(1)</script>',
        }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Svaret kunde inte skickas');
    expect(text).toContain('Skriv en e-postadress');
    expect(text).toContain('Välj om du svarar som forskare, lärare eller student.');
    expect(text).toContain('Skriv namnet på lärosätet.');
    expect(text).toContain('Beskriv hur du skulle ta dig an det.');
    expect(text).toContain('Skriv datumet som ÅÅÅÅ-MM-DD');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="inte en adress"');
  });

  it('refuses a university that is not one, next to its field; an end before the start too', async () => {
    const { slug } = await brief();
    const response = await subject.request(
      `/behovsbanken/${slug}/svara`,
      as(
        researcher,
        answer({ institutionId: String(ids.own), startsOn: '2027-03-01', endsOn: '2027-02-01' }),
      ),
    );
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Till-datumet kan inte vara före från-datumet.');
    const tampered = await subject.request(
      `/behovsbanken/${slug}/svara`,
      as(researcher, answer({ institutionId: String(ids.own) })),
    );
    expect(tampered.status).toBe(422);
    expect(textOf(await tampered.text())).toContain('Välj lärosäte i listan');
  });

  it('refuses a field the form does not have (400), and the sign-up’s fields on an answer', async () => {
    const { slug } = await brief();
    const extra = await subject.request(
      `/behovsbanken/${slug}/svara`,
      as(researcher, { ...answer(), status: 'accepted' }),
    );
    expect(extra.status).toBe(400);
    const signUp = await subject.request(
      `/behovsbanken/${slug}/svara`,
      as(researcher, { name: 'Rut', email: 'rut@sh.example', organisationId: String(ids.own), approach: '' }),
    );
    expect(signUp.status).toBe(400);
  });
});

describe('the responder’s own data', () => {
  it('is in Mina uppgifter’s export', async () => {
    const { slug, title } = await brief();
    const person = await signedInPerson(subject, { name: 'Exportera Mig', email: 'export@example.se' });
    await send(person, slug, answer({ name: 'Exportera Mig', email: 'export@example.se' }));
    const response = await get('/mina-uppgifter/export', person);
    expect(response.status).toBe(200);
    const exported = JSON.parse(await response.text()) as { briefResponses: unknown[] };
    expect(exported.briefResponses).toMatchObject([
      { brief: title, name: 'Exportera Mig', email: 'export@example.se', status: 'submitted' },
    ]);
  });
});

describe('erasure', () => {
  it('empties the name and address in the person’s answers; the answer can still move, mailing no one', async () => {
    const { slug } = await brief();
    const person = await signedInPerson(subject, { name: 'Radera Mig', email: 'radera@example.se' });
    const id = await send(person, slug, answer({ name: 'Radera Mig', email: 'radera@example.se' }));
    const erased = await subject.request('/mina-uppgifter/radera', as(person, { bekrafta: 'ja' }));
    expect(erased.status).toBe(200);
    expect(await stored(id)).toMatchObject({ name: '', email: '', status: 'submitted' });
    const before = (await mailsTo('radera@example.se')).length;
    await moved(editor, id, 'in_review');
    expect(await mailsTo('')).toEqual([]);
    expect(await mailsTo('radera@example.se')).toHaveLength(before);
  });
});

describe('where the mails to the responder go', () => {
  /** A person signed in through an identity provider only: no e-mail-link identity, `people.email` from it. */
  async function oidcPerson(name: string, email: string | null): Promise<Person> {
    const [person] = await db().insert(people).values({ name, email }).returning({ id: people.id });
    await db()
      .insert(personIdentities)
      .values({ personId: person!.id, issuer: 'https://idp.example', subject: `sub-${person!.id}` });
    return {
      personId: person!.id,
      cookie: await sessionCookieFor(db(), person!.id, subject.deps.clock.now()),
    };
  }

  it('sends the receipt and each stage’s mail to the account’s proven address, never the one typed', async () => {
    const { slug, title } = await brief();
    const person = await signedInPerson(subject, { name: 'Egen Adress', email: 'egen@example.se' });
    // The contact address on the account changed since: the proven sign-in address still wins.
    await db()
      .update(people)
      .set({ email: 'kontakt-annan@example.se' })
      .where(eq(people.id, person.personId));
    const id = await send(person, slug, answer({ name: 'Egen Adress', email: 'offer@example.se' }));
    expect(await stored(id)).toMatchObject({ email: 'offer@example.se' });
    await moved(editor, id, 'in_review');
    expect((await mailsTo('egen@example.se')).map((mail) => mail.subject).sort()).toEqual(
      [`Ditt svar på ”${title}” har kommit fram`, `Ditt svar på ”${title}” bedöms nu`].sort(),
    );
    expect(await mailsTo('offer@example.se')).toEqual([]);
    expect(await mailsTo('kontakt-annan@example.se')).toEqual([]);
    // The brief's owner still sees the address typed as the contact.
    const page = textOf(await (await get(`/behovsbanken/svar/${id}`, editor)).text());
    expect(page).toContain('offer@example.se');
  });

  it('mails an OIDC account at its people.email, and names it on the form', async () => {
    const { slug, title } = await brief();
    const person = await oidcPerson('Oda Idp', 'oda@idp.example');
    const form = textOf(await (await get(`/behovsbanken/${slug}/svara`, person)).text());
    expect(form).toContain('Beskeden om ditt svar skickas till ditt kontos adress, oda@idp.example.');
    const id = await send(person, slug, answer({ name: 'Oda Idp', email: 'nagon.annan@example.se' }));
    await moved(editor, id, 'in_review');
    expect((await mailsTo('oda@idp.example')).map((mail) => mail.subject).sort()).toEqual(
      [`Ditt svar på ”${title}” har kommit fram`, `Ditt svar på ”${title}” bedöms nu`].sort(),
    );
    expect(await mailsTo('nagon.annan@example.se')).toEqual([]);
  });

  it('mails no one when the account has no address; the answer’s page and Arbetsyta show the status', async () => {
    const { slug, title } = await brief();
    const person = await oidcPerson('Utan Adress', null);
    const form = textOf(await (await get(`/behovsbanken/${slug}/svara`, person)).text());
    expect(form).toContain('Ditt konto har ingen e-postadress');
    const id = await send(person, slug, answer({ name: 'Utan Adress', email: 'skrivet@example.se' }));
    await moved(editor, id, 'in_review');
    expect(await mailsTo('skrivet@example.se')).toEqual([]);
    const subjects = await db()
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, `Ditt svar på ”${title}” bedöms nu`));
    expect(subjects).toEqual([]);
    expect(textOf(await (await get(`/behovsbanken/svar/${id}`, person)).text())).toContain('Under bedömning');
    expect(textOf(await (await get('/arbetsyta', person)).text())).toContain(title);
  });
});

describe('an answer’s page', () => {
  it('is shown to the responder and the owner side, refused to others', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer());
    const mine = await get(`/behovsbanken/svar/${id}`, researcher);
    expect(mine.status).toBe(200);
    const text = textOf(await mine.text());
    expect(text).toContain('rut@sh.example');
    expect(text).not.toContain('Nästa steg');
    expect((await get(`/behovsbanken/svar/${id}`, editor)).status).toBe(200);
    expect(textOf(await (await get(`/behovsbanken/svar/${id}`, editor)).text())).toContain('Nästa steg');
    expect((await get(`/behovsbanken/svar/${id}`, coordinator)).status).toBe(200);
    expect((await get(`/behovsbanken/svar/${id}`, otherEditor)).status).toBe(403);
    expect((await get(`/behovsbanken/svar/${id}`, outsider)).status).toBe(403);
    expect((await get(`/behovsbanken/svar/${id}`)).status).toBe(303);
    expect((await get('/behovsbanken/svar/999999', researcher)).status).toBe(404);
    expect((await get('/behovsbanken/svar/abc', researcher)).status).toBe(404);
  });
});

describe('moving an answer through its stages', () => {
  it('goes inskickad → under bedömning → antagen → genomförd, mailing the responder at each step; antagen is a public activity', async () => {
    const { id: briefId, slug, title } = await brief({ title: 'Flerspråkighet i förskolans högläsning' });
    const id = await send(researcher, slug, answer());
    await moved(editor, id, 'in_review');
    expect(await stored(id)).toMatchObject({ status: 'in_review', version: 2 });
    const reviewing = await (await get(`/behovsbanken/svar/${id}?klart=flyttat`, editor)).text();
    expect(textOf(reviewing)).toContain('Svaret är nu under bedömning.');
    // Declining is a move: its reason field is there; the note on accepting names the brief's "områden".
    expect(reviewing).toContain('name="reason"');
    expect(textOf(reviewing)).toContain('kopplad till behovets organisation, mål och områden');
    expect(textOf(reviewing)).not.toContain('fokusområden');
    expect(textOf(await (await get(`/behovsbanken/svar/${id}`, researcher)).text())).toContain(
      'Den som står bakom behovet bedömer ditt svar.',
    );
    await moved(editor, id, 'accepted');
    const owned = await (await get(`/behovsbanken/svar/${id}?klart=flyttat`, editor)).text();
    expect(textOf(owned)).toContain(
      'Svaret är antaget, och samarbetet är inlagt som en aktivitet i registret.',
    );
    expect(textOf(owned)).not.toContain('antagen.');
    // Only "Genomförd" is left: no reason field, no hint about declining, no note on accepting.
    expect(owned).not.toContain('name="reason"');
    expect(textOf(owned)).not.toContain('Krävs när svaret avböjs');
    expect(textOf(owned)).not.toContain('lägger in samarbetet');
    const responderView = textOf(await (await get(`/behovsbanken/svar/${id}`, researcher)).text());
    expect(responderView).toContain('Ditt svar är antaget, och samarbetet finns nu i registret.');
    expect(responderView).not.toContain('bedömer ditt svar');
    expect(responderView).not.toContain('dra tillbaka');
    const accepted = await stored(id);
    expect(accepted).toMatchObject({ status: 'accepted', version: 3 });
    expect(accepted.activityId).not.toBeNull();

    const [activity] = await db().select().from(activities).where(eq(activities.id, accepted.activityId!));
    expect(activity).toMatchObject({
      kind: 'research_project',
      title: 'Flerspråkighet i förskolans högläsning – Södertörns högskola',
      visibility: 'public',
      startsOn: '2027-01-15',
      endsOn: '2027-06-15',
    });
    expect(activity!.description).toContain('Hur påverkar daglig högläsning');
    expect(activity!.description).toContain('Vi följer tre förskolor');
    // The answer's "När?" in its own words goes with the description; the dates are the period.
    expect(activity!.description).toContain('När: Vårterminen 2027');
    const linked = await db()
      .select()
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, activity!.id));
    expect(linked.map((row) => row.organisationId).sort((a, b) => a - b)).toEqual(
      [ids.own, ids.sh].sort((a, b) => a - b),
    );
    expect(
      await db().select().from(activityFocusAreas).where(eq(activityFocusAreas.activityId, activity!.id)),
    ).toMatchObject([{ focusAreaId: ids.focusArea }]);
    expect(
      await db().select().from(activityGoals).where(eq(activityGoals.activityId, activity!.id)),
    ).toMatchObject([{ goalId: ids.goal }]);
    const activityHistory = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'activity'), eq(recordHistory.recordId, activity!.id)));
    expect(activityHistory).toMatchObject([
      {
        action: 'created',
        actorPersonId: editor.personId,
        note: `Från svar nr ${id} på behovet ”${title}” av Rut Forskare`,
      },
    ]);

    // Public: its page, the site search, and "Det här blev" for the brief.
    const publicPage = await get(`/aktiviteter/${activity!.slug}`);
    expect(publicPage.status).toBe(200);
    expect(textOf(await publicPage.text())).toContain('Flerspråkighet i förskolans högläsning');
    const search = await get(`/sok?q=${encodeURIComponent('flerspråkighet')}`);
    expect(textOf(await search.text())).toContain(
      'Flerspråkighet i förskolans högläsning – Södertörns högskola',
    );
    const briefPage = await get(`/behovsbanken/${slug}`);
    expect(briefPage.status).toBe(200);
    const briefHtml = await briefPage.text();
    expect(textOf(briefHtml)).toContain(
      `Det här blev Samarbeten i registret som började som svar på behovet: ${activity!.title}`,
    );
    expect(briefHtml).toContain(`href="/aktiviteter/${activity!.slug}"`);
    expect(await briefOutcomes(subject.deps, briefId)).toEqual([
      { id: activity!.id, slug: activity!.slug, title: activity!.title },
    ]);

    await moved(editor, id, 'completed');
    expect(await stored(id)).toMatchObject({ status: 'completed', version: 4, activityId: activity!.id });

    const mails = (await mailsTo('rut@sh.example')).filter((mail) => mail.subject.includes(title));
    // One clock for the whole test: the mails share a time, so they are compared as a set.
    expect(mails.map((mail) => mail.subject).sort()).toEqual(
      [
        `Ditt svar på ”${title}” har kommit fram`,
        `Ditt svar på ”${title}” bedöms nu`,
        `Ditt svar på ”${title}” är antaget`,
        `Ditt svar på ”${title}”: samarbetet är genomfört`,
      ].sort(),
    );
    const acceptedMail = mails.find((mail) => mail.subject.endsWith('är antaget'));
    expect(acceptedMail?.textBody).toContain(`/aktiviteter/${activity!.slug}`);
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'brief_response'), eq(recordHistory.recordId, id)))
      .orderBy(asc(recordHistory.version));
    expect(history.map((row) => [row.version, row.snapshot.status])).toEqual([
      [1, 'submitted'],
      [2, 'in_review'],
      [3, 'accepted'],
      [4, 'completed'],
    ]);
    expect(history[2]?.changes).toMatchObject({ status: ['Under bedömning', 'Antagen'] });

    const page = textOf(await (await get(`/behovsbanken/svar/${id}`, researcher)).text());
    expect(page).toContain('Genomförd');
    expect(page).toContain('Blev aktiviteten');
    expect(page).toContain('Samarbetet som började med ditt svar är genomfört.');
    expect(page).not.toContain('bedömer ditt svar');
    expect(textOf(await (await get(`/behovsbanken/svar/${id}?klart=flyttat`, editor)).text())).toContain(
      'Svaret är markerat som genomfört.',
    );
  });

  it('maps every kind of brief to its kind of activity, public like the brief', async () => {
    const expected: Record<BriefKind, string> = {
      research_question: 'research_project',
      thesis: 'thesis_project',
      ulf_question: 'ulf_project',
      course_project: 'course',
      guest_lecture: 'event',
      staff_development: 'course',
    };
    for (const kind of ['thesis', 'ulf_question', 'course_project', 'guest_lecture'] as const) {
      const { slug } = await brief({ kind });
      const id = await send(researcher, slug, answer());
      await moved(coordinator, id, 'in_review');
      await moved(coordinator, id, 'accepted');
      const [activity] = await db()
        .select()
        .from(activities)
        .where(eq(activities.id, (await stored(id)).activityId!));
      expect(activity?.kind, kind).toBe(expected[kind]);
    }
    const internal = await brief({ visibility: 'internal', internalReason: 'Arbetsmaterial' });
    const id = await send(
      insider,
      internal.slug,
      answer({ name: 'Ines Inne', email: 'ines@huddinge.example' }),
    );
    await moved(editor, id, 'in_review');
    await moved(editor, id, 'accepted');
    const [activity] = await db()
      .select()
      .from(activities)
      .where(eq(activities.id, (await stored(id)).activityId!));
    expect(activity).toMatchObject({ visibility: 'internal', internalReason: 'Arbetsmaterial' });
    expect((await get(`/aktiviteter/${activity!.slug}`)).status).toBe(404);
    const acceptedMail = (await mailsTo('ines@huddinge.example')).find((mail) =>
      mail.subject.endsWith('är antaget'),
    );
    expect(acceptedMail?.textBody).toContain('internt');
  });

  it('declines with a reason (required), which the responder gets in the mail', async () => {
    const { slug, title } = await brief();
    const id = await send(researcher, slug, answer());
    const without = await move(editor, id, 'declined', 1, '');
    expect(without.status).toBe(422);
    expect(textOf(await without.text())).toContain('Skriv varför svaret avböjs.');
    expect(await stored(id)).toMatchObject({ status: 'submitted', version: 1 });
    await moved(editor, id, 'declined', 'Vi har redan en studie om detta i gång.');
    expect(await stored(id)).toMatchObject({
      status: 'declined',
      reason: 'Vi har redan en studie om detta i gång.',
    });
    const mail = (await mailsTo('rut@sh.example')).find(
      (sent) => sent.subject === `Ditt svar på ”${title}” är avböjt`,
    );
    expect(mail?.textBody).toContain('Vi har redan en studie om detta i gång.');
    const declined = textOf(await (await get(`/behovsbanken/svar/${id}`, researcher)).text());
    expect(declined).toContain('Vi har redan en studie om detta i gång.');
    expect(declined).toContain('Ditt svar är avböjt.');
    expect(declined).not.toContain('bedömer ditt svar');
    expect(textOf(await (await get(`/behovsbanken/svar/${id}?klart=flyttat`, editor)).text())).toContain(
      'Svaret är avböjt. Den som svarade får ett mejl med skälet.',
    );
    const final = await move(editor, id, 'completed', (await stored(id)).version);
    expect(final.status).toBe(409);
    expect(textOf(await final.text())).toContain('Ett svar som är avböjt kan inte bli genomfört.');
  });

  const disallowed = briefResponseStatuses.flatMap((from) =>
    briefResponseStatuses
      .filter(
        (to) =>
          !(
            (from === 'submitted' && (to === 'in_review' || to === 'declined')) ||
            (from === 'in_review' && (to === 'accepted' || to === 'declined')) ||
            (from === 'accepted' && to === 'completed')
          ),
      )
      .map((to) => ({ from, to })),
  );
  it.for(disallowed)('refuses $from → $to (409), saving nothing and mailing no one', async ({ from, to }) => {
    const { slug } = await brief();
    const person = await signedInPerson(subject, {
      name: 'Flytt Testare',
      email: `flytt-${from}-${to}@example.se`,
    });
    const id = await send(person, slug, answer({ email: `flytt-${from}-${to}@example.se` }));
    await db()
      .update(briefResponses)
      .set({ status: from, reason: from === 'declined' ? 'Nej.' : null })
      .where(eq(briefResponses.id, id));
    const before = await mailsTo(`flytt-${from}-${to}@example.se`);
    const response = await move(editor, id, to, 1, 'Ett skäl.');
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain('Steget går inte att ta');
    expect(await stored(id)).toMatchObject({ status: from, version: 1, activityId: null });
    expect(await mailsTo(`flytt-${from}-${to}@example.se`)).toHaveLength(before.length);
  });

  it('lets only the owner side move: the responder, another förvaltning’s editor and a member are refused', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer());
    for (const who of [researcher, otherEditor, insider, placementCoordinator]) {
      expect((await move(who, id, 'in_review', 1)).status).toBe(403);
      // A bad form from someone without the right is refused all the same, not shown their form.
      expect((await move(who, id, '', 1)).status).toBe(403);
    }
    expect(
      (
        await subject.request(
          `/behovsbanken/svar/${id}/status`,
          formPost({ status: 'in_review', reason: '', version: '1' }),
        )
      ).status,
    ).toBe(401);
    expect(await stored(id)).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('refuses a move from a page opened on an older version (409), and bad forms', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer());
    await moved(editor, id, 'in_review');
    const stale = await move(coordinator, id, 'declined', 1, 'Gammal sida.');
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('det är nu under bedömning');
    expect(await stored(id)).toMatchObject({ status: 'in_review', version: 2 });
    expect((await move(editor, id, 'flyger', 2)).status).toBe(422);
    expect((await move(editor, id, 'accepted', 0)).status).toBe(400);
    const extra = await subject.request(
      `/behovsbanken/svar/${id}/status`,
      as(editor, { status: 'accepted', reason: '', version: '2', activityId: '1' }),
    );
    expect(extra.status).toBe(400);
  });

  it('takes one of two moves made at the same moment', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer());
    await moved(editor, id, 'in_review');
    const statuses = await Promise.all([
      move(editor, id, 'accepted', 2),
      move(coordinator, id, 'accepted', 2),
      move(coordinator, id, 'declined', 2, 'Nej tack.'),
    ]);
    expect(statuses.map((response) => response.status).sort()).toEqual([303, 409, 409]);
    const row = await stored(id);
    expect(row.version).toBe(3);
    const made = await db()
      .select()
      .from(activities)
      .where(
        eq(
          activities.title,
          (await db().select().from(briefs).where(eq(briefs.id, row.briefId)))[0]!.title +
            ' – Södertörns högskola',
        ),
      );
    expect(made).toHaveLength(row.status === 'accepted' ? 1 : 0);
  });
});

describe('an accepted answer’s "När?"', () => {
  it('goes into the activity’s description when no dates were given, and the period stays empty', async () => {
    const { slug } = await brief();
    const id = await send(researcher, slug, answer({ timing: 'Hösten 2027', startsOn: '', endsOn: '' }));
    await moved(editor, id, 'in_review');
    await moved(editor, id, 'accepted');
    const [activity] = await db()
      .select()
      .from(activities)
      .where(eq(activities.id, (await stored(id)).activityId!));
    expect(activity).toMatchObject({ startsOn: null, endsOn: null });
    expect(activity!.description).toContain('När: Hösten 2027');
  });
});

describe('who hears of a new answer', () => {
  async function emailOf(who: Person): Promise<string> {
    const [row] = await db().select({ email: people.email }).from(people).where(eq(people.id, who.personId));
    return row!.email!;
  }
  /** The notices of new answers to this brief, by address. */
  async function noticesFor(title: string): Promise<string[]> {
    const rows = await db()
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, `Nytt svar på ”${title}”`));
    return rows.map((row) => row.toAddress).sort();
  }

  it('tells the brief’s author when there is no contact address', async () => {
    const { slug, title } = await brief({ contactEmail: null, authorPersonId: editor.personId });
    await send(researcher, slug, answer());
    expect(await noticesFor(title)).toEqual([await emailOf(editor)]);
  });

  it('tells the editors of the brief’s organisation when the author no longer may review answers', async () => {
    const { slug, title } = await brief({ contactEmail: null, authorPersonId: otherEditor.personId });
    await send(researcher, slug, answer());
    const notified = await noticesFor(title);
    expect(notified).toContain(await emailOf(editor));
    expect(notified).not.toContain(await emailOf(otherEditor));
    expect(notified).not.toContain(await emailOf(coordinator));
  });

  it('tells the coordinators when no one in the brief’s organisation may review answers', async () => {
    const { slug, title } = await brief({ contactEmail: null, organisationId: ids.ki });
    await send(researcher, slug, answer());
    expect(await noticesFor(title)).toContain(await emailOf(coordinator));
  });

  it('tells the institution’s placement coordinator of a sign-up to its competence development', async () => {
    const { slug, title } = await brief({
      kind: 'staff_development',
      contactEmail: null,
      organisationId: ids.sh,
    });
    await send(insider, slug, {
      name: 'Ines Inne',
      email: 'ines@huddinge.example',
      organisationId: String(ids.own),
      approach: '',
    });
    expect(await noticesFor(title)).toContain(await emailOf(placementCoordinator));
  });

  it('tells the contact and the author both, and an address only once', async () => {
    const author = await signedInPerson(subject, {
      name: 'Anna Författare',
      email: 'anna.forfattare@huddinge.example',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    });
    const both = await brief({
      contactEmail: 'kim.kontakt@huddinge.example',
      authorPersonId: author.personId,
    });
    await send(researcher, both.slug, answer());
    expect(await noticesFor(both.title)).toEqual(
      ['anna.forfattare@huddinge.example', 'kim.kontakt@huddinge.example'].sort(),
    );
    const same = await brief({
      contactEmail: 'Anna.Forfattare@huddinge.example',
      authorPersonId: author.personId,
    });
    await send(researcher, same.slug, answer());
    expect(await noticesFor(same.title)).toHaveLength(1);
  });
});

describe('signing up to competence development', () => {
  it('takes staff sign-ups; accepted, the first is a course and the next join it', async () => {
    const course = await brief({
      kind: 'staff_development',
      title: 'Språkutvecklande arbetssätt för förskollärare',
      organisationId: ids.sh,
      question: 'En kurs på 7,5 hp om språkutvecklande arbetssätt.',
    });
    const form = await get(`/behovsbanken/${course.slug}/svara`, insider);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(textOf(html)).toContain('Anmäl dig: Språkutvecklande arbetssätt för förskollärare');
    expect(html).toMatch(new RegExp(`<option value="${ids.own}" selected="">`));
    const bad = await subject.request(
      `/behovsbanken/${course.slug}/svara`,
      as(insider, { name: '', email: 'x', organisationId: String(ids.sh), approach: '' }),
    );
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Fyll i fältet.');
    // A university is no municipal organisation: a message by the select, nothing saved.
    const university = await subject.request(
      `/behovsbanken/${course.slug}/svara`,
      as(insider, {
        name: 'Ines Inne',
        email: 'ines@huddinge.example',
        organisationId: String(ids.sh),
        approach: '',
      }),
    );
    expect(university.status).toBe(422);
    expect(textOf(await university.text())).toContain('Välj förvaltningen eller enheten där du arbetar.');
    const first = await send(insider, course.slug, {
      name: 'Ines Inne',
      email: 'ines@huddinge.example',
      organisationId: String(ids.own),
      approach: '',
    });
    const second = await send(outsider, course.slug, {
      name: 'Olle Utanför',
      email: 'olle@huddinge.example',
      organisationId: String(ids.other),
      approach: 'Jag vill lära mig mer.',
    });
    expect(await stored(first)).toMatchObject({ role: 'staff', institutionId: ids.own });

    // The institution's placement coordinator owns the course's sign-ups (canEditBrief), the coordinator too.
    await moved(placementCoordinator, first, 'in_review');
    await moved(placementCoordinator, first, 'accepted');
    await moved(coordinator, second, 'in_review');
    await moved(coordinator, second, 'accepted');
    const a = await stored(first);
    const b = await stored(second);
    expect(a.activityId).not.toBeNull();
    expect(b.activityId).toBe(a.activityId);
    const [activity] = await db().select().from(activities).where(eq(activities.id, a.activityId!));
    expect(activity).toMatchObject({
      kind: 'course',
      title: 'Språkutvecklande arbetssätt för förskollärare',
    });
    const linked = await db()
      .select()
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, activity!.id));
    expect(linked.map((row) => row.organisationId).sort((x, y) => x - y)).toEqual(
      [ids.own, ids.other, ids.sh].sort((x, y) => x - y),
    );
  });
});

describe('two sign-ups accepted at the same moment', () => {
  it('become one course', async () => {
    const course = await brief({ kind: 'staff_development', organisationId: ids.sh });
    const signUps: number[] = [];
    for (const [who, organisationId] of [
      [insider, ids.own],
      [outsider, ids.other],
    ] as const) {
      const id = await send(who, course.slug, {
        name: 'Samtidig',
        email: 'samtidig@huddinge.example',
        organisationId: String(organisationId),
        approach: '',
      });
      await moved(coordinator, id, 'in_review');
      signUps.push(id);
    }
    const statuses = await Promise.all(signUps.map((id) => move(coordinator, id, 'accepted', 2)));
    expect(statuses.map((response) => response.status)).toEqual([303, 303]);
    const [first, second] = await Promise.all(signUps.map(stored));
    expect(first!.activityId).not.toBeNull();
    expect(second!.activityId).toBe(first!.activityId);
  });
});

describe('the workspace', () => {
  it('lists "Svar att bedöma" for the owner side and "Mina svar" for the responder', async () => {
    const { slug, title } = await brief({ title: 'Rörelse på schemat i fritidshemmet' });
    const fresh = await signedInPerson(subject, { name: 'Vera Ny', email: 'vera@example.se' });
    await send(fresh, slug, answer({ name: 'Vera Ny', email: 'vera@example.se' }));
    const owner = textOf(await (await get('/arbetsyta', editor)).text());
    expect(owner).toMatch(/Svar att bedöma \(\d+\)/);
    expect(owner).toContain(`${title} Inskickad Från Vera Ny, Södertörns högskola`);
    expect(textOf(await (await get('/arbetsyta', coordinator)).text())).toContain(title);
    expect(textOf(await (await get('/arbetsyta', otherEditor)).text())).not.toContain(title);
    const mine = textOf(await (await get('/arbetsyta', fresh)).text());
    expect(mine).toContain(`Mina svar ${title} Inskickad`);
    expect(mine).not.toContain('Svar att bedöma');
  });
});

describe('the mails, through a real SMTP server', () => {
  it('delivers the receipt and each stage’s mail to the responder’s account, not the address typed', async () => {
    const smtp = await startSmtpServer();
    try {
      const mailing = buildTestApp(subject.database, {
        env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, BASE_URL: 'https://samverkan.example' },
      });
      const { slug, title } = await brief();
      const person = await signedInPerson(subject, { name: 'Mejla Mig', email: 'mejla@example.se' });
      const response = await mailing.request(
        `/behovsbanken/${slug}/svara`,
        as(person, answer({ name: 'Mejla Mig', email: 'inte-mejla@example.se' })),
      );
      expect(response.status).toBe(303);
      const id = Number(/svar\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
      const step = await mailing.request(
        `/behovsbanken/svar/${id}/status`,
        as(editor, { status: 'declined', reason: 'Tyvärr inte nu.', version: '1' }),
      );
      expect(step.status).toBe(303);
      // Only this test's mails: what the other tests queued is marked sent first.
      await db()
        .update(mailOutbox)
        .set({ sentAt: subject.deps.clock.now() })
        .where(ne(mailOutbox.toAddress, 'mejla@example.se'));
      const transport = createSmtpTransport(mailing.deps.config);
      await deliverDueMail({
        db: db(),
        transport,
        clock: subject.deps.clock,
        logger: pino({ level: 'silent' }),
      });
      transport.close();
      // Nothing to the address typed in the form: only the account's own address hears of the answer.
      expect(smtp.received.filter((mail) => mail.envelopeTo.includes('inte-mejla@example.se'))).toEqual([]);
      expect(await mailsTo('inte-mejla@example.se')).toEqual([]);
      const received = smtp.received.filter((mail) => mail.envelopeTo.includes('mejla@example.se'));
      // Queued at one clock time, so they may arrive in either order.
      const bySubject = new Map(received.map((mail) => [mail.subject, mail.text]));
      expect([...bySubject.keys()].sort()).toEqual(
        [`Ditt svar på ”${title}” har kommit fram`, `Ditt svar på ”${title}” är avböjt`].sort(),
      );
      expect(bySubject.get(`Ditt svar på ”${title}” har kommit fram`)).toContain(
        `https://samverkan.example/behovsbanken/svar/${id}`,
      );
      expect(bySubject.get(`Ditt svar på ”${title}” är avböjt`)).toContain('Tyvärr inte nu.');
    } finally {
      await smtp.close();
    }
  });
});

describe('generated bad input', () => {
  it('never breaks the answer form or the move form, and loses nothing saved', async () => {
    const { slug } = await brief();
    const fuzzer = await signedInPerson(subject, { name: 'Fuzz Testare' });
    const plausible = answer();
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(subject, `/behovsbanken/${slug}/svara`, sample, plausible, {
          cookie: fuzzer.cookie,
          origin: OWN_ORIGIN,
        });
        await expectCalmAnswer(response, [303, 400, 409, 413, 415, 422]);
      }),
      { numRuns: 40 },
    );
    const other = await brief();
    const id = await send(researcher, other.slug, answer());
    // Avböjd is final: whatever a sample says, nothing may move it.
    await db()
      .update(briefResponses)
      .set({ status: 'declined', reason: 'Nej.' })
      .where(eq(briefResponses.id, id));
    const before = await stored(id);
    const moveFields = { status: 'completed', reason: 'Ett skäl', version: '1' };
    await fc.assert(
      fc.asyncProperty(form(moveFields), async (sample) => {
        const response = await postSample(subject, `/behovsbanken/svar/${id}/status`, sample, moveFields, {
          cookie: editor.cookie,
          origin: OWN_ORIGIN,
        });
        await expectCalmAnswer(response, [400, 409, 413, 415, 422]);
      }),
      { numRuns: 30 },
    );
    expect(await stored(id)).toEqual(before);
  });
});
