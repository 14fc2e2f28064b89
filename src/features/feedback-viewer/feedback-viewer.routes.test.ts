import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { pageFeedback } from '../feedback/feedback.table.ts';
import { EXPORT_BATCH } from './feedback-viewer.service.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: { personId: number; cookie: string };
let shEditor: { personId: number; cookie: string };

const SH = '/larosaten/sodertorns-hogskola';
const KI = '/larosaten/karolinska-institutet';
const SH_DEPARTMENT = '/organisationer/sh-institutionen-for-kultur-och-larande';
/** A demo activity linked to Ekdalsskolan (under Barn- och utbildningsförvaltningen) and Södertörns högskola. */
const ACTIVITY = '/aktiviteter/vfu-lararstudenter-ht-2026';

/** The answers every test reads; times are UTC, the comments say when they are in Stockholm. */
const rows = {
  s1: { pagePath: SH, helpful: true, createdAt: '2026-11-09T22:30:00Z' }, // 23:30 on 9 November
  s2: { pagePath: SH, helpful: true, createdAt: '2026-11-09T23:30:00Z' }, // 00:30 on 10 November
  s3: {
    pagePath: SH,
    helpful: false,
    comment: 'Saknar kontaktuppgifter; telefon\noch "e-post" till åäö-ansvarig',
    createdAt: '2026-11-12T09:15:00Z',
  },
  s4: { pagePath: SH, helpful: false, comment: 'Sent på kvällen', createdAt: '2026-11-20T22:30:00Z' }, // 23:30
  s5: { pagePath: SH, helpful: false, comment: 'Efter midnatt', createdAt: '2026-11-20T23:30:00Z' }, // 00:30 on 21st
  a1: { pagePath: '/avtal', helpful: true, createdAt: '2026-11-05T08:00:00Z' },
  a2: { pagePath: '/avtal', helpful: true, createdAt: '2026-11-06T08:00:00Z' },
  a3: {
    pagePath: '/avtal',
    helpful: false,
    comment: 'Vilka avtal gäller? <script>alert(1)</script>',
    createdAt: '2026-11-07T08:00:00Z',
  },
  k1: {
    pagePath: KI,
    helpful: false,
    comment: '=HYPERLINK("https://evil.example","Klicka")',
    createdAt: '2026-11-08T08:00:00Z',
  },
  d1: { pagePath: SH_DEPARTMENT, helpful: true, createdAt: '2026-11-08T09:00:00Z' },
  v1: { pagePath: ACTIVITY, helpful: false, comment: '+46 8 123 45 67', createdAt: '2026-11-08T10:00:00Z' },
};
type RowName = keyof typeof rows;
const ids = {} as Record<RowName, string>;

beforeAll(async () => {
  subject = await createTestApp();
  for (const [name, row] of Object.entries(rows)) {
    const [inserted] = await subject.database.db
      .insert(pageFeedback)
      .values({ ...row, createdAt: new Date(row.createdAt) })
      .returning({ id: pageFeedback.id });
    ids[name as RowName] = inserted!.id;
  }
  coordinator = await signedInPerson(subject, {
    name: 'Cora Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  shEditor = await signedInPerson(subject, {
    name: 'Erik Redaktör',
    roles: { 'sodertorns-hogskola': 'editor' },
  });
});
afterAll(() => subject.cleanup());

const OVERVIEW = '/aterkoppling/oversikt';

function get(path: string, cookie?: string) {
  return subject.request(path, cookie ? { headers: { cookie } } : undefined);
}

function mark(id: string, fields: Record<string, string>, cookie: string) {
  return subject.request(`${OVERVIEW}/${id}/behandlad`, formPost(fields, { cookie }));
}

/** The per-page table as rows of cell texts (the first cell is the page). */
function summaryOf(html: string): string[][] {
  const body = /<table class="feedback-summary">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
  );
}

