import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../tests/test-app.ts';

/**
 * The overview of placements and the needs bank (issue 9, item 7) on a hand-made data set whose figures
 * are known: a deleted offer, a deleted and a cancelled request, an offer of another term, an internal,
 * a deleted and an unpublished brief, and briefs on both sides of midnight between two terms in
 * Stockholm. Without the demo data, so nothing else counts.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;

const query = async (text: string, values: unknown[] = []) => subject.database.pool.query(text, values);
const idOf = async (slug: string): Promise<number> =>
  (await query('select id from organisations where slug = $1', [slug])).rows[0].id;

async function organisation(slug: string, name: string, kind: string, parent: string): Promise<number> {
  const result = await query(
    'insert into organisations (slug, name, kind, parent_id) values ($1, $2, $3, $4) returning id',
    [slug, name, kind, await idOf(parent)],
  );
  return result.rows[0].id;
}

async function offer(unit: number, term: string, places: number, confirmed = 0, deleted = false) {
  const result = await query(
    `insert into placement_offers (organisation_id, term, kind, programme, places, confirmed_places, deleted_at)
     values ($1, $2, 'vfu_teacher', 'Grundlärarprogrammet F–3', $3, $4, $5) returning id`,
    [unit, term, places, confirmed, deleted ? new Date() : null],
  );
  return result.rows[0].id as number;
}

async function request(offerId: number, university: number, places: number, status: string, deleted = false) {
  await query(
    `insert into placement_requests (offer_id, university_id, places, status, deleted_at)
     values ($1, $2, $3, $4, $5)`,
    [offerId, university, places, status, deleted ? new Date() : null],
  );
}

let briefCount = 0;
async function brief(
  publisher: number,
  publishedAt: string | null,
  options: { kind?: string; visibility?: 'public' | 'internal'; deleted?: boolean } = {},
): Promise<number> {
  briefCount += 1;
  const result = await query(
    `insert into briefs (slug, kind, title, organisation_id, question, intended_use, published_at, visibility,
                         internal_reason, deleted_at)
     values ($1, $2, $3, $4, 'Vilka arbetssätt fungerar?', 'Underlag för verksamhetsplanen', $5, $6, $7, $8)
     returning id`,
    [
      `testbehov-${briefCount}`,
      options.kind ?? 'research_question',
      `Testbehov ${briefCount}`,
      publisher,
      publishedAt,
      options.visibility ?? 'public',
      options.visibility === 'internal' ? 'arbetsmaterial' : null,
      options.deleted ? new Date() : null,
    ],
  );
  return result.rows[0].id;
}

async function response(briefId: number, institution: number | null, status: string) {
  await query(
    `insert into brief_responses (brief_id, name, email, institution_id, approach, status)
     values ($1, 'Sara Berg', 'sara.berg@example.se', $2, 'En intervjustudie under våren.', $3)`,
    [briefId, institution, status],
  );
}

let internalBrief: number;

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  const school = await organisation('testskolan', 'Testskolan', 'unit', 'barn-och-utbildningsforvaltningen');
  const preschool = await organisation(
    'testforskolan',
    'Testförskolan',
    'unit',
    'barn-och-utbildningsforvaltningen',
  );
  const upperSecondary = await organisation(
    'testgymnasiet',
    'Testgymnasiet',
    'unit',
    'gymnasie-och-arbetsmarknadsforvaltningen',
  );
  // A unit with no förvaltning above it: counted with the municipality.
  const loose = await organisation('testenheten', 'Testenheten', 'unit', 'huddinge-kommun');
  const sh = await idOf('sodertorns-hogskola');
  const ki = await idOf('karolinska-institutet');
  const kiDepartment = await organisation(
    'testinstitutionen',
    'Testinstitutionen',
    'department',
    'karolinska-institutet',
  );
  const administration = await idOf('barn-och-utbildningsforvaltningen');

  const o1 = await offer(school, 'HT2026', 10, 6);
  const o2 = await offer(preschool, 'HT2026', 5, 2);
  const o3 = await offer(upperSecondary, 'HT2026', 8);
  const deletedOffer = await offer(school, 'HT2026', 7, 2, true);
  await offer(loose, 'HT2026', 3);
  const nextTerm = await offer(school, 'VT2027', 4);

  await request(o1, sh, 6, 'confirmed');
  await request(o1, ki, 3, 'submitted');
  await request(o1, sh, 1, 'submitted', true);
  await request(o2, sh, 2, 'completed');
  await request(o2, sh, 3, 'cancelled');
  await request(o3, ki, 4, 'declined');
  await request(o3, kiDepartment, 2, 'in_review');
  await request(deletedOffer, sh, 2, 'confirmed');
  await request(nextTerm, ki, 4, 'submitted');

  const taken = await brief(school, '2026-09-01T08:00:00Z');
  await response(taken, sh, 'accepted');
  await response(taken, ki, 'declined');
  const notTaken = await brief(administration, '2026-10-01T08:00:00Z', { kind: 'thesis' });
  await response(notTaken, ki, 'submitted');
  internalBrief = await brief(upperSecondary, '2026-09-15T08:00:00Z', { visibility: 'internal' });
  await response(internalBrief, ki, 'accepted');
  const deletedBrief = await brief(school, '2026-09-20T08:00:00Z', { deleted: true });
  await response(deletedBrief, sh, 'accepted');
  await brief(school, null);
  // 00:30 on 1 July in Stockholm: HT2026. 23:30 on 30 June: VT2026.
  const firstNight = await brief(school, '2026-06-30T22:30:00Z');
  await response(firstNight, kiDepartment, 'completed');
  await brief(school, '2026-06-30T21:30:00Z');
  // Competence development offered by an institution, taken up by staff (who name no institution).
  const course = await brief(sh, '2026-08-20T08:00:00Z', { kind: 'staff_development' });
  await response(course, null, 'accepted');
});
afterAll(() => subject.cleanup());

/** A table's rows as text: [row heading, ...cells], the totals row last. */
function tableRows(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table class="figures" id="${id}">([\\s\\S]*?)</table>`))?.[1];
  if (!table) return [];
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
  );
}

describe('the overview of placements and the needs bank', () => {
  it('counts places per förvaltning and per institution for the term', async () => {
    const response = await subject.request('/praktik/oversikt?termin=HT2026');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(tableRows(html, 'praktik-forvaltning')).toEqual([
      ['Barn- och utbildningsförvaltningen', '15', '11', '8', '2'],
      ['Gymnasie- och arbetsmarknadsförvaltningen', '8', '6', '0', '0'],
      ['Huddinge kommun', '3', '0', '0', '0'],
      ['Totalt', '26', '17', '8', '2'],
    ]);
    expect(tableRows(html, 'praktik-larosate')).toEqual([
      ['Karolinska Institutet', '9', '0', '0'],
      ['Södertörns högskola', '8', '8', '2'],
      ['Totalt', '17', '8', '2'],
    ]);
  });

  it('counts briefs published in the term and taken up, leaving out internal, deleted and drafts', async () => {
    const html = await (await subject.request('/praktik/oversikt?termin=HT2026')).text();
    expect(tableRows(html, 'behov-forvaltning')).toEqual([
      ['Barn- och utbildningsförvaltningen', '3', '2'],
      ['Totalt', '3', '2'],
    ]);
    // Took up, own offers published, own offers taken up.
    expect(tableRows(html, 'behov-larosate')).toEqual([
      ['Karolinska Institutet', '1', '0', '0'],
      ['Södertörns högskola', '1', '1', '1'],
      ['Totalt', '2', '1', '1'],
    ]);
    expect(html).not.toContain('Gymnasie- och arbetsmarknadsförvaltningen</th><td class="numeric">1');
  });

  it('counts an internal brief only once it is public, so the public figures never include it', async () => {
    await query("update briefs set visibility = 'public', internal_reason = null where id = $1", [
      internalBrief,
    ]);
    try {
      const html = await (await subject.request('/praktik/oversikt?termin=HT2026')).text();
      expect(tableRows(html, 'behov-forvaltning')).toContainEqual([
        'Gymnasie- och arbetsmarknadsförvaltningen',
        '1',
        '1',
      ]);
      expect(tableRows(html, 'behov-larosate')[0]).toEqual(['Karolinska Institutet', '2', '0', '0']);
    } finally {
      await query(
        "update briefs set visibility = 'internal', internal_reason = 'arbetsmaterial' where id = $1",
        [internalBrief],
      );
    }
  });

  it('is an accessible table: caption, column and row headings, numbers right-aligned, a named scroll region', async () => {
    const html = await (await subject.request('/praktik/oversikt?termin=HT2026')).text();
    expect(html).toContain(
      '<section class="table-scroll" aria-labelledby="praktik-forvaltning-caption" tabindex="0">',
    );
    expect(html).toContain(
      '<caption id="praktik-forvaltning-caption">Praktikplatser per förvaltning, HT2026</caption>',
    );
    expect(html).toContain('<th scope="col" class="numeric">Erbjudna</th>');
    expect(html).toContain('<th scope="row">Totalt</th>');
    expect(html).toMatch(/<tfoot><tr><th scope="row">Totalt<\/th><td class="numeric">26<\/td>/);
    expect(textOf(html)).toContain('Var informationen till din hjälp?');
  });

  it('shows the current term when none is chosen, and another term on its own', async () => {
    const current = textOf(await (await subject.request('/praktik/oversikt')).text());
    expect(current).toContain('Praktik och behovsbanken i siffror, HT2026');
    const next = await (await subject.request('/praktik/oversikt?termin=vt2027')).text();
    expect(tableRows(next, 'praktik-forvaltning')).toEqual([
      ['Barn- och utbildningsförvaltningen', '4', '4', '0', '0'],
      ['Totalt', '4', '4', '0', '0'],
    ]);
    expect(textOf(next)).toContain('Inga behov har publicerats VT2027 ännu.');
    const empty = textOf(await (await subject.request('/praktik/oversikt?termin=HT2020')).text());
    expect(empty).toContain('Inga praktikplatser erbjuds HT2020 ännu.');
  });

  it('is linked from the start page, and links the placement pages (that need signing in) itself', async () => {
    const start = await (await subject.request('/')).text();
    expect(start).toContain('<a href="/praktik/oversikt">');
    const html = await (await subject.request('/praktik/oversikt')).text();
    const nav = /<nav aria-label="Praktik"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect([...nav.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      '/praktik/platser',
      '/praktik/forfragningar',
      '/praktik/behov',
      '/praktik/oversikt',
    ]);
    expect(nav).toContain('<a href="/praktik/oversikt" aria-current="page">');
    expect(textOf(nav)).toContain('Logga in för att se dem.');
  });

  it('answers a term that is no term with 400 and a Swedish message by the chooser', async () => {
    for (const bad of ['HT26', 'Hösten 2026', 'HT1999', '<script>', 'x'.repeat(5000)]) {
      const response = await subject.request(`/praktik/oversikt?termin=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(400);
      const html = await response.text();
      expect(textOf(html)).toContain('Skriv terminen som VT eller HT och ett årtal mellan 2000 och 2099');
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toContain('<script>');
    }
    // Malformed UTF-8, NUL and the parameter twice: a 400 too, never a 500.
    for (const raw of ['%FF', '%00', 'HT2026%00', 'HT2026&termin=VT2027x']) {
      const response = await subject.request(`/praktik/oversikt?termin=${raw}`);
      expect([200, 400], raw).toContain(response.status);
    }
    for (const format of ['csv', 'xlsx']) {
      const response = await subject.request(`/praktik/oversikt.${format}?termin=HT26`);
      expect(response.status).toBe(400);
      expect(textOf(await response.text())).toContain('Skriv terminen som VT eller HT');
    }
  });
});

