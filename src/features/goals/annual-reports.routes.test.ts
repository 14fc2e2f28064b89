import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { sv } from '../../web/i18n/sv.ts';
import { auditLog } from '../accounts/accounts.table.ts';
import { activities, activityGoals } from '../activities/activities.table.ts';
import { groups } from '../groups/groups.table.ts';
import { agendaItemGoals, agendaItems, meetings } from '../meetings/meetings.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { loadExcelJs, sheetAsCsv } from '../transfer/sheets.ts';
import { reportSheet } from './annual-report-sheet.ts';
import { type ReportContent, readSnapshot } from './annual-report-snapshot.ts';
import { annualReports, goals, indicators, indicatorValues } from './goals.table.ts';
import { loadGoalFigures } from './indicators/indicator-figures.service.ts';

/**
 * The annual report to Högskolerådet (issue 11; decision 016), end to end on PostgreSQL: a draft made,
 * changed and published; bad input refused in Swedish with what was typed kept; a draft hidden from
 * everyone but coordinators; publishing freezes the figures — the page, the XLSX, the CSV and the PDF keep
 * showing what was published after the register changes, while the live figures move on; a published
 * report is final; two publishes at once publish once.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: { personId: number; cookie: string };
let member: { personId: number; cookie: string };
const db = () => subject.deps.db;
const get = (path: string, cookie?: string) => subject.request(path, cookie ? { headers: { cookie } } : {});
const post = (path: string, cookie: string, fields: Record<string, string> = {}) =>
  subject.request(path, formPost(fields, { cookie }));

/** The publish button's post: with the version the confirmation page was opened on (now, unless given). */
async function publish(year: number, cookie: string, version?: number) {
  const [row] = await db().select().from(annualReports).where(eq(annualReports.year, year));
  return post(`/mal/arsrapporter/${year}/publicera`, cookie, {
    version: String(version ?? row?.version ?? 1),
  });
}

const GOAL = 'verksamhetsutveckling-genom-forskning';
const INDICATOR = 'forsknings-och-ulf-projekt';
const ACTIVITY = 'Projekt om läsförståelse i Huddinges skolor';
const fields = (overrides: Record<string, string> = {}) => ({
  year: '2025',
  summary: 'Året då samverkan växte: fler projekt och fler praktikperioder.',
  'comment-rekrytering': '',
  [`comment-${GOAL}`]: 'Forskningsprojekten ökade tack vare ULF-avtalet.',
  'comment-tillvaxt': '',
  'comment-attraktiv-arbetsgivare': '',
  ...overrides,
});

const activityIds: number[] = [];
let indicatorId = 0;

/** What the live follow-up (the pages under /mal) counts for the indicator and year now. */
async function liveFigure(year: number) {
  const figures = await loadGoalFigures({ db: db(), clock: subject.deps.clock });
  const figure = figures.flatMap((goal) => goal.indicators).find((one) => one.definition.slug === INDICATOR);
  const entry = figure?.years.find((one) => one.year === year);
  return { value: entry?.value ?? null, target: entry?.target ?? null };
}

async function pdfText(bytes: ArrayBuffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { text: pages.join(' ').replace(/\s+/g, ' '), info, pages: pdf.numPages };
}

