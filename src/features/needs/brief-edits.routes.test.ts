import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { focusAreaField, goalField, institutionField } from './needs.forms.ts';
import { briefFocusAreas, briefInstitutions, briefs } from './needs.table.ts';

/**
 * Writing briefs for the needs bank (issue 9, item 5): create, change, publish, delete, restore, history;
 * who may (an editor their organisation's chain, a placement coordinator their institution's competence
 * development, the coordinator all); bad input as messages by the fields with nothing lost.
 */

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;
let otherEditor: string;
let member: string;
let placementCoordinator: string;

beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache });
  const person = async (
    name: string,
    roles: Record<string, 'coordinator' | 'editor' | 'member' | 'placement_coordinator'>,
  ) => (await signedInPerson(subject, { name, roles })).cookie;
  coordinator = await person('Cora Samordnare', { 'huddinge-kommun': 'coordinator' });
  editor = await person('Erik Redaktör', { 'barn-och-utbildningsforvaltningen': 'editor' });
  otherEditor = await person('Greta Gymnasieredaktör', {
    'gymnasie-och-arbetsmarknadsforvaltningen': 'editor',
  });
  member = await person('Maja Medlem', { 'barn-och-utbildningsforvaltningen': 'member' });
  placementCoordinator = await person('Pia Praktiksamordnare', {
    'sodertorns-hogskola': 'placement_coordinator',
  });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const page = async (path: string, cookie?: string) => {
  const response = await subject.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
};
async function idOf(table: typeof organisations | typeof focusAreas | typeof goals, slug: string) {
  const [row] = await db().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function brief(slug: string) {
  const [row] = await db().select().from(briefs).where(eq(briefs.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}

async function briefFields(changes: Record<string, string> = {}) {
  return {
    kind: 'research_question',
    title: 'Läxhjälp på fritidshemmet',
    organisationId: String(await idOf(organisations, 'barn-och-utbildningsforvaltningen')),
    background: 'Läxhjälpen finns på sex skolor sedan 2024.',
    question: 'Hur påverkar läxhjälpen på fritidshemmet elevernas resultat i matematik?',
    intendedUse: 'Underlag för nämndens beslut om läxhjälpen ska finnas på alla skolor.',
    beneficiaries: 'Elever i årskurs 4–6.',
    offering: 'Resultatdata per skola och en handledare på förvaltningen.',
    contactName: 'Karin Kontakt',
    contactEmail: 'karin.hemlig@huddinge.example',
    deadline: '2027-03-31',
    visibility: 'public',
    internalReason: '',
    published: 'ja',
    closed: '',
    ...changes,
  };
}

describe('writing a brief', () => {
  it('publishes a brief: its public page shows everything public, never the contact’s e-mail', async () => {
    const area = await idOf(focusAreas, 'samhallsbyggnad');
    const goal = await idOf(goals, 'verksamhetsutveckling-genom-forskning');
    const sh = await idOf(organisations, 'sodertorns-hogskola');
    const response = await subject.request(
      '/behovsbanken/ny',
      as(
        editor,
        await briefFields({
          [focusAreaField(area)]: 'ja',
          [goalField(goal)]: 'ja',
          [institutionField(sh)]: 'ja',
        }),
      ),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/behovsbanken/laxhjalp-pa-fritidshemmet?sparat=ny');
    const row = await brief('laxhjalp-pa-fritidshemmet');
    expect(row).toMatchObject({ kind: 'research_question', version: 1, deadline: '2027-03-31' });
    expect(row.publishedAt).toEqual(subject.deps.clock.now());
    const links = await db().select().from(briefFocusAreas).where(eq(briefFocusAreas.briefId, row.id));
    expect(links.map((link) => link.focusAreaId)).toEqual([area]);
    const institutions = await db()
      .select()
      .from(briefInstitutions)
      .where(eq(briefInstitutions.briefId, row.id));
    expect(institutions.map((link) => link.organisationId)).toEqual([sh]);

    // Its author is told what happened, not the register's generic "Posten är tillagd."
    const notice = textOf((await page('/behovsbanken/laxhjalp-pa-fritidshemmet?sparat=ny', editor)).html);
    expect(notice).toContain('Behovet är publicerat i behovsbanken.');
    expect(notice).not.toContain('Posten är tillagd');

    const shown = await page('/behovsbanken/laxhjalp-pa-fritidshemmet');
    expect(shown.status).toBe(200);
    const text = textOf(shown.html);
    for (const part of [
      'Läxhjälp på fritidshemmet',
      'Forskningsfråga',
      'Barn- och utbildningsförvaltningen',
      'Hur påverkar läxhjälpen',
      'Underlag för nämndens beslut',
      'Resultatdata per skola',
      'Elever i årskurs 4–6.',
      'Karin Kontakt',
      'Öppet för svar',
      '31 mars 2027',
      'Södertörns högskola',
      'Svara på behovet',
    ])
      expect(text).toContain(part);
    expect(shown.html).toContain('href="/behovsbanken/laxhjalp-pa-fritidshemmet/svara"');
    expect(shown.html).not.toContain('karin.hemlig');
    // The list shows it, newest first.
    const list = await page('/behovsbanken');
    expect(list.html.indexOf('Läxhjälp på fritidshemmet')).toBeGreaterThan(-1);

    const [history] = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'brief'), eq(recordHistory.recordId, row.id)));
    expect(history).toMatchObject({ action: 'created', version: 1 });
    expect(history?.changes).toMatchObject({
      question: ['', expect.stringContaining('läxhjälpen')],
      published: ['', 'Ja'],
    });
  });

  it('keeps a draft off every public page until it is published, then shows it', async () => {
    const response = await subject.request(
      '/behovsbanken/ny',
      as(editor, await briefFields({ title: 'Utkast om skolskjuts', published: '' })),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/behovsbanken/utkast-om-skolskjuts/andra?sparat=ny');
    expect((await page('/behovsbanken/utkast-om-skolskjuts')).status).toBe(404);
    expect(textOf((await page('/behovsbanken')).html)).not.toContain('Utkast om skolskjuts');
    expect(textOf((await page('/sok?q=skolskjuts')).html)).toContain('Inga träffar');
    const form = await page('/behovsbanken/utkast-om-skolskjuts/andra?sparat=ny', editor);
    expect(textOf(form.html)).toContain('Behovet är sparat som utkast och visas inte publikt.');

    const published = await subject.request(
      '/behovsbanken/utkast-om-skolskjuts/andra',
      as(editor, { ...(await briefFields({ title: 'Utkast om skolskjuts' })), version: '1' }),
    );
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe('/behovsbanken/utkast-om-skolskjuts?sparat=1');
    expect((await page('/behovsbanken/utkast-om-skolskjuts')).status).toBe(200);
    expect(textOf((await page('/sok?q=skolskjuts')).html)).toContain('Utkast om skolskjuts');
    expect((await brief('utkast-om-skolskjuts')).publishedAt).not.toBeNull();
  });

  it('says a new internal brief is saved and not shown publicly', async () => {
    const response = await subject.request(
      '/behovsbanken/ny',
      as(
        editor,
        await briefFields({
          title: 'Internt om lokaler',
          visibility: 'internal',
          internalReason: 'Arbetsmaterial',
        }),
      ),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/behovsbanken/internt-om-lokaler/andra?sparat=ny');
    const form = textOf((await page('/behovsbanken/internt-om-lokaler/andra?sparat=ny', editor)).html);
    expect(form).toContain('Behovet är sparat som internt och visas inte publikt i behovsbanken.');
    expect(form).not.toContain('Posten är tillagd');
  });

  it('changes a brief with its history, refuses a save from an old version (409) and writes nothing unchanged', async () => {
    await subject.request('/behovsbanken/ny', as(editor, await briefFields({ title: 'Ändras sedan' })));
    const fields = { ...(await briefFields({ title: 'Ändras sedan' })), version: '1' };
    const unchanged = await subject.request('/behovsbanken/andras-sedan/andra', as(editor, fields));
    expect(unchanged.headers.get('location')).toBe('/behovsbanken/andras-sedan?sparat=oforandrat');
    expect((await brief('andras-sedan')).version).toBe(1);

    const changed = await subject.request(
      '/behovsbanken/andras-sedan/andra',
      as(editor, {
        ...fields,
        question: 'Vilka elever har mest nytta av läxhjälpen på fritidshemmet?',
        closed: 'ja',
      }),
    );
    expect(changed.status).toBe(303);
    const row = await brief('andras-sedan');
    expect(row.version).toBe(2);
    expect(row.closedAt).not.toBeNull();
    expect(textOf((await page('/behovsbanken/andras-sedan')).html)).toContain('Stängt för svar');

    const stale = await subject.request(
      '/behovsbanken/andras-sedan/andra',
      as(coordinator, { ...fields, title: 'Någon annans rubrik' }),
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('value="Någon annans rubrik"');
    expect(textOf(html)).toContain('Någon annan sparade en ändring');
    expect(html).toContain('name="version" value="2"');

    const history = await page('/behovsbanken/andras-sedan/historik', editor);
    expect(history.status).toBe(200);
    expect(textOf(history.html)).toContain('Vilka elever har mest nytta');
    expect(textOf(history.html)).toContain('Stängt för svar');
  });

  it('deletes softly and the coordinator restores it from the history', async () => {
    await subject.request('/behovsbanken/ny', as(editor, await briefFields({ title: 'Tas bort' })));
    expect((await page('/behovsbanken/tas-bort/ta-bort', editor)).status).toBe(200);
    const deleted = await subject.request('/behovsbanken/tas-bort/ta-bort', as(editor, { version: '1' }));
    expect(deleted.status).toBe(303);
    expect((await page('/behovsbanken/tas-bort')).status).toBe(404);
    expect((await page('/behovsbanken/tas-bort/andra', editor)).status).toBe(404);
    expect((await brief('tas-bort')).deletedAt).not.toBeNull();
    // Only the coordinator restores.
    expect(
      (await subject.request('/behovsbanken/tas-bort/historik/1/aterstall', as(editor, {}))).status,
    ).toBe(403);
    const restored = await subject.request(
      '/behovsbanken/tas-bort/historik/1/aterstall',
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    expect((await page('/behovsbanken/tas-bort')).status).toBe(200);
    const rows = await db()
      .select({ action: recordHistory.action })
      .from(recordHistory)
      .where(
        and(eq(recordHistory.recordType, 'brief'), eq(recordHistory.recordId, (await brief('tas-bort')).id)),
      )
      .orderBy(desc(recordHistory.version));
    expect(rows.map((row) => row.action)).toEqual(['restored', 'deleted', 'created']);
  });

  it('refuses another organisation’s editor and a member (403), and saves nothing', async () => {
    await subject.request('/behovsbanken/ny', as(editor, await briefFields({ title: 'Bara vår' })));
    expect((await page('/behovsbanken/bara-var/andra', otherEditor)).status).toBe(403);
    const refused = await subject.request(
      '/behovsbanken/bara-var/andra',
      as(otherEditor, { ...(await briefFields({ title: 'Kapad' })), version: '1' }),
    );
    expect(refused.status).toBe(403);
    expect((await brief('bara-var')).title).toBe('Bara vår');
    // An editor cannot write a brief for another förvaltning, nor a member any.
    const other = await subject.request(
      '/behovsbanken/ny',
      as(
        editor,
        await briefFields({
          title: 'Fel förvaltning',
          organisationId: String(await idOf(organisations, 'gymnasie-och-arbetsmarknadsforvaltningen')),
        }),
      ),
    );
    expect(other.status).toBe(403);
    expect((await page('/behovsbanken/ny', member)).status).toBe(403);
    expect((await subject.request('/behovsbanken/ny', as(member, await briefFields()))).status).toBe(403);
  });

  it('lets a placement coordinator offer competence development for their institution only', async () => {
    const sh = String(await idOf(organisations, 'sodertorns-hogskola'));
    const form = await page('/behovsbanken/ny', placementCoordinator);
    expect(form.status).toBe(200);
    expect(form.html).toContain('<option value="staff_development" selected="">');
    expect(form.html).not.toContain('value="research_question"');
    const offered = await subject.request(
      '/behovsbanken/ny',
      as(
        placementCoordinator,
        await briefFields({ kind: 'staff_development', title: 'Handledarutbildning', organisationId: sh }),
      ),
    );
    expect(offered.status).toBe(303);
    expect(textOf((await page('/behovsbanken/handledarutbildning')).html)).toContain('Anmäl dig');
    const question = await subject.request(
      '/behovsbanken/ny',
      as(placementCoordinator, await briefFields({ title: 'En forskningsfråga', organisationId: sh })),
    );
    expect(question.status).toBe(403);
  });

  it('shows bad input as messages by the fields (422), keeps what was typed and saves nothing', async () => {
    const before = (await db().select({ id: briefs.id }).from(briefs)).length;
    const response = await subject.request(
      '/behovsbanken/ny',
      as(
        editor,
        await briefFields({
          title: 'x'.repeat(201),
          question: 'Digitalisering?',
          intendedUse: '',
          contactEmail: 'inte en adress',
          deadline: '2027-02-30',
          visibility: 'internal',
          kind: 'annat',
          background: 'Text med \u0007 ett styrtecken',
        }),
      ),
    );
    expect(response.status).toBe(422);
    const text = textOf(await response.text());
    for (const message of [
      'Beskriv frågan med minst en hel mening',
      'Fyll i fältet.',
      'Texten är för lång',
      'Texten innehåller tecken som inte kan sparas',
      'Skriv en e-postadress som namn@exempel.se',
      'Skriv datumet som ÅÅÅÅ-MM-DD',
      'Skriv varför behovet är internt',
      'Välj ett alternativ i listan',
    ])
      expect(text).toContain(message);
    expect(text).toContain('Digitalisering?');
    expect((await db().select({ id: briefs.id }).from(briefs)).length).toBe(before);
    // The good example stands beside the question.
    expect(text).toContain('Exempel: Hur påverkar läxhjälp');
  });

  it('refuses a field the form does not have, and a field sent twice (400)', async () => {
    const extra = await subject.request(
      '/behovsbanken/ny',
      as(editor, { ...(await briefFields()), authorPersonId: '1' }),
    );
    expect(extra.status).toBe(400);
    const fields = new URLSearchParams(await briefFields());
    fields.append('title', 'Två gånger');
    const twice = await subject.request('/behovsbanken/ny', formPost(fields, { cookie: editor }));
    expect(twice.status).toBe(400);
  });

  it('never gives a brief an address of the bank’s own pages', async () => {
    const response = await subject.request(
      '/behovsbanken/ny',
      as(editor, await briefFields({ title: 'Bevaka' })),
    );
    expect(response.headers.get('location')).toBe('/behovsbanken/bevaka-2?sparat=ny');
  });
});