/** The names of the comments listed, in order. */
function commentsOf(html: string): RowName[] {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name as RowName]));
  return [...html.matchAll(/<li id="kommentar-([0-9a-f-]{36})"/g)].map((match) => byId.get(match[1]!)!);
}

function pagesIn(html: string): string[] {
  return summaryOf(html).map((row) => row[0]!);
}

async function overview(query: string, cookie = coordinator.cookie) {
  const response = await get(`${OVERVIEW}${query}`, cookie);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

describe('who may open the feedback viewer', () => {
  it('sends a signed-out reader to sign in and back (303), and refuses a signed-out POST (401)', async () => {
    const page = await get(`${OVERVIEW}?svar=nej`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      `/logga-in?nasta=${encodeURIComponent(`${OVERVIEW}?svar=nej`)}`,
    );
    const file = await get(`${OVERVIEW}.csv`);
    expect(file.status).toBe(303);
    expect(file.headers.get('location')).toBe(`/logga-in?nasta=${encodeURIComponent(`${OVERVIEW}.csv`)}`);
    const post = await subject.request(`${OVERVIEW}/${ids.s3}/behandlad`, formPost({ handled: 'ja' }));
    expect(post.status).toBe(401);
  });

  it('refuses members and people without a role (403), and changes nothing', async () => {
    const member = await signedInPerson(subject, { roles: { 'sodertorns-hogskola': 'member' } });
    const nobody = await signedInPerson(subject);
    for (const { cookie } of [member, nobody]) {
      expect((await get(OVERVIEW, cookie)).status).toBe(403);
      expect((await get(`${OVERVIEW}.csv`, cookie)).status).toBe(403);
      expect((await mark(ids.s3, { handled: 'ja' }, cookie)).status).toBe(403);
    }
    const [row] = await subject.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, ids.s3));
    expect(row?.handledAt).toBeNull();
  });
});

