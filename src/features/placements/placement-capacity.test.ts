import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, textOf } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { placementOffers } from './placements.table.ts';

/**
 * The capacity list (/praktik/platser) on a known data set in a term of its own: each filter, the
 * förvaltning found above nested units, deleted offers and units left out, paging, and bad filters.
 */
let subject: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
const offer: Record<string, number> = {};
const org: Record<string, number> = {};

beforeAll(async () => {
  subject = await createTestApp();
  cookie = (await signedInPerson(subject, { roles: { 'sodertorns-hogskola': 'placement_coordinator' } }))
    .cookie;
  for (const slug of [
    'ekdalsskolan',
    'solbackens-forskola',
    'flemingsbergs-gymnasium',
    'barn-och-utbildningsforvaltningen',
    'gymnasie-och-arbetsmarknadsforvaltningen',
  ]) {
    const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
    org[slug] = row!.id;
  }
  const [fritids] = await db()
    .insert(organisations)
    .values({
      slug: 'ekdalsskolans-fritids',
      name: 'Ekdalsskolans fritidshem',
      kind: 'department',
      parentId: org.ekdalsskolan,
    })
    .returning({ id: organisations.id });
  const [gone] = await db()
    .insert(organisations)
    .values({
      slug: 'nedlagd-skola',
      name: 'Nedlagda skolan',
      kind: 'unit',
      parentId: org['barn-och-utbildningsforvaltningen'],
      deletedAt: new Date(),
    })
    .returning({ id: organisations.id });
  const add = async (
    name: string,
    values: Partial<typeof placementOffers.$inferInsert> & { organisationId: number },
  ) => {
    const [row] = await db()
      .insert(placementOffers)
      .values({ term: 'HT2032', kind: 'vfu_teacher', programme: 'Program', places: 1, ...values })
      .returning({ id: placementOffers.id });
    offer[name] = row!.id;
  };
  await add('A', {
    organisationId: org.ekdalsskolan!,
    programme: 'Grundlärarprogrammet F–3',
    places: 4,
    confirmedPlaces: 4,
    area: 'Sjödalen',
    startsOn: '2032-09-01',
    endsOn: '2032-10-15',
  });
  await add('B', {
    organisationId: org['solbackens-forskola']!,
    programme: 'Förskollärarprogrammet',
    places: 3,
    confirmedPlaces: 1,
    area: 'Flemingsberg',
    startsOn: '2032-11-01',
    endsOn: '2032-12-15',
  });
  await add('C', {
    organisationId: org['flemingsbergs-gymnasium']!,
    kind: 'apl',
    programme: 'Vård- och omsorgsprogrammet',
    places: 5,
    area: 'Flemingsberg',
  });
  await add('D', {
    organisationId: fritids!.id,
    kind: 'internship',
    programme: 'Socionomprogrammet',
    places: 2,
    area: 'Skogås',
    startsOn: '2032-08-20',
    endsOn: '2032-09-10',
  });
  await add('deleted', { organisationId: org.ekdalsskolan!, deletedAt: new Date() });
  await add('otherTerm', { organisationId: org.ekdalsskolan!, term: 'HT2031' });
  await add('deletedUnit', { organisationId: gone!.id });
  // 120 offers in a term of their own, for paging.
  await db().execute(sql`
    insert into placement_offers (organisation_id, term, kind, programme, places)
    select ${org.ekdalsskolan}, 'HT2033', 'vfu_teacher', 'Program ' || lpad(n::text, 3, '0'), 1
      from generate_series(1, 120) n`);
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;

async function list(query: string) {
  const response = await subject.request(`/praktik/platser?${query}`, { headers: { cookie } });
  const html = await response.text();
  const ids = [...html.matchAll(/href="\/praktik\/platser\/(\d+)"/g)].map((match) => Number(match[1]));
  const names = Object.fromEntries(Object.entries(offer).map(([name, id]) => [id, name]));
  return {
    status: response.status,
    html,
    text: textOf(html),
    shown: ids.map((id) => names[id] ?? String(id)),
  };
}

describe('the capacity list', () => {
  it('shows the term’s live offers of live units, sorted by unit, with the förvaltning above each', async () => {
    const { status, shown, text } = await list('termin=HT2032');
    expect(status).toBe(200);
    expect(shown).toEqual(['A', 'D', 'C', 'B']);
    expect(text).toContain('4 erbjudanden höstterminen 2032');
    // The fritidshem is a department under a school: its förvaltning is two levels up.
    expect(text).toMatch(
      /Ekdalsskolans fritidshem Barn- och utbildningsförvaltningen Praktik Socionomprogrammet/,
    );
    expect(text).toMatch(/Flemingsbergs gymnasium Gymnasie- och arbetsmarknadsförvaltningen APL, gymnasiet/);
  });

  it.for([
    ['typ=vfu', ['A', 'B']],
    ['typ=apl', ['C']],
    ['program=l%C3%A4rar', ['A', 'B']],
    ['program=grundlarar', ['A']],
    ['program=%25', []],
    ['forvaltning=BUF', ['A', 'D', 'B']],
    ['forvaltning=GAF', ['C']],
    ['omrade=Flemingsberg', ['C', 'B']],
    ['omrade=flemingsberg', ['C', 'B']],
    ['fran=2032-10-20', ['C', 'B']],
    ['till=2032-08-31', ['D', 'C']],
    ['fran=2032-09-05&till=2032-09-06', ['A', 'D', 'C']],
    ['lediga=1', ['D', 'C', 'B']],
    ['typ=vfu&lediga=1', ['B']],
  ] as const)('filters %s', async ([filter, expected]) => {
    const query = filter
      .replace('BUF', String(org['barn-och-utbildningsforvaltningen']))
      .replace('GAF', String(org['gymnasie-och-arbetsmarknadsforvaltningen']));
    const { status, shown } = await list(`termin=HT2032&${query}`);
    expect(status).toBe(200);
    expect(shown).toEqual(expected);
  });

  it('offers the areas of the term and every förvaltning as choices, and keeps the filters in the form', async () => {
    const { html } = await list('termin=HT2032&omrade=Flemingsberg&lediga=1&program=l%C3%A4r');
    expect(html).toContain('<option value="Flemingsberg" selected="">Flemingsberg</option>');
    expect(html).toContain('<option value="Skogås">Skogås</option>');
    expect(html).toContain('Gymnasie- och arbetsmarknadsförvaltningen</option>');
    expect(html).toMatch(/name="lediga" value="1" checked/);
    expect(html).toContain('value="lär"');
  });

  it('pages 50 at a time, stably, with links that keep the filters', async () => {
    const first = await list('termin=HT2033');
    expect(first.text).toContain('120 erbjudanden höstterminen 2033');
    expect(first.shown).toHaveLength(50);
    expect(first.html).toContain('href="/praktik/platser?termin=HT2033&amp;sida=2"');
    const second = await list('termin=HT2033&sida=2');
    const third = await list('termin=HT2033&sida=3');
    expect(third.shown).toHaveLength(20);
    expect(new Set([...first.shown, ...second.shown, ...third.shown]).size).toBe(120);
    expect((await list('termin=HT2033&sida=2')).shown).toEqual(second.shown);
    const beyond = await list('termin=HT2033&sida=9');
    expect(beyond.status).toBe(200);
    expect(beyond.text).toContain('Inga erbjudanden motsvarar filtren.');
  });

  it('defaults to the next term, and accepts the term as people type it', async () => {
    expect((await list('')).text).toContain('Praktikplatser vårterminen 2027');
    expect((await list('termin=ht+2032')).shown).toEqual(['A', 'D', 'C', 'B']);
  });

  it('answers a typed filter that is wrong with a message by it (422)', async () => {
    for (const [query, message] of [
      ['termin=XT2032', 'Skriv terminen som VT eller HT och året, till exempel HT2027.'],
      ['termin=HT2032&fran=2032-13-01', 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.'],
      ['termin=HT2032&fran=2032-10-01&till=2032-09-01', 'Till-datumet kan inte vara före från-datumet.'],
      [`termin=HT2032&program=${'x'.repeat(101)}`, 'Texten är för lång. Skriv högst 100 tecken.'],
      ['termin=HT2032&program=%00', 'Texten är för lång. Skriv högst 100 tecken.'],
    ] as const) {
      const { status, text } = await list(query);
      expect(status, query).toBe(422);
      expect(text).toContain(message);
    }
  });

  it('refuses values no form of ours sends (400)', async () => {
    for (const query of ['typ=dans', 'forvaltning=abc', 'lediga=2', 'sida=0', 'sida=x']) {
      expect((await list(`termin=HT2032&${query}`)).status, query).toBe(400);
    }
  });
});
