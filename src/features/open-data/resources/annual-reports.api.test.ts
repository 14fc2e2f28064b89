import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { readSnapshot } from '../../goals/annual-report-snapshot.ts';
import { annualReports, indicators, indicatorValues } from '../../goals/goals.table.ts';

/**
 * /api/v1/annual-reports on the demo data (a published report for 2025): the published report as its
 * frozen snapshot and page have it, never a draft, never the live figures.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

const db = () => subject.database.db;

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

type Figure = { value: number | null; withheld: boolean; isExampleData: boolean };
type Indicator = {
  id: string;
  name: string;
  value: Figure;
  previous: Figure;
  target: number | null;
  met: string;
  source: string | null;
  measuredOn: string | null;
};
type Report = {
  id: string;
  year: number;
  summary: string;
  goals: { id: string; comment: string; description: string; indicators: Indicator[] }[];
  files: Record<string, string>;
};

describe('/api/v1/annual-reports', () => {
  it('gives the published 2025 report exactly as its frozen snapshot has it, with the page’s files', async () => {
    const list = await json('/api/v1/annual-reports');
    expect(list.items.map((report: Report) => report.id)).toEqual(['2025']);
    const report = (await json('/api/v1/annual-reports/2025')) as Report & Record<string, unknown>;
    expect(report).toEqual(list.items[0]);
    const [row] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    const content = readSnapshot(row!.snapshot!);
    expect(report).toMatchObject({
      url: 'http://localhost:3000/mal/arsrapporter/2025',
      year: 2025,
      isExampleData: true,
      summary: content.summary,
      countedOn: content.countedOn,
      publishedAt: `${row!.publishedAt!.toISOString().slice(0, 19)}Z`,
    });
    expect(report.goals.map((goal) => goal.id)).toEqual(content.goals.map((goal) => goal.slug));
    report.goals.forEach((goal, index) => {
      const frozen = content.goals[index]!;
      expect(goal.comment).toBe(frozen.comment);
      expect(goal.description).toBe(frozen.statement);
      expect(
        goal.indicators.map((indicator) => [
          indicator.id,
          indicator.name,
          indicator.value.value,
          indicator.value.withheld,
          indicator.previous.value,
          indicator.previous.withheld,
          indicator.target,
          indicator.met,
          indicator.source,
          indicator.measuredOn,
        ]),
      ).toEqual(
        frozen.indicators.map((indicator) => [
          indicator.slug,
          indicator.name,
          indicator.value.value,
          indicator.value.withheld,
          indicator.previous.value,
          indicator.previous.withheld,
          indicator.target,
          indicator.met,
          indicator.source?.text ?? null,
          indicator.source?.measuredOn ?? null,
        ]),
      );
    });
    const page = textOf(await (await subject.request('/mal/arsrapporter/2025')).text());
    expect(page).toContain(report.summary);
    for (const goal of report.goals) if (goal.comment) expect(page).toContain(goal.comment);
    for (const [format, url] of Object.entries(report.files)) {
      expect(url).toBe(`http://localhost:3000/mal/arsrapporter/2025/arsrapport.${format}`);
      expect((await subject.request(new URL(url).pathname)).status).toBe(200);
    }
  });

  it('keeps a small count withheld in a report as its page does, with no number', async () => {
    // A published report (2023) whose snapshot, as publishing writes it, withholds a small count of people.
    const [row] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    const content = readSnapshot(row!.snapshot!);
    const goals = content.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map((indicator) =>
        indicator.slug === 'medarbetare-i-kompetensutveckling'
          ? { ...indicator, value: { value: null, withheld: true, demo: false }, met: 'withheld' as const }
          : indicator,
      ),
    }));
    await db()
      .insert(annualReports)
      .values({
        year: 2023,
        status: 'published',
        snapshot: { ...content, year: 2023, goals },
        publishedAt: new Date('2024-01-20T09:00:00Z'),
      });
    try {
      const report = (await json('/api/v1/annual-reports/2023')) as Report;
      const indicator = report.goals
        .flatMap((goal) => goal.indicators)
        .find((one) => one.id === 'medarbetare-i-kompetensutveckling')!;
      expect(indicator.value).toEqual({ value: null, withheld: true, isExampleData: false });
      expect(indicator.met).toBe('withheld');
      const page = textOf(await (await subject.request('/mal/arsrapporter/2023')).text());
      expect(page).toContain(`${indicator.name} färre än 3`);
    } finally {
      await db().delete(annualReports).where(eq(annualReports.year, 2023));
    }
  });

  it('reads only the snapshot: a changed target moves the live indicator, not the published report', async () => {
    const before = (await json('/api/v1/annual-reports/2025')) as Report;
    const [indicator] = await db()
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.slug, 'genomforda-praktikperioder'));
    const [target] = await db()
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, indicator!.id), eq(indicatorValues.year, 2025)));
    expect(target?.target).not.toBe('999');
    await db().update(indicatorValues).set({ target: '999' }).where(eq(indicatorValues.id, target!.id));
    try {
      const live = await json('/api/v1/indicators/genomforda-praktikperioder');
      expect(live.values.find((value: { year: number }) => value.year === 2025).target).toBe(999);
      expect(await json('/api/v1/annual-reports/2025')).toEqual(before);
    } finally {
      await db()
        .update(indicatorValues)
        .set({ target: target?.target ?? null })
        .where(eq(indicatorValues.id, target!.id));
    }
  });

  it('never gives a draft: absent from the list and a 404 as an item, as on the site', async () => {
    await db().insert(annualReports).values({ year: 2024, summary: 'Utkast som ingen får se.' });
    try {
      const list = await json('/api/v1/annual-reports?limit=100');
      expect(list.items.map((report: Report) => report.id)).toEqual(['2025']);
      expect(list.totalItems).toBe(1);
      const draft = await subject.request('/api/v1/annual-reports/2024');
      expect(draft.status).toBe(404);
      expect(draft.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await draft.text()).not.toContain('Utkast som ingen');
      expect((await subject.request('/mal/arsrapporter/2024')).status).toBe(404);
    } finally {
      await db().delete(annualReports).where(eq(annualReports.year, 2024));
    }
  });

  it('filters by updatedSince, pages, and refuses an id that is no year', async () => {
    expect((await json('/api/v1/annual-reports?updatedSince=2026-01-01')).totalItems).toBe(1);
    expect((await json('/api/v1/annual-reports?updatedSince=2026-01-16')).totalItems).toBe(0);
    // A second published report (2024, from a copy of 2025's snapshot) to page through.
    const [row] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    await db()
      .insert(annualReports)
      .values({
        year: 2024,
        status: 'published',
        snapshot: { ...row!.snapshot!, year: 2024 },
        publishedAt: new Date('2025-01-20T09:00:00Z'),
        updatedAt: new Date('2025-01-20T09:00:00Z'),
      });
    try {
      const first = await json('/api/v1/annual-reports?limit=1');
      expect(first.totalPages).toBe(2);
      expect(first.items[0].id).toBe('2025');
      const second = await json(first.links.next.replace('http://localhost:3000', ''));
      expect(second.items[0].id).toBe('2024');
      expect(second.links.next).toBeUndefined();
      expect(
        (await json('/api/v1/annual-reports?updatedSince=2026-01-01')).items.map((r: Report) => r.id),
      ).toEqual(['2025']);
    } finally {
      await db().delete(annualReports).where(eq(annualReports.year, 2024));
    }
    for (const id of ['abcd', '202', '20250', 'finns-inte']) {
      expect((await subject.request(`/api/v1/annual-reports/${id}`)).status, id).toBe(404);
    }
    expect((await subject.request('/api/v1/annual-reports?year=2025')).status).toBe(400);
  });
});