describe('the overview for a coordinator', () => {
  it('shows every page with its answers, share of Ja, comments and unhandled comments', async () => {
    const { status, html, headers } = await overview('');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(summaryOf(html)).toEqual([
      [ACTIVITY, '1', '0 %', '1', '1'],
      ['/avtal', '3', '66,7 %', '1', '1'],
      [KI, '1', '0 %', '1', '1'],
      [SH, '5', '40 %', '3', '3'],
      [SH_DEPARTMENT, '1', '100 %', '0', '0'],
    ]);
    expect(textOf(/<tfoot>([\s\S]*?)<\/tfoot>/.exec(html)?.[1] ?? '')).toBe('Totalt 11 45,5 % 6 6');
    expect(html).toContain(`<th scope="row"><a href="${SH}">${SH}</a></th>`);
    expect(textOf(html)).toContain('på alla sidor');
  });

  it('lists the comments newest first, in Stockholm time, escaped and with their line breaks', async () => {
    const { html } = await overview('');
    expect(commentsOf(html)).toEqual(['s5', 's4', 's3', 'v1', 'k1', 'a3']);
    expect(textOf(html)).toContain('6 kommentarer, nyaste först.');
    expect(html).toContain('<time datetime="2026-11-20T22:30:00.000Z">20 november 2026 kl. 23:30</time>');
    expect(html).toContain('Vilka avtal gäller? &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(
      `<p id="kommentar-${ids.s3}-text" class="feedback-comment-text">Saknar kontaktuppgifter; telefon\noch &quot;e-post&quot; till åäö-ansvarig</p>`,
    );
    expect(html).toContain(`<form method="post" action="${OVERVIEW}/${ids.s3}/behandlad"`);
    expect(textOf(html)).toContain('Obehandlad Markera som behandlad');
  });

  it('shows the same to an administrator', async () => {
    const admin = await signedInPerson(subject, { roles: { 'huddinge-kommun': 'administrator' } });
    const { status, html } = await overview('', admin.cookie);
    expect(status).toBe(200);
    expect(pagesIn(html)).toHaveLength(5);
  });

  it('pages the comments by 50', async () => {
    const extra = Array.from({ length: 50 }, (_, index) => ({
      pagePath: '/mal',
      helpful: false,
      comment: `Kommentar ${index + 1}`,
      createdAt: new Date(Date.UTC(2026, 10, 25, 8, index)),
    }));
    await subject.database.db.insert(pageFeedback).values(extra);
    try {
      const first = await overview('');
      expect(first.html.match(/<li id="kommentar-/g)).toHaveLength(50);
      expect(textOf(first.html)).toContain('56 kommentarer, nyaste först.');
      expect(first.html).toContain(`href="${OVERVIEW}?sidnr=2" rel="next"`);
      const second = await overview('?sidnr=2');
      expect(commentsOf(second.html)).toEqual(['s5', 's4', 's3', 'v1', 'k1', 'a3']);
      expect(second.html).toContain('<ol class="feedback-entries" start="51">');
    } finally {
      await subject.database.db.delete(pageFeedback).where(eq(pageFeedback.pagePath, '/mal'));
    }
  });
});

describe('the overview for an editor', () => {
  it("shows only the pages their organisation owns: its own page, its departments' and its activities'", async () => {
    const { status, html } = await overview('', shEditor.cookie);
    expect(status).toBe(200);
    expect(pagesIn(html)).toEqual([ACTIVITY, SH, SH_DEPARTMENT]);
    expect(commentsOf(html)).toEqual(['s5', 's4', 's3', 'v1']);
    expect(html).not.toContain('value="/avtal"');
    expect(html).not.toContain(`href="/avtal">/avtal`);
    expect(html).not.toContain(KI);
    expect(html).not.toContain('Vilka avtal');
    expect(html).not.toContain('HYPERLINK');
    expect(textOf(html)).toContain('på sidorna som dina organisationer äger');
  });

  it('offers only their pages in the page filter, and refuses another page as if it did not exist', async () => {
    const { html } = await overview('', shEditor.cookie);
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]);
    expect(options.slice(0, 4)).toEqual(['', ACTIVITY, SH, SH_DEPARTMENT]);
    for (const page of ['/avtal', '/finns-inte']) {
      const refused = await overview(`?sida=${encodeURIComponent(page)}`, shEditor.cookie);
      expect(refused.status).toBe(422);
      expect(refused.html).toContain(
        '<p id="filter-sida-error" class="error-message">Välj en sida i listan.</p>',
      );
      expect(refused.html).not.toContain('Vilka avtal');
    }
  });

  it('sees an activity through a unit under their administration (an editor of Barn- och utbildningsförvaltningen)', async () => {
    const buf = await signedInPerson(subject, { roles: { 'barn-och-utbildningsforvaltningen': 'editor' } });
    const { html } = await overview('', buf.cookie);
    expect(pagesIn(html)).toEqual([ACTIVITY]);
  });

  it("gets 403 marking another page's feedback, and may mark their own", async () => {
    for (const name of ['a3', 'k1'] as const) {
      const response = await mark(ids[name], { handled: 'ja' }, shEditor.cookie);
      expect(response.status).toBe(403);
    }
    const others = await subject.database.db
      .select()
      .from(pageFeedback)
      .where(inArray(pageFeedback.id, [ids.a3, ids.k1]));
    expect(others.map((row) => row.handledAt)).toEqual([null, null]);

    const own = await mark(ids.v1, { handled: 'ja' }, shEditor.cookie);
    expect(own.status).toBe(303);
    await mark(ids.v1, { handled: 'nej' }, shEditor.cookie);
  });

  it('exports only their pages', async () => {
    const csv = await csvText('', shEditor.cookie);
    const pages = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[1]);
    expect(new Set(pages)).toEqual(new Set([SH, SH_DEPARTMENT, ACTIVITY]));
    expect(csv).not.toContain('/avtal');
  });
});

