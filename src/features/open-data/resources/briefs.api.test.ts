import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { activities } from '../../activities/activities.table.ts';
import { briefResponses, briefs } from '../../needs/needs.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { briefsResource } from './briefs.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Reference = { id: string; name: string; url: string };
type Item = {
  id: string;
  url: string;
  updatedAt: string;
  title: string;
  kind: string;
  status: string;
  organisation: Reference | null;
  question: string;
  intendedUse: string;
  background: string;
  beneficiaries: string;
  offering: string;
  contactName: string;
  deadline: string | null;
  publishedAt: string;
  focusAreas: Reference[];
  goals: Reference[];
  institutions: Reference[];
  outcomes: Reference[];
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Item[]> {
  const body = await json(`/api/v1/briefs?limit=100${query}`);
  expect(body.totalItems).toBe(body.items.length);
  return body.items;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const STAYING = 'varfor-stannar-personal-i-aldreomsorgen';

describe('/api/v1/briefs', () => {
  it('lists exactly the briefs the needs bank shows, by slug', async () => {
    const items = await all();
    const shown = await subject.database.db
      .select({ slug: briefs.slug })
      .from(briefs)
      .where(and(isNotNull(briefs.publishedAt), eq(briefs.visibility, 'public'), isNull(briefs.deletedAt)));
    expect(items.length).toBeGreaterThan(10);
    expect(ids(items)).toEqual(shown.map((row) => row.slug).sort());
    expect(ids(items)).toEqual([...ids(items)].sort());
    // The needs bank's list, 20 a page.
    const list =
      (await (await subject.request('/behovsbanken')).text()) +
      (await (await subject.request('/behovsbanken?sida=2')).text());
    const linked = new Set(
      [...list.matchAll(/href="\/behovsbanken\/([a-z0-9-]+)"/g)]
        .map((match) => match[1] as string)
        .filter((slug) => !['bevaka', 'ny'].includes(slug)),
    );
    expect([...linked].sort()).toEqual(ids(items));
    // A draft and an internal brief are not in the bank.
    expect(ids(items)).not.toContain('nattbemanning-aldreomsorg');
    expect(ids(items)).not.toContain('oro-for-barn-intern-kartlaggning');
    expect((await subject.request('/api/v1/briefs/nattbemanning-aldreomsorg')).status).toBe(404);
    expect((await subject.request('/api/v1/briefs/oro-for-barn-intern-kartlaggning')).status).toBe(404);
  });

  it("gives a brief's fields as its public page shows them, with what its accepted answers became", async () => {
    const brief: Item = await json(`/api/v1/briefs/${STAYING}`);
    expect(brief).toMatchObject({
      url: `http://localhost:3000/behovsbanken/${STAYING}`,
      title: 'Vad får personalen att stanna i äldreomsorgen?',
      kind: 'research_question',
      status: 'open',
      organisation: {
        id: 'vard-och-omsorgsforvaltningen',
        name: 'Vård- och omsorgsförvaltningen',
        url: 'http://localhost:3000/organisationer/vard-och-omsorgsforvaltningen',
      },
      deadline: '2027-02-28',
      publishedAt: '2026-09-10T07:00:00Z',
      institutions: [
        {
          id: 'karolinska-institutet',
          name: 'Karolinska Institutet',
          url: 'http://localhost:3000/larosaten/karolinska-institutet',
        },
      ],
      goals: [
        { id: 'rekrytering', name: 'Rekrytering', url: 'http://localhost:3000/mal/rekrytering' },
        {
          id: 'verksamhetsutveckling-genom-forskning',
          name: 'Verksamhetsutveckling genom forskning',
          url: 'http://localhost:3000/mal/verksamhetsutveckling-genom-forskning',
        },
      ],
      outcomes: [
        {
          id: 'forskning-personal-stannar-aldreomsorg',
          name: 'Vad får personalen att stanna i äldreomsorgen?',
          url: 'http://localhost:3000/aktiviteter/forskning-personal-stannar-aldreomsorg',
        },
      ],
    });
    expect(brief.contactName).not.toBe('');
    const text = textOf(await (await subject.request(`/behovsbanken/${STAYING}`)).text());
    for (const words of [
      brief.title,
      brief.question,
      brief.intendedUse,
      brief.background,
      brief.beneficiaries,
      brief.offering,
      brief.contactName,
      brief.organisation?.name ?? 'saknas',
      sv.needs.kinds.research_question,
      sv.needs.status.open,
      ...brief.focusAreas.map((area) => area.name),
      ...brief.goals.map((goal) => goal.name),
      ...brief.institutions.map((institution) => institution.name),
      ...brief.outcomes.map((activity) => activity.name),
    ])
      expect(text).toContain(words);
    // Competence development names no institutions, as its page does not.
    const staff = await json('/api/v1/briefs/demensvard-i-praktiken');
    expect(staff.kind).toBe('staff_development');
    expect(staff.institutions).toEqual([]);
    expect(staff.organisation.url).toBe('http://localhost:3000/larosaten/karolinska-institutet');
  });

  it('never gives an e-mail address or anything of the answers but the public activities they became', async () => {
    // A responder's name that no one else has (the demo's names are drawn from a small pool).
    const [answer] = await subject.database.db
      .select({ id: briefResponses.id })
      .from(briefResponses)
      .limit(1);
    await subject.database.db
      .update(briefResponses)
      .set({ name: 'Ingrid Svarsdottir-Unik' })
      .where(eq(briefResponses.id, answer?.id ?? 0));
    const body = await (await subject.request('/api/v1/briefs?limit=100')).text();
    expect(body).not.toContain('Svarsdottir');
    const contacts = await subject.database.db
      .select({ email: briefs.contactEmail })
      .from(briefs)
      .where(isNotNull(briefs.contactEmail));
    for (const { email } of contacts) expect(body).not.toContain(email);
    const answers = await subject.database.db
      .select({ email: briefResponses.email, approach: briefResponses.approach })
      .from(briefResponses);
    expect(answers.length).toBeGreaterThan(0);
    for (const { email, approach } of answers) {
      expect(body).not.toContain(email);
      expect(body).not.toContain(approach);
    }
    expect(body).not.toMatch(/@/);
    // An activity an answer became that is made internal leaves the brief's outcomes.
    await subject.database.db
      .update(activities)
      .set({ visibility: 'internal', internalReason: 'arbetsmaterial' })
      .where(eq(activities.slug, 'forskning-personal-stannar-aldreomsorg'));
    try {
      expect((await json(`/api/v1/briefs/${STAYING}`)).outcomes).toEqual([]);
    } finally {
      await subject.database.db
        .update(activities)
        .set({ visibility: 'public', internalReason: null })
        .where(eq(activities.slug, 'forskning-personal-stannar-aldreomsorg'));
    }
  });

  it('filters by kind, organisation (asking or addressed), focus area and goal', async () => {
    const everything = await all();
    const cases: [string, (item: Item) => boolean][] = [
      ['kind=thesis', (item) => item.kind === 'thesis'],
      [
        'organisation=karolinska-institutet',
        (item) =>
          item.organisation?.id === 'karolinska-institutet' ||
          ids(item.institutions).includes('karolinska-institutet'),
      ],
      ['focusArea=samhallsbyggnad', (item) => ids(item.focusAreas).includes('samhallsbyggnad')],
      ['goal=tillvaxt', (item) => ids(item.goals).includes('tillvaxt')],
    ];
    for (const [query, matches] of cases) {
      const expected = everything.filter(matches);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(everything.length);
      expect(ids(await all(`&${query}`)), query).toEqual(ids(expected));
    }
    expect(ids(await all('&organisation=karolinska-institutet'))).toEqual(
      expect.arrayContaining([STAYING, 'demensvard-i-praktiken']),
    );
    // The needs bank's own filter by institution gives the same briefs.
    const page = await (await subject.request('/behovsbanken?larosate=karolinska-institutet')).text();
    for (const id of ids(await all('&organisation=karolinska-institutet')))
      expect(page).toContain(`href="/behovsbanken/${id}"`);
  });

  it('filters by status as the pages compute it: closed by its owner or past its last day', async () => {
    expect((await all('&status=closed')).length).toBe(0);
    await subject.database.db
      .update(briefs)
      .set({ closedAt: new Date('2026-11-01T10:00:00Z') })
      .where(eq(briefs.slug, 'dagvatten-flemingsberg'));
    await subject.database.db
      .update(briefs)
      .set({ deadline: '2026-11-26' })
      .where(eq(briefs.slug, 'elevers-narvaro-hogstadiet'));
    try {
      const closed = await all('&status=closed');
      expect(ids(closed)).toEqual(['dagvatten-flemingsberg', 'elevers-narvaro-hogstadiet']);
      const open = await all('&status=open');
      expect(open.every((item) => item.status === 'open')).toBe(true);
      expect(open.length + closed.length).toBe((await all()).length);
      const page = textOf(await (await subject.request('/behovsbanken/elevers-narvaro-hogstadiet')).text());
      expect(page).toContain(sv.needs.status.closed);
      // The last day itself is still open.
      await subject.database.db
        .update(briefs)
        .set({ deadline: '2026-11-27' })
        .where(eq(briefs.slug, 'elevers-narvaro-hogstadiet'));
      expect((await json('/api/v1/briefs/elevers-narvaro-hogstadiet')).status).toBe('open');
    } finally {
      await subject.database.db
        .update(briefs)
        .set({ closedAt: null })
        .where(eq(briefs.slug, 'dagvatten-flemingsberg'));
      await subject.database.db
        .update(briefs)
        .set({ deadline: '2026-12-15' })
        .where(eq(briefs.slug, 'elevers-narvaro-hogstadiet'));
    }
  });

  it('filters by updatedSince', async () => {
    await subject.database.db
      .update(briefs)
      .set({ updatedAt: new Date('2030-01-02T10:00:00Z') })
      .where(eq(briefs.slug, 'biblioteken-och-unga-i-varby'));
    expect(ids(await all('&updatedSince=2030-01-02'))).toEqual(['biblioteken-och-unga-i-varby']);
    expect(ids(await all('&updatedSince=2030-01-02T11:00:00%2B01:00'))).toEqual([
      'biblioteken-och-unga-i-varby',
    ]);
    expect(await all('&updatedSince=2030-01-02T10:00:01Z')).toEqual([]);
  });

  it('pages with limit and page from 1, with links that lead through every item once', async () => {
    const everything = await all();
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/briefs?limit=4';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      expect(body.totalItems).toBe(everything.length);
      seen.push(...ids(body.items));
      next = body.links.next;
    }
    expect(seen).toEqual(ids(everything));
  });

  it('hides an internal, unpublished or deleted brief from list and item, and a deleted owner', async () => {
    const changes = [
      { visibility: 'internal' as const, internalReason: 'arbetsmaterial' },
      { publishedAt: null },
      { deletedAt: new Date('2026-11-20T10:00:00Z') },
    ];
    for (const change of changes) {
      await subject.database.db.update(briefs).set(change).where(eq(briefs.slug, STAYING));
      try {
        const response = await subject.request(`/api/v1/briefs/${STAYING}`);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(ids(await all())).not.toContain(STAYING);
        expect(ids(await all('&organisation=karolinska-institutet'))).not.toContain(STAYING);
      } finally {
        await subject.database.db
          .update(briefs)
          .set({
            visibility: 'public',
            internalReason: null,
            publishedAt: new Date('2026-09-10T07:00:00Z'),
            deletedAt: null,
          })
          .where(eq(briefs.slug, STAYING));
      }
    }
    await subject.database.db
      .update(organisations)
      .set({ deletedAt: new Date('2026-11-20T10:00:00Z') })
      .where(eq(organisations.slug, 'vard-och-omsorgsforvaltningen'));
    try {
      const brief = await json(`/api/v1/briefs/${STAYING}`);
      expect(brief.organisation).toBeNull();
      expect(ids(await all('&organisation=vard-och-omsorgsforvaltningen'))).toEqual([]);
    } finally {
      await subject.database.db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.slug, 'vard-och-omsorgsforvaltningen'));
    }
  });

  it('refuses a bad status and an unknown parameter with 400 naming each', async () => {
    const response = await subject.request('/api/v1/briefs?status=oppen&goal=Mal&sida=1');
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.invalidParams).toEqual(
      expect.arrayContaining([
        { name: 'status', reason: 'Ska vara ett av: open, closed.' },
        { name: 'goal', reason: sv.openData.reasons.slug },
        { name: 'sida', reason: sv.openData.reasons.unknownParameter },
      ]),
    );
  });

  it('has a complete, realistic example that its own schema accepts', async () => {
    const { item, example } = briefsResource.schemas(sv);
    expect(item.safeParse(example).success).toBe(true);
    const real = await json(`/api/v1/briefs/${example.id}`);
    expect(Object.keys(example).sort()).toEqual(Object.keys(real).sort());
    for (const field of ['title', 'kind', 'question', 'intendedUse', 'deadline', 'publishedAt'] as const)
      expect(real[field]).toEqual(example[field]);
    expect(ids(real.outcomes)).toEqual(ids(example.outcomes));
  });
});