async function xlsxRows(bytes: ArrayBuffer) {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(bytes);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  coordinator = await signedInPerson(subject, {
    name: 'Cecilia Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  member = await signedInPerson(subject, { name: 'Mia Medlem', roles: { 'sodertorns-hogskola': 'member' } });
  const [goal] = await db().select().from(goals).where(eq(goals.slug, GOAL));
  const [indicator] = await db().select().from(indicators).where(eq(indicators.slug, INDICATOR));
  indicatorId = indicator!.id;
  // Three research projects that ran in 2025, linked to goal 2.
  for (const [index, title] of [
    ACTIVITY,
    'Projekt om äldreomsorgens bemanning',
    'ULF-projekt om bedömning',
  ].entries()) {
    const [row] = await db()
      .insert(activities)
      .values({
        slug: `arsrapport-projekt-${index}`,
        title,
        kind: index === 2 ? 'ulf_project' : 'research_project',
        startsOn: `2025-0${index + 2}-01`,
        endsOn: '2025-12-31',
      })
      .returning({ id: activities.id });
    activityIds.push(row!.id);
    await db().insert(activityGoals).values({ activityId: row!.id, goalId: goal!.id });
  }
  await db().insert(indicatorValues).values({ indicatorId, year: 2025, target: '77' });
  // A council meeting in 2025 with approved minutes: one decision linked to goal 2, one linked to none.
  const [council] = await db().select().from(groups).where(eq(groups.siteRole, 'council'));
  const [meeting] = await db()
    .insert(meetings)
    .values({
      groupId: council!.id,
      title: 'Högskolerådets möte i maj',
      startsAt: new Date('2025-05-20T08:00:00Z'),
      endsAt: new Date('2025-05-20T10:00:00Z'),
      place: 'Kommunhuset',
      status: 'held',
      minutesStatus: 'approved',
      minutesApprovedAt: new Date('2025-05-30T08:00:00Z'),
    })
    .returning({ id: meetings.id });
  const [linked] = await db()
    .insert(agendaItems)
    .values({
      meetingId: meeting!.id,
      position: 1,
      title: 'Satsning på ULF',
      decision: 'Rådet ställer sig bakom satsningen.',
    })
    .returning({ id: agendaItems.id });
  await db().insert(agendaItemGoals).values({ agendaItemId: linked!.id, goalId: goal!.id });
  await db().insert(agendaItems).values({
    meetingId: meeting!.id,
    position: 2,
    title: 'Mötesplan för 2026',
    decision: 'Rådet fastställer mötesplanen.',
  });
});
afterAll(async () => {
  await subject?.cleanup();
});

describe('the annual report', () => {
  it('lists no report to the public, and offers a new one to coordinators only', async () => {
    const open = await get('/mal/arsrapporter');
    expect(open.status).toBe(200);
    const text = textOf(await open.text());
    expect(text).toContain('Ingen årsrapport är publicerad ännu.');
    expect(text).not.toContain('Ny årsrapport');
    expect(textOf(await (await get('/mal/arsrapporter', coordinator.cookie)).text())).toContain(
      'Ny årsrapport',
    );
    expect((await get('/mal/arsrapporter/ny', member.cookie)).status).toBe(403);
    expect((await post('/mal/arsrapporter/ny', member.cookie, fields())).status).toBe(403);
  });

  it('suggests last year and refuses a bad year in Swedish, keeping what was typed', async () => {
    const form = await (await get('/mal/arsrapporter/ny', coordinator.cookie)).text();
    expect(form).toContain('value="2025"');
    const outOfRange = await post('/mal/arsrapporter/ny', coordinator.cookie, fields({ year: '2019' }));
    expect(outOfRange.status).toBe(422);
    const html = await outOfRange.text();
    expect(textOf(html)).toContain('Välj ett år mellan 2023 och 2026.');
    expect(html).toContain('value="2019"');
    expect(html).toContain('Forskningsprojekten ökade tack vare ULF-avtalet.');
    const notAYear = await post('/mal/arsrapporter/ny', coordinator.cookie, fields({ year: 'förra' }));
    expect(notAYear.status).toBe(422);
    expect(textOf(await notAYear.text())).toContain('Skriv året med fyra siffror, till exempel 2025.');
    expect(await db().select().from(annualReports)).toHaveLength(0);
  });

  it('creates a draft with its history, refuses a second report for the year, and hides the draft', async () => {
    const created = await post('/mal/arsrapporter/ny', coordinator.cookie, fields());
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/mal/arsrapporter/2025?sparat=ny');
    const [report] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    expect(report).toMatchObject({ status: 'draft', summary: fields().summary, snapshot: null });
    expect(report!.goalComments).toEqual({ [GOAL]: 'Forskningsprojekten ökade tack vare ULF-avtalet.' });
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'annual_report'), eq(recordHistory.recordId, report!.id)));
    expect(history.map((entry) => entry.action)).toEqual(['created']);

    const again = await post(
      '/mal/arsrapporter/ny',
      coordinator.cookie,
      fields({ summary: 'En andra rapport' }),
    );
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(textOf(againHtml)).toContain('Det finns redan en årsrapport för 2025.');
    expect(againHtml).toContain('En andra rapport');
    // A new form now suggests the latest year that has no report, not 2025 again.
    expect(await (await get('/mal/arsrapporter/ny', coordinator.cookie)).text()).toContain('value="2024"');

    // The draft: the coordinator's, counted from the register now; a 404 to anyone else.
    const page = await get('/mal/arsrapporter/2025?sparat=ny', coordinator.cookie);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Utkastet är skapat.');
    expect(text).toContain('Det här är ett utkast.');
    expect(text).toContain(ACTIVITY);
    expect(text).toContain('Satsning på ULF');
    expect(text).toContain('Mötesplan för 2026');
    expect((await get('/mal/arsrapporter/2025')).status).toBe(404);
    expect((await get('/mal/arsrapporter/2025', member.cookie)).status).toBe(404);
    for (const format of ['xlsx', 'csv', 'pdf']) {
      expect((await get(`/mal/arsrapporter/2025/arsrapport.${format}`)).status).toBe(404);
      const file = await get(`/mal/arsrapporter/2025/arsrapport.${format}`, coordinator.cookie);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('no-store');
    }
    expect(textOf(await (await get('/mal/arsrapporter')).text())).not.toContain('Årsrapport 2025');
    expect(textOf(await (await get('/mal/arsrapporter', coordinator.cookie)).text())).toContain(
      'Årsrapport 2025',
    );
  });

  it('changes a draft’s texts from the version it was opened on', async () => {
    const form = await get('/mal/arsrapporter/2025/andra', coordinator.cookie);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Forskningsprojekten ökade tack vare ULF-avtalet.');
    expect((await get('/mal/arsrapporter/2025/andra', member.cookie)).status).toBe(403);
    const { year: _year, ...texts } = fields({ summary: 'Ett år med fler projekt än någonsin.' });
    const saved = await post('/mal/arsrapporter/2025/andra', coordinator.cookie, { ...texts, version: '1' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/mal/arsrapporter/2025?sparat=1');
    const stale = await post('/mal/arsrapporter/2025/andra', coordinator.cookie, {
      ...texts,
      summary: 'Skrivet i en gammal flik',
      version: '1',
    });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('Skrivet i en gammal flik');
    expect(textOf(staleHtml)).toContain('Ett år med fler projekt än någonsin.');
    const [report] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    expect(report).toMatchObject({ version: 2, summary: 'Ett år med fler projekt än någonsin.' });
  });

  it('publishes after a confirmation, freezing the figures with the history and audit entries', async () => {
    expect((await get('/mal/arsrapporter/2025/publicera', member.cookie)).status).toBe(403);
    const confirm = await get('/mal/arsrapporter/2025/publicera', coordinator.cookie);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(textOf(confirmHtml)).toContain('fryses siffrorna');
    expect(confirmHtml).toContain('name="version" value="2"');
    // Opened before the last change of the texts (version 1): refused, nothing published unseen.
    const stale = await publish(2025, coordinator.cookie, 1);
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Utkastet har ändrats sedan du öppnade sidan.');
    expect((await db().select().from(annualReports).where(eq(annualReports.year, 2025)))[0]?.status).toBe(
      'draft',
    );
    const live = await liveFigure(2025);
    expect(live.target).toBe(77);
    const published = await publish(2025, coordinator.cookie);
    expect(published.status).toBe(303);
    const [report] = await db().select().from(annualReports).where(eq(annualReports.year, 2025));
    expect(report).toMatchObject({
      status: 'published',
      version: 3,
      publishedByPersonId: coordinator.personId,
    });
    const content = readSnapshot(report!.snapshot!);
    expect(content.schemaVersion).toBe(1);
    const goal = content.goals.find((one) => one.slug === GOAL)!;
    const indicator = goal.indicators.find((one) => one.slug === INDICATOR)!;
    expect(indicator.value.value).toBe(live.value);
    expect(indicator.target).toBe(77);
    expect(goal.activities.map((activity) => activity.title)).toContain(ACTIVITY);
    expect(goal.decisions.map((decision) => decision.title)).toEqual(['Satsning på ULF']);
    expect(content.councilDecisions.map((decision) => decision.title)).toEqual(['Mötesplan för 2026']);
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'annual_report_published'));
    expect(audit).toHaveLength(1);
    const history = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'annual_report'), eq(recordHistory.recordId, report!.id)));
    expect(history.map((entry) => entry.action)).toEqual(['created', 'changed', 'changed']);

    const page = await get('/mal/arsrapporter/2025');
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Publicerad 27 november 2026');
    expect(text).toContain('Siffrorna frystes 27 november 2026.');
    expect(textOf(await (await get('/mal/arsrapporter')).text())).toContain(
      'Årsrapport 2025 Publicerad 27 november 2026',
    );
  });

  it('keeps showing the published figures after the register changes, while the live figures move on', async () => {
    const before = readSnapshot(
      (await db().select().from(annualReports).where(eq(annualReports.year, 2025)))[0]!.snapshot!,
    );
    const frozen = before.goals
      .find((one) => one.slug === GOAL)!
      .indicators.find((one) => one.slug === INDICATOR)!;
    const frozenValue = frozen.value.value!;
    // The register changes: a project deleted, the target changed.
    await db().update(activities).set({ deletedAt: new Date() }).where(eq(activities.id, activityIds[0]!));
    await db()
      .update(indicatorValues)
      .set({ target: '99' })
      .where(and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.year, 2025)));
    const live = await liveFigure(2025);
    expect(live).toEqual({ value: frozenValue - 1, target: 99 });
    expect((await get('/mal')).status).toBe(200);

    // Signed in, so no page cache can stand in for the snapshot.
    const text = textOf(await (await get('/mal/arsrapporter/2025', coordinator.cookie)).text());
    expect(text).toContain(ACTIVITY);
    expect(text).toContain('77 projekt');
    expect(text).not.toContain('99 projekt');

    const csv = await get('/mal/arsrapporter/2025/arsrapport.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="arsrapport-2025.csv"');
    // Read as bytes: a Response's text() drops the byte order mark Swedish Excel needs.
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    const rows = parse(csvText, { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]).toEqual(sv.annualReports.sheet.columns);
    const csvRow = rows.find((row) => row[1] === 'Pågående forsknings- och ULF-projekt')!;
    expect(csvRow.slice(0, 9)).toEqual([
      'Verksamhetsutveckling genom forskning',
      'Pågående forsknings- och ULF-projekt',
      'projekt',
      '2025',
      String(frozenValue),
      '2024',
      expect.any(String),
      '77',
      frozenValue >= 77 ? 'Ja, målvärdet är nått' : 'Nej, målvärdet är inte nått',
    ]);

    const xlsx = await get('/mal/arsrapporter/2025/arsrapport.xlsx');
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="arsrapport-2025.xlsx"');
    const xlsxRow = (await xlsxRows(await xlsx.arrayBuffer())).find(
      (row) => row[1] === 'Pågående forsknings- och ULF-projekt',
    )!;
    expect(xlsxRow[4]).toBe(frozenValue);
    expect(xlsxRow[7]).toBe(77);

    const pdf = await get('/mal/arsrapporter/2025/arsrapport.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="arsrapport-2025.pdf"');
    const bytes = await pdf.arrayBuffer();
    // Read before pdf.js takes the buffer over (it detaches it).
    const raw = Buffer.from(bytes).toString('latin1');
    const parsed = await pdfText(bytes);
    expect(parsed.text).toContain('Årsrapport 2025');
    expect(parsed.text).toContain('Siffrorna frystes 27 november 2026.');
    expect(parsed.text).toContain(ACTIVITY);
    expect(parsed.text).toContain('Målvärde: 77 projekt');
    expect(parsed.text).toContain(`Värde 2025: ${frozenValue} projekt`);
    expect(parsed.text).toContain('Forskningsprojekten ökade tack vare ULF-avtalet.');
    expect(parsed.text).not.toContain('99 projekt');
    // One page for the title and summary, one per goal, one for the council's other decisions.
    expect(parsed.pages).toBeGreaterThanOrEqual(6);
    expect(parsed.info.Title).toBe('Årsrapport 2025 – Samverkan med akademierna');
    expect(parsed.info.Author).toBe(sv.annualReports.pdf.author);
    expect(parsed.info.Language).toBe('sv-SE');
    // PDF/A-3a as the XMP metadata declares it, and a tagged structure.
    expect(raw).toMatch(/pdfaid:part>3</);
    expect(raw).toMatch(/pdfaid:conformance>A</);
    expect(raw).toContain('/StructTreeRoot');
  });

  it('refuses to change or publish a published report again, in Swedish', async () => {
    const edit = await get('/mal/arsrapporter/2025/andra', coordinator.cookie);
    expect(edit.status).toBe(409);
    expect(textOf(await edit.text())).toContain('Årsrapporten är publicerad och kan inte ändras.');
    const { year: _year, ...texts } = fields();
    const save = await post('/mal/arsrapporter/2025/andra', coordinator.cookie, { ...texts, version: '3' });
    expect(save.status).toBe(409);
    const again = await publish(2025, coordinator.cookie);
    expect(again.status).toBe(409);
    expect(
      textOf(await (await get('/mal/arsrapporter/2025/publicera', coordinator.cookie)).text()),
    ).toContain('Årsrapporten är publicerad och kan inte ändras.');
  });

  it('publishes once when two publishes come at once', async () => {
    expect((await post('/mal/arsrapporter/ny', coordinator.cookie, fields({ year: '2024' }))).status).toBe(
      303,
    );
    const answers = await Promise.all([publish(2024, coordinator.cookie), publish(2024, coordinator.cookie)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    const [report] = await db().select().from(annualReports).where(eq(annualReports.year, 2024));
    expect(report).toMatchObject({ status: 'published', version: 2 });
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'annual_report_published'));
    expect(audit).toHaveLength(2);
  });

  it('does not publish a report for a year that is not over', async () => {
    expect((await post('/mal/arsrapporter/ny', coordinator.cookie, fields({ year: '2026' }))).status).toBe(
      303,
    );
    const early = await publish(2026, coordinator.cookie);
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain(
      'Årsrapporten för 2026 kan publiceras först när året är slut.',
    );
    expect((await db().select().from(annualReports).where(eq(annualReports.year, 2026)))[0]?.status).toBe(
      'draft',
    );
  });

  it('is a 404 for a year without a report and for a path that is no year', async () => {
    expect((await get('/mal/arsrapporter/2023')).status).toBe(404);
    expect((await get('/mal/arsrapporter/20255')).status).toBe(404);
    expect((await get('/mal/arsrapporter/2023/arsrapport.pdf', coordinator.cookie)).status).toBe(404);
  });
});

