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
  administration: Reference;
  offered: number;
  requested: number;
  confirmed: number;
  completed: number;
};

async function all(query = ''): Promise<Capacity[]> {
  const response = await subject.request(`/api/v1/placement-capacities?limit=100${query}`);
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

const figures = (row: { offered: number; requested: number; confirmed: number; completed: number }) => ({
  offered: row.offered,
  requested: row.requested,
  confirmed: row.confirmed,
  completed: row.completed,
});

describe('/api/v1/placement-capacities', () => {
  let unitOfExtra = 0;
  beforeAll(async () => {
    // A real (not demo) offer in HT2026 with requests in every status, one deleted: the rules are tried.
    const [unit] = await subject.database.pool
      .query<{ id: number }>(
        `select po.organisation_id as id from placement_offers po where po.term = 'HT2026' and po.deleted_at is null limit 1`,
      )
      .then((result) => result.rows);
    if (!unit) throw new Error('no HT2026 offer in the demo data');
    unitOfExtra = unit.id;
    const [university] = await subject.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, 'university'))
      .limit(1);
    const [offer] = await subject.database.db
      .insert(placementOffers)
      .values({
        organisationId: unit.id,
        term: 'HT2026',
        kind: 'internship',
        programme: 'Socionomprogrammet',
        places: 9,
        confirmedPlaces: 4,
      })
      .returning();
    const request = (
      places: number,
      status: (typeof placementRequests.$inferInsert)['status'],
      deleted = false,
    ) => ({
      offerId: offer?.id ?? 0,
      universityId: university?.id ?? 0,
      places,
      status,
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

  it('has exactly the rows of the overview page’s förvaltning table, for every term', async () => {
    const items = await all();
    const terms = [...new Set(items.map((item) => item.term))];
    expect(terms.length).toBeGreaterThan(1);
    for (const term of terms) {
      const overview = await loadOverview(subject.database.db, term);
      const api = items.filter((item) => item.term === term);
      expect(new Map(api.map((item) => [item.administration.name, figures(item)])), term).toEqual(
        new Map(overview.placementsByAdministration.map((row) => [row.name, figures(row)])),
      );
    }
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

  it('names no unit: only förvaltningar, with ids of term and förvaltning', async () => {
    const items = await all();
    const unitSlug = (
      await subject.database.db.select().from(organisations).where(eq(organisations.id, unitOfExtra))
    )[0]?.slug;
    for (const item of items) {
      expect(item.id).toBe(`${item.term.toLowerCase()}-${item.administration.id}`);
      expect(JSON.stringify(item)).not.toContain(`"${unitSlug}"`);
      const one = await subject.request(`/api/v1/placement-capacities/${item.id}`);
      expect(await one.json()).toEqual(item);
    }
  });

  it('leaves out the offers of a deleted unit', async () => {
    const before = await all('&term=HT2026');
    await subject.database.db
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.id, unitOfExtra));
    try {
      const after = await all('&term=HT2026');
      const offered = (items: Capacity[]) => items.reduce((total, item) => total + item.offered, 0);
      expect(offered(after)).toBeLessThan(offered(before));
    } finally {
      await subject.database.db
        .update(organisations)
        .set({ deletedAt: null })
        .where(eq(organisations.id, unitOfExtra));
    }
  });

  it('filters by term, förvaltning and updatedSince, pages, and refuses bad values', async () => {
    const items = await all();
    expect(await all('&term=HT2026')).toEqual(items.filter((item) => item.term === 'HT2026'));
    const first = items[0];
    if (!first) throw new Error('no rows');
    expect(await all(`&organisation=${first.administration.id}`)).toEqual(
      items.filter((item) => item.administration.id === first.administration.id),
    );
    expect(await all('&updatedSince=2999-01-01')).toEqual([]);
    const paged: string[] = [];
    for (let page = 1; page <= items.length; page++) {
      const response = await subject.request(`/api/v1/placement-capacities?limit=1&page=${page}`);
      paged.push(...(await response.json()).items.map((item: Capacity) => item.id));
    }
    expect(paged).toEqual(items.map((item) => item.id));
    const bad = await subject.request('/api/v1/placement-capacities?term=HT26&kind=vfu&organisation=Å');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual([
      'kind',
      'organisation',
      'term',
    ]);
    expect((await subject.request('/api/v1/placement-capacities/ht2026-finns-inte')).status).toBe(404);
  });

  it('has an example that is a valid item', () => {
    const { item, example } = placementCapacitiesResource.schemas(sv);
    expect(item.safeParse(example).success).toBe(true);
  });
});
