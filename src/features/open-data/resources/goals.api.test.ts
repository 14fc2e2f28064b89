import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { indicators } from '../../goals/goals.table.ts';
import { goalSlugs, indicatorsOfGoal } from '../../goals/indicators/indicator-catalogue.ts';

/** /api/v1/goals on the demo data: the four goals as /mal has them, each with its indicators. */

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Goal = {
  id: string;
  url: string;
  updatedAt: string;
  name: string;
  description: string;
  position: number;
  indicators: { id: string; name: string; url: string }[];
};

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

describe('/api/v1/goals', () => {
  it('gives the four goals in the order and words of /mal, each with its indicators and their pages', async () => {
    const body = await json('/api/v1/goals');
    expect(body.totalItems).toBe(4);
    const goals = body.items as Goal[];
    expect(goals.map((goal) => goal.id)).toEqual([...goalSlugs]);
    expect(goals.map((goal) => goal.position)).toEqual([1, 2, 3, 4]);
    const page = textOf(await (await subject.request('/mal')).text());
    for (const goal of goals) {
      expect(goal.url).toBe(`http://localhost:3000/mal/${goal.id}`);
      expect(page).toContain(goal.description);
      expect(page).toContain(goal.name);
      expect(goal.indicators).toEqual(
        indicatorsOfGoal(goal.id).map((definition) => ({
          id: definition.slug,
          name: sv.indicators.definitions[definition.slug as keyof typeof sv.indicators.definitions].name,
          url: `http://localhost:3000/mal/indikatorer/${definition.slug}`,
        })),
      );
      const goalPage = await subject.request(new URL(goal.url).pathname);
      expect(goalPage.status).toBe(200);
      for (const indicator of goal.indicators)
        expect(await subject.request(new URL(indicator.url).pathname)).toHaveProperty('status', 200);
    }
    expect(goals[0]).toMatchObject({
      name: 'Rekrytering',
      description: 'underlätta Huddinge kommuns rekrytering',
    });
  });

  it('dates a goal by its latest indicator change, and filters by updatedSince on it', async () => {
    const later = new Date('2031-05-04T12:00:00Z');
    await subject.database.db
      .update(indicators)
      .set({ updatedAt: later })
      .where(eq(indicators.slug, 'foretag-i-samverkan'));
    const growth = await json('/api/v1/goals/tillvaxt');
    expect(growth.updatedAt).toBe('2031-05-04T12:00:00Z');
    const changed = await json('/api/v1/goals?updatedSince=2031-01-01');
    expect(changed.items.map((goal: Goal) => goal.id)).toEqual(['tillvaxt']);
    expect((await json('/api/v1/goals?updatedSince=2031-05-04T12:00:01Z')).totalItems).toBe(0);
    const other = await json('/api/v1/goals/rekrytering');
    expect(new Date(other.updatedAt).getTime()).toBeLessThan(later.getTime());
  });

  it('pages, gives one goal by id as listed, and answers an unknown one with 404 problem details', async () => {
    const all = (await json('/api/v1/goals')).items as Goal[];
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/goals?limit=3';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((goal: Goal) => goal.id));
      next = body.links.next;
    }
    expect(seen).toEqual(all.map((goal) => goal.id));
    expect(await json('/api/v1/goals/attraktiv-arbetsgivare')).toEqual(all[3]);
    const missing = await subject.request('/api/v1/goals/finns-inte');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bad = await subject.request('/api/v1/goals?goal=tillvaxt');
    expect(bad.status).toBe(400);
  });
});
