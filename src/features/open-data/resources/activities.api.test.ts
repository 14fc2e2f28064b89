import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { activities } from '../../activities/activities.table.ts';
import { agreements } from '../../agreements/agreements.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { activitiesResource } from './activities.resource.ts';

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
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  agreement: Reference | null;
  organisations: Reference[];
  focusAreas: Reference[];
  goals: Reference[];
  outcomes: string;
  outcomesUsedOn: string | null;
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Item[]> {
  const body = await json(`/api/v1/activities?limit=100${query}`);
  expect(body.totalItems).toBe(body.items.length);
  return body.items;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('/api/v1/activities', () => {
  it('lists every activity the site shows, by slug, with the fields of its public page', async () => {
    const items = await all();
    const shown = await subject.database.db
      .select({ slug: activities.slug })
      .from(activities)
      .where(and(eq(activities.visibility, 'public'), isNull(activities.deletedAt)));
    expect(items.length).toBeGreaterThan(5);
    expect(ids(items)).toEqual(shown.map((row) => row.slug).sort());
    expect(ids(items)).toEqual([...ids(items)].sort());

    const ulf = items.find((item) => item.id === 'ulf-bedomning-i-gymnasieskolan');
    expect(ulf).toMatchObject({
      url: 'http://localhost:3000/aktiviteter/ulf-bedomning-i-gymnasieskolan',
      title: 'Formativ bedömning i gymnasieskolans yrkesprogram',
      kind: 'ulf_project',
      startsOn: '2022-01-10',
      endsOn: '2025-06-30',
      agreement: {
        id: 'ulf-avtal-sodertorns-hogskola',
        name: 'ULF-avtal om praktiknära forskning i förskola och skola',
        url: 'http://localhost:3000/avtal/ulf-avtal-sodertorns-hogskola',
      },
      goals: [
        {
          id: 'verksamhetsutveckling-genom-forskning',
          name: 'Verksamhetsutveckling genom forskning',
          url: 'http://localhost:3000/mal/verksamhetsutveckling-genom-forskning',
        },
      ],
      outcomesUsedOn: null,
    });
    expect(ulf?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(ulf?.organisations.map((organisation) => organisation.url)).toContain(
      'http://localhost:3000/larosaten/sodertorns-hogskola',
    );

    // What the API says is what the activity's page says.
    for (const item of items.filter((one) =>
      ['ulf-bedomning-i-gymnasieskolan', 'vfu-lararstudenter-ht-2026'].includes(one.id),
    )) {
      const page = await subject.request(`/aktiviteter/${item.id}`);
      expect(page.status).toBe(200);
      const text = textOf(await page.text());
      expect(text).toContain(item.title);
      expect(text).toContain(item.description);
      expect(text).toContain(sv.activityKinds[item.kind as keyof typeof sv.activityKinds]);
      for (const organisation of item.organisations) expect(text).toContain(organisation.name);
      for (const area of item.focusAreas) expect(text).toContain(area.name);
      for (const goal of item.goals) expect(text).toContain(goal.name);
      if (item.agreement) expect(text).toContain(item.agreement.name);
    }
    const vfu = items.find((item) => item.id === 'vfu-lararstudenter-ht-2026');
    expect(vfu?.focusAreas).toEqual([
      {
        id: 'kompetensforsorjning',
        name: 'Kompetensförsörjning',
        url: 'http://localhost:3000/avtal#omrade-kompetensforsorjning',
      },
    ]);
  });

  it('filters by kind, organisation, agreement, focus area and goal', async () => {
    const everything = await all();
    const cases: [string, (item: Item) => boolean][] = [
      ['kind=ulf_project', (item) => item.kind === 'ulf_project'],
      ['organisation=ekdalsskolan', (item) => ids(item.organisations).includes('ekdalsskolan')],
      [
        'agreement=ulf-avtal-sodertorns-hogskola',
        (item) => item.agreement?.id === 'ulf-avtal-sodertorns-hogskola',
      ],
      ['focusArea=kompetensforsorjning', (item) => ids(item.focusAreas).includes('kompetensforsorjning')],
      ['goal=rekrytering', (item) => ids(item.goals).includes('rekrytering')],
    ];
    for (const [query, matches] of cases) {
      const expected = everything.filter(matches);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(everything.length);
      expect(ids(await all(`&${query}`)), query).toEqual(ids(expected));
    }
    expect(await all('&organisation=finns-inte')).toEqual([]);
  });

  it('filters by period: an activity matches if its period overlaps activeFrom–activeTo', async () => {
    const everything = await all();
    const overlaps = (item: Item, from?: string, to?: string) =>
      (from === undefined || item.endsOn === null || item.endsOn >= from) &&
      (to === undefined || item.startsOn === null || item.startsOn <= to);
    const periods: [string | undefined, string | undefined][] = [
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', undefined],
      [undefined, '2021-12-31'],
      ['2026-10-30', '2026-10-30'],
    ];
    for (const [from, to] of periods) {
      const query = `${from ? `&activeFrom=${from}` : ''}${to ? `&activeTo=${to}` : ''}`;
      const expected = everything.filter((item) => overlaps(item, from, to));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(everything.length);
      expect(ids(await all(query)), query).toEqual(ids(expected));
    }
    // The last day of a period counts: the VFU period ends on 30 October 2026.
    expect(ids(await all('&activeFrom=2026-10-30&activeTo=2026-10-30'))).toContain(
      'vfu-lararstudenter-ht-2026',
    );
    expect(ids(await all('&activeFrom=2026-10-31&activeTo=2026-10-31'))).not.toContain(
      'vfu-lararstudenter-ht-2026',
    );
  });

  it('filters by updatedSince', async () => {
    const [changed] = await subject.database.db
      .update(activities)
      .set({ updatedAt: new Date('2030-01-02T10:00:00Z') })
      .where(eq(activities.slug, 'kurs-handledning-av-studenter'))
      .returning();
    expect(changed).toBeDefined();
    expect(ids(await all('&updatedSince=2030-01-02T10:00:00Z'))).toEqual(['kurs-handledning-av-studenter']);
    expect(ids(await all('&updatedSince=2030-01-02T10:00:01Z'))).toEqual([]);
    expect((await all('&updatedSince=2000-01-01')).length).toBe((await all()).length);
  });

  it('pages with limit and page from 1, with links that lead through every item once', async () => {
    const everything = await all();
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/activities?limit=3';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      expect(body.limit).toBe(3);
      expect(body.totalItems).toBe(everything.length);
      seen.push(...ids(body.items));
      next = body.links.next;
    }
    expect(seen).toEqual(ids(everything));
    // The downloads read every item at once (limit null): the same items.
    const bulk = await activitiesResource.list(subject.deps, { filters: {}, limit: null, offset: 0 });
    expect(bulk.total).toBe(everything.length);
    expect(bulk.items).toEqual(everything);
    const past = await json('/api/v1/activities?limit=3&page=99');
    expect(past.items).toEqual([]);
    expect(past.totalItems).toBe(everything.length);
  });

  it('gives one activity by its slug; an internal or deleted one is gone from list and item (404)', async () => {
    const one = await json('/api/v1/activities/ulf-bedomning-i-gymnasieskolan');
    expect(one).toEqual((await all()).find((item) => item.id === 'ulf-bedomning-i-gymnasieskolan'));
    const changes = [
      { visibility: 'internal' as const, internalReason: 'arbetsmaterial' },
      { deletedAt: new Date('2026-11-20T10:00:00Z') },
    ];
    for (const change of changes) {
      await subject.database.db
        .update(activities)
        .set(change)
        .where(eq(activities.slug, 'ulf-bedomning-i-gymnasieskolan'));
      try {
        const response = await subject.request('/api/v1/activities/ulf-bedomning-i-gymnasieskolan');
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(ids(await all())).not.toContain('ulf-bedomning-i-gymnasieskolan');
        expect(ids(await all('&organisation=sodertorns-hogskola'))).not.toContain(
          'ulf-bedomning-i-gymnasieskolan',
        );
        const body = await (await subject.request('/api/v1/activities?limit=100')).text();
        expect(body).not.toContain('Formativ bedömning');
      } finally {
        await subject.database.db
          .update(activities)
          .set({ visibility: 'public', internalReason: null, deletedAt: null })
          .where(eq(activities.slug, 'ulf-bedomning-i-gymnasieskolan'));
      }
    }
    expect((await subject.request('/api/v1/activities/finns-inte')).status).toBe(404);
  });

  it('names no internal agreement and no deleted organisation, and does not filter by them', async () => {
    await subject.database.db
      .update(agreements)
      .set({ visibility: 'internal', internalReason: 'sekretess' })
      .where(eq(agreements.slug, 'ulf-avtal-sodertorns-hogskola'));
    await subject.database.db
      .update(organisations)
      .set({ deletedAt: new Date('2026-11-20T10:00:00Z') })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
    try {
      const one = await json('/api/v1/activities/ulf-bedomning-i-gymnasieskolan');
      expect(one.agreement).toBeNull();
      expect(ids(one.organisations)).not.toContain('flemingsbergs-gymnasium');
      expect(ids(one.organisations)).toContain('sodertorns-hogskola');
      expect(await all('&agreement=ulf-avtal-sodertorns-hogskola')).toEqual([]);
      expect(await all('&organisation=flemingsbergs-gymnasium')).toEqual([]);
      const body = await (await subject.request('/api/v1/activities?limit=100')).text();
      expect(body).not.toContain('ulf-avtal-sodertorns-hogskola');
      expect(body).not.toContain('flemingsbergs-gymnasium');
    } finally {
      await subject.database.db
        .update(agreements)
        .set({ visibility: 'public', internalReason: null })
        .where(eq(agreements.slug, 'ulf-avtal-sodertorns-hogskola'));
      await subject.database.db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
    }
  });

  it('refuses a bad kind, a date that is not in the calendar and an unknown parameter with 400', async () => {
    const response = await subject.request(
      '/api/v1/activities?kind=projekt&activeFrom=2026-02-31&activeTo=idag&typ=kurs',
    );
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'activeFrom',
      'activeTo',
      'kind',
      'typ',
    ]);
  });

  it('has a complete, realistic example that its own schema accepts', async () => {
    const document = await json('/api/v1/openapi.json');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/activities', '/activities/{id}', '/briefs', '/briefs/{id}']),
    );
    const { item, example } = activitiesResource.schemas(sv);
    expect(item.safeParse(example).success).toBe(true);
    const real = await json(`/api/v1/activities/${example.id}`);
    expect(Object.keys(example).sort()).toEqual(Object.keys(real).sort());
    expect(real.title).toBe(example.title);
    expect(real.agreement).toEqual({
      ...example.agreement,
      url: example.agreement?.url.replace('https://samverkan.huddinge.se', 'http://localhost:3000'),
    });
  });
});
