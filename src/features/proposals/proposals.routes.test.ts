import { and, desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../seeds/apply-seed.ts';
import { expectCalmAnswer, form, postSample } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, OWN_ORIGIN, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { people } from '../accounts/accounts.table.ts';
import { activities, activityOrganisations } from '../activities/activities.table.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { proposals } from './proposals.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let member: { personId: number; cookie: string };
let otherMember: { personId: number; cookie: string };
let editor: { personId: number; cookie: string };
let coordinator: { personId: number; cookie: string };
let secondCoordinator: { personId: number; cookie: string };

beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache });
  member = await signedInPerson(subject, {
    name: 'Maja Medlem',
    email: 'maja.medlem@example.se',
    roles: { 'barn-och-utbildningsforvaltningen': 'member' },
  });
  otherMember = await signedInPerson(subject, {
    name: 'Olle Annan',
    roles: { 'gymnasie-och-arbetsmarknadsforvaltningen': 'member' },
  });
  editor = await signedInPerson(subject, {
    name: 'Erik Redaktör',
    roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
  });
  coordinator = await signedInPerson(subject, {
    name: 'Cora Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  secondCoordinator = await signedInPerson(subject, {
    name: 'Sam Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (who: { cookie: string }, fields: Record<string, string>) =>
  formPost(fields, { cookie: who.cookie });
const get = (path: string, who?: { cookie: string }) =>
  subject.request(path, who ? { headers: { cookie: who.cookie } } : {});

async function organisationId(slug: string): Promise<number> {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function activityBySlug(slug: string) {
  const [row] = await db().select().from(activities).where(eq(activities.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
async function proposal(id: number) {
  const [row] = await db().select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw new Error(`proposal ${id}`);
  return row;
}
async function proposalCount() {
  return (await db().select().from(proposals)).length;
}
async function mailsTo(address: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
}

/** The form as a person fills it in a minute: what, with whom, which förvaltning, the contact. */
async function filled(changes: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    title: 'Robotprogrammering i fritidshemmet',
    description: 'Lärarstudenter och fritidspedagoger prövar programmering med yngre elever.',
    universityId: String(await organisationId('kth-flemingsberg')),
    otherUniversity: '',
    organisationId: String(await organisationId('barn-och-utbildningsforvaltningen')),
    contactName: 'Maja Medlem',
    contactEmail: 'maja.medlem@example.se',
    startsOn: '2026-09-01',
    endsOn: '2027-06-15',
    goalId: '',
    match: '',
    checked: '',
    ...changes,
  };
}

/** Sends the form; a 303 to the new proposal's page gives its id. */
async function propose(who: { cookie: string }, fields: Record<string, string>): Promise<number> {
  const response = await subject.request('/registrera', as(who, fields));
  expect(response.status, textOf(await response.clone().text()).slice(0, 400)).toBe(303);
  const match = /^\/forslag\/(\d+)\?klart=skickat$/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(`no proposal in ${response.headers.get('location')}`);
  return Number(match[1]);
}

describe('registering a collaboration', () => {
  it('opens the form with the person as the contact and their förvaltning chosen', async () => {
    const response = await get('/registrera', member);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('value="Maja Medlem"');
    expect(html).toContain('value="maja.medlem@example.se"');
    const own = await organisationId('barn-och-utbildningsforvaltningen');
    expect(html).toMatch(new RegExp(`<option value="${own}" selected="">`));
    expect(textOf(html)).toContain('Annat lärosäte');
  });

  it('sends signed-out people to sign in first', async () => {
    const response = await get('/registrera');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/logga-in?nasta=%2Fregistrera');
  });

  it('goes straight in when nothing in the register is like it; accepted, it is a public activity with history and a mail', async () => {
    const id = await propose(member, await filled({ goalId: '' }));
    const saved = await proposal(id);
    expect(saved).toMatchObject({ status: 'submitted', kind: 'new', proposerPersonId: member.personId });

    const page = textOf(await (await get(`/forslag/${id}?klart=skickat`, member)).text());
    expect(page).toContain('Tack! Förslaget är inskickat.');
    expect(page).toContain('Inskickad');
    expect(page).toContain('maja.medlem@example.se');

    // The proposer's workspace lists it; the coordinator's queue has it, with the counts.
    expect(textOf(await (await get('/arbetsyta', member)).text())).toMatch(
      /Mina förslag Robotprogrammering i fritidshemmet Inskickad/,
    );
    const queue = textOf(await (await get('/arbetsyta', coordinator)).text());
    expect(queue).toContain('Att granska (1)');
    expect(queue).toContain('1 väntar på granskning.');
    expect(queue).toContain('Robotprogrammering i fritidshemmet');
    expect(queue).toContain('Från Maja Medlem, Barn- och utbildningsförvaltningen');

    const accepted = await subject.request(
      `/forslag/${id}/anta`,
      as(coordinator, { kind: 'research_project', university: '' }),
    );
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/forslag/${id}?klart=antagen`);

    const decided = await proposal(id);
    expect(decided).toMatchObject({ status: 'accepted', decidedByPersonId: coordinator.personId });
    const [activity] = await db()
      .select()
      .from(activities)
      .where(eq(activities.id, decided.activityId ?? 0));
    expect(activity).toMatchObject({
      title: 'Robotprogrammering i fritidshemmet',
      kind: 'research_project',
      visibility: 'public',
      startsOn: '2026-09-01',
      endsOn: '2027-06-15',
    });

    const publicPage = await subject.request(`/aktiviteter/${activity?.slug}`);
    expect(publicPage.status).toBe(200);
    const publicText = textOf(await publicPage.text());
    expect(publicText).toContain('Robotprogrammering i fritidshemmet');
    expect(publicText).toContain('Forskningsprojekt');
    expect(publicText).toContain('Kungliga Tekniska Högskolan (KTH) Flemingsberg');
    expect(publicText).toContain('Barn- och utbildningsförvaltningen');
    // The contact is no part of the public page.
    expect(publicText).not.toContain('maja.medlem@example.se');

    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'activity'), eq(recordHistory.recordId, activity?.id ?? 0)));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'created', version: 1, actorPersonId: coordinator.personId });
    expect(history[0]?.note).toBe(`Från förslag nr ${id} av Maja Medlem`);
    expect(history[0]?.changes).toMatchObject({ title: ['', 'Robotprogrammering i fritidshemmet'] });

    const mails = await mailsTo('maja.medlem@example.se');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Ditt samarbete finns nu i registret');
    expect(mails[0]?.textBody).toContain('Robotprogrammering i fritidshemmet');
    expect(mails[0]?.textBody).toContain(`/aktiviteter/${activity?.slug}`);

    const mine = textOf(await (await get(`/forslag/${id}`, member)).text());
    expect(mine).toContain('Antagen');
    expect(mine).toContain('Cora Samordnare');
    // Decided once: a second decision is refused with a clear message.
    const again = await subject.request(`/forslag/${id}/avboj`, as(coordinator, { reason: 'Dubblett' }));
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('Förslaget är redan avgjort');
  });
});

describe('likely duplicates before saving', () => {
  it('finds activities with "Södertörns högskola" when the person types "Sodertorn hogskola", keeping what was typed', async () => {
    const before = await proposalCount();
    const response = await subject.request(
      '/registrera',
      as(
        member,
        await filled({
          title: 'Läsfrämjande lekar med de yngsta barnen',
          universityId: 'annat',
          otherUniversity: 'Sodertorn hogskola',
          organisationId: String(await organisationId('ekdalsskolan')),
        }),
      ),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Finns samarbetet redan i registret?');
    expect(text).toContain('Språkutvecklande arbetssätt i förskolan');
    expect(text).toContain('Varför det visas: samma lärosäte och förvaltning');
    expect(text).toContain('Vi jämför titeln, lärosätet och förvaltningen');
    expect(html).toContain('href="/aktiviteter/ulf-lasundervisning-i-forskolan"');
    expect(text).toContain('Det här är samma samarbete – gå med i det');
    expect(text).toContain('Det är ett nytt samarbete – skicka in');
    // An activity of another förvaltning with the same university is not "the same".
    expect(text).not.toContain('Formativ bedömning i gymnasieskolans yrkesprogram');
    expect(html).toContain('value="Sodertorn hogskola"');
    expect(html).toContain('value="Läsfrämjande lekar med de yngsta barnen"');
    expect(html).toContain('name="checked" value="1"');
    expect(await proposalCount()).toBe(before);
  });

  it('finds an activity with a similar title, whatever the parties', async () => {
    const response = await subject.request(
      '/registrera',
      as(
        otherMember,
        await filled({
          title: 'Formativ bedomning pa yrkesprogrammen',
          universityId: String(await organisationId('karolinska-institutet')),
          organisationId: String(await organisationId('socialforvaltningen')),
        }),
      ),
    );
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('Formativ bedömning i gymnasieskolans yrkesprogram');
    expect(text).toContain('Varför det visas: liknande titel');
  });

  it('asks for the choice by its field when the matches were shown and none was chosen', async () => {
    const fields = await filled({
      title: 'Formativ bedömning i yrkesprogrammen',
      universityId: String(await organisationId('sodertorns-hogskola')),
      organisationId: String(await organisationId('gymnasie-och-arbetsmarknadsforvaltningen')),
      checked: '1',
    });
    const response = await subject.request('/registrera', as(otherMember, fields));
    expect(response.status).toBe(422);
    const text = textOf(await response.text());
    expect(text).toContain('Förslaget kunde inte skickas in');
    expect(text).toContain('Välj om det är ett av samarbetena ovan eller ett nytt samarbete.');
    expect(text).toContain('Varför det visas: liknande titel, samma lärosäte och förvaltning');
  });

  it('sends in a new one when the person says it is new', async () => {
    const id = await propose(
      otherMember,
      await filled({
        title: 'Formativ bedömning i yrkesprogrammen',
        universityId: String(await organisationId('sodertorns-hogskola')),
        organisationId: String(await organisationId('gymnasie-och-arbetsmarknadsforvaltningen')),
        checked: '1',
        match: 'new',
      }),
    );
    expect(await proposal(id)).toMatchObject({ kind: 'new', joinActivityId: null });
  });

  it('never shows a deleted activity, and an internal one only to a coordinator', async () => {
    const course = await activityBySlug('kurs-handledning-av-studenter');
    await db()
      .update(activities)
      .set({ visibility: 'internal', internalReason: 'arbetsmaterial' })
      .where(eq(activities.id, course.id));
    const thesis = await activityBySlug('examensarbete-socialtjanst-digitalisering');
    await db().update(activities).set({ deletedAt: new Date() }).where(eq(activities.id, thesis.id));
    const ask = async (who: { cookie: string }, title: string) =>
      textOf(
        await (
          await subject.request(
            '/registrera',
            as(
              who,
              await filled({
                title,
                universityId: String(await organisationId('karolinska-institutet')),
                organisationId: String(await organisationId('natur-och-byggnadsforvaltningen')),
              }),
            ),
          )
        ).text(),
      );
    expect(await ask(member, 'Kurs i handledning av studenter')).not.toContain(
      'Kurs i handledning av studenter för',
    );
    const forCoordinator = await ask(coordinator, 'Kurs i handledning av studenter');
    expect(forCoordinator).toContain('Kurs i handledning av studenter för kommunens medarbetare Intern');
    for (const who of [member, coordinator])
      expect(await ask(who, 'Examensarbete: digitala kontaktvägar i socialtjänsten')).not.toContain(
        'Examensarbete: digitala kontaktvägar i socialtjänsten Socialförvaltningen',
      );
  });
});

describe('joining and merging', () => {
  it('joins an activity already in the register, and the coordinator merges the proposer’s unit into it', async () => {
    const target = await activityBySlug('ulf-lasundervisning-i-forskolan');
    const id = await propose(
      member,
      await filled({
        title: 'Läsfrämjande lekar med de yngsta barnen',
        universityId: 'annat',
        otherUniversity: 'Sodertorn hogskola',
        organisationId: String(await organisationId('ekdalsskolan')),
        checked: '1',
        match: String(target.id),
      }),
    );
    expect(await proposal(id)).toMatchObject({ kind: 'join', joinActivityId: target.id });

    // The coordinator sees the activity it joins, preselected in the merge form.
    const review = await (await get(`/forslag/${id}`, coordinator)).text();
    expect(textOf(review)).toContain('Vill gå med i ett samarbete');
    expect(review).toContain(`<option value="${target.id}" selected="">`);
    expect(textOf(review)).toContain('Förslaget nämner ”Sodertorn hogskola”, som inte finns i registret.');
    // …and suggests the university in the register with a name like it.
    const sh = await organisationId('sodertorns-hogskola');
    expect(review).toContain(`<option value="${sh}" selected="">Södertörns högskola</option>`);

    // An institution outside the register must be resolved: a message by the field, nothing changed.
    const unresolved = await subject.request(
      `/forslag/${id}/sla-ihop`,
      as(coordinator, { activityId: String(target.id), university: '' }),
    );
    expect(unresolved.status).toBe(422);
    expect(textOf(await unresolved.text())).toContain(
      'Välj ett lärosäte i listan, eller lägg till det som nytt.',
    );
    expect((await proposal(id)).status).toBe('submitted');

    const merged = await subject.request(
      `/forslag/${id}/sla-ihop`,
      as(coordinator, { activityId: String(target.id), university: String(sh) }),
    );
    expect(merged.status).toBe(303);
    expect(await proposal(id)).toMatchObject({ status: 'merged', activityId: target.id });

    const parties = await db()
      .select({ id: activityOrganisations.organisationId })
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, target.id));
    expect(parties.map((party) => party.id)).toContain(await organisationId('ekdalsskolan'));
    const after = await activityBySlug(target.slug);
    expect(after.version).toBe(target.version + 1);
    const [entry] = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'activity'), eq(recordHistory.recordId, target.id)))
      .orderBy(desc(recordHistory.version));
    expect(entry).toMatchObject({ action: 'changed', actorPersonId: coordinator.personId });
    expect(entry?.note).toBe(`Från förslag nr ${id} av Maja Medlem`);
    expect(String(entry?.changes.organisations?.[1])).toContain('Ekdalsskolan');
    expect(textOf(await (await subject.request(`/aktiviteter/${target.slug}`)).text())).toContain(
      'Ekdalsskolan',
    );

    const mail = (await mailsTo('maja.medlem@example.se')).find(
      (row) => row.subject === 'Ditt förslag har lagts till ett samarbete i registret',
    );
    expect(mail?.textBody).toContain('Språkutvecklande arbetssätt i förskolan');
  });

  it('adds an institution the proposer named to the register when the coordinator says so', async () => {
    const id = await propose(
      member,
      await filled({
        title: 'Hållbar skolmat i praktiken',
        universityId: 'annat',
        otherUniversity: 'Ersta Sköndal Bräcke högskola',
        match: 'new',
      }),
    );
    const accepted = await subject.request(
      `/forslag/${id}/anta`,
      as(coordinator, { kind: 'course', university: 'new' }),
    );
    expect(accepted.status).toBe(303);
    const [added] = await db()
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Ersta Sköndal Bräcke högskola'));
    expect(added?.kind).toBe('university');
    const [history] = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'organisation'), eq(recordHistory.recordId, added?.id ?? 0)));
    expect(history).toMatchObject({ action: 'created', actorPersonId: coordinator.personId });
    const activityId = (await proposal(id)).activityId ?? 0;
    const parties = await db()
      .select({ id: activityOrganisations.organisationId })
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, activityId));
    expect(parties.map((party) => party.id)).toContain(added?.id);
  });
});

describe('merging into an internal activity', () => {
  it('never tells the proposer its title, on the page or in the mail', async () => {
    const course = await activityBySlug('kurs-handledning-av-studenter');
    await db()
      .update(activities)
      .set({ visibility: 'internal', internalReason: 'arbetsmaterial' })
      .where(eq(activities.id, course.id));
    const id = await propose(
      member,
      await filled({ title: 'Handledarutbildning för förskolan', match: 'new' }),
    );
    const merged = await subject.request(
      `/forslag/${id}/sla-ihop`,
      as(coordinator, { activityId: String(course.id), university: '' }),
    );
    expect(merged.status).toBe(303);
    const page = textOf(await (await get(`/forslag/${id}`, member)).text());
    expect(page).toContain('Sammanslagen');
    expect(page).toContain('En aktivitet som inte är offentlig');
    expect(page).not.toContain(course.title);
    expect(textOf(await (await get(`/forslag/${id}`, coordinator)).text())).toContain(course.title);
    const mail = (await mailsTo('maja.medlem@example.se')).find((row) =>
      row.textBody.includes('Handledarutbildning för förskolan'),
    );
    expect(mail?.textBody).toContain('Samarbetet är inte offentligt');
    expect(mail?.textBody).not.toContain(course.title);
  });
});

describe('declining', () => {
  it('requires a reason, by the field, and then mails it to the proposer', async () => {
    const id = await propose(otherMember, await filled({ title: 'Schackklubb med studenter', match: 'new' }));
    // The mail goes to the proposer's own address (their account's), not the contact typed in the form.
    const [{ email } = { email: null }] = await db()
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, otherMember.personId));
    const before = await mailsTo(email ?? '');

    const empty = await subject.request(`/forslag/${id}/avboj`, as(coordinator, { reason: '  ' }));
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(textOf(html)).toContain(
      'Skriv varför förslaget avböjs. Skälet skickas till den som föreslog det.',
    );
    expect(html).toContain('aria-describedby="avboj-skal-hint avboj-skal-error"');
    expect((await proposal(id)).status).toBe('submitted');
    expect(await mailsTo(email ?? '')).toHaveLength(before.length);

    const declined = await subject.request(
      `/forslag/${id}/avboj`,
      as(coordinator, { reason: 'Det här är en fritidsaktivitet, inte ett samarbete med ett lärosäte.' }),
    );
    expect(declined.status).toBe(303);
    expect(await proposal(id)).toMatchObject({
      status: 'declined',
      declineReason: 'Det här är en fritidsaktivitet, inte ett samarbete med ett lärosäte.',
    });
    const after = await mailsTo(email ?? '');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.subject).toBe('Ditt förslag har avböjts');
    const page = textOf(await (await get(`/forslag/${id}`, otherMember)).text());
    expect(page).toContain('Avböjd');
    expect(page).toContain('Det här är en fritidsaktivitet');
  });

  it('mails the proposer, in the same transaction as the decision', async () => {
    const id = await propose(member, await filled({ title: 'Matteverkstad för föräldrar', match: 'new' }));
    await subject.request(`/forslag/${id}/avboj`, as(coordinator, { reason: 'Ingår redan i ULF-avtalet.' }));
    const mail = (await mailsTo('maja.medlem@example.se')).find((row) =>
      row.textBody.includes('Matteverkstad för föräldrar'),
    );
    expect(mail?.subject).toBe('Ditt förslag har avböjts');
    expect(mail?.textBody).toContain('Ingår redan i ULF-avtalet.');
  });
});

describe('two decisions at once', () => {
  it('lets exactly one through; the others are told it was decided already, and one mail goes out', async () => {
    const id = await propose(member, await filled({ title: 'Sommarskola i matematik', match: 'new' }));
    const requests = [
      subject.request(`/forslag/${id}/anta`, as(coordinator, { kind: 'course', university: '' })),
      subject.request(`/forslag/${id}/avboj`, as(secondCoordinator, { reason: 'Finns redan.' })),
      subject.request(`/forslag/${id}/anta`, as(secondCoordinator, { kind: 'event', university: '' })),
      subject.request(
        `/forslag/${id}/sla-ihop`,
        as(coordinator, {
          activityId: String((await activityBySlug('vfu-lararstudenter-ht-2026')).id),
          university: '',
        }),
      ),
    ];
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status).sort()).toEqual([303, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409))
      expect(textOf(await response.text())).toContain('Någon annan avgjorde förslaget precis innan');
    const mails = (await mailsTo('maja.medlem@example.se')).filter((row) =>
      row.textBody.includes('Sommarskola i matematik'),
    );
    expect(mails).toHaveLength(1);
    const created = await db()
      .select()
      .from(activities)
      .where(eq(activities.title, 'Sommarskola i matematik'));
    expect(created.length).toBeLessThanOrEqual(1);
  });
});

describe('bad input', () => {
  it('answers by the field with what was typed kept, and saves nothing', async () => {
    const before = await proposalCount();
    const response = await subject.request(
      '/registrera',
      as(
        member,
        await filled({
          title: 'x'.repeat(201),
          description: 'Med ett styrtecken\u0001 här',
          contactEmail: 'inte en adress',
          startsOn: '2027-01-01',
          endsOn: '2026-01-01',
          universityId: '',
          otherUniversity: 'Något',
        }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Texten är för lång: 201 tecken.');
    expect(text).toContain('Texten innehåller tecken som inte kan sparas.');
    expect(text).toContain('Skriv en e-postadress');
    expect(text).toContain('Välj lärosäte i listan, eller ”Annat lärosäte”.');
    expect(text).toContain('Till-datumet kan inte vara före från-datumet.');
    expect(html).toContain('value="inte en adress"');
    expect(html).toContain(`value="${'x'.repeat(201)}"`);
    expect(await proposalCount()).toBe(before);

    const dates = await subject.request(
      '/registrera',
      as(member, await filled({ startsOn: '2027-01-01', endsOn: '2026-01-01', match: 'new' })),
    );
    expect(dates.status).toBe(422);
    const datesHtml = await dates.text();
    expect(textOf(datesHtml)).toContain('Till-datumet kan inte vara före från-datumet.');
    expect(datesHtml).toContain('value="2026-01-01"');

    const noSuchDay = await subject.request(
      '/registrera',
      as(member, await filled({ startsOn: '2026-02-30', otherUniversity: 'KTH', match: 'new' })),
    );
    expect(noSuchDay.status).toBe(422);
    const noSuchDayText = textOf(await noSuchDay.text());
    expect(noSuchDayText).toContain('Skriv datumet som ÅÅÅÅ-MM-DD');
    expect(noSuchDayText).toContain('Du har valt ett lärosäte i listan.');
    expect(await proposalCount()).toBe(before);
  });

  it('refuses a choice the form never offered by its field', async () => {
    const response = await subject.request(
      '/registrera',
      as(
        member,
        await filled({ organisationId: String(await organisationId('sodertorns-hogskola')), match: 'new' }),
      ),
    );
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Välj förvaltning eller enhet i listan.');
  });

  it('refuses an unknown field with 400 and a cross-site post with 403', async () => {
    const unknown = await subject.request('/registrera', as(member, { ...(await filled()), isAdmin: 'ja' }));
    expect(unknown.status).toBe(400);
    const crossSite = await subject.request('/registrera', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        cookie: member.cookie,
      },
      body: new URLSearchParams(await filled({ match: 'new' })).toString(),
    });
    expect(crossSite.status).toBe(403);
  });

  it('never breaks on generated input to the form or the decisions', async () => {
    const plausible = await filled({ match: 'new' });
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(subject, '/registrera', sample, plausible, {
          cookie: member.cookie,
          'sec-fetch-site': 'same-origin',
        });
        await expectCalmAnswer(response, [200, 303, 400, 413, 415, 422]);
      }),
      { numRuns: 40 },
    );
    const waiting = await propose(member, await filled({ title: 'Fuzz-förslag', match: 'new' }));
    const reason = { reason: 'Ett skäl' };
    await fc.assert(
      fc.asyncProperty(form(reason), async (sample) => {
        const response = await postSample(subject, `/forslag/${waiting}/avboj`, sample, reason, {
          cookie: coordinator.cookie,
          origin: OWN_ORIGIN,
        });
        await expectCalmAnswer(response, [303, 400, 409, 413, 415, 422]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('who may do what', () => {
  it('shows a proposal only to its proposer and the coordinators', async () => {
    const id = await propose(member, await filled({ title: 'Bara för Maja', match: 'new' }));
    expect((await get(`/forslag/${id}`, member)).status).toBe(200);
    expect((await get(`/forslag/${id}`, coordinator)).status).toBe(200);
    for (const who of [otherMember, editor]) {
      const response = await get(`/forslag/${id}`, who);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('maja.medlem@example.se');
    }
    expect((await get(`/forslag/${id}`)).status).toBe(303);
    expect((await get('/forslag/0', coordinator)).status).toBe(404);
    expect((await get('/forslag/abc', coordinator)).status).toBe(404);
    expect((await get('/forslag/999999', coordinator)).status).toBe(404);
  });

  it('lets only coordinators decide: a member or an editor gets 403 and nothing changes', async () => {
    const id = await propose(member, await filled({ title: 'Inte för redaktörer', match: 'new' }));
    for (const who of [member, editor]) {
      expect(
        (await subject.request(`/forslag/${id}/anta`, as(who, { kind: 'course', university: '' }))).status,
      ).toBe(403);
      expect((await subject.request(`/forslag/${id}/avboj`, as(who, { reason: 'Nej' }))).status).toBe(403);
    }
    expect((await proposal(id)).status).toBe('submitted');
    // The review forms are the coordinator's only.
    expect(await (await get(`/forslag/${id}`, member)).text()).not.toContain('Granska förslaget');
    expect(await (await get(`/forslag/${id}`, coordinator)).text()).toContain('Granska förslaget');
  });

  it('puts the proposals, with their contact details, in the proposer’s own export', async () => {
    const response = await get('/mina-uppgifter/export', member);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { proposals?: { title: string; contactEmail: string }[] };
    expect(data.proposals?.map((row) => row.title)).toContain('Bara för Maja');
    expect(data.proposals?.[0]?.contactEmail).toBe('maja.medlem@example.se');
  });
});

describe('demo data turned off', () => {
  it('removes demo records a proposal points to without being blocked', async () => {
    const other = await createTestApp();
    try {
      const person = await signedInPerson(other, { name: 'Demo Person' });
      const ekdal = await other.deps.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, 'ekdalsskolan'));
      const [target] = await other.deps.db
        .select()
        .from(activities)
        .where(eq(activities.slug, 'ulf-lasundervisning-i-forskolan'));
      const [sh] = await other.deps.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, 'sodertorns-hogskola'));
      await other.deps.db.insert(proposals).values([
        {
          kind: 'join',
          title: 'Om en demoskola',
          universityId: sh?.id ?? null,
          organisationId: ekdal[0]?.id ?? 0,
          contactName: 'Demo Person',
          contactEmail: 'demo@example.se',
          joinActivityId: target?.id ?? null,
          proposerPersonId: person.personId,
        },
        {
          kind: 'join',
          title: 'Om en riktig förvaltning',
          universityId: sh?.id ?? null,
          organisationId:
            (
              await other.deps.db
                .select()
                .from(organisations)
                .where(eq(organisations.slug, 'barn-och-utbildningsforvaltningen'))
            )[0]?.id ?? 0,
          contactName: 'Demo Person',
          contactEmail: 'demo@example.se',
          joinActivityId: target?.id ?? null,
          proposerPersonId: person.personId,
        },
      ]);
      await seedDatabase(other.deps.db, { demo: false });
      const left = await other.deps.db.select().from(proposals);
      expect(left.map((row) => [row.title, row.joinActivityId])).toEqual([
        ['Om en riktig förvaltning', null],
      ]);
    } finally {
      await other.cleanup();
    }
  });
});

describe('ids the database cannot hold', () => {
  it('answers them with messages by the fields, never a 500', async () => {
    const before = await proposalCount();
    const tooLarge = '9999999999';
    const response = await subject.request(
      '/registrera',
      as(member, await filled({ universityId: tooLarge, organisationId: tooLarge, goalId: tooLarge })),
    );
    expect(response.status).toBe(422);
    expect(await proposalCount()).toBe(before);
  });
});
