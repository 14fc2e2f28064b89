import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * The needs bank (src/features/needs: briefs, the public list and pages, alerts) in each state: the list
 * plain, filtered, empty and past its last page; every published public brief's page, a closed one; the
 * alert form, its bad input and its "look in your mail"; the confirm and unsubscribe pages and their
 * answers; and signed in: the brief form new and changed, with bad input and a stale version, the draft's
 * notice, delete, history, and a member refused. Nothing here saves: the posts are refused or change
 * nothing, and the briefs the states need are written straight to the database.
 */
export async function needsTargets(
  database: TestDatabase,
  people: { admin: string; member: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const idOf = async (table: 'organisations' | 'focus_areas', slug: string) => {
    const result = await pool.query<{ id: number }>(`select id from ${table} where slug = $1`, [slug]);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`${table} ${slug}`);
    return id;
  };
  const own = await idOf('organisations', 'barn-och-utbildningsforvaltningen');
  const brief = async (slug: string, values: { published: boolean; closed?: boolean; title: string }) => {
    await pool.query(
      `insert into briefs (slug, kind, title, organisation_id, background, question, intended_use, beneficiaries,
                           offering, contact_name, contact_email, deadline, published_at, closed_at)
       values ($1, 'research_question', $2, $3, 'Frånvaron har ökat sedan 2022.',
               'Vilka insatser för att öka närvaron har gett effekt på kommunens skolor?',
               'Förvaltningens riktlinjer för närvarofrämjande arbete.', 'Elever och elevhälsan.',
               'Närvarostatistik på skolnivå.', 'Karin Kontakt', 'karin@example.se', '2027-05-31', $4, $5)`,
      [slug, values.title, own, values.published ? new Date() : null, values.closed ? new Date() : null],
    );
    const id = (await pool.query<{ id: number }>('select id from briefs where slug = $1', [slug])).rows[0]
      ?.id;
    await pool.query(
      `insert into record_history (record_type, record_id, version, action, changes, snapshot)
       values ('brief', $1, 1, 'created', '{"title": ["", "Ny"]}'::jsonb, '{}'::jsonb)`,
      [id],
    );
  };
  await brief('narvaro-i-hogstadiet-crawl', { title: 'Närvaro i högstadiet', published: true });
  await brief('stangt-behov-crawl', { title: 'Ett stängt behov', published: true, closed: true });
  await brief('utkast-crawl', { title: 'Ett utkast', published: false });

  const published = await pool.query<{ slug: string }>(
    `select slug from briefs where deleted_at is null and visibility = 'public' and published_at is not null
      order by id`,
  );
  const briefForm = {
    kind: 'research_question',
    title: 'Närvaro i högstadiet',
    organisationId: String(own),
    background: '',
    question: 'Vilka insatser för att öka närvaron har gett effekt på kommunens skolor?',
    intendedUse: 'Förvaltningens riktlinjer för närvarofrämjande arbete.',
    beneficiaries: '',
    offering: '',
    contactName: '',
    contactEmail: '',
    deadline: '',
    visibility: 'public',
    internalReason: '',
    published: 'ja',
    closed: '',
  };
  const badBrief = {
    ...briefForm,
    kind: '',
    title: 'x'.repeat(201),
    organisationId: '',
    question: 'Digitalisering?',
    intendedUse: '',
    contactEmail: 'inte en adress',
    deadline: '2027-02-30',
    visibility: 'internal',
  };
  const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: people.admin });
  const edit = '/behovsbanken/narvaro-i-hogstadiet-crawl/andra';
  return [
    { name: 'needs bank', url: '/behovsbanken', status: 200 },
    {
      name: 'needs bank, filtered',
      url: '/behovsbanken?typ=forskningsfraga&larosate=sodertorns-hogskola',
      status: 200,
    },
    { name: 'needs bank, nothing found', url: '/behovsbanken?typ=kompetensutveckling', status: 200 },
    { name: 'needs bank, past the last page', url: '/behovsbanken?sida=99', status: 404 },
    ...published.rows.map(({ slug }) => ({
      name: `brief ${slug}`,
      url: `/behovsbanken/${slug}`,
      status: 200,
    })),
    { name: 'brief not found (a draft)', url: '/behovsbanken/utkast-crawl', status: 404 },
    { name: 'alerts, form', url: '/behovsbanken/bevaka', status: 200 },
    { name: 'alerts, look in your mail', url: '/behovsbanken/bevaka?skickat=1', status: 200 },
    {
      name: 'alerts, bad input',
      url: '/behovsbanken/bevaka',
      status: 422,
      form: {
        action: '/behovsbanken/bevaka',
        fields: { email: 'inte en adress', kind: '', focusAreaId: '' },
      },
    },
    { name: 'alerts, confirm page', url: `/behovsbanken/bevaka/bekrafta?token=${token}`, status: 200 },
    { name: 'alerts, confirm link broken', url: '/behovsbanken/bevaka/bekrafta?token=x', status: 400 },
    {
      name: 'alerts, confirm link dead',
      url: `/behovsbanken/bevaka/bekrafta?token=${token}`,
      status: 400,
      form: { action: '/behovsbanken/bevaka/bekrafta', fields: { token } },
    },
    { name: 'alerts, unsubscribe page', url: `/behovsbanken/avregistrera?token=${token}`, status: 200 },
    {
      name: 'alerts, unsubscribed',
      url: `/behovsbanken/avregistrera?token=${token}`,
      status: 200,
      form: {
        action: `/behovsbanken/avregistrera?token=${token}`,
        fields: { 'List-Unsubscribe': 'One-Click' },
      },
    },
    asAdmin({ name: 'needs bank, signed in', url: '/behovsbanken', status: 200 }),
    asAdmin({
      name: 'brief, signed in with edit links',
      url: '/behovsbanken/narvaro-i-hogstadiet-crawl?sparat=1',
      status: 200,
    }),
    asAdmin({ name: 'brief, new', url: '/behovsbanken/ny', status: 200 }),
    asAdmin({
      name: 'brief, new with errors',
      url: '/behovsbanken/ny',
      status: 422,
      form: { action: '/behovsbanken/ny', fields: badBrief },
    }),
    asAdmin({ name: 'brief, edit', url: edit, status: 200 }),
    asAdmin({ name: 'brief, draft saved', url: '/behovsbanken/utkast-crawl/andra?sparat=ny', status: 200 }),
    asAdmin({
      name: 'brief, edit with errors',
      url: edit,
      status: 422,
      form: { action: edit, fields: { ...badBrief, version: '1' } },
    }),
    asAdmin({
      name: 'brief, saved by someone else meanwhile',
      url: edit,
      status: 409,
      form: { action: edit, fields: { ...briefForm, title: 'Närvaro och frånvaro', version: '999' } },
    }),
    asAdmin({ name: 'brief, delete', url: '/behovsbanken/narvaro-i-hogstadiet-crawl/ta-bort', status: 200 }),
    asAdmin({
      name: 'brief, history',
      url: '/behovsbanken/narvaro-i-hogstadiet-crawl/historik',
      status: 200,
    }),
    { name: 'brief form refused to a member', url: '/behovsbanken/ny', status: 403, cookie: people.member },
  ];
}

/** The needs bank's routes the crawl does not visit as they are, with why. */
export const NEEDS_ROUTE_EXCLUSIONS: Record<string, string> = {
  'GET /behovsbanken/flode.atom': 'an Atom feed, not a page; needs.routes.test.ts parses and checks it',
  'POST /behovsbanken/avregistrera':
    'crawled with its token in the address ("alerts, unsubscribed"), which the route matcher does not read',
  'POST /behovsbanken/:slug/ta-bort': 'a 303 to the workspace (crawled); its confirmation page is crawled',
  'POST /behovsbanken/:slug/historik/:version/aterstall':
    'a 303 back to the history page (crawled); brief-edits.routes.test.ts drives it',
};