const HEADINGS = [
  'Termin',
  'Tabell',
  'Förvaltning eller lärosäte',
  'Erbjudna platser',
  'Efterfrågade platser',
  'Bekräftade platser',
  'Genomförda platser',
  'Publicerade behov',
  'Behov tagna tillvara',
  'Behov lärosätet tagit sig an',
  'Exempeldata',
];

const FILE_ROWS = [
  [
    'HT2026',
    'Praktikplatser per förvaltning',
    'Barn- och utbildningsförvaltningen',
    15,
    11,
    8,
    2,
    '',
    '',
    '',
    '',
  ],
  [
    'HT2026',
    'Praktikplatser per förvaltning',
    'Gymnasie- och arbetsmarknadsförvaltningen',
    8,
    6,
    0,
    0,
    '',
    '',
    '',
    '',
  ],
  ['HT2026', 'Praktikplatser per förvaltning', 'Huddinge kommun', 3, 0, 0, 0, '', '', '', ''],
  ['HT2026', 'Praktikplatser per lärosäte', 'Karolinska Institutet', '', 9, 0, 0, '', '', '', ''],
  ['HT2026', 'Praktikplatser per lärosäte', 'Södertörns högskola', '', 8, 8, 2, '', '', '', ''],
  [
    'HT2026',
    'Behovsbanken per förvaltning',
    'Barn- och utbildningsförvaltningen',
    '',
    '',
    '',
    '',
    3,
    2,
    '',
    '',
  ],
  ['HT2026', 'Behovsbanken per lärosäte', 'Karolinska Institutet', '', '', '', '', 0, 0, 1, ''],
  ['HT2026', 'Behovsbanken per lärosäte', 'Södertörns högskola', '', '', '', '', 1, 1, 1, ''],
];

