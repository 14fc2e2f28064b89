import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { indicators, indicatorValues } from './goals.table.ts';
import { loadIndicatorFigures } from './indicators/indicator-figures.service.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 8 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;

// Without demo data, so no seeded target or value stands in a year these tests set.
beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache, demo: false });
  coordinator = (
    await signedInPerson(subject, { name: 'Cora Samordnare', roles: { 'huddinge-kommun': 'coordinator' } })
  ).cookie;
});
afterAll(() => subject.cleanup());

const COMPUTED = 'genomforda-praktikperioder';
const SURVEY = 'medarbetare-nojda-med-kompetensutveckling';

const post = (path: string, fields: Record<string, string>) =>
  subject.request(path, formPost(fields, { cookie: coordinator }));
const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);

async function versionOf(slug: string): Promise<number> {
  const [row] = await subject.deps.db
    .select({ version: indicators.version })
    .from(indicators)
    .where(eq(indicators.slug, slug));
  if (!row) throw new Error(slug);
  return row.version;
}

async function yearRow(slug: string, year: number) {
  const [row] = await subject.deps.db
    .select({ target: indicatorValues.target, value: indicatorValues.value, source: indicatorValues.source })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicators.slug, slug), eq(indicatorValues.year, year)));
  return row;
}

describe('targets', () => {
  it('are set and changed by the coordinator, each save in the history', async () => {
    const path = `/mal/indikatorer/${COMPUTED}/malvarde`;
    const form = textOf(await (await get(path, coordinator)).text());
    expect(form).toContain('Målvärden för Genomförda praktikperioder');
    expect(form).toContain('Lämna tomt för att ta bort årets målvärde');
    expect(form).toContain('Inga målvärden är satta ännu.');

    const first = await post(path, {
      year: '2027',
      target: '40',
      version: String(await versionOf(COMPUTED)),
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${path}?ar=2027&sparat=1`);
    const second = await post(path, {
      year: '2027',
      target: '45',
      version: String(await versionOf(COMPUTED)),
    });
    expect(second.status).toBe(303);
    expect((await yearRow(COMPUTED, 2027))?.target).toBe('45');

    const page = textOf(await (await get(`${path}?ar=2027&sparat=1`, coordinator)).text());
    expect(page).toContain('Målvärdet är sparat.');
    expect(page).toContain('Målvärden som är satta År Målvärde (praktikperioder) 2027 45');

    const history = textOf(await (await get(`/mal/indikatorer/${COMPUTED}/historik`, coordinator)).text());
    expect(history).toContain('Målvärde 2027 (tomt) → 40');
    expect(history).toContain('Målvärde 2027 40 → 45');
    expect(history).toContain('Cora Samordnare');
    // An indicator's versions cannot be restored, so its history promises no restore.
    expect(history).toContain('Varje ändring sparas med vem som gjorde den');
    expect(history).not.toContain('återställa');
  });

  it('takes the Swedish decimal comma, and an unchanged save writes nothing', async () => {
    const path = `/mal/indikatorer/${COMPUTED}/malvarde`;
    const version = await versionOf(COMPUTED);
    expect((await post(path, { year: '2028', target: '12,5', version: String(version) })).status).toBe(303);
    expect((await yearRow(COMPUTED, 2028))?.target).toBe('12.5');
    const again = await post(path, { year: '2028', target: '12.50', version: String(version + 1) });
    expect(again.headers.get('location')).toBe(`${path}?ar=2028&sparat=oforandrat`);
    expect(await versionOf(COMPUTED)).toBe(version + 1);
  });

  it('are removed by an empty target: the row goes when it holds nothing else', async () => {
    const path = `/mal/indikatorer/${COMPUTED}/malvarde`;
    await post(path, { year: '2029', target: '7', version: String(await versionOf(COMPUTED)) });
    expect(await yearRow(COMPUTED, 2029)).toBeDefined();
    const removed = await post(path, {
      year: '2029',
      target: '',
      version: String(await versionOf(COMPUTED)),
    });
    expect(removed.status).toBe(303);
    expect(await yearRow(COMPUTED, 2029)).toBeUndefined();
    const history = textOf(await (await get(`/mal/indikatorer/${COMPUTED}/historik`, coordinator)).text());
    expect(history).toContain('Målvärde 2029 7 → (tomt)');
  });

  it('refuses bad input in Swedish next to the field, keeping what was typed', async () => {
    const path = `/mal/indikatorer/${COMPUTED}/malvarde`;
    const version = String(await versionOf(COMPUTED));
    const cases: [Record<string, string>, string, string][] = [
      [{ year: '2027', target: 'fyrtio' }, 'Skriv ett tal, till exempel 40 eller 12,5.', 'value="fyrtio"'],
      [{ year: '2027', target: '-3' }, 'Talet får inte vara mindre än 0.', 'value="-3"'],
      [{ year: '2040', target: '3' }, 'Välj ett år i listan.', 'value="3"'],
    ];
    for (const [fields, message, kept] of cases) {
      const response = await post(path, { ...fields, version });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(textOf(html)).toContain(message);
      expect(html).toContain(kept);
    }
    const percent = await post(`/mal/indikatorer/${SURVEY}/malvarde`, {
      year: '2026',
      target: '101',
      version: String(await versionOf(SURVEY)),
    });
    expect(percent.status).toBe(422);
    expect(textOf(await percent.text())).toContain('En andel i procent kan inte vara större än 100.');
    expect(await versionOf(COMPUTED)).toBe(Number(version));
  });

  it('refuses a save from an old version with 409, keeping what was typed', async () => {
    const path = `/mal/indikatorer/${COMPUTED}/malvarde`;
    const version = await versionOf(COMPUTED);
    const response = await post(path, { year: '2030', target: '99', version: String(version - 1) });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(textOf(html)).toContain('Någon annan sparade en ändring medan du skrev.');
    expect(textOf(html)).toContain('Så här ser den sparade versionen ut nu Målvärde 2027 45');
    expect(html).toContain('value="99"');
    expect(html).toContain(`name="version" value="${version}"`);
    expect(await yearRow(COMPUTED, 2030)).toBeUndefined();
  });
});

describe('entered values', () => {
  it('are entered with their source for a manual indicator, shown with it and in the history', async () => {
    const path = `/mal/indikatorer/${SURVEY}/varde`;
    const form = textOf(await (await get(path, coordinator)).text());
    expect(form).toContain('För in värde för Medarbetare som får den kompetensutveckling de behöver');
    const saved = await post(path, {
      year: '2026',
      value: '72',
      source: 'Medarbetarenkäten 2026, HR-avdelningen',
      measuredOn: '2026-10-15',
      version: String(await versionOf(SURVEY)),
    });
    expect(saved.status).toBe(303);
    const history = textOf(await (await get(`/mal/indikatorer/${SURVEY}/historik`, coordinator)).text());
    expect(history).toContain(
      'Värde 2026 (tomt) → 72 % (Medarbetarenkäten 2026, HR-avdelningen, mätt 15 oktober 2026)',
    );

    await post(`/mal/indikatorer/${SURVEY}/malvarde`, {
      year: '2026',
      target: '75',
      version: String(await versionOf(SURVEY)),
    });
    const figures = await loadIndicatorFigures(subject.deps, SURVEY);
    const year = figures.years.find((entry) => entry.year === 2026);
    expect(year).toMatchObject({
      value: 72,
      target: 75,
      demo: false,
      source: { text: 'Medarbetarenkäten 2026, HR-avdelningen', measuredOn: '2026-10-15' },
    });
    const indicatorPage = await get(`/mal/indikatorer/${SURVEY}`);
    if (indicatorPage.status !== 404) {
      const text = textOf(await indicatorPage.text());
      expect(text).toContain('Medarbetarenkäten 2026, HR-avdelningen');
      expect(text).toContain('75');
    }
  });

  it('are removed by an empty value; the target of the year stays', async () => {
    const path = `/mal/indikatorer/${SURVEY}/varde`;
    const removed = await post(path, {
      year: '2026',
      value: '',
      source: '',
      measuredOn: '',
      version: String(await versionOf(SURVEY)),
    });
    expect(removed.status).toBe(303);
    expect(await yearRow(SURVEY, 2026)).toEqual({ target: '75', value: null, source: null });
  });

  it('refuse a value without a source, a measured day in the future, letters, over 100 %', async () => {
    const path = `/mal/indikatorer/${SURVEY}/varde`;
    const version = String(await versionOf(SURVEY));
    const response = await post(path, {
      year: '2025',
      value: '68',
      source: '',
      measuredOn: '2026-12-01',
      version,
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(textOf(html)).toContain('Skriv varifrån värdet kommer.');
    expect(textOf(html)).toContain('Dagen värdet mättes kan inte vara senare än i dag.');
    expect(html).toContain('value="68"');
    expect(html).toContain('value="2026-12-01"');

    const missing = await post(path, { year: '2025', value: '68', source: 'Enkät', measuredOn: '', version });
    expect(textOf(await missing.text())).toContain('Skriv dagen värdet mättes.');

    const letters = await post(path, {
      year: '2025',
      value: 'sjuttio',
      source: 'Enkät',
      measuredOn: '2025-10-01',
      version,
    });
    expect(letters.status).toBe(422);
    expect(textOf(await letters.text())).toContain('Skriv ett tal, till exempel 40 eller 12,5.');

    const tooMuch = await post(path, {
      year: '2025',
      value: '101',
      source: 'Enkät',
      measuredOn: '2025-10-01',
      version,
    });
    expect(tooMuch.status).toBe(422);
    expect(textOf(await tooMuch.text())).toContain('En andel i procent kan inte vara större än 100.');
    expect(await yearRow(SURVEY, 2025)).toBeUndefined();
  });

  it("make the year the coordinator's own: a demo target in it is dropped, and the value is not labelled", async () => {
    const [indicator] = await subject.deps.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.slug, SURVEY));
    // As the demo data seeds a year: a demo target (and no value) in one row.
    await subject.deps.db
      .insert(indicatorValues)
      .values({ indicatorId: indicator?.id ?? 0, year: 2023, target: '90', isDemo: true });
    const saved = await post(`/mal/indikatorer/${SURVEY}/varde`, {
      year: '2023',
      value: '61',
      source: 'Medarbetarenkäten 2023',
      measuredOn: '2023-10-01',
      version: String(await versionOf(SURVEY)),
    });
    expect(saved.status).toBe(303);
    expect(await yearRow(SURVEY, 2023)).toEqual({
      target: null,
      value: '61',
      source: 'Medarbetarenkäten 2023',
    });
    const year = (await loadIndicatorFigures(subject.deps, SURVEY)).years.find(
      (figure) => figure.year === 2023,
    );
    expect(year).toMatchObject({ value: 61, demo: false, target: null });
  });

  it('do not exist for a computed indicator: 404', async () => {
    expect((await get(`/mal/indikatorer/${COMPUTED}/varde`, coordinator)).status).toBe(404);
    const response = await post(`/mal/indikatorer/${COMPUTED}/varde`, {
      year: '2026',
      value: '5',
      source: 'x',
      measuredOn: '2026-01-01',
      version: '1',
    });
    expect(response.status).toBe(404);
    expect((await get('/mal/indikatorer/finns-inte/malvarde', coordinator)).status).toBe(404);
  });
});

describe('the public goal pages', () => {
  it('change at once after a save, though cached', async () => {
    await get('/mal');
    const cached = await get('/mal');
    expect(cached.headers.get('x-cache')).toBe('hit');
    expect(textOf(await cached.text())).not.toContain('Medarbetarenkäten hösten 2026');
    const saved = await post(`/mal/indikatorer/${SURVEY}/varde`, {
      year: '2026',
      value: '64',
      source: 'Medarbetarenkäten hösten 2026',
      measuredOn: '2026-11-02',
      version: String(await versionOf(SURVEY)),
    });
    expect(saved.status).toBe(303);
    const after = await get('/mal');
    expect(after.headers.get('x-cache')).not.toBe('hit');
    const text = textOf(await after.text());
    expect(text).toContain('64');
    expect(text).toContain('Medarbetarenkäten hösten 2026');
  });
});
