import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { placementOffers } from './placements.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;
let otherEditor: string;
let placementCoordinator: string;
let member: string;
const unit = { ekdalsskolan: 0, solbacken: 0, gymnasium: 0, administration: 0, university: 0 };

beforeAll(async () => {
  subject = await createTestApp();
  const person = async (
    name: string,
    roles: Record<string, 'coordinator' | 'editor' | 'member' | 'placement_coordinator'>,
  ) => (await signedInPerson(subject, { name, roles })).cookie;
  coordinator = await person('Cora Samordnare', { 'huddinge-kommun': 'coordinator' });
  editor = await person('Erik Redaktör', { 'barn-och-utbildningsforvaltningen': 'editor' });
  otherEditor = await person('Greta Gymnasie', { 'gymnasie-och-arbetsmarknadsforvaltningen': 'editor' });
  placementCoordinator = await person('Pia Praktik', { 'sodertorns-hogskola': 'placement_coordinator' });
  member = await person('Maja Medlem', { 'barn-och-utbildningsforvaltningen': 'member' });
  unit.ekdalsskolan = await organisationId('ekdalsskolan');
  unit.solbacken = await organisationId('solbackens-forskola');
  unit.gymnasium = await organisationId('flemingsbergs-gymnasium');
  unit.administration = await organisationId('barn-och-utbildningsforvaltningen');
  unit.university = await organisationId('sodertorns-hogskola');
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
async function organisationId(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const get = (path: string, cookie: string) => subject.request(path, { headers: { cookie } });

function offerForm(changes: Record<string, string> = {}) {
  return {
    organisationId: String(unit.ekdalsskolan),
    term: 'VT2027',
    kind: 'vfu_teacher',
    programme: 'Grundlärarprogrammet F–3',
    studyLevel: 'termin 5',
    places: '4',
    supervisors: '2',
    startsOn: '2027-01-25',
    endsOn: '2027-03-19',
    address: 'Ekdalsvägen 1, Huddinge',
    area: 'Sjödalen',
    prerequisites: 'Utdrag ur belastningsregistret',
    description: 'Studenterna följer en klass i årskurs 2.',
    ...changes,
  };
}

async function createOffer(cookie = editor, changes: Record<string, string> = {}): Promise<number> {
  const response = await subject.request('/praktik/platser/ny', as(cookie, offerForm(changes)));
  expect(response.status, await response.clone().text()).toBe(303);
  const match = /^\/praktik\/platser\/(\d+)\?klart=ny$/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(String(response.headers.get('location')));
  return Number(match[1]);
}
async function offer(id: number) {
  const [row] = await db().select().from(placementOffers).where(eq(placementOffers.id, id));
  if (!row) throw new Error(String(id));
  return row;
}
async function history(id: number) {
  return db()
    .select()
    .from(recordHistory)
    .where(and(eq(recordHistory.recordType, 'placement_offer'), eq(recordHistory.recordId, id)))
    .orderBy(recordHistory.id);
}

describe('offering places', () => {
  it('has the unit chosen for an editor with only one unit to offer for, and none for one with several', async () => {
    const single = (await signedInPerson(subject, { name: 'Elsa Ensam', roles: { ekdalsskolan: 'editor' } }))
      .cookie;
    const selected = (html: string) =>
      /<select id="[^"]*" name="organisationId"[^>]*>[\s\S]*?<\/select>/
        .exec(html)?.[0]
        .match(/<option value="(\d+)" selected="">/)?.[1];
    expect(selected(await (await get('/praktik/platser/ny', single)).text())).toBe(String(unit.ekdalsskolan));
    expect(selected(await (await get('/praktik/platser/ny', editor)).text())).toBeUndefined();
  });

  it('creates an offer for an editor’s unit, with its page and a created history row', async () => {
    const form = await get(`/praktik/platser/ny?enhet=${unit.ekdalsskolan}`, editor);
    expect(form.status).toBe(200);
    const formText = textOf(await form.text());
    expect(formText).toContain('Erbjud praktikplatser: Ekdalsskolan');
    // The next term by default (the test clock is in November 2026).
    expect(await (await get('/praktik/platser/ny', editor)).text()).toContain('value="VT2027"');

    const id = await createOffer();
    const page = await get(`/praktik/platser/${id}?klart=ny`, editor);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Erbjudandet är sparat.');
    expect(text).toContain('Grundlärarprogrammet F–3, Ekdalsskolan, vårterminen 2027');
    expect(text).toContain('4 platser, 0 bekräftade, 4 lediga');
    expect(text).toContain('Barn- och utbildningsförvaltningen');
    expect(text).toContain('VFU, lärarutbildning');
    expect(text).toContain('25 januari 2027');
    expect(text).toContain('Ändra erbjudandet');
    const [created] = await history(id);
    expect(created).toMatchObject({ version: 1, action: 'created' });
    expect(created!.changes).toMatchObject({
      term: ['', 'vårterminen 2027'],
      organisationId: ['', 'Ekdalsskolan'],
    });
  });

  it('accepts a term as people type it ("ht 2027") and stores it as HT2027', async () => {
    const id = await createOffer(editor, { term: 'ht 2027', startsOn: '2027-09-01', endsOn: '2027-10-15' });
    expect((await offer(id)).term).toBe('HT2027');
  });

  it('changes an offer, keeps the history, and writes nothing when nothing changed', async () => {
    const id = await createOffer();
    const saved = await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '6', area: 'Flemingsberg' }), version: '1' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/praktik/platser/${id}?klart=sparat`);
    expect(await offer(id)).toMatchObject({ places: 6, area: 'Flemingsberg', version: 2 });
    const same = await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '6', area: 'Flemingsberg' }), version: '2' }),
    );
    expect(same.headers.get('location')).toBe(`/praktik/platser/${id}?klart=oforandrat`);
    const rows = await history(id);
    expect(rows.map((row) => row.action)).toEqual(['created', 'changed']);
    expect(rows[1]!.changes).toEqual({ places: ['4', '6'], area: ['Sjödalen', 'Flemingsberg'] });
    const page = textOf(await (await get(`/praktik/platser/${id}/historik`, editor)).text());
    expect(page).toContain('Version 2: Ändrad');
    expect(page).toContain('Antal platser');
    expect(page).toContain('Erik Redaktör');
  });

  it('refuses a save from an old version with both versions shown (409), keeping what was typed', async () => {
    const id = await createOffer();
    await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '5' }), version: '1' }),
    );
    const stale = await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ programme: 'Förskollärarprogrammet' }), version: '1' }),
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('value="Förskollärarprogrammet"');
    expect(html).toContain('name="version" value="2"');
    expect((await offer(id)).programme).toBe('Grundlärarprogrammet F–3');
  });

  it('refuses the editor of another unit (403) on every form, and lets the coordinator in', async () => {
    const id = await createOffer();
    expect((await get(`/praktik/platser/${id}/andra`, otherEditor)).status).toBe(403);
    expect((await get(`/praktik/platser/${id}/ta-bort`, otherEditor)).status).toBe(403);
    expect((await get(`/praktik/platser/${id}/historik`, otherEditor)).status).toBe(403);
    expect(
      (
        await subject.request(
          `/praktik/platser/${id}/andra`,
          as(otherEditor, { ...offerForm(), version: '1' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await subject.request(`/praktik/platser/${id}/ta-bort`, as(otherEditor, { version: '1' }))).status,
    ).toBe(403);
    expect((await get(`/praktik/platser/ny?enhet=${unit.ekdalsskolan}`, otherEditor)).status).toBe(403);
    expect((await subject.request('/praktik/platser/ny', as(otherEditor, offerForm()))).status).toBe(403);
    // Moving an own offer to someone else's unit is refused too.
    const mine = await createOffer(otherEditor, { organisationId: String(unit.gymnasium), kind: 'apl' });
    const moved = await subject.request(
      `/praktik/platser/${mine}/andra`,
      as(otherEditor, { ...offerForm({ kind: 'apl' }), version: '1' }),
    );
    expect(moved.status).toBe(403);
    expect((await offer(mine)).organisationId).toBe(unit.gymnasium);
    // The other editor sees the offer (the capacity list is theirs too), without the edit links.
    const page = await get(`/praktik/platser/${id}`, otherEditor);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).not.toContain('Ändra erbjudandet');
    expect((await get(`/praktik/platser/${id}/andra`, coordinator)).status).toBe(200);
  });

  it('lets a placement coordinator see offers but not offer places; a member sees neither', async () => {
    const id = await createOffer();
    expect((await get(`/praktik/platser/${id}`, placementCoordinator)).status).toBe(200);
    expect((await get('/praktik/platser', placementCoordinator)).status).toBe(200);
    expect((await get('/praktik/platser/ny', placementCoordinator)).status).toBe(403);
    expect((await get('/praktik/platser/kopiera', placementCoordinator)).status).toBe(403);
    expect((await get(`/praktik/platser/${id}`, member)).status).toBe(403);
    expect((await get('/praktik/platser', member)).status).toBe(403);
    expect((await get('/praktik/platser/ny', member)).status).toBe(403);
  });

  it('refuses a unit that cannot offer places (a university) next to the field', async () => {
    const response = await subject.request(
      '/praktik/platser/ny',
      as(coordinator, offerForm({ organisationId: String(unit.university) })),
    );
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Enheten kan inte erbjuda praktikplatser här.');
  });

  it('refuses fewer places than are confirmed, next to the field, and keeps the offer', async () => {
    const id = await createOffer();
    await db().update(placementOffers).set({ confirmedPlaces: 3 }).where(eq(placementOffers.id, id));
    const response = await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '2', description: 'Ny text' }), version: '1' }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(textOf(html)).toContain(
      'Enheten har redan bekräftat 3 platser. Antalet platser kan inte vara färre än så.',
    );
    expect(html).toContain('id="erbjudande-platser-error"');
    expect(html).toContain('Ny text');
    expect(await offer(id)).toMatchObject({
      places: 4,
      description: 'Studenterna följer en klass i årskurs 2.',
    });
    // Exactly the confirmed number is fine.
    const ok = await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '3' }), version: '1' }),
    );
    expect(ok.status).toBe(303);
  });
});

describe('deleting and restoring an offer', () => {
  it('refuses while places are confirmed or requests wait, then deletes softly; the coordinator restores', async () => {
    const id = await createOffer();
    await db().update(placementOffers).set({ confirmedPlaces: 1 }).where(eq(placementOffers.id, id));
    const refused = await subject.request(`/praktik/platser/${id}/ta-bort`, as(editor, { version: '1' }));
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain(
      'Erbjudandet har 1 bekräftade platser och kan inte tas bort.',
    );
    expect((await offer(id)).deletedAt).toBeNull();

    await db().update(placementOffers).set({ confirmedPlaces: 0 }).where(eq(placementOffers.id, id));
    await db().execute(sql`
      insert into placement_requests (offer_id, university_id, places, status) values (${id}, ${unit.university}, 1, 'submitted')`);
    const open = await subject.request(`/praktik/platser/${id}/ta-bort`, as(editor, { version: '1' }));
    expect(open.status).toBe(409);
    expect(textOf(await open.text())).toContain('1 obesvarade förfrågningar');
    await db().execute(sql`update placement_requests set status = 'declined' where offer_id = ${id}`);

    expect((await get(`/praktik/platser/${id}/ta-bort`, editor)).status).toBe(200);
    const deleted = await subject.request(`/praktik/platser/${id}/ta-bort`, as(editor, { version: '1' }));
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/arbetsyta?klart=borttagen');
    expect((await offer(id)).deletedAt).not.toBeNull();
    expect((await get(`/praktik/platser/${id}`, editor)).status).toBe(404);
    expect((await get(`/praktik/platser/${id}/andra`, editor)).status).toBe(404);
    const historyPage = await get(`/praktik/platser/${id}/historik`, coordinator);
    expect(historyPage.status).toBe(200);
    expect(textOf(await historyPage.text())).toContain('Version 2: Borttagen');

    // Only the coordinator restores.
    expect(
      (await subject.request(`/praktik/platser/${id}/historik/1/aterstall`, as(editor, {}))).status,
    ).toBe(403);
    const restored = await subject.request(
      `/praktik/platser/${id}/historik/1/aterstall`,
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    expect(restored.headers.get('location')).toBe(`/praktik/platser/${id}/historik?klart=aterstalld`);
    expect(await offer(id)).toMatchObject({ deletedAt: null, version: 3 });
    expect((await history(id)).map((row) => row.action)).toEqual(['created', 'deleted', 'restored']);
  });

  it('refuses to restore a version with fewer places than are confirmed now (409)', async () => {
    const id = await createOffer();
    await subject.request(
      `/praktik/platser/${id}/andra`,
      as(editor, { ...offerForm({ places: '8' }), version: '1' }),
    );
    await db().update(placementOffers).set({ confirmedPlaces: 6 }).where(eq(placementOffers.id, id));
    const response = await subject.request(
      `/praktik/platser/${id}/historik/1/aterstall`,
      as(coordinator, {}),
    );
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain('färre platser än de 6 som redan är bekräftade');
    expect((await offer(id)).places).toBe(8);
  });
});

describe('copying last term’s offers', () => {
  it('copies every offer of a unit once, dates moved, nothing confirmed, each with its history; twice is once', async () => {
    const first = await createOffer(editor, {
      organisationId: String(unit.solbacken),
      term: 'VT2036',
      startsOn: '2036-01-26',
      endsOn: '2036-02-29',
    });
    const second = await createOffer(editor, {
      organisationId: String(unit.solbacken),
      term: 'VT2036',
      kind: 'internship',
      programme: 'Barnskötare',
      startsOn: '',
      endsOn: '',
    });
    await db().update(placementOffers).set({ confirmedPlaces: 2 }).where(eq(placementOffers.id, first));
    expect((await get('/praktik/platser/kopiera', editor)).status).toBe(200);
    const form = { organisationId: String(unit.solbacken), from: 'VT2036', to: 'VT2037' };
    const response = await subject.request('/praktik/platser/kopiera', as(editor, form));
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('2 erbjudanden kopierades:');
    expect(text).toContain('Barnskötare, Solbackens förskola, vårterminen 2037');

    const copies = await db()
      .select()
      .from(placementOffers)
      .where(and(eq(placementOffers.organisationId, unit.solbacken), eq(placementOffers.term, 'VT2037')))
      .orderBy(placementOffers.id);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toMatchObject({
      copiedFromId: first,
      confirmedPlaces: 0,
      places: 4,
      startsOn: '2037-01-26',
      endsOn: '2037-02-28',
      programme: 'Grundlärarprogrammet F–3',
    });
    expect(copies[1]).toMatchObject({
      copiedFromId: second,
      startsOn: null,
      endsOn: null,
      kind: 'internship',
    });
    const [created] = await history(copies[0]!.id);
    expect(created).toMatchObject({ action: 'created', version: 1, note: 'Kopierad från vårterminen 2036' });

    const again = await subject.request('/praktik/platser/kopiera', as(editor, form));
    expect(textOf(await again.text())).toContain(
      '2 erbjudanden fanns redan kopierade och kopierades inte igen.',
    );
    // Two at once are also once.
    const third = await createOffer(editor, {
      organisationId: String(unit.solbacken),
      term: 'VT2036',
      programme: 'Tredje',
      startsOn: '',
      endsOn: '',
    });
    await Promise.all([
      subject.request('/praktik/platser/kopiera', as(editor, form)),
      subject.request('/praktik/platser/kopiera', as(editor, form)),
    ]);
    const after = await db()
      .select()
      .from(placementOffers)
      .where(and(eq(placementOffers.organisationId, unit.solbacken), eq(placementOffers.term, 'VT2037')));
    expect(after).toHaveLength(3);
    expect(after.filter((row) => row.copiedFromId === third)).toHaveLength(1);
  });

  it('copies all of an editor’s units, moving dates by half a year between HT and VT', async () => {
    await createOffer(editor, {
      organisationId: String(unit.ekdalsskolan),
      term: 'HT2030',
      startsOn: '2030-08-31',
      endsOn: '2030-10-01',
    });
    await createOffer(editor, {
      organisationId: String(unit.solbacken),
      term: 'HT2030',
      startsOn: '',
      endsOn: '',
    });
    await createOffer(otherEditor, {
      organisationId: String(unit.gymnasium),
      term: 'HT2030',
      kind: 'apl',
      startsOn: '',
      endsOn: '',
    });
    const response = await subject.request(
      '/praktik/platser/kopiera',
      as(editor, { organisationId: '', from: 'HT2030', to: 'VT2031' }),
    );
    expect(textOf(await response.text())).toContain('2 erbjudanden kopierades:');
    const copies = await db().select().from(placementOffers).where(eq(placementOffers.term, 'VT2031'));
    expect(copies.map((row) => row.organisationId).sort()).toEqual(
      [unit.ekdalsskolan, unit.solbacken].sort(),
    );
    expect(copies.find((row) => row.organisationId === unit.ekdalsskolan)).toMatchObject({
      startsOn: '2031-02-28',
      endsOn: '2031-04-01',
    });
  });

  it('refuses the same term, an earlier term and a bad term next to the fields; another unit 403', async () => {
    const same = await subject.request(
      '/praktik/platser/kopiera',
      as(editor, { organisationId: '', from: 'VT2027', to: 'VT2027' }),
    );
    expect(same.status).toBe(422);
    expect(textOf(await same.text())).toContain('Välj en annan termin än den du kopierar från.');
    const earlier = await subject.request(
      '/praktik/platser/kopiera',
      as(editor, { organisationId: '', from: 'VT2027', to: 'HT2026' }),
    );
    expect(earlier.status).toBe(422);
    const bad = await subject.request(
      '/praktik/platser/kopiera',
      as(editor, { organisationId: '', from: 'sommar', to: '' }),
    );
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain(
      'Skriv terminen som VT eller HT och året, till exempel HT2027.',
    );
    const other = await subject.request(
      '/praktik/platser/kopiera',
      as(editor, { organisationId: String(unit.gymnasium), from: 'HT2030', to: 'VT2031' }),
    );
    expect(other.status).toBe(403);
  });
});

describe('bad input', () => {
  it('answers each wrong field with its Swedish message (422), keeping what was typed', async () => {
    const response = await subject.request(
      '/praktik/platser/ny',
      as(
        editor,
        offerForm({
          organisationId: '',
          term: 'XT2027',
          kind: 'dans',
          programme: ' ',
          places: 'fyra',
          supervisors: '-1',
          startsOn: '2027-02-30',
          endsOn: '2027-01-01',
          description: 'x'.repeat(2001),
          address: 'Gatan\u0000 1',
        }),
      ),
    );
    expect(response.status).toBe(422);
    const text = textOf(await response.text());
    for (const message of [
      'Välj enhet i listan.',
      'Skriv terminen som VT eller HT och året, till exempel HT2027.',
      'Välj typ av praktik i listan.',
      'Fyll i fältet.',
      'Skriv antalet platser som en siffra från 1 till 10 000.',
      'Skriv antalet handledare som en siffra från 0 till 10 000, eller lämna tomt.',
      'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.',
      'Texten är för lång: 2001 tecken. Korta den.',
      'Texten innehåller tecken som inte kan sparas.',
    ])
      expect(text).toContain(message);
  });

  it('refuses dates far outside the term and an end before the start', async () => {
    const outside = await subject.request(
      '/praktik/platser/ny',
      as(editor, offerForm({ startsOn: '2026-09-01' })),
    );
    expect(outside.status).toBe(422);
    expect(textOf(await outside.text())).toContain('Välj ett datum mellan 2026-12-01 och 2027-08-31.');
    const reversed = await subject.request(
      '/praktik/platser/ny',
      as(editor, offerForm({ startsOn: '2027-03-01', endsOn: '2027-02-01' })),
    );
    expect(reversed.status).toBe(422);
    expect(textOf(await reversed.text())).toContain('Till-datumet kan inte vara före från-datumet.');
  });

  it('refuses a field the form does not have (400), a bad version (400) and a bad id (404)', async () => {
    expect(
      (await subject.request('/praktik/platser/ny', as(editor, { ...offerForm(), confirmedPlaces: '9' })))
        .status,
    ).toBe(400);
    const id = await createOffer();
    expect(
      (await subject.request(`/praktik/platser/${id}/andra`, as(editor, { ...offerForm(), version: 'x' })))
        .status,
    ).toBe(400);
    expect((await get('/praktik/platser/abc', editor)).status).toBe(404);
    expect((await get('/praktik/platser/99999999999', editor)).status).toBe(404);
    expect((await get('/praktik/platser/ny?enhet=x', editor)).status).toBe(404);
    expect((await get('/praktik/platser/999999', editor)).status).toBe(404);
  });
});

describe('the workspace', () => {
  it('shows an editor their units’ offers this term and next, with links to offer and copy', async () => {
    const id = await createOffer(editor, { programme: 'Syns i arbetsytan' });
    const text = await (await get('/arbetsyta', editor)).text();
    expect(text).toContain('Praktikplatser');
    expect(text).toContain(`/praktik/platser/${id}`);
    expect(text).toContain('href="/praktik/platser/kopiera"');
    const memberPage = await (await get('/arbetsyta', member)).text();
    expect(memberPage).not.toContain('/praktik/platser/kopiera');
  });
});
