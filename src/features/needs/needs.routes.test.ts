import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { focusAreaField, goalField, institutionField } from './needs.forms.ts';
import { BRIEFS_PER_PAGE } from './needs.queries.ts';
import { briefs } from './needs.table.ts';

/**
 * The needs bank's public side (issue 9, item 5): the list and its filters (kind, area, goal, institution)
 * and paging, and the Atom feeds (RFC 4287) read with a real XML parser.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;

beforeAll(async () => {
  // Without demo data: the briefs here are the only ones.
  subject = await createTestApp({ demo: false });
  coordinator = (await signedInPerson(subject, { roles: { 'huddinge-kommun': 'coordinator' } })).cookie;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
async function idOf(table: typeof organisations | typeof focusAreas | typeof goals, slug: string) {
  const [row] = await db().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
const text = async (path: string) => {
  const response = await subject.request(path);
  return { status: response.status, text: textOf(await response.text()) };
};

async function write(title: string, changes: Record<string, string> = {}) {
  const response = await subject.request(
    '/behovsbanken/ny',
    formPost(
      {
        kind: 'research_question',
        title,
        organisationId: String(await idOf(organisations, 'barn-och-utbildningsforvaltningen')),
        background: '',
        question: `Vad behöver vi veta om ${title.toLowerCase()} för att göra rätt?`,
        intendedUse: 'Underlag för förvaltningens planering nästa år.',
        beneficiaries: '',
        offering: '',
        contactName: '',
        contactEmail: 'hemlig@huddinge.example',
        deadline: '',
        visibility: 'public',
        internalReason: '',
        published: 'ja',
        closed: '',
        ...changes,
      },
      { cookie: coordinator },
    ),
  );
  expect(response.status, title).toBe(303);
}

let area: number;
let goal: number;
let ki: number;
beforeAll(async () => {
  area = await idOf(focusAreas, 'samhallsbyggnad');
  goal = await idOf(goals, 'rekrytering');
  ki = await idOf(organisations, 'karolinska-institutet');
  await write('Hemlösa unga vuxna');
  await write('Dagvatten i Flemingsberg', { kind: 'thesis', [focusAreaField(area)]: 'ja' });
  await write('Rekrytering av sjuksköterskor', { kind: 'ulf_question', [goalField(goal)]: 'ja' });
  await write('Demens och dans', { [institutionField(ki)]: 'ja', deadline: '2026-01-31' });
  await write('Ett internt behov', { visibility: 'internal', internalReason: 'Arbetsmaterial' });
  await write('Ett utkast', { published: '' });
  await write('Stängt behov', { closed: 'ja' });
});

describe('the list of briefs', () => {
  it('shows published public briefs, newest first, never drafts or internal ones', async () => {
    const list = await text('/behovsbanken');
    expect(list.status).toBe(200);
    expect(list.text).toContain('5 behov');
    for (const title of ['Hemlösa unga vuxna', 'Dagvatten i Flemingsberg', 'Demens och dans', 'Stängt behov'])
      expect(list.text).toContain(title);
    expect(list.text).not.toContain('Ett internt behov');
    expect(list.text).not.toContain('Ett utkast');
    expect(list.text).not.toContain('hemlig@');
    // Written in this order in one second: the latest written first.
    expect(list.text.indexOf('Stängt behov')).toBeLessThan(list.text.indexOf('Hemlösa unga vuxna'));
    // Past its last day, or closed by its owner: closed.
    expect((await text('/behovsbanken/demens-och-dans')).text).toContain('Stängt för svar');
  });

  it('filters by kind, area, goal and institution', async () => {
    const only = async (query: string) => {
      const list = await text(`/behovsbanken?${query}`);
      expect(list.status, query).toBe(200);
      return [
        'Hemlösa unga vuxna',
        'Dagvatten i Flemingsberg',
        'Rekrytering av sjuksköterskor',
        'Demens och dans',
      ].filter((title) => list.text.includes(title));
    };
    expect(await only('typ=examensarbete')).toEqual(['Dagvatten i Flemingsberg']);
    expect(await only('typ=ulf-fraga')).toEqual(['Rekrytering av sjuksköterskor']);
    expect(await only('omrade=samhallsbyggnad')).toEqual(['Dagvatten i Flemingsberg']);
    expect(await only('mal=rekrytering')).toEqual(['Rekrytering av sjuksköterskor']);
    expect(await only('larosate=karolinska-institutet')).toEqual(['Demens och dans']);
    expect(await only('typ=forskningsfraga&larosate=karolinska-institutet')).toEqual(['Demens och dans']);
    expect(await only('typ=examensarbete&mal=rekrytering')).toEqual([]);
    // "Alla" sends an empty value: no filter.
    expect(await only('typ=&omrade=&mal=&larosate=')).toHaveLength(4);
  });

  it('refuses a kind that does not exist (400) and answers 404 for an area, goal or page that is not there', async () => {
    expect((await subject.request('/behovsbanken?typ=annat')).status).toBe(400);
    expect((await subject.request('/behovsbanken?omrade=%3Cscript%3E')).status).toBe(400);
    expect((await subject.request('/behovsbanken?omrade=finns-inte')).status).toBe(404);
    expect((await subject.request('/behovsbanken?mal=finns-inte')).status).toBe(404);
    expect((await subject.request('/behovsbanken?sida=2')).status).toBe(404);
    expect((await subject.request('/behovsbanken?sida=0')).status).toBe(400);
  });

  it('pages the list', async () => {
    for (let n = 1; n <= BRIEFS_PER_PAGE; n += 1)
      await write(`Sidbehov nummer ${n}`, { kind: 'guest_lecture' });
    const first = await text('/behovsbanken?typ=gastforelasning');
    expect(first.text).toContain(`${BRIEFS_PER_PAGE} behov`);
    expect(first.text).not.toContain('Nästa sida');
    await write('Sidbehov nummer 21', { kind: 'guest_lecture' });
    const again = await subject.request('/behovsbanken?typ=gastforelasning');
    const html = await again.text();
    expect(html).toContain('href="/behovsbanken?typ=gastforelasning&amp;sida=2"');
    const second = await text('/behovsbanken?typ=gastforelasning&sida=2');
    expect(second.text).toContain('Sidbehov nummer 1 ');
    expect(second.text).toContain('Föregående sida');
  });

  it('links its feed from the head and offers alerts', async () => {
    const html = await (
      await subject.request('/behovsbanken?typ=examensarbete&omrade=samhallsbyggnad')
    ).text();
    expect(html).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/behovsbanken\/flode\.atom\?typ=examensarbete&amp;omrade=samhallsbyggnad"/,
    );
    expect(html).toContain('href="/behovsbanken/bevaka"');
  });

  it('finds published briefs in the site search, not drafts or internal ones', async () => {
    expect((await text('/sok?q=dagvatten')).text).toContain('Dagvatten i Flemingsberg');
    expect((await text('/sok?q=utkast')).text).toContain('Inga träffar');
    expect((await text('/sok?q=internt')).text).not.toContain('Ett internt behov');
  });
});

/** The feed, checked as XML and read with a real parser (fast-xml-parser). */
async function feed(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link'].includes(name),
    textNodeName: '#text',
  }).parse(xml);
  const root = parsed.feed;
  expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  const value = (node: unknown) =>
    typeof node === 'object' && node !== null ? (node as Record<string, string>)['#text'] : String(node);
  const entries = ((root.entry ?? []) as Record<string, unknown>[]).map((entry) => ({
    id: value(entry.id),
    title: value(entry.title),
    updated: value(entry.updated),
    published: value(entry.published),
    links: entry.link as { '@_href': string; '@_rel': string }[],
    summary: value(entry.summary),
  }));
  return {
    id: value(root.id),
    title: value(root.title),
    updated: value(root.updated),
    author: root.author?.name,
    links: root.link as { '@_href': string; '@_rel': string }[],
    entries,
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('the Atom feeds', () => {
  it('has every element RFC 4287 requires, for the feed and each entry', async () => {
    const all = await feed('/behovsbanken/flode.atom');
    expect(all.id).toMatch(/^tag:localhost,2026:behovsbanken$/);
    expect(all.title).toBe('Behovsbanken – nya behov');
    expect(all.updated).toMatch(RFC3339);
    expect(all.author).toBe('Huddinge kommun');
    expect(all.links.find((link) => link['@_rel'] === 'self')?.['@_href']).toBe(
      'http://localhost:3000/behovsbanken/flode.atom',
    );
    expect(all.entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of all.entries) {
      expect(entry.id).toMatch(/^tag:localhost,2026:behov-\d+$/);
      expect(entry.title).not.toBe('');
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toMatch(RFC3339);
      expect(entry.links[0]?.['@_href']).toMatch(/^http:\/\/localhost:3000\/behovsbanken\/[a-z0-9-]+$/);
      expect(entry.summary).not.toBe('');
    }
    const titles = all.entries.map((entry) => entry.title);
    expect(titles).toContain('Hemlösa unga vuxna');
    expect(titles).not.toContain('Ett internt behov');
    expect(titles).not.toContain('Ett utkast');
    expect(JSON.stringify(all)).not.toContain('hemlig@');
    expect(new Set(all.entries.map((entry) => entry.id)).size).toBe(all.entries.length);
  });

  it('has a feed per kind and per area', async () => {
    const theses = await feed('/behovsbanken/flode.atom?typ=examensarbete');
    expect(theses.entries.map((entry) => entry.title)).toEqual(['Dagvatten i Flemingsberg']);
    expect(theses.title).toBe('Behovsbanken – Examensarbeten');
    const area = await feed('/behovsbanken/flode.atom?omrade=samhallsbyggnad');
    expect(area.entries.map((entry) => entry.title)).toEqual(['Dagvatten i Flemingsberg']);
    expect(area.id).not.toBe(theses.id);
    const none = await feed('/behovsbanken/flode.atom?typ=kompetensutveckling');
    expect(none.entries).toEqual([]);
    expect(none.updated).toMatch(RFC3339);
    expect((await subject.request('/behovsbanken/flode.atom?typ=nej')).status).toBe(400);
    expect((await subject.request('/behovsbanken/flode.atom?omrade=finns-inte')).status).toBe(404);
  });

  it('escapes what a brief says', async () => {
    await write('Skola & <hem> "samverkan"');
    const all = await feed('/behovsbanken/flode.atom');
    expect(all.entries.map((entry) => entry.title)).toContain('Skola & <hem> "samverkan"');
  });
});

describe('a brief that is gone', () => {
  it('is a 404 when deleted, and gone from the list and the feed', async () => {
    await write('Snart borta');
    const [row] = await db().select().from(briefs).where(eq(briefs.slug, 'snart-borta'));
    const response = await subject.request(
      '/behovsbanken/snart-borta/ta-bort',
      formPost({ version: String(row!.version) }, { cookie: coordinator }),
    );
    expect(response.status).toBe(303);
    expect((await subject.request('/behovsbanken/snart-borta')).status).toBe(404);
    expect((await text('/behovsbanken')).text).not.toContain('Snart borta');
    expect((await feed('/behovsbanken/flode.atom')).entries.map((entry) => entry.title)).not.toContain(
      'Snart borta',
    );
  });
});