describe('the overview as files', () => {
  it('gives CSV for Swedish Excel: BOM, semicolons, CRLF, the same numbers', async () => {
    const response = await subject.request('/praktik/oversikt.csv?termin=HT2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="samverkan-praktik-och-behov-HT2026.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      '\r\nHT2026;Praktikplatser per förvaltning;Barn- och utbildningsförvaltningen;15;11;8;2;;;;\r\n',
    );
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]).toEqual(HEADINGS);
    expect(rows.slice(1)).toEqual(FILE_ROWS.map((row) => row.map(String)));
  });

  it('gives XLSX with the numbers as numbers, read back with exceljs', async () => {
    const response = await subject.request('/praktik/oversikt.xlsx?termin=HT2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="samverkan-praktik-och-behov-HT2026.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Praktik och behov HT2026');
    const values: unknown[][] = [];
    sheet.eachRow((row) => {
      values.push(HEADINGS.map((_heading, index) => row.getCell(index + 1).value ?? ''));
    });
    expect(values[0]).toEqual(HEADINGS);
    expect(values.slice(1)).toEqual(FILE_ROWS);
  });

  it('links both files from the page for the term shown', async () => {
    const html = await (await subject.request('/praktik/oversikt?termin=VT2027')).text();
    expect(html).toContain('href="/praktik/oversikt.csv?termin=VT2027"');
    expect(html).toContain('href="/praktik/oversikt.xlsx?termin=VT2027"');
  });
});