describe('filters', () => {
  it('counts Stockholm calendar days: 00:30 on the first day and 23:30 on the last are in, the rest out', async () => {
    const { status, html } = await overview('?fran=2026-11-10&till=2026-11-20');
    expect(status).toBe(200);
    expect(summaryOf(html)).toEqual([[SH, '3', '33,3 %', '2', '2']]);
    expect(commentsOf(html)).toEqual(['s4', 's3']);
    expect(html).toContain('value="2026-11-10"');
  });

  it('filters by one side of the range only', async () => {
    expect(commentsOf((await overview('?fran=2026-11-21')).html)).toEqual(['s5']);
    expect(commentsOf((await overview('?till=2026-11-07')).html)).toEqual(['a3']);
  });

  it('filters by page and by answer', async () => {
    const page = await overview('?sida=%2Favtal');
    expect(summaryOf(page.html)).toEqual([['/avtal', '3', '66,7 %', '1', '1']]);
    expect(page.html).toContain('<option value="/avtal" selected="">/avtal</option>');
    const yes = await overview('?svar=ja');
    expect(pagesIn(yes.html)).toEqual(['/avtal', SH, SH_DEPARTMENT]);
    expect(commentsOf(yes.html)).toEqual([]);
    expect(textOf(yes.html)).toContain('Inga kommentarer med de här filtren.');
    const no = await overview(`?svar=nej&sida=${encodeURIComponent(SH)}`);
    expect(summaryOf(no.html)).toEqual([[SH, '3', '0 %', '3', '3']]);
  });

  it('filters by handled status', async () => {
    await subject.database.db
      .update(pageFeedback)
      .set({ handledAt: new Date('2026-11-21T08:00:00Z'), handledByPersonId: coordinator.personId })
      .where(eq(pageFeedback.id, ids.s4));
    try {
      expect(commentsOf((await overview('?status=behandlade')).html)).toEqual(['s4']);
      expect(commentsOf((await overview('?status=obehandlade')).html)).toEqual([
        's5',
        's3',
        'v1',
        'k1',
        'a3',
      ]);
      const all = await overview('');
      expect(summaryOf(all.html).find((row) => row[0] === SH)).toEqual([SH, '5', '40 %', '3', '2']);
      expect(textOf(all.html)).toContain('Behandlad 21 november 2026 kl. 09:00 av Cora Samordnare');
    } finally {
      await subject.database.db
        .update(pageFeedback)
        .set({ handledAt: null, handledByPersonId: null })
        .where(eq(pageFeedback.id, ids.s4));
    }
  });

  it.each([
    ['fran', '2026-1-5', 'Skriv från och med-datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-01.'],
    ['fran', '2026-13-01', 'Datumet 2026-13-01 finns inte i kalendern.'],
    ['fran', '1/11 2026', 'Skriv från och med-datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-01.'],
    ['till', '2026-02-30', 'Datumet 2026-02-30 finns inte i kalendern.'],
    ['till', '<script>', 'Skriv till och med-datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30.'],
    ['fran', '0000-01-01', 'Datumet 0000-01-01 finns inte i kalendern.'],
  ])(
    'refuses %s=%s with a message next to the field (422), keeping what was typed',
    async (field, value, message) => {
      const { status, html } = await overview(`?${new URLSearchParams({ [field]: value, svar: 'nej' })}`);
      expect(status).toBe(422);
      expect(html).toContain(`<a href="#filter-${field}">${message}</a>`);
      expect(html).toContain(`<p id="filter-${field}-error" class="error-message">${message}</p>`);
      const escaped = value.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      expect(html).toMatch(new RegExp(`<input id="filter-${field}" name="${field}"[^>]*aria-invalid="true"`));
      expect(html).toContain(`value="${escaped}"`);
      expect(html).toContain('<option value="nej" selected="">Nej</option>');
      expect(html).not.toContain('feedback-summary');
    },
  );

  it('refuses a från after till with a message next to till (422)', async () => {
    const { status, html } = await overview('?fran=2026-11-20&till=2026-11-10');
    expect(status).toBe(422);
    expect(html).toContain(
      '<p id="filter-till-error" class="error-message">Till och med-datumet kan inte vara före från och med-datumet.</p>',
    );
    expect(html).not.toContain('id="filter-fran-error"');
  });

  it.each([
    ['?svar=kanske'],
    ['?sida=%00'],
    ['?sida=%2Favtal%0A'],
    ['?status=klar'],
    ['?sidnr=0'],
    ['?sidnr=x'],
    ['?sidnr=1.5'],
  ])('answers a value no form sends (%s) with 400', async (query) => {
    const { status, html } = await overview(query);
    expect(status).toBe(400);
    expect(textOf(html)).toContain('Felaktig begäran');
  });

  it('refuses a bad date in the CSV address with 400', async () => {
    const response = await get(`${OVERVIEW}.csv?fran=igår`, coordinator.cookie);
    expect(response.status).toBe(400);
  });
});

