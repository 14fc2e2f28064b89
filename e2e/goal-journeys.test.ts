import { parse } from 'csv-parse/sync';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadExcelJs } from '../src/features/transfer/sheets.ts';
import { journey, newPage, signInAsAdministrator, text, useJourney } from './journey.ts';
import { expectReflow } from './reflow.ts';

/**
 * Issue 11, "done when": in Chromium with JavaScript off, a resident sees on /mal how each goal is doing
 * (figures with target and standing, a chart with its text and table, the records behind a figure adding up
 * to it), at 320 px and 200 % without sideways scrolling; the coordinator (here the administrator, who may
 * do what a coordinator may) sets a target, enters a manual value with its source, and creates, publishes
 * and downloads an annual report, which the public then finds listed with its date.
 *
 * The app's clock is E2E_NOW: 27 November 2026. The demo data has a published report for 2025, so the
 * journey's report is for 2024 (the form allows this year and the three before; publishing needs the year
 * to be over).
 */
useJourney();

const GOALS = [
  'Rekrytering',
  'Verksamhetsutveckling genom forskning',
  'Tillväxt genom kontakt med näringslivet',
  'Attraktiv arbetsgivare',
];
const COUNTED = 'genomforda-praktikperioder';
const ENTERED = 'anstallda-efter-praktik';
const SOURCE = 'Uppföljning av praktikanter som anställts 2026, HR-avdelningen';
const SUMMARY =
  'Året då praktikperioderna ökade i äldreomsorgen och förskolan; målen för forskning nåddes nästan.';
const COMMENT = 'Fler platser inom vård och omsorg; uppföljningen av anställda behöver bättre underlag.';

/** An element's text as rendered, spaces collapsed (the cells of a row apart, as a reader sees them). */
// biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with breaks between blocks.
const shown = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

const path = (page: Page) => new URL(page.url()).pathname;
const url = (suffix: string) => `${journey.server.baseUrl}${suffix}`;

/** The leading number of a figure such as "5 praktikperioder" or "1 234 studenter". */
const numberIn = (figure: string) => Number(figure.replace(/[\s\u00a0\u202f]/g, '').match(/^\d+/)?.[0]);