describe('the report as a table', () => {
  it('writes a withheld small count as words, never the number', () => {
    const content: ReportContent = {
      schemaVersion: 1,
      year: 2025,
      summary: '',
      countedOn: '2026-01-15',
      councilDecisions: [],
      goals: [
        {
          slug: 'attraktiv-arbetsgivare',
          position: 4,
          shortTitle: 'Attraktiv arbetsgivare',
          statement: '',
          comment: '',
          activityCount: 0,
          activities: [],
          decisions: [],
          indicators: [
            {
              slug: 'medarbetare-i-kompetensutveckling',
              name: 'Medarbetare i kompetensutveckling',
              unit: 'medarbetare',
              unitKind: 'people',
              kind: 'computed',
              direction: 'higher',
              value: { value: null, withheld: true, demo: false },
              previous: { value: 12, withheld: false, demo: false },
              target: 10,
              targetDemo: false,
              met: 'withheld',
              source: null,
            },
          ],
        },
      ],
    };
    const [row] = reportSheet(sv, content, false).rows;
    expect(row?.[4]).toBe('färre än 3');
    expect(row?.[6]).toBe(12);
    expect(row?.[8]).toBe('Kan inte visas (få personer)');
  });

  it('writes a decimal figure in the CSV with a decimal comma, as Swedish Excel reads it (not "72.5", a date)', () => {
    const content = {
      goals: [
        { shortTitle: 'Mål', indicators: [{ name: 'Nöjda', unit: 'procent', kind: 'manual', met: 'met' }] },
      ],
    } as unknown as ReportContent;
    const indicator = content.goals[0]!.indicators[0]!;
    Object.assign(content, { year: 2025 });
    Object.assign(indicator, {
      value: { value: 72.5, withheld: false, demo: false },
      previous: { value: 1234.5, withheld: false, demo: false },
      target: 80.25,
      targetDemo: false,
      source: null,
    });
    const rows = parse(sheetAsCsv(reportSheet(sv, content, false)), {
      delimiter: ';',
      bom: true,
    }) as string[][];
    expect([rows[1]?.[4], rows[1]?.[6], rows[1]?.[7]]).toEqual(['72,5', '1234,5', '80,25']);
  });
});
