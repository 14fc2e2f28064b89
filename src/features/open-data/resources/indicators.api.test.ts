import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../../tests/test-app.ts';
import { sv } from '../../../web/i18n/sv.ts';
import { activities } from '../../activities/activities.table.ts';
import { loadIndicatorPage } from '../../goals/goal-pages.service.ts';
import { indicators } from '../../goals/goals.table.ts';
import { type IndicatorSlug, indicatorCatalogue } from '../../goals/indicators/indicator-catalogue.ts';
import { sumsByRecord, sumsByYear } from '../../goals/indicators/indicator-figures.queries.ts';
import { briefResponses } from '../../needs/needs.table.ts';

/**
 * /api/v1/indicators on the demo data with the tests' fixed clock (27 November 2026): every indicator's
 * values are the ones its public page shows, a withheld small count is withheld here too, and computed
 * values are counted when asked from public records only.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

type Value = {
  year: number;
  value: number | null;
  withheld: boolean;
  target: number | null;
  met: boolean | null;
  standing: keyof typeof sv.goalPages.onTrack;
  isExampleData: boolean;
  source: string | null;
  measuredOn: string | null;
};
type Item = { id: string; kind: string; goal: { id: string }; hasData: boolean; values: Value[] };

async function json(path: string) {
  const response = await subject.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

const all = async (): Promise<Item[]> => (await json('/api/v1/indicators?limit=100')).items;

/** The figures table of an indicator's page, one row per year: [year, value, target, standing] as text. */
async function pageRows(slug: string): Promise<string[][]> {
  const response = await subject.request(`/mal/indikatorer/${slug}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const table = html.match(/<caption id="figur-caption">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
  );
}

/** A figure as the page writes it: "3 praktikperioder", "färre än 3", "inget värde". */
function figureText(slug: string, value: number | null, withheld: boolean): string {
  if (withheld) return sv.indicators.withheld;
  if (value === null) return sv.goalPages.noValue;
  const words = sv.indicators.definitions[slug as IndicatorSlug];
  return sv.goalPages.figure(value, value === 1 ? words.unitOne : words.unit);
}

describe('/api/v1/indicators', () => {
  it('lists every indicator of the catalogue in the pages’ order, with its definition in the site’s words', async () => {
    const items = await all();
    expect(items.map((item) => item.id)).toEqual(indicatorCatalogue.map((definition) => definition.slug));
    const one = await json('/api/v1/indicators/genomforda-praktikperioder');
    const words = sv.indicators.definitions['genomforda-praktikperioder'];
    expect(one).toMatchObject({
      url: 'http://localhost:3000/mal/indikatorer/genomforda-praktikperioder',
      name: words.name,
      unit: words.unit,
      counts: words.counts,
      from: words.from,
      period: words.period,
      kind: 'computed',
      direction: 'higher',
      unitKind: 'count',
      goal: { id: 'rekrytering', name: 'Rekrytering', url: 'http://localhost:3000/mal/rekrytering' },
    });
    expect(one.values.map((value: Value) => value.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('gives each year exactly what the indicator’s public page shows, from the page’s own service', async () => {
    for (const item of await all()) {
      const page = await loadIndicatorPage(subject.deps, item.id, undefined);
      expect(item.hasData, item.id).toBe(page.figures.hasData);
      const rows = await pageRows(item.id);
      expect(rows.length, item.id).toBe(item.values.length);
      item.values.forEach((value, index) => {
        const shown = page.figures.years[index]!;
        expect(value, `${item.id} ${value.year}`).toMatchObject({
          year: shown.year,
          value: shown.withheld ? null : shown.value,
          withheld: shown.withheld,
          target: shown.target,
          standing: page.figures.standings[index],
          source: shown.source?.text ?? null,
          measuredOn: shown.source?.measuredOn ?? null,
        });
        // The page's table row for the year: the figure, the target and the standing in words.
        const [year, figure, target, standing] = rows[index] ?? [];
        expect(year).toContain(String(value.year));
        expect(figure, `${item.id} ${value.year}`).toContain(
          figureText(item.id, value.value, value.withheld),
        );
        expect(target).toContain(
          value.target === null ? sv.goalPages.noTarget : figureText(item.id, value.target, false),
        );
        expect(standing).toBe(sv.goalPages.onTrack[value.standing]);
        if (value.source) expect(figure).toContain(value.source);
        expect(value.met).toBe(
          value.standing === 'reached' ? true : value.standing === 'missed' ? false : null,
        );
      });
    }
  });

  it('withholds a small count of people as the page does, with no number anywhere in the answer', async () => {
    const db = subject.database.db;
    const slug = 'medarbetare-i-kompetensutveckling';
    // The first shown year made to count exactly one staff member: its sign-ups moved to a year before the
    // pages' window, and one new accepted sign-up to an offer that is counted.
    const year = 2022;
    const [counted] = await sumsByRecord(db, slug, '2026-11-27', 2025);
    expect(counted?.recordType).toBe('brief');
    const moved = await db
      .select({ id: briefResponses.id, acceptedAt: briefResponses.acceptedAt })
      .from(briefResponses)
      .where(sql`${briefResponses.role} = 'staff' and ${briefResponses.acceptedAt} is not null
        and extract(year from ${briefResponses.acceptedAt} at time zone 'Europe/Stockholm') = ${year}`);
    if (moved.length > 0)
      await db
        .update(briefResponses)
        .set({ acceptedAt: new Date('2019-06-15T10:00:00Z') })
        .where(
          inArray(
            briefResponses.id,
            moved.map((row) => row.id),
          ),
        );
    const [added] = await db
      .insert(briefResponses)
      .values({
        briefId: counted!.recordId,
        name: 'Medarbetare Ett',
        email: 'medarbetare.ett@example.org',
        role: 'staff',
        approach: '',
        status: 'accepted',
        acceptedAt: new Date(`${year}-06-15T10:00:00Z`),
      })
      .returning({ id: briefResponses.id });
    const empty = year;
    try {
      const real = (await sumsByYear(db, slug, '2026-11-27')).find((sum) => sum.year === empty)?.value;
      expect(real).toBe(1);
      const item = (await json(`/api/v1/indicators/${slug}`)) as Item;
      const value = item.values.find((one) => one.year === empty)!;
      expect(value).toMatchObject({ withheld: true, value: null, met: null });
      expect(value.standing).not.toBe('reached');
      // The entry's numbers are the year and the target only: the count itself is nowhere.
      const numbers = Object.values(value).filter((field) => typeof field === 'number');
      expect(numbers).toEqual([value.year, ...(value.target === null ? [] : [value.target])]);
      const row = (await pageRows(slug)).find((cells) => cells[0]?.startsWith(String(empty)));
      expect(row?.[1]).toContain('färre än 3');
      // And the list says the same as the item.
      expect((await all()).find((one) => one.id === slug)).toEqual(item);
    } finally {
      await db.delete(briefResponses).where(eq(briefResponses.id, added!.id));
      for (const row of moved)
        await db
          .update(briefResponses)
          .set({ acceptedAt: row.acceptedAt })
          .where(eq(briefResponses.id, row.id));
    }
  });

  it('counts computed values when asked, from public records only: an internal project leaves the figure', async () => {
    const before = (await json('/api/v1/indicators/forsknings-och-ulf-projekt')).values as Value[];
    const [project] = await subject.database.db
      .select({ id: activities.id, startsOn: activities.startsOn })
      .from(activities)
      .where(sql`${activities.kind} in ('research_project', 'ulf_project') and ${activities.visibility} = 'public'
        and ${activities.deletedAt} is null and ${activities.startsOn} <= '2026-11-27'
        and (${activities.endsOn} is null or ${activities.endsOn} >= '2026-01-01')`)
      .limit(1);
    expect(project).toBeDefined();
    await subject.database.db
      .update(activities)
      .set({ visibility: 'internal' })
      .where(eq(activities.id, project!.id));
    try {
      const after = (await json('/api/v1/indicators/forsknings-och-ulf-projekt')).values as Value[];
      expect(after.at(-1)?.value).toBe((before.at(-1)?.value ?? 0) - 1);
      const rows = await pageRows('forsknings-och-ulf-projekt');
      expect(rows.at(-1)?.[1]).toContain(
        figureText('forsknings-och-ulf-projekt', after.at(-1)!.value, false),
      );
    } finally {
      await subject.database.db
        .update(activities)
        .set({ visibility: 'public' })
        .where(eq(activities.id, project!.id));
    }
  });

  it('filters by goal, kind and updatedSince (a target saved is a change of the indicator)', async () => {
    const growth = await json('/api/v1/indicators?goal=tillvaxt');
    expect(growth.items.map((item: Item) => item.id)).toEqual([
      'aktiviteter-naringsliv-och-akademi',
      'foretag-i-samverkan',
    ]);
    const manual = await json('/api/v1/indicators?kind=manual');
    expect(manual.items.map((item: Item) => item.id)).toEqual([
      'anstallda-efter-praktik',
      'medarbetare-nojda-med-kompetensutveckling',
    ]);
    expect((await json('/api/v1/indicators?goal=tillvaxt&kind=manual')).totalItems).toBe(0);
    expect((await json('/api/v1/indicators?goal=finns-inte')).totalItems).toBe(0);
    const later = new Date('2031-03-01T08:00:00Z');
    await subject.database.db
      .update(indicators)
      .set({ updatedAt: later })
      .where(eq(indicators.slug, 'placerade-studenter'));
    const changed = await json('/api/v1/indicators?updatedSince=2031-01-01');
    expect(changed.items.map((item: { id: string; updatedAt: string }) => [item.id, item.updatedAt])).toEqual(
      [['placerade-studenter', '2031-03-01T08:00:00Z']],
    );
    expect((await json('/api/v1/indicators?updatedSince=2031-03-01T08:00:01Z')).totalItems).toBe(0);
  });

  it('pages with links through every indicator once, and gives one by id or a 404', async () => {
    const everything = await all();
    const seen: string[] = [];
    let next: string | undefined = '/api/v1/indicators?limit=4';
    while (next) {
      const body = await json(next.replace('http://localhost:3000', ''));
      seen.push(...body.items.map((item: Item) => item.id));
      next = body.links.next;
    }
    expect(seen).toEqual(everything.map((item) => item.id));
    expect(await json(`/api/v1/indicators/${everything[2]!.id}`)).toEqual(everything[2]);
    const missing = await subject.request('/api/v1/indicators/finns-inte');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bad = await subject.request('/api/v1/indicators?kind=inmatad');
    expect(bad.status).toBe(400);
    expect((await bad.json()).invalidParams).toEqual([
      { name: 'kind', reason: 'Ska vara ett av: computed, manual.' },
    ]);
  });
});
