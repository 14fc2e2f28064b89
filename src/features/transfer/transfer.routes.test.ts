import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf, uploadPost } from '../../../tests/test-app.ts';
import { csvRow } from '../../lib/csv.ts';
import { activities, activityGoals } from '../activities/activities.table.ts';
import { agreementParties, agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;

beforeAll(async () => {
  subject = await createTestApp();
  coordinator = (
    await signedInPerson(subject, { name: 'Cora Samordnare', roles: { 'huddinge-kommun': 'coordinator' } })
  ).cookie;
  editor = (
    await signedInPerson(subject, {
      name: 'Erik Redaktör',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    })
  ).cookie;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const get = (path: string, cookie = coordinator) => subject.request(path, { headers: { cookie } });
const upload = (
  name: string,
  bytes: string | Uint8Array<ArrayBuffer>,
  cookie = coordinator,
  vad = 'organisationer',
) => subject.request('/arbetsyta/import', uploadPost({ field: 'fil', name, bytes }, { vad }, { cookie }));
const post = (path: string, cookie = coordinator) => subject.request(path, formPost({}, { cookie }));

async function organisation(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}
async function organisationCount(): Promise<number> {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(organisations);
  return row!.count;
}
async function csvExport(): Promise<string> {
  return (await get('/arbetsyta/export/organisationer.csv')).text();
}
/** Uploads a file and follows the redirect to its preview: the import's address and the page's text. */
async function preview(name: string, bytes: string | Uint8Array<ArrayBuffer>, vad = 'organisationer') {
  const response = await upload(name, bytes, coordinator, vad);
  expect(response.status, await response.clone().text()).toBe(303);
  const path = response.headers.get('location') ?? '';
  expect(path).toMatch(/^\/arbetsyta\/import\/[0-9a-f-]{36}$/);
  return { path, text: textOf(await (await get(path)).text()) };
}

describe('exporting the register', () => {
  it('gives organisations as CSV that Swedish Excel opens right: BOM, semicolons, Swedish headings', async () => {
    const response = await get('/arbetsyta/export/organisationer.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="samverkan-organisationer-2026-11-27.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Adress',
      'Namn',
      'Förkortning',
      'Typ',
      'Ingår i (adress)',
      'Ingår i',
      'Webbplats',
      'Beskrivning',
      'Senast ändrad',
    ]);
    const ekdal = rows.find((row) => row[0] === 'ekdalsskolan');
    expect(ekdal?.[1]).toBe('Ekdalsskolan');
    expect(ekdal?.[3]).toBe('Enhet');
    expect(ekdal?.[4]).toBe('barn-och-utbildningsforvaltningen');
    expect(ekdal?.[5]).toBe('Barn- och utbildningsförvaltningen');
    expect(ekdal?.[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.every((row) => row.length === 9)).toBe(true);
  });

  it('gives agreements as XLSX with real dates, internal ones included for the coordinator', async () => {
    const [first] = await db().select().from(agreements).limit(1);
    await db()
      .update(agreements)
      .set({ visibility: 'internal', internalReason: 'Arbetsmaterial' })
      .where(eq(agreements.id, first!.id));
    const response = await get('/arbetsyta/export/avtal.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Avtal');
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toContain('Diarienummer');
    expect(headings).toContain('Skäl till intern');
    const titles = sheet.getColumn(2).values.slice(2);
    expect(titles).toContain(first!.title);
    const validFrom = sheet.getColumn(headings.indexOf('Gäller från') + 1).values.slice(2);
    expect(validFrom.some((value) => value instanceof Date)).toBe(true);
    // Each agreement's own parties (a subquery that lost its table once named every organisation's).
    const parties = await db()
      .select({ name: organisations.name })
      .from(agreementParties)
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(eq(agreementParties.agreementId, first!.id));
    const row = titles.indexOf(first!.title) + 2;
    const partiesCell = String(sheet.getRow(row).getCell(headings.indexOf('Parter') + 1).value);
    expect(partiesCell.split(', ').sort()).toEqual(parties.map((party) => party.name).sort());
    const reasons = sheet.getColumn(headings.indexOf('Skäl till intern') + 1).values;
    expect(reasons).toContain('Arbetsmaterial');
    await db()
      .update(agreements)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(agreements.id, first!.id));
  });

  it('leaves deleted organisations out', async () => {
    await db()
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
    expect(await csvExport()).not.toContain('flemingsbergs-gymnasium');
    await db()
      .update(organisations)
      .set({ deletedAt: null })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
  });

  it('is the coordinator’s alone, and knows only its own files', async () => {
    expect((await get('/arbetsyta/export/organisationer.csv', editor)).status).toBe(403);
    expect((await get('/arbetsyta/export', editor)).status).toBe(403);
    expect((await get('/arbetsyta/export/personer.csv')).status).toBe(404);
    expect((await get('/arbetsyta/export/avtal.pdf')).status).toBe(404);
  });
});

describe('importing organisations', () => {
  it('round-trips an export: a changed row and a new one, previewed, applied, undone', async () => {
    const before = await organisationCount();
    const bou = await organisation('barn-och-utbildningsforvaltningen');
    const description = (await organisation('ekdalsskolan'))!.description;
    const exported = await csvExport();
    const changed = exported
      .split('\r\n')
      .map((line) =>
        line.startsWith('ekdalsskolan;')
          ? line.replace(/;[^;]*;(\d{4}-\d{2}-\d{2})$/, ';Grundskola F–9 vid Ekdalen.;$1')
          : line,
      )
      .join('\r\n');
    const added = `${changed};Förskolan Solrosen;;Enhet;barn-och-utbildningsforvaltningen;;;Ny förskola.;\r\n`;
    const { path, text } = await preview('organisationer.csv', added);
    const exportedRows = exported.trim().split('\r\n').length - 1;
    expect(text).toContain(`1 nya, 1 ändrade, ${exportedRows - 1} oförändrade, 0 med fel.`);
    expect(text).toContain(`Beskrivning: ${description} → Grundskola F–9 vid Ekdalen.`);
    // Nothing is saved by the preview.
    expect(await organisationCount()).toBe(before);

    const applied = await post(`${path}/genomfor`);
    expect(applied.status).toBe(303);
    expect(applied.headers.get('location')).toBe(`${path}?klart=genomford`);
    expect(textOf(await (await get(`${path}?klart=genomford`)).text())).toContain(
      'Importen är genomförd: 2 organisationer lades till eller ändrades.',
    );
    const solrosen = await db()
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Förskolan Solrosen'));
    expect(solrosen).toHaveLength(1);
    expect(solrosen[0]!.parentId).toBe(bou!.id);
    expect((await organisation('ekdalsskolan'))!.description).toBe('Grundskola F–9 vid Ekdalen.');
    expect(textOf(await (await subject.request('/organisationer/ekdalsskolan')).text())).toContain(
      'Grundskola F–9 vid Ekdalen.',
    );
    const [history] = await db()
      .select()
      .from(recordHistory)
      .where(and(eq(recordHistory.recordType, 'organisation'), eq(recordHistory.recordId, solrosen[0]!.id)));
    expect(history?.action).toBe('imported');
    expect(history?.note).toBe('Importerad från organisationer.csv');

    expect((await post(`${path}/genomfor`)).status).toBe(409);

    const undone = await post(`${path}/angra`);
    expect(undone.status).toBe(303);
    expect((await organisation('ekdalsskolan'))!.description).toBe(description);
    expect((await organisation(solrosen[0]!.slug))!.deletedAt).not.toBeNull();
    expect(textOf(await (await subject.request('/organisationer/ekdalsskolan')).text())).not.toContain(
      'Grundskola F–9 vid Ekdalen.',
    );
    expect((await post(`${path}/angra`)).status).toBe(409);
  });

  it('changes nothing while one row is wrong, and says why next to the row', async () => {
    const before = await organisationCount();
    const file = [
      'Namn;Typ;Ingår i (adress);Webbplats',
      'Förskolan Vitsippan;Enhet;barn-och-utbildningsforvaltningen;',
      'Förskolan Blåsippan;Skola;barn-och-utbildningsforvaltningen;',
      ';Enhet;finns-inte;inte en adress',
    ].join('\n');
    const { path, text } = await preview('fel.csv', file);
    expect(text).toContain('1 nya, 0 ändrade, 0 oförändrade, 2 med fel.');
    expect(text).toContain('Typ: skriv en av typerna i exporten');
    expect(text).toContain('Ingår i: det finns ingen organisation med adressen finns-inte.');
    expect(text).toContain('Namn:');
    expect(text).toContain('Webbplats:');
    expect(text).toContain('Ingenting importeras så länge någon rad har fel.');
    const refused = await post(`${path}/genomfor`);
    expect(refused.status).toBe(422);
    expect(await organisationCount()).toBe(before);
  });

  it('applies all or nothing when a record changed after the preview', async () => {
    const exported = await csvExport();
    const file = exported
      .split('\r\n')
      .map((line) =>
        line.startsWith('ekdalsskolan;') || line.startsWith('flemingsbergs-gymnasium;')
          ? line.replace(/;[^;]*;(\d{4}-\d{2}-\d{2})$/, ';Ändrad av importen.;$1')
          : line,
      )
      .join('\r\n');
    const { path } = await preview('tva.csv', file);
    await db()
      .update(organisations)
      .set({ website: 'https://flemingsberg.example', version: sql`${organisations.version} + 1` })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
    const refused = await post(`${path}/genomfor`);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain(
      'Flemingsbergs gymnasium har ändrats i registret efter förhandsgranskningen.',
    );
    expect((await organisation('ekdalsskolan'))!.description).not.toBe('Ändrad av importen.');
  });

  it('refuses to undo over a later edit, naming the record', async () => {
    const exported = await csvExport();
    const file = exported
      .split('\r\n')
      .map((line) =>
        line.startsWith('ekdalsskolan;')
          ? line.replace(/;[^;]*;(\d{4}-\d{2}-\d{2})$/, ';Importerad text.;$1')
          : line,
      )
      .join('\r\n');
    const { path } = await preview('en.csv', file);
    expect((await post(`${path}/genomfor`)).status).toBe(303);
    await db()
      .update(organisations)
      .set({ website: 'https://ekdal.example', version: sql`${organisations.version} + 1` })
      .where(eq(organisations.slug, 'ekdalsskolan'));
    const refused = await post(`${path}/angra`);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain(
      'Importen kan inte ångras: Ekdalsskolan har ändrats efter importen.',
    );
  });

  it('reads an Excel workbook as well as CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Organisationer');
    sheet.addRow(['Namn', 'Typ', 'Ingår i (adress)', 'Beskrivning']);
    sheet.addRow([
      'Förskolan Tussilago',
      'Enhet',
      'barn-och-utbildningsforvaltningen',
      { richText: [{ text: 'Ny ' }, { text: 'förskola.', font: { bold: true } }] },
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { text } = await preview('forskolor.xlsx', bytes);
    expect(text).toContain('1 nya, 0 ändrade, 0 oförändrade, 0 med fel.');
    expect(text).toContain('Förskolan Tussilago');
  });

  it('answers a wrong file with a message next to the file field, never a 500', async () => {
    const cases: [string, string | Uint8Array<ArrayBuffer>, number, string][] = [
      ['tom.csv', '', 422, 'Välj en fil.'],
      ['fel.csv', 'Adress,Webbplats\nx,y\n', 422, 'Filen saknar kolumnerna Namn, Typ.'],
      ['trasig.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 422, 'Filen kunde inte läsas'],
      ['stor.csv', `Namn;Typ\n${'x'.repeat(2 * 1024 * 1024)}`, 413, 'Filen är större än 2 MB.'],
    ];
    for (const [name, bytes, status, message] of cases) {
      const response = await upload(name, bytes);
      expect(response.status, name).toBe(status);
      const html = await response.text();
      expect(textOf(html), name).toContain(message);
      expect(html, name).toContain('aria-invalid="true"');
    }
    const tooBig = await upload('enorm.csv', 'x'.repeat(3 * 1024 * 1024));
    expect(tooBig.status).toBe(413);
  });

  it('is refused to an editor, and an unknown import is a 404', async () => {
    expect((await upload('organisationer.csv', 'Namn;Typ\nA;Enhet\n', editor)).status).toBe(403);
    expect((await get('/arbetsyta/import/inte-ett-id')).status).toBe(404);
    expect((await get('/arbetsyta/import/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('importing activities', () => {
  it('round-trips the export: a changed outcome and a new activity, with focus areas and goals kept', async () => {
    const slug = 'ulf-bedomning-i-gymnasieskolan';
    const [before] = await db().select().from(activities).where(eq(activities.slug, slug));
    const goalsBefore = await db()
      .select()
      .from(activityGoals)
      .where(eq(activityGoals.activityId, before!.id));
    expect(goalsBefore.length).toBeGreaterThan(0);
    const exported = await (await get('/arbetsyta/export/aktiviteter.csv')).text();
    const rows = parse(exported, { delimiter: ';', bom: true }) as string[][];
    const [headings = [], ...lines] = rows;
    const column = (name: string) => headings.indexOf(name);
    const changed = lines.map((line) =>
      line[0] === slug
        ? line.map((value, index) => (index === column('Resultat') ? 'En modell för återkoppling.' : value))
        : line,
    );
    const added = headings.map(
      (heading) =>
        ({
          Titel: 'Läsande klassrum i årskurs 4',
          Typ: 'ULF-projekt',
          Startar: '2026-01-15',
          Slutar: '2027-06-30',
          'Organisationer (adresser)': 'barn-och-utbildningsforvaltningen, sodertorns-hogskola',
          Avtal: 'ulf-avtal-sodertorns-hogskola',
          Synlighet: 'Offentlig',
        })[heading] ?? '',
    );
    const file = [headings, ...changed, added].map((line) => csvRow(line)).join('');
    const { path, text } = await preview('aktiviteter.csv', file, 'aktiviteter');
    expect(text).toContain(`1 nya, 1 ändrade, ${lines.length - 1} oförändrade, 0 med fel.`);
    expect(text).toContain('Resultat: (tomt) → En modell för återkoppling.');

    expect((await post(`${path}/genomfor`)).status).toBe(303);
    const page = textOf(await (await subject.request(`/aktiviteter/${slug}`)).text());
    expect(page).toContain('En modell för återkoppling.');
    const [fresh] = await db()
      .select()
      .from(activities)
      .where(eq(activities.title, 'Läsande klassrum i årskurs 4'));
    expect(fresh).toMatchObject({ kind: 'ulf_project', startsOn: '2026-01-15', endsOn: '2027-06-30' });
    expect(await db().select().from(activityGoals).where(eq(activityGoals.activityId, before!.id))).toEqual(
      goalsBefore,
    );
    expect(textOf(await (await get(`${path}?klart=genomford`)).text())).toContain(
      'Importen är genomförd: 2 aktiviteter lades till eller ändrades.',
    );

    expect((await post(`${path}/angra`)).status).toBe(303);
    const [undone] = await db().select().from(activities).where(eq(activities.slug, slug));
    expect(undone!.outcomes).toBe(before!.outcomes);
    const [gone] = await db().select().from(activities).where(eq(activities.id, fresh!.id));
    expect(gone!.deletedAt).not.toBeNull();
  });

  it('says what is wrong on each row by the activity form’s rules, and imports nothing', async () => {
    const file = [
      'Titel;Typ;Startar;Slutar;Organisationer (adresser);Avtal;Synlighet;Skäl till intern',
      'Rätt rad;Kurs;2026-01-01;2026-02-01;huddinge-kommun;;;',
      'Baklänges;Kurs;2026-05-01;2026-04-01;huddinge-kommun;;;',
      'Okänd;Fest;2026-01-01;;finns-inte;inget-avtal;Hemlig;',
      'Intern utan skäl;Kurs;;;huddinge-kommun, huddinge-kommun;;Intern;',
    ].join('\n');
    const { path, text } = await preview('aktiviteter-fel.csv', file, 'aktiviteter');
    expect(text).toContain('1 nya, 0 ändrade, 0 oförändrade, 3 med fel.');
    expect(text).toContain('Slutdatumet kan inte vara före startdatumet.');
    expect(text).toContain('Typ: skriv en av typerna i exporten av aktiviteter');
    expect(text).toContain('det finns ingen organisation med adressen finns-inte.');
    expect(text).toContain('Avtal: det finns inget avtal med adressen inget-avtal.');
    expect(text).toContain('Synlighet: skriv Offentlig eller Intern');
    expect(text).toContain('Skriv varför aktiviteten är intern.');
    expect(text).toContain('Organisationen är redan vald ovan.');
    expect((await post(`${path}/genomfor`)).status).toBe(422);
    expect(await db().select().from(activities).where(eq(activities.title, 'Rätt rad'))).toHaveLength(0);
  });
});

describe('files that say less than the export', () => {
  it('keeps what a file has no column for, on a record already in the register', async () => {
    const before = await organisation('barn-och-utbildningsforvaltningen');
    const { text } = await preview(
      'bara-namn.csv',
      'Adress;Namn;Typ\nbarn-och-utbildningsforvaltningen;Barn- och utbildningsförvaltningen;Förvaltning\n',
    );
    expect(text).toContain('0 nya, 0 ändrade, 1 oförändrade, 0 med fel.');
    expect((await organisation('barn-och-utbildningsforvaltningen'))!.description).toBe(before!.description);
  });

  it('keeps an internal activity internal when the file has no visibility column', async () => {
    const slug = 'ulf-lasundervisning-i-forskolan';
    await db()
      .update(activities)
      .set({ visibility: 'internal', internalReason: 'arbetsmaterial' })
      .where(eq(activities.slug, slug));
    const [row] = await db().select().from(activities).where(eq(activities.slug, slug));
    const { text } = await preview(
      'titlar.csv',
      `Adress;Titel;Typ;Organisationer (adresser)\n${slug};${row!.title} (nytt namn);ULF-projekt;${(
        await db().execute<{ slug: string }>(
          sql`select o.slug from activity_organisations ao join organisations o on o.id = ao.organisation_id where ao.activity_id = ${row!.id} order by o.slug`,
        )
      ).rows
        .map((organisation) => organisation.slug)
        .join(', ')}\n`,
      'aktiviteter',
    );
    expect(text).toContain('0 nya, 1 ändrade, 0 oförändrade, 0 med fel.');
    expect(text).not.toContain('Synlighet:');
    await db()
      .update(activities)
      .set({ visibility: 'public', internalReason: null })
      .where(eq(activities.slug, slug));
  });

  it('finds an unchanged activity unchanged when it links to a deleted organisation, and keeps the link', async () => {
    const slug = 'ulf-bedomning-i-gymnasieskolan';
    await db()
      .update(organisations)
      .set({ deletedAt: new Date() })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
    const exported = await (await get('/arbetsyta/export/aktiviteter.csv')).text();
    const own = exported.split('\r\n').filter((line, index) => index === 0 || line.startsWith(`${slug};`));
    const { text } = await preview('en-aktivitet.csv', `${own.join('\r\n')}\r\n`, 'aktiviteter');
    expect(text).toContain('0 nya, 0 ändrade, 1 oförändrade, 0 med fel.');
    await db()
      .update(organisations)
      .set({ deletedAt: null })
      .where(eq(organisations.slug, 'flemingsbergs-gymnasium'));
  });

  it('refuses a file with a NUL in it, and stores a file name without control characters', async () => {
    const nul = await upload('nul.csv', 'Namn;Typ\nNågon\u0000enhet;Enhet\n');
    expect(nul.status).toBe(422);
    expect(textOf(await nul.text())).toContain('Filen kunde inte läsas');
    const response = await upload('namn\u0000med\u0001tecken.csv', 'Namn;Typ\nEnhet X;Enhet\n');
    expect(response.status).toBe(303);
    const text = textOf(await (await get(response.headers.get('location') ?? '')).text());
    expect(text).toContain('Så här skulle namnmedtecken.csv ändra registret.');
  });
});
