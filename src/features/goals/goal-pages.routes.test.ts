import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFacts } from '../../../seeds/source-facts.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, textOf } from '../../../tests/test-app.ts';
import { sv } from '../../web/i18n/sv.ts';
import { indicatorCatalogue } from './indicators/indicator-catalogue.ts';
import { indicatorDocs } from './indicators/indicator-docs.ts';

let demo: Awaited<ReturnType<typeof createTestApp>>;
let plain: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  [demo, plain] = await Promise.all([createTestApp({ demo: true }), createTestApp({ demo: false })]);
});
afterAll(async () => {
  await Promise.all([demo.cleanup(), plain.cleanup()]);
});

async function page(subject: typeof demo, url: string, init?: RequestInit) {
  const response = await subject.request(url, init);
  return { status: response.status, html: await response.text() };
}

/** The dashboard's block for one indicator (its list item). */
function indicatorItem(html: string, slug: string): string {
  const start = html.indexOf(`<h4 id="indikator-${slug}"`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</li>', start));
}

const NOTHING_COUNTED = 'Det finns ännu inget i registret att räkna för den här indikatorn.';
const NOTHING_ENTERED = 'Inget värde har förts in för den här indikatorn ännu.';

describe('the dashboard on /mal', () => {
  it('shows every indicator under its goal, linking the goal page and the indicator page', async () => {
    const { status, html } = await page(demo, '/mal');
    expect(status).toBe(200);
    for (const slug of [
      'rekrytering',
      'verksamhetsutveckling-genom-forskning',
      'tillvaxt',
      'attraktiv-arbetsgivare',
    ]) {
      expect(html).toContain(`href="/mal/${slug}"`);
    }
    for (const indicator of indicatorCatalogue) {
      expect(html).toContain(`href="/mal/indikatorer/${indicator.slug}"`);
      const goalAt = html.indexOf(`id="mal-rubrik-${indicator.goal}"`);
      expect(goalAt).toBeGreaterThan(0);
      expect(html.indexOf(`id="indikator-${indicator.slug}"`)).toBeGreaterThan(goalAt);
    }
    expect(html).toContain('href="/mal/indikatorer"');
  });

  it('gives this year "hittills i år", and links a counted figure to the records it counts', async () => {
    const item = indicatorItem((await page(demo, '/mal')).html, 'genomforda-praktikperioder');
    expect(textOf(item)).toContain('2026, hittills i år');
    const link = item.match(
      /href="(\/mal\/indikatorer\/genomforda-praktikperioder\/underlag\?ar=2026)">([^<]+)</,
    );
    expect(link).not.toBeNull();
    const figure = Number(link?.[2]?.match(/^\d+/)?.[0]);
    expect(figure).toBeGreaterThan(0);
    // The records page adds up to the same figure.
    const records = await page(demo, link?.[1] ?? '');
    expect(records.status).toBe(200);
    // "1 praktikperiod", "2 praktikperioder": a record may add one.
    const adds = [...records.html.matchAll(/<td>(\d+) praktikperiod(?:er)?<\/td>/g)].map((match) =>
      Number(match[1]),
    );
    expect(adds.reduce((sum, value) => sum + value, 0)).toBe(figure);
    expect(textOf(records.html)).toContain(`Summan för året: ${figure} praktikperioder.`);
  });

  it('marks an entered indicator as such and demo figures as Exempeldata', async () => {
    const html = (await page(demo, '/mal')).html;
    expect(textOf(indicatorItem(html, 'anstallda-efter-praktik'))).toContain('Inmatat värde');
    expect(textOf(indicatorItem(html, 'genomforda-praktikperioder'))).toContain('Exempeldata');
  });

  it('without demo data, says plainly where there is nothing to count and invents no figure', async () => {
    const html = (await page(plain, '/mal')).html;
    let nothing = 0;
    for (const indicator of indicatorCatalogue) {
      const text = textOf(indicatorItem(html, indicator.slug));
      if (text.includes(NOTHING_COUNTED) || text.includes(NOTHING_ENTERED)) {
        nothing++;
        // Nothing but the name, the kind and the sentence: no digit anywhere.
        expect(text).not.toMatch(/\d/);
      }
      expect(text).not.toContain('Exempeldata');
    }
    expect(nothing).toBeGreaterThan(0);
    expect(textOf(indicatorItem(html, 'anstallda-efter-praktik'))).toContain(NOTHING_ENTERED);
    expect(textOf(indicatorItem(html, 'medarbetare-i-kompetensutveckling'))).toContain(NOTHING_COUNTED);
  });
});

describe('a goal page', () => {
  let goalId: number;
  const decisionTitles = {
    shown: 'Beslut om fler praktikplatser',
    internalItem: 'Internt beslut om rekrytering',
    notApproved: 'Ej justerat beslut om rekrytering',
    internalMeeting: 'Beslut på internt möte',
  };

  beforeAll(async () => {
    const { pool } = demo.database;
    goalId =
      (await pool.query<{ id: number }>(`select id from goals where slug = 'rekrytering'`)).rows[0]?.id ?? 0;
    const group = (await pool.query<{ id: number }>(`select id from groups where site_role = 'council'`))
      .rows[0]?.id;
    const meeting = async (minutes: string, visibility: string) =>
      (
        await pool.query<{ id: number }>(
          `insert into meetings (group_id, title, starts_at, ends_at, status, minutes_status, visibility, internal_reason)
           values ($1, 'Rådets möte om målen', '2026-10-01 08:00Z', '2026-10-01 10:00Z', 'held', $2, $3, $4)
           returning id`,
          [group, minutes, visibility, visibility === 'internal' ? 'Sekretess' : null],
        )
      ).rows[0]?.id;
    const item = async (meetingId: number | undefined, title: string, visibility: string) => {
      const id = (
        await pool.query<{ id: number }>(
          `insert into agenda_items (meeting_id, position, title, decision, visibility, internal_reason)
           values ($1, 1, $2, 'Rådet beslutade enligt förslaget.', $3, $4) returning id`,
          [meetingId, title, visibility, visibility === 'internal' ? 'Sekretess' : null],
        )
      ).rows[0]?.id;
      await pool.query('insert into agenda_item_goals (agenda_item_id, goal_id) values ($1, $2)', [
        id,
        goalId,
      ]);
      return id;
    };
    const approved = await meeting('approved', 'public');
    await item(approved, decisionTitles.shown, 'public');
    await item(approved, decisionTitles.internalItem, 'internal');
    await item(await meeting('ready', 'public'), decisionTitles.notApproved, 'public');
    await item(await meeting('approved', 'internal'), decisionTitles.internalMeeting, 'public');
  });

  it('shows the statement, each indicator with a chart, its text alternative and a table', async () => {
    const { status, html } = await page(demo, '/mal/rekrytering');
    expect(status).toBe(200);
    expect(textOf(html)).toContain(
      'Målet med samarbetet är att det ska underlätta Huddinge kommuns rekrytering.',
    );
    const svg = html.match(/<svg viewBox="0 0 480 240" role="img" aria-labelledby="([^"]+)"/);
    expect(svg).not.toBeNull();
    for (const id of svg?.[1]?.split(' ') ?? []) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<title id="figur-genomforda-praktikperioder-chart-title">/);
    // The summary, the chart and the table give the same number for each year.
    const summary = textOf(
      html.match(/<p id="figur-genomforda-praktikperioder-summary"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '',
    );
    const table =
      html.match(/<caption id="figur-genomforda-praktikperioder-caption">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(table).toContain('<th scope="col">År</th>');
    const rows = [...table.matchAll(/<th scope="row">([^<]+)<\/th><td>(?:<a [^>]*>)?([^<]+)</g)];
    expect(rows).toHaveLength(5);
    for (const [, year, value] of rows) {
      expect(summary).toContain(`${year}: ${value?.trim()}`);
    }
  });

  it('lists only public decisions in approved minutes, linking each to its page', async () => {
    const { html } = await page(demo, '/mal/rekrytering');
    const text = textOf(html);
    expect(text).toContain(decisionTitles.shown);
    expect(text).not.toContain(decisionTitles.internalItem);
    expect(text).not.toContain(decisionTitles.notApproved);
    expect(text).not.toContain(decisionTitles.internalMeeting);
    const id = (
      await demo.database.pool.query<{ id: number }>('select id from agenda_items where title = $1', [
        decisionTitles.shown,
      ])
    ).rows[0]?.id;
    expect(html).toContain(`<a href="/beslut/${id}">${decisionTitles.shown}</a>`);
    expect((await page(demo, `/beslut/${id}`)).status).toBe(200);
  });

  it('is 404 for a slug that is no goal', async () => {
    expect((await page(demo, '/mal/finns-inte')).status).toBe(404);
  });
});

describe('an indicator page', () => {
  it('gives the definition, the figures and the breakdowns of the chosen year, linking the groups', async () => {
    const { status, html } = await page(demo, '/mal/indikatorer/genomforda-praktikperioder?ar=2026');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain(sv.indicators.definitions['genomforda-praktikperioder'].counts);
    expect(text).toContain('Per förvaltning'.toLowerCase());
    expect(html).toMatch(/<option value="2026" selected="">2026<\/option>/);
    expect(html).toContain('href="/mal/indikatorer/genomforda-praktikperioder/underlag?ar=2026"');
    expect(html).toMatch(/href="\/larosaten\/[a-z-]+"/);
    expect(html).toMatch(/href="\/organisationer\/[a-z-]+"/);
  });

  it('shows an entered indicator without breakdowns or records', async () => {
    const { status, html } = await page(demo, '/mal/indikatorer/anstallda-efter-praktik');
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Inmatat värde');
    expect(html).not.toContain('/underlag');
    expect((await page(demo, '/mal/indikatorer/anstallda-efter-praktik/underlag')).status).toBe(404);
  });

  it('answers a bad year with 400 and an unknown indicator with 404', async () => {
    for (const year of ['abc', '1999', '2027', '20266', '']) {
      const status = (await page(demo, `/mal/indikatorer/genomforda-praktikperioder?ar=${year}`)).status;
      expect(status, year).toBe(400);
    }
    expect((await page(demo, '/mal/indikatorer/genomforda-praktikperioder/underlag?ar=1800')).status).toBe(
      400,
    );
    expect((await page(demo, '/mal/indikatorer/finns-inte')).status).toBe(404);
    expect((await page(demo, '/mal/indikatorer/finns-inte/underlag')).status).toBe(404);
  });

  it('links a coordinator, and nobody else, to the target and value forms', async () => {
    const coordinator = await signedInPerson(demo, { roles: { 'huddinge-kommun': 'coordinator' } });
    const member = await signedInPerson(demo, { roles: { 'huddinge-kommun': 'member' } });
    const url = '/mal/indikatorer/anstallda-efter-praktik';
    const forCoordinator = (await page(demo, url, { headers: { cookie: coordinator.cookie } })).html;
    expect(forCoordinator).toContain(`href="${url}/malvarde"`);
    expect(forCoordinator).toContain(`href="${url}/varde"`);
    expect(forCoordinator).toContain(`href="${url}/historik"`);
    for (const html of [
      (await page(demo, url)).html,
      (await page(demo, url, { headers: { cookie: member.cookie } })).html,
    ]) {
      expect(html).not.toContain(`${url}/malvarde`);
      expect(html).not.toContain(`${url}/varde`);
    }
  });
});

describe('the indicators’ definitions', () => {
  it('lists every indicator with its definition and link', async () => {
    const { status, html } = await page(plain, '/mal/indikatorer');
    expect(status).toBe(200);
    const text = textOf(html);
    for (const indicator of indicatorCatalogue) {
      const words = sv.indicators.definitions[indicator.slug];
      expect(html).toContain(`href="/mal/indikatorer/${indicator.slug}"`);
      for (const part of [words.name, words.counts, words.from, words.period]) expect(text).toContain(part);
    }
  });

  it('docs/indicators.md says what the strings say (npm run docs:indicators writes it)', () => {
    const file = readFileSync(new URL('../../../docs/indicators.md', import.meta.url), 'utf8');
    expect(file).toBe(indicatorDocs(sv, sourceFacts.goals));
  });
});

describe('targets and entered values', () => {
  beforeAll(async () => {
    const { pool } = plain.database;
    const id = async (slug: string) =>
      (await pool.query<{ id: number }>('select id from indicators where slug = $1', [slug])).rows[0]?.id;
    await pool.query(
      `insert into indicator_values (indicator_id, year, target, value, source, measured_on)
       values ($1, 2025, 10, 12, 'Enkät till nyanställda 2025', '2025-12-01'), ($1, 2026, 15, null, null, null),
              ($1, 2028, 20, null, null, null)`,
      [await id('anstallda-efter-praktik')],
    );
  });

  it('shows an entered value with its source and date, against its target, on every page', async () => {
    const dashboard = textOf(indicatorItem((await page(plain, '/mal')).html, 'anstallda-efter-praktik'));
    expect(dashboard).not.toContain(NOTHING_ENTERED);
    expect(dashboard).toContain('12 personer');
    expect(dashboard).toContain('Inmatat värde Källa: Enkät till nyanställda 2025, mätt 1 december 2025');
    expect(dashboard).toContain('Mål för 2026 15 personer');

    const { html } = await page(plain, '/mal/indikatorer/anstallda-efter-praktik');
    const text = textOf(html);
    expect(text).toContain('2025 12 personer Enkät till nyanställda 2025 1 december 2025');
    expect(text).toContain('Mål för kommande år');
    expect(text).toContain('2028 20 personer');
    // The chart: a bar for 2025, the targets as dashed lines with their labels; the year without a value no bar.
    expect(html.match(/<rect class="chart-bar"/g)).toHaveLength(2); // 2025's bar and the legend's key
    expect(html.match(/<line class="chart-target"/g)).toHaveLength(3); // 2025, 2026 and the legend's key
    expect(html).toContain('>mål 15</text>');
    expect(text).toContain('2025: 12 personer, mål 10 personer. Målet är nått.');
    expect(text).toContain('2026, hittills i år: inget värde, mål 15 personer. Kan inte bedömas.');
  });
});