describe('the overview on the demo data', () => {
  let demo: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    demo = await createTestApp({ demo: true });
  });
  afterAll(() => demo.cleanup());

  it('keeps every demo offer’s confirmed places in step with its confirmed and completed requests', async () => {
    const { rows } = await demo.database.pool.query(`
      select o.id, o.places, o.confirmed_places,
             coalesce(sum(r.places) filter (where r.status in ('confirmed', 'completed')), 0)::int as booked
        from placement_offers o left join placement_requests r on r.offer_id = o.id
       group by o.id`);
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      expect(row.confirmed_places, `offer ${row.id}`).toBe(row.booked);
      expect(row.confirmed_places).toBeLessThanOrEqual(row.places);
    }
  });

  it('labels only the rows made of nothing but demo data, not one a real offer is counted in', async () => {
    const rowsOf = async () =>
      tableRows(await (await demo.request('/praktik/oversikt')).text(), 'praktik-forvaltning').map(
        (row) => row[0],
      );
    expect(await rowsOf()).toContain('Barn- och utbildningsförvaltningen Exempeldata');
    const unit = await demo.database.pool.query("select id from organisations where slug = 'ekdalsskolan'");
    const real = await demo.database.pool.query(
      `insert into placement_offers (organisation_id, term, kind, programme, places)
       values ($1, 'HT2026', 'vfu_teacher', 'Grundlärarprogrammet F–3', 2) returning id`,
      [unit.rows[0].id],
    );
    try {
      const rows = await rowsOf();
      expect(rows).toContain('Barn- och utbildningsförvaltningen');
      expect(rows).toContain('Socialförvaltningen Exempeldata');
    } finally {
      await demo.database.pool.query('delete from placement_offers where id = $1', [real.rows[0].id]);
    }
  });

  it('shows a believable term, labelled Exempeldata, with every kind of brief and placement', async () => {
    const html = await (await demo.request('/praktik/oversikt')).text();
    const text = textOf(html);
    expect(text).toContain('Praktik och behovsbanken i siffror, HT2026');
    const byAdministration = tableRows(html, 'praktik-forvaltning');
    expect(byAdministration.map((row) => row[0])).toEqual([
      'Barn- och utbildningsförvaltningen Exempeldata',
      'Gymnasie- och arbetsmarknadsförvaltningen Exempeldata',
      'Kommunstyrelsens förvaltning Exempeldata',
      'Socialförvaltningen Exempeldata',
      'Vård- och omsorgsförvaltningen Exempeldata',
      'Totalt',
    ]);
    const institutions = tableRows(html, 'praktik-larosate').map((row) => row[0]);
    expect(institutions).toContain('Södertörns högskola Exempeldata');
    expect(institutions).toContain('Karolinska Institutet Exempeldata');
    expect(institutions).toContain('Flemingsbergs gymnasium Exempeldata');
    const totalsRow = byAdministration.at(-1)!.slice(1).map(Number);
    // Offered ≥ confirmed ≥ completed, with something carried out already in late November.
    expect(totalsRow[0]).toBeGreaterThanOrEqual(totalsRow[2]!);
    expect(totalsRow[3]).toBeGreaterThan(0);
    expect(tableRows(html, 'behov-forvaltning').length).toBeGreaterThan(3);
    const kinds = await demo.database.pool.query(
      "select distinct kind from briefs where published_at is not null and visibility = 'public'",
    );
    expect(kinds.rows).toHaveLength(6);
    const offerKinds = await demo.database.pool.query('select distinct kind from placement_offers');
    expect(offerKinds.rows).toHaveLength(4);
  });
});
