import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/test-app.ts';
import { agreementStatus } from '../../agreements/agreement-status.ts';
import { agreements } from '../../agreements/agreements.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

describe('/api/v1/agreements', () => {
  it('answers status=active with the two collaboration agreements of the source page, parties and areas', async () => {
    const body = await json('/api/v1/agreements?status=active&kind=collaboration');
    const real = body.items.filter((item: { isExampleData: boolean }) => !item.isExampleData);
    expect(real.map((item: { title: string }) => item.title).sort()).toEqual([
      'Samverkansavtal mellan Huddinge kommun och Karolinska Institutet',
      'Samverkansavtal mellan Huddinge kommun och Södertörns högskola',
    ]);
    const sh = real.find((item: { title: string }) => item.title.includes('Södertörn'));
    expect(sh.parties.map((party: { name: string }) => party.name)).toEqual(
      expect.arrayContaining(['Huddinge kommun', 'Södertörns högskola']),
    );
    expect(sh.focusAreas.length).toBeGreaterThan(0);
    expect(sh.url).toBe(`http://localhost:3000/avtal/${sh.id}`);
    expect(sh.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('answers curl /api/v1/agreements?status=active with exactly the two agreements, without demo data', async () => {
    const plain = await createTestApp({ demo: false });
    try {
      const response = await plain.request('/api/v1/agreements?status=active');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.totalItems).toBe(2);
      for (const item of body.items) {
        expect(item.kind).toBe('collaboration');
        expect(item.parties.map((party: { id: string }) => party.id)).toContain('huddinge-kommun');
        expect(item.focusAreas.length).toBeGreaterThan(0);
      }
    } finally {
      await plain.cleanup();
    }
  });

  it('filters by status exactly as the agreement pages compute it, and the statuses add up to all', async () => {
    const all = await json('/api/v1/agreements?limit=100');
    let sum = 0;
    for (const status of ['draft', 'active', 'expiring', 'ended']) {
      const body = await json(`/api/v1/agreements?status=${status}&limit=100`);
      sum += body.totalItems;
      for (const item of body.items) {
        expect(item.status).toBe(status);
        expect(agreementStatus(item, '2026-11-27')).toBe(status);
      }
    }
    expect(sum).toBe(all.totalItems);
    expect(all.totalItems).toBeGreaterThan(2);
  });

  it('pages with limit and page from 1, with links that lead through every item once', async () => {
    const all = await json('/api/v1/agreements?limit=100');
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/agreements?limit=2';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      expect(body.limit).toBe(2);
      seen.push(...body.items.map((item: { id: string }) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(all.items.map((item: { id: string }) => item.id));
    const response = await subject.request('/api/v1/agreements?limit=2&page=2');
    expect(response.headers.get('link')).toContain('rel="prev"');
  });

  it('gives one agreement by its slug, and 404 as problem details for an unknown or internal one', async () => {
    const list = await json('/api/v1/agreements?limit=1');
    const one = await json(`/api/v1/agreements/${list.items[0].id}`);
    expect(one).toEqual(list.items[0]);
    const [hidden] = await subject.database.db
      .update(agreements)
      .set({ visibility: 'internal' })
      .where(eq(agreements.slug, list.items[0].id))
      .returning();
    try {
      const response = await subject.request(`/api/v1/agreements/${hidden?.slug}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = await response.json();
      expect(problem.title).toBe('Finns inte');
      const again = await subject.request('/api/v1/agreements/FINNS%20INTE');
      expect(again.status).toBe(404);
    } finally {
      await subject.database.db
        .update(agreements)
        .set({ visibility: 'public' })
        .where(eq(agreements.slug, list.items[0].id));
    }
  });

  it('refuses bad and unknown parameters with 400 naming each, in Swedish', async () => {
    const response = await subject.request('/api/v1/agreements?status=aktiv&limit=500&sida=2');
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.invalidParams).toEqual(
      expect.arrayContaining([
        { name: 'status', reason: 'Ska vara ett av: draft, active, expiring, ended.' },
        { name: 'limit', reason: 'Ska vara högst 100.' },
        { name: 'sida', reason: 'Denna parameter finns inte för resursen. Se API-dokumentationen.' },
      ]),
    );
    expect(problem.detail).toContain('status');
  });
});