async function downloadBytes(page: Page, linkName: string): Promise<{ download: Download; bytes: Buffer }> {
  // Without JavaScript a file link is a plain navigation that ends in a download, not a page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('link', { name: linkName })
      .click()
      .catch(() => undefined),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { download, bytes: Buffer.concat(chunks) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

describe('goal follow-up, tried by new users without JavaScript', () => {
  let admin: Page;

  it('shows a resident how each goal is doing, with a chart, its table and the records behind a figure', async () => {
    const resident = await newPage();
    await resident.goto(url('/mal'));
    const dashboard = await text(resident);
    expect(dashboard).toContain('Så går det för målen');
    for (const goal of GOALS) {
      expect(await resident.getByRole('heading', { level: 3, name: goal, exact: true }).count()).toBe(1);
    }
    // Every indicator of the catalogue is listed under its goal, with a link to its page.
    expect(await resident.locator('li.indicator-summary').count()).toBe(11);
    const counted = resident.locator('li.indicator-summary', {
      has: resident.getByRole('link', { name: 'Genomförda praktikperioder', exact: true }),
    });
    const countedText = await shown(counted);
    expect(countedText).toMatch(/2026, hittills i år \d+ praktikperioder/);
    expect(countedText).toMatch(/Mål för 2026 \d+ praktikperioder/);
    expect(countedText).toMatch(/Läge (Målet är nått|Efter målet|Kan inte bedömas)/);
    // An entered figure says so, and where it comes from.
    expect(dashboard).toContain(
      'Inmatat värde Källa: Medarbetarenkäten 2026, HR-avdelningen, mätt 15 oktober 2026',
    );
    await expectReflow(resident, expect);

    // A goal page: the chart has a text alternative and a table with the same numbers beside it.
    await resident.getByRole('link', { name: 'Rekrytering', exact: true }).click();
    expect(path(resident)).toBe('/mal/rekrytering');
    // The SVG is an image named by its title and the summary written beside it.
    const chart = resident.getByRole('img', { name: /^Genomförda praktikperioder per år/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.evaluate((element) => element.localName)).toBe('svg');
    const chartSummary = await shown(
      resident.locator('p', { hasText: /^Genomförda praktikperioder 2022–2026\./ }),
    );
    expect(chartSummary).toContain('2026, hittills i år:');
    const chartName = await chart.evaluate((svg) =>
      (svg.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(chartName.replace(/\s+/g, ' ')).toContain(chartSummary);
    const table = resident.getByRole('table', { name: 'Genomförda praktikperioder: värde och mål per år' });
    const rows = await table.locator('tbody tr').all();
    expect(rows.length).toBe(5);
    for (const row of rows) {
      const year = await shown(row.locator('th, td').first());
      const value = await shown(row.locator('td').first());
      // The chart's text names the same figure for the same year.
      expect(chartSummary).toContain(`${year}: ${value.replace(/ Exempeldata$/, '')}`);
    }
    await expectReflow(resident, expect);

    // The indicator page, and what it counts: the records add up to the figure.
    await resident.getByRole('link', { name: 'Allt om indikatorn Genomförda praktikperioder' }).click();
    expect(path(resident)).toBe(`/mal/indikatorer/${COUNTED}`);
    expect(await text(resident)).toContain('Vad räknas');
    await resident
      .getByRole('link', { name: 'Visa vad som räknas: Genomförda praktikperioder 2026' })
      .click();
    expect(path(resident)).toBe(`/mal/indikatorer/${COUNTED}/underlag`);
    const sum = numberIn((await text(resident)).match(/Summan för året: ([^.]+)\./)?.[1] ?? '');
    expect(sum).toBeGreaterThan(0);
    const contributions = await resident
      .getByRole('table', { name: 'Det som räknas i Genomförda praktikperioder 2026' })
      .locator('tbody tr td:last-child')
      .allInnerTexts();
    expect(contributions.length).toBeGreaterThan(0);
    expect(contributions.map(numberIn).reduce((a, b) => a + b, 0)).toBe(sum);
    expect(countedText).toContain(`2026, hittills i år ${sum} praktikperioder`);
    await resident.getByRole('link', { name: 'Tillbaka till Genomförda praktikperioder' }).click();
    expect(path(resident)).toBe(`/mal/indikatorer/${COUNTED}`);
    // And back up: the indicator names its goal, the goal page leads back to all goals.
    await resident.getByRole('link', { name: 'Rekrytering', exact: true }).click();
    expect(path(resident)).toBe('/mal/rekrytering');
    await resident.getByRole('link', { name: 'Tillbaka till Mål med samarbetet' }).click();
    expect(path(resident)).toBe('/mal');

    // 200 % zoom on a 1280 px screen: a 640 px wide layout drawn at twice the scale.
    const zoomed = await newPage();
    await zoomed.setViewportSize({ width: 640, height: 800 });
    for (const page of ['/mal', '/mal/rekrytering', `/mal/indikatorer/${COUNTED}`]) {
      await zoomed.goto(url(page));
      const excess = await zoomed.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(excess, page).toBe(0);
    }
  });

  it('lets the coordinator set a target and enter a value with its source; the public sees the target at once', async () => {
    const resident = await newPage();
    // The resident has the dashboard in the page cache before the change.
    await resident.goto(url('/mal'));
    admin = (await signInAsAdministrator()).admin;

    // A target for this year on a counted indicator.
    await admin.goto(url(`/mal/indikatorer/${COUNTED}`));
    await admin
      .getByRole('link', { name: /målvärden/i })
      .first()
      .click();
    expect(path(admin)).toBe(`/mal/indikatorer/${COUNTED}/malvarde`);
    await admin.getByLabel('År', { exact: true }).selectOption('2026');
    await admin.getByLabel('Målvärde', { exact: true }).fill('37');
    await admin.getByRole('button', { name: 'Spara' }).click();
    await admin.waitForLoadState();
    expect(await text(admin)).toMatch(/2026\s+37/);

    await resident.goto(url('/mal'));
    const counted = resident.locator('li.indicator-summary', {
      has: resident.getByRole('link', { name: 'Genomförda praktikperioder', exact: true }),
    });
    expect(await shown(counted)).toContain('Mål för 2026 37 praktikperioder');

    // A value for an entered indicator: first a bad one, which comes back with a message by the field.
    await admin.goto(url(`/mal/indikatorer/${ENTERED}/varde`));
    await admin.getByLabel('År', { exact: true }).selectOption('2026');
    await admin.getByLabel('Värde', { exact: true }).fill('många');
    await admin.getByLabel('Källa', { exact: true }).fill(SOURCE);
    await admin.getByLabel('Mätt den', { exact: true }).fill('2026-11-20');
    await admin.getByRole('button', { name: 'Spara' }).click();
    await admin.waitForLoadState();
    const message = await shown(admin.locator('#indikator-varde-error'));
    expect(message).toContain('Skriv ett tal, till exempel 40 eller 12,5.');
    expect(await admin.getByLabel('Värde', { exact: true }).inputValue()).toBe('många');
    expect(await admin.getByLabel('Källa', { exact: true }).inputValue()).toBe(SOURCE);
    expect(await admin.getByLabel('Värde', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Värde', { exact: true }).fill('17');
    await admin.getByRole('button', { name: 'Spara' }).click();
    await admin.waitForLoadState();
    const saved = await text(admin);
    expect(saved).toContain('Värdet är sparat.');
    // The row of 2026 holds the demo data's target too, so it may carry the Exempeldata label.
    expect(saved).toMatch(
      new RegExp(`Värde \\(personer\\).*2026 17 (Exempeldata )?${SOURCE} 20 november 2026`),
    );

    // The indicator page shows the value with its source, and the history both changes.
    await admin.goto(url(`/mal/indikatorer/${ENTERED}`));
    const entered = await text(admin);
    expect(entered).toMatch(
      new RegExp(`17 personer (Exempeldata )?Inmatat värde Källa: ${SOURCE}, mätt 20 november 2026`),
    );
    await admin.goto(url(`/mal/indikatorer/${ENTERED}/historik`));
    const enteredHistory = await text(admin);
    expect(enteredHistory).toContain('Ada Administratör');
    expect(enteredHistory).toContain(`Värde 2026 (tomt) → 17 (${SOURCE}, mätt 20 november 2026)`);
    await admin.goto(url(`/mal/indikatorer/${COUNTED}/historik`));
    const countedHistory = await text(admin);
    expect(countedHistory).toContain('Ada Administratör');
    expect(countedHistory).toMatch(/Ada Administratör Målvärde 2026 [^→]+ → 37/);
    await resident.goto(url(`/mal/indikatorer/${ENTERED}`));
    expect(await text(resident)).toContain(`Källa: ${SOURCE}, mätt 20 november 2026`);
  });

  it('lets the coordinator create, publish and download the annual report; the public finds it listed', async () => {
    await admin.goto(url('/mal/arsrapporter'));
    await admin.getByRole('link', { name: 'Ny årsrapport' }).click();
    expect(path(admin)).toBe('/mal/arsrapporter/ny');
    expect(await text(admin)).toContain('mellan 2023 och 2026');
    await admin.getByLabel('År', { exact: true }).fill('2024');
    await admin.getByLabel('Sammanfattning', { exact: true }).fill(SUMMARY);
    await admin.getByLabel('Kommentar till målet Rekrytering').fill(COMMENT);
    await admin.getByRole('button', { name: 'Skapa utkastet' }).click();
    await admin.waitForLoadState();
    expect(path(admin)).toBe('/mal/arsrapporter/2024');
    const draft = await text(admin);
    expect(draft).toContain('Utkastet är skapat.');
    expect(draft).toContain(SUMMARY);
    expect(draft).toContain(COMMENT);

    await admin.getByRole('link', { name: 'Publicera årsrapporten' }).click();
    expect(path(admin)).toBe('/mal/arsrapporter/2024/publicera');
    await admin.getByRole('button', { name: 'Publicera', exact: true }).click();
    await admin.waitForLoadState();
    expect(path(admin)).toBe('/mal/arsrapporter/2024');
    const published = await text(admin);
    expect(published).toContain('Årsrapporten är publicerad.');
    expect(published).toContain('Publicerad 27 november 2026');

    // XLSX: every figure of the year, Swedish letters intact.
    const xlsx = await downloadBytes(admin, 'Årsrapport 2024 som Excel-fil (XLSX)');
    expect(xlsx.download.suggestedFilename()).toMatch(/2024.*\.xlsx$/);
    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheetRows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      sheetRows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))),
    );
    const header = sheetRows[0] ?? [];
    expect(header).toContain('Målvärde');
    const indicatorColumn = header.indexOf('Indikator');
    const valueColumn = header.indexOf('Värde');
    const countedRow = sheetRows.find((row) => row[indicatorColumn] === 'Genomförda praktikperioder');
    expect(countedRow).toBeDefined();
    expect(Number(countedRow?.[valueColumn])).toBeGreaterThanOrEqual(0);
    expect(sheetRows.some((row) => row.includes('Verksamhetsutveckling genom forskning'))).toBe(true);
    expect(sheetRows.some((row) => row.includes('Frågor från behovsbanken som tagits upp'))).toBe(true);
    expect(sheetRows.length).toBeGreaterThanOrEqual(12);

    // CSV: UTF-8 with a byte order mark, so Excel reads å, ä and ö right.
    const csv = await downloadBytes(admin, 'Årsrapport 2024 som CSV-fil');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvRows = parse(csv.bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(csvRows[0]).toEqual(header);
    expect(csvRows.length).toBe(sheetRows.length);
    expect(csvRows.some((row) => row.includes('Företag i samverkan med akademin'))).toBe(true);

    // PDF: built by the server, the Swedish text in it.
    const pdf = await downloadBytes(admin, 'Årsrapport 2024 som PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfContent = await pdfText(pdf.bytes);
    expect(pdfContent).toContain('Årsrapport 2024');
    expect(pdfContent).toContain('Genomförda praktikperioder');
    expect(pdfContent).toContain('Tillväxt genom kontakt med näringslivet');

    // The public finds it listed with its date and opens it.
    const resident = await newPage();
    await resident.goto(url('/mal'));
    await resident.getByRole('link', { name: 'Årsrapporterna till Högskolerådet' }).click();
    expect(path(resident)).toBe('/mal/arsrapporter');
    const listed = await text(resident);
    expect(listed).toContain('Årsrapport 2024 Publicerad 27 november 2026');
    await resident.getByRole('link', { name: 'Årsrapport 2024' }).click();
    expect(path(resident)).toBe('/mal/arsrapporter/2024');
    const report = await text(resident);
    expect(report).toContain(SUMMARY);
    expect(report).toContain(COMMENT);
    await expectReflow(resident, expect);
  });
});
