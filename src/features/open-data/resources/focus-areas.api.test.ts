import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { agreements, focusAreas } from '../../agreements/agreements.table.ts';
import { focusAreasResource } from './focus-areas.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Reference = { id: string; name: string; url: string };
type Item = {
  id: string;
  url: string;
  name: string;
  description: string;
  agreements: Reference[];
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
  return (await json(`/api/v1/focus-areas?limit=100${query}`)).items;
}

describe('/api/v1/focus-areas', () => {
  it('lists the focus areas of the source page, each with the public agreements that prioritise it', async () => {
    const items = await all();
    const real = items.filter((item) => !item.isExampleData);
    expect(real.map((item) => item.name).sort()).toEqual(
      ['Kompetensförsörjning', 'Samhällsbyggnad', 'Tillgång till likvärdig vård'].sort(),
    );
    const agreementsPage = await (await subject.request('/avtal')).text();
    for (const area of real) {
      expect(area.url).toBe(`http://localhost:3000/avtal#omrade-${area.id}`);
      // The anchor the url points at is there, next to the area's name.
      expect(agreementsPage).toMatch(new RegExp(`id="omrade-${area.id}">\\s*${area.name}`));
      expect(area.agreements.map((agreement) => agreement.id)).toEqual(
        expect.arrayContaining([
          'samverkansavtal-sodertorns-hogskola',
          'samverkansavtal-karolinska-institutet',
        ]),
      );
      for (const agreement of area.agreements) {
        expect(agreement.url).toBe(`http://localhost:3000/avtal/${agreement.id}`);
        const one = await json(`/api/v1/agreements/${agreement.id}`);
        expect(one.title).toBe(agreement.name);
        expect(one.focusAreas.map((other: Reference) => other.id)).toContain(area.id);
      }
    }
    const item = await json('/api/v1/focus-areas/kompetensforsorjning');
    expect(item).toEqual(items.find((area) => area.id === 'kompetensforsorjning'));
    expect(item.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('has an example that passes its schema and names real agreements of the area', async () => {
    const { item: schema, example } = focusAreasResource.schemas(sv);
    expect(schema.safeParse(example).success).toBe(true);
    const real = await json(`/api/v1/focus-areas/${example.id}`);
    expect(real.name).toBe(example.name);
    expect(real.agreements).toEqual(
      expect.arrayContaining(
        example.agreements.map((agreement) => ({
          ...agreement,
          url: agreement.url.replace('https://samverkan.huddinge.se', 'http://localhost:3000'),
        })),
      ),
    );
  });

  it('filters by updatedSince and pages by slug', async () => {
    const everything = await all();
    expect(everything.map((item) => item.id)).toEqual(everything.map((item) => item.id).sort());
    await subject.database.db
      .update(focusAreas)
      .set({ updatedAt: new Date('2030-05-01T00:00:00Z') })
      .where(eq(focusAreas.slug, 'samhallsbyggnad'));
    expect((await all('&updatedSince=2030-04-30T23:59:59Z')).map((item) => item.id)).toEqual([
      'samhallsbyggnad',
    ]);
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/focus-areas?limit=1';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      expect(body.items).toHaveLength(1);
      seen.push(body.items[0].id);
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((item) => item.id));
    const bad = await subject.request('/api/v1/focus-areas?updatedSince=igar&kind=x');
    expect(bad.status).toBe(400);
  });

  it('leaves out an internal agreement from its areas, and a deleted area from list and item (404)', async () => {
    const slug = 'samverkansavtal-karolinska-institutet';
    await subject.database.db
      .update(agreements)
      .set({ visibility: 'internal' })
      .where(eq(agreements.slug, slug));
    try {
      for (const area of await all()) {
        expect(area.agreements.map((agreement) => agreement.id)).not.toContain(slug);
      }
    } finally {
      await subject.database.db
        .update(agreements)
        .set({ visibility: 'public' })
        .where(eq(agreements.slug, slug));
    }
    await subject.database.db
      .update(focusAreas)
      .set({ deletedAt: new Date() })
      .where(eq(focusAreas.slug, 'kompetensforsorjning'));
    try {
      expect((await all()).map((item) => item.id)).not.toContain('kompetensforsorjning');
      const response = await subject.request('/api/v1/focus-areas/kompetensforsorjning');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await subject.database.db
        .update(focusAreas)
        .set({ deletedAt: null })
        .where(eq(focusAreas.slug, 'kompetensforsorjning'));
    }
  });
});

describe('a focus area only something hidden uses', () => {
  it('is published only while a public agreement, brief or activity uses it (review of issue 12)', async () => {
    const { pool } = subject.database;
    await pool.query("insert into focus_areas (slug, name) values ('hemligt-omrade', 'Hemligt område')");
    await pool.query(`insert into agreement_focus_areas (agreement_id, focus_area_id)
      select a.id, f.id from agreements a, focus_areas f
       where a.slug = 'samverkansavtal-sodertorns-hogskola' and f.slug = 'hemligt-omrade'`);
    try {
      expect((await subject.request('/api/v1/focus-areas/hemligt-omrade')).status).toBe(200);
      await pool.query(
        "update agreements set visibility = 'internal' where slug = 'samverkansavtal-sodertorns-hogskola'",
      );
      expect((await subject.request('/api/v1/focus-areas/hemligt-omrade')).status).toBe(404);
      const list = await json('/api/v1/focus-areas?limit=100');
      expect(list.items.map((item: Item) => item.id)).not.toContain('hemligt-omrade');
      // A published public brief naming it makes it public again, with the needs bank as its page.
      await pool.query(`insert into brief_focus_areas (brief_id, focus_area_id)
        select b.id, f.id from briefs b, focus_areas f
         where b.published_at is not null and b.visibility = 'public' and b.deleted_at is null
           and f.slug = 'hemligt-omrade' order by b.id limit 1`);
      const item = await json('/api/v1/focus-areas/hemligt-omrade');
      expect(item.url).toBe('http://localhost:3000/behovsbanken?omrade=hemligt-omrade');
      expect((await subject.request('/behovsbanken?omrade=hemligt-omrade')).status).toBe(200);
    } finally {
      await pool.query(
        "update agreements set visibility = 'public' where slug = 'samverkansavtal-sodertorns-hogskola'",
      );
    }
  });
});