async function csvResponse(query: string, cookie = coordinator.cookie) {
  const response = await get(`${OVERVIEW}.csv${query}`, cookie);
  expect(response.status).toBe(200);
  return response;
}

async function csvText(query: string, cookie = coordinator.cookie): Promise<string> {
  // TextDecoder would drop the byte order mark; keep it to check it.
  const bytes = new Uint8Array(await (await csvResponse(query, cookie)).arrayBuffer());
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('the CSV file', () => {
  it('is a UTF-8 attachment named by the date, not cached', async () => {
    const response = await csvResponse('');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="aterkoppling-2026-11-27.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has ; between fields, CRLF line endings, quoting as RFC 4180 and Stockholm times', async () => {
    const csv = await csvText('');
    expect(csv.startsWith('\uFEFFDatum;Sida;Svar;Kommentar;Behandlad\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 11 + 1);
    expect(lines[1]).toBe(`2026-11-21 00:30;${SH};Nej;Efter midnatt;Nej`);
    expect(lines).toContain(
      `2026-11-12 10:15;${SH};Nej;"Saknar kontaktuppgifter; telefon\noch ""e-post"" till åäö-ansvarig";Nej`,
    );
    expect(lines).toContain(`2026-11-09 23:30;${SH};Ja;;Nej`);
    // The only bare line feed is the one inside the quoted comment.
    expect(csv.replaceAll('\r\n', '').split('\n')).toHaveLength(2);
  });

  it('neutralises formulas so Excel shows them as text', async () => {
    const csv = await csvText('');
    expect(csv).toContain(`;Nej;"'=HYPERLINK(""https://evil.example"",""Klicka"")";Nej\r\n`);
    expect(csv).toContain(`;Nej;'+46 8 123 45 67;Nej\r\n`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });

  it('follows the filters and says which answers are handled', async () => {
    await mark(ids.s3, { handled: 'ja' }, coordinator.cookie);
    try {
      const csv = await csvText(`?svar=nej&sida=${encodeURIComponent(SH)}`);
      expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual([
        `2026-11-21 00:30;${SH};Nej;Efter midnatt;Nej`,
        `2026-11-20 23:30;${SH};Nej;Sent på kvällen;Nej`,
        `2026-11-12 10:15;${SH};Nej;"Saknar kontaktuppgifter; telefon\noch ""e-post"" till åäö-ansvarig";Ja`,
      ]);
    } finally {
      await mark(ids.s3, { handled: 'nej' }, coordinator.cookie);
    }
  });

  it(`streams every row across batches of ${EXPORT_BATCH}, once each, even with equal times`, async () => {
    const total = EXPORT_BATCH * 2 + 7;
    // Half share one instant with microseconds, so the batches must continue by (time, id) exactly.
    await subject.database.db.execute(sql`
      insert into page_feedback (page_path, helpful, comment, created_at)
      select '/massa', n % 2 = 0, 'Rad ' || n,
             case when n % 2 = 0 then timestamptz '2026-11-03 10:00:00.123456+00'
                  else timestamptz '2026-11-03 10:00:00+00' + n * interval '1 microsecond' end
        from generate_series(1, ${total}) as n`);
    try {
      const csv = await csvText('?sida=%2Fmassa');
      const comments = csv
        .slice(1)
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(';')[3]);
      expect(comments).toHaveLength(total);
      expect(new Set(comments).size).toBe(total);
    } finally {
      await subject.database.db.delete(pageFeedback).where(eq(pageFeedback.pagePath, '/massa'));
    }
  });
});

describe('marking a comment handled', () => {
  it('records who and when, goes back to the same filtered list, and can be undone', async () => {
    const back = `${OVERVIEW}?status=obehandlade&sida=${encodeURIComponent(SH)}`;
    const response = await mark(ids.s3, { handled: 'ja', tillbaka: back }, coordinator.cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${back}&markerad=behandlad`);
    const [row] = await subject.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, ids.s3));
    expect(row?.handledAt).toEqual(subject.deps.clock.now());
    expect(row?.handledByPersonId).toBe(coordinator.personId);

    const after = await overview(`?status=obehandlade&sida=${encodeURIComponent(SH)}&markerad=behandlad`);
    expect(after.html).toContain(
      '<p role="status" class="notice">Kommentaren är markerad som behandlad.</p>',
    );
    expect(commentsOf(after.html)).toEqual(['s5', 's4']);

    const page = await overview(`?sida=${encodeURIComponent(SH)}`);
    expect(textOf(page.html)).toContain(
      'Behandlad 27 november 2026 kl. 12:00 av Cora Samordnare Markera som obehandlad',
    );

    const undo = await mark(ids.s3, { handled: 'nej', tillbaka: back }, coordinator.cookie);
    expect(undo.headers.get('location')).toBe(`${back}&markerad=obehandlad`);
    const [cleared] = await subject.database.db
      .select()
      .from(pageFeedback)
      .where(eq(pageFeedback.id, ids.s3));
    expect(cleared).toMatchObject({ handledAt: null, handledByPersonId: null });
  });

  it.each([
    '//evil.example',
    'https://evil.example/aterkoppling/oversikt',
    '/\\evil.example',
    '/aterkoppling/oversikt.csv',
    '/aterkoppling/oversiktevil',
    '/aterkoppling/oversikt/../../logga-ut',
    '/aterkoppling/oversikt?x=1\r\nLocation: https://evil.example',
    'javascript:alert(1)',
  ])('ignores tillbaka=%s and goes back to the list', async (tillbaka) => {
    const response = await mark(ids.s4, { handled: 'nej', tillbaka }, coordinator.cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${OVERVIEW}?markerad=obehandlad`);
  });

  it('replaces an old status message in tillbaka instead of repeating it', async () => {
    const response = await mark(
      ids.s4,
      { handled: 'nej', tillbaka: `${OVERVIEW}?markerad=behandlad&svar=nej` },
      coordinator.cookie,
    );
    expect(response.headers.get('location')).toBe(`${OVERVIEW}?svar=nej&markerad=obehandlad`);
  });

  it.each<[string, Record<string, string>]>([
    ['no answer', {}],
    ['another answer', { handled: 'kanske' }],
    ['an unknown field', { handled: 'ja', handledByPersonId: '1' }],
  ])('refuses a form with %s (400)', async (_case, fields) => {
    const response = await mark(ids.s4, fields, coordinator.cookie);
    expect(response.status).toBe(400);
  });

  it('answers 404 for an id that is not an answer', async () => {
    expect((await mark('not-a-uuid', { handled: 'ja' }, coordinator.cookie)).status).toBe(404);
    const unknown = await mark('00000000-0000-4000-8000-000000000000', { handled: 'ja' }, coordinator.cookie);
    expect(unknown.status).toBe(404);
  });

  it('has no GET route that changes anything', async () => {
    const response = await get(`${OVERVIEW}/${ids.s4}/behandlad?handled=ja`, coordinator.cookie);
    expect(response.status).toBe(404);
    const [row] = await subject.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, ids.s4));
    expect(row?.handledAt).toBeNull();
  });
});
