import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { loadOverview } from '../../placements/overview.service.ts';
import { placementOffers, placementRequests } from '../../placements/placements.table.ts';
import { placementCapacitiesResource } from './placement-capacities.resource.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Reference = { id: string; name: string; url: string };
type Capacity = {
  id: string;
  url: string;
  updatedAt: string;
  isExampleData: boolean;
  term: string;
  kind: string;
  unit: Reference;
  administration: Reference | null;
  offered: number;
  requested: number;
  confirmed: number;
  completed: number;
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

async function all(query = ''): Promise<Capacity[]> {
  return (await json(`/api/v1/placement-capacities?limit=100${query}`)).items;
}

async function organisationId(slug: string): Promise<number> {
  const [row] = await subject.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

/** The API's rows summed per förvaltning: the overview's first table. */
function byAdministration(items: Capacity[]) {
  const sums = new Map<
    string | null,
    { offered: number; requested: number; confirmed: number; completed: number }
  >();
  for (const item of items) {
    const key = item.administration?.name ?? null;
    const sum = sums.get(key) ?? { offered: 0, requested: 0, confirmed: 0, completed: 0 };
    sum.offered += item.offered;
    sum.requested += item.requested;
    sum.confirmed += item.confirmed;
    sum.completed += item.completed;
    sums.set(key, sum);
  }
  return sums;
}

describe('/api/v1/placement-capacities', () => {
  let extraOffer = 0;
  beforeAll(async () => {
    // A real (not demo) offer in HT2026 with requests in every status, one deleted: the rules are tried.
    const [some] = await all('&term=HT2026');
    if (!some) throw new Error('no HT2026 capacity in the demo data');
    const unit = await organisationId(some.unit.id);
    const [university] = await subject.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, 'university'))
      .limit(1);
    const [offer] = await subject.database.db
      .insert(placementOffers)
      .values({
        organisationId: unit,
        term: 'HT2026',
        kind: 'internship',
        programme: 'Socionomprogrammet',
        places: 9,
        confirmedPlaces: 4,
        updatedAt: new Date('2026-06-01T08:00:00Z'),
      })
      .returning();
    extraOffer = offer?.id ?? 0;
    const request = (
      places: number,
      status: (typeof placementRequests.$inferInsert)['status'],
      deleted = false,
    ) => ({
      offerId: extraOffer,
      universityId: university?.id ?? 0,
      places,
      status,
      updatedAt: new Date('2026-06-02T09:30:00Z'),
      deletedAt: deleted ? new Date('2026-06-03T00:00:00Z') : null,
    });
    await subject.database.db
      .insert(placementRequests)
      .values([
        request(1, 'submitted'),
        request(2, 'confirmed'),
        request(2, 'completed'),
        request(3, 'cancelled'),
        request(1, 'declined'),
        request(5, 'confirmed', true),
      ]);
  });

  it('has, summed per förvaltning, exactly the figures of the overview page for every term', async () => {
    const items = await all();
    const terms = [...new Set(items.map((item) => item.term))];
    expect(terms.length).toBeGreaterThan(1);
    for (const term of terms) {
      const overview = await loadOverview(subject.database.db, term);
      const api = byAdministration(items.filter((item) => item.term === term));
      expect(
        new Map(
          overview.placementsByAdministration.map((row) => [
            row.name,
            {
              offered: row.offered,
              requested: row.requested,
              confirmed: row.confirmed,
              completed: row.completed,
            },
          ]),
        ),
        term,
      ).toEqual(api);
    }
    // And the page itself: the totals row of the förvaltning table for HT2026.
    const page = await (await subject.request('/praktik/oversikt?termin=HT2026')).text();
    const table = /<table class="figures" id="praktik-forvaltning">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    const totals = [
      ...(/<tfoot>([\s\S]*?)<\/tfoot>/.exec(table)?.[1] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g),
    ].map((match) => Number(match[1]?.replace(/\s/g, '')));
    const ht2026 = items.filter((item) => item.term === 'HT2026');
    const sum = (key: 'offered' | 'requested' | 'confirmed' | 'completed') =>
      ht2026.reduce((total, item) => total + item[key], 0);
    expect(totals).toEqual([sum('offered'), sum('requested'), sum('confirmed'), sum('completed')]);
  });

  it('counts a unit’s offers of one kind by the overview’s rules, with a stable id and the latest change', async () => {
    const [extra] = await subject.database.db
      .select({ slug: organisations.slug })
      .from(placementOffers)
      .innerJoin(organisations, eq(organisations.id, placementOffers.organisationId))
      .where(eq(placementOffers.id, extraOffer));
    const id = `ht2026-${extra?.slug}-internship`;
    const item: Capacity = await json(`/api/v1/placement-capacities/${id}`);
    expect(item).toMatchObject({
      id,
      url: 'http://localhost:3000/praktik/oversikt?termin=HT2026',
      term: 'HT2026',
      kind: 'internship',
      isExampleData: false,
      offered: 9,
      confirmed: 4,
      completed: 2,
      updatedAt: '2026-06-02T09:30:00Z',
    });
    // Requested: all but the cancelled one (declined too), the deleted one not at all.
    expect(item.requested).toBe(1 + 2 + 2 + 1);
    expect(item.unit.url).toBe(`http://localhost:3000/organisationer/${extra?.slug}`);
    const list = await all('&term=HT2026&kind=internship');
    expect(list.find((entry) => entry.id === id)).toEqual(item);
  });

  it('leaves out a deleted offer, and the offers of a deleted unit', async () => {
    const [one] = await all('&term=HT2026');
    if (!one) throw new Error('none');
    const unit = await organisationId(one.unit.id);
    await subject.database.db
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.id, unit));
    try {
      expect((await all()).map((item) => item.unit.id)).not.toContain(one.unit.id);
      const response = await subject.request(`/api/v1/placement-capacities/${one.id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await subject.database.db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.id, unit));
    }
    await subject.database.db
      .update(placementOffers)
      .set({ deletedAt: new Date() })
      .where(eq(placementOffers.id, extraOffer));
    try {
      const after = await all('&term=HT2026&kind=internship');
      expect(after.some((item) => item.offered === 9 && !item.isExampleData)).toBe(false);
    } finally {
      await subject.database.db
        .update(placementOffers)
        .set({ deletedAt: null })
        .where(eq(placementOffers.id, extraOffer));
    }
  });

  it('filters by term, kind, organisation (unit or förvaltning) and updatedSince', async () => {
    const items = await all();
    expect(await all('&term=HT2026')).toEqual(items.filter((item) => item.term === 'HT2026'));
    expect(await all('&kind=vfu_care')).toEqual(items.filter((item) => item.kind === 'vfu_care'));
    const administration = items.find((item) => item.administration)?.administration;
    const ofAdministration = await all(`&organisation=${administration?.id}`);
    expect(ofAdministration.length).toBeGreaterThan(0);
    expect(ofAdministration).toEqual(items.filter((item) => item.administration?.id === administration?.id));
    const unit = items[0]?.unit.id;
    expect(await all(`&organisation=${unit}`)).toEqual(items.filter((item) => item.unit.id === unit));
    expect(
      (await all('&updatedSince=2026-06-02T09:00:00Z')).every(
        (item) => item.updatedAt >= '2026-06-02T09:00:00Z',
      ),
    ).toBe(true);
    await subject.database.db
      .update(placementOffers)
      .set({ updatedAt: new Date('2032-01-01T00:00:00Z') })
      .where(eq(placementOffers.id, extraOffer));
    const changed = await all('&updatedSince=2031-12-31');
    expect(changed.map((item) => item.kind)).toEqual(['internship']);
    expect(changed[0]?.updatedAt).toBe('2032-01-01T00:00:00Z');

    const bad = await subject.request('/api/v1/placement-capacities?term=HT26&kind=vfu&organisation=Å');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'kind',
      'organisation',
      'term',
    ]);
  });

  it('pages through every row once in a stable order, and 404s an id that is no row', async () => {
    const items = await all();
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/placement-capacities?limit=4';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((item: Capacity) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ['ht2026-finns-inte-vfu-teacher', 'HT2026-x', 'ht1999-x-apl']) {
      expect((await subject.request(`/api/v1/placement-capacities/${id}`)).status, id).toBe(404);
    }
  });

  it('has an example that is a valid item', () => {
    const { item, example } = placementCapacitiesResource.schemas(sv);
    expect(item.parse(example)).toEqual(example);
  });
});
