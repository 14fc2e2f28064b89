import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { organisationsResource } from './organisations.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Item = {
  id: string;
  url: string;
  name: string;
  shortName: string | null;
  kind: string;
  parent: { id: string; name: string; url: string } | null;
  website: string | null;
  description: string;
  isExampleData: boolean;
  updatedAt: string;
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Item[]> {
  const body = await json(`/api/v1/organisations?limit=100${query}`);
  expect(body.totalItems).toBeLessThanOrEqual(100);
  return body.items;
}

async function html(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('/api/v1/organisations', () => {
  it('lists the universities of the source page under /larosaten, with the fields their pages show', async () => {
    const universities = await all('&kind=university');
    expect(universities.filter((item) => !item.isExampleData).map((item) => item.id)).toEqual(
      expect.arrayContaining([
        'sodertorns-hogskola',
        'karolinska-institutet',
        'kth-flemingsberg',
        'roda-korsets-hogskola',
        'stockholms-musikpedagogiska-institut',
        'konstskolan-idun-loven',
      ]),
    );
    const sh = await json('/api/v1/organisations/sodertorns-hogskola');
    expect(sh).toEqual({
      id: 'sodertorns-hogskola',
      url: 'http://localhost:3000/larosaten/sodertorns-hogskola',
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      isExampleData: false,
      name: 'Södertörns högskola',
      shortName: 'SH',
      kind: 'university',
      parent: null,
      website: null,
      description: 'Här utbildas bland annat journalister, poliser och lärare.',
    });
    const ki = universities.find((item) => item.id === 'karolinska-institutet');
    expect(ki).toMatchObject({ name: 'Karolinska Institutet', shortName: 'KI', kind: 'university' });
    expect(ki?.url).toBe('http://localhost:3000/larosaten/karolinska-institutet');
    const page = await html('/larosaten/karolinska-institutet');
    expect(page).toContain(ki?.description);
    // Every other kind is under /organisationer, and its page is there.
    const foundation = await json('/api/v1/organisations/stiftelsen-flemingsberg-science');
    expect(foundation.url).toBe('http://localhost:3000/organisationer/stiftelsen-flemingsberg-science');
    expect(foundation.kind).toBe('foundation');
    expect(foundation.website).toBe('https://flemingsbergscience.se/');
    expect(await html('/organisationer/stiftelsen-flemingsberg-science')).toContain(foundation.website);
  });

  it('names the parent as the organisation page does, and the example is that real record', async () => {
    const item = await json('/api/v1/organisations/barn-och-utbildningsforvaltningen');
    expect(item.parent).toEqual({
      id: 'huddinge-kommun',
      name: 'Huddinge kommun',
      url: 'http://localhost:3000/organisationer/huddinge-kommun',
    });
    const page = await html('/organisationer/barn-och-utbildningsforvaltningen');
    expect(page).toContain('href="/organisationer/huddinge-kommun"');
    const { item: schema, example } = organisationsResource.schemas(sv);
    expect(schema.safeParse(example).success).toBe(true);
    const site = 'http://localhost:3000';
    const real = JSON.parse(JSON.stringify(example).replaceAll('https://samverkan.huddinge.se', site));
    expect({ ...item, updatedAt: real.updatedAt }).toEqual(real);
  });

  it('filters by kind, parent and updatedSince', async () => {
    const everything = await all();
    for (const kind of ['municipality', 'administration', 'university', 'student_union']) {
      const some = await all(`&kind=${kind}`);
      expect(some.length).toBeGreaterThan(0);
      expect(some).toEqual(everything.filter((item) => item.kind === kind));
    }
    const children = await all('&parent=huddinge-kommun');
    expect(children.map((item) => item.id)).toEqual(
      expect.arrayContaining(['barn-och-utbildningsforvaltningen', 'gymnasie-och-arbetsmarknadsnamnden']),
    );
    expect(children).toEqual(everything.filter((item) => item.parent?.id === 'huddinge-kommun'));
    expect(await all('&parent=finns-inte')).toEqual([]);

    await subject.database.db
      .update(organisations)
      .set({ updatedAt: new Date('2030-01-02T10:00:00Z') })
      .where(eq(organisations.slug, 'region-stockholm'));
    const changed = await all('&updatedSince=2030-01-01');
    expect(changed.map((item) => item.id)).toEqual(['region-stockholm']);
    expect(changed[0]?.updatedAt).toBe('2030-01-02T10:00:00Z');
    expect(await all('&updatedSince=2030-01-02T10:00:01%2B00:00')).toEqual([]);
    const bad = await subject.request('/api/v1/organisations?kind=larosate&parent=Huddinge');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'kind',
      'parent',
    ]);
  });

  it('pages by slug with links that lead through every item once', async () => {
    const everything = await all();
    expect(everything.map((item) => item.id)).toEqual(everything.map((item) => item.id).sort());
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/organisations?limit=7';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      expect(body.totalItems).toBe(everything.length);
      seen.push(...body.items.map((item: Item) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((item) => item.id));
  });

  it('leaves out a deleted organisation (list and item 404), and its children no longer name it', async () => {
    const slug = 'barn-och-utbildningsforvaltningen';
    const before = await all(`&parent=${slug}`);
    expect(before.map((item) => item.id)).toEqual(expect.arrayContaining(['solbackens-forskola']));
    await subject.database.db
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.slug, slug));
    try {
      expect((await all()).map((item) => item.id)).not.toContain(slug);
      const response = await subject.request(`/api/v1/organisations/${slug}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await all(`&parent=${slug}`)).toEqual([]);
      const child = await json('/api/v1/organisations/solbackens-forskola');
      expect(child.parent).toBeNull();
      // As the child's own page: it names no parent.
      const page = await html('/organisationer/solbackens-forskola');
      expect(page).not.toContain(`/organisationer/${slug}`);
      expect(page).not.toContain(sv.organisation.partOf);
      const body = await (await subject.request('/api/v1/organisations?limit=100')).text();
      expect(body).not.toContain(`/${slug}"`);
    } finally {
      await subject.database.db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.slug, slug));
    }
  });
});
