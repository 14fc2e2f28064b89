import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import type { TestDatabase } from '../tests/database.ts';
import { createPerson, sessionCookieFor } from '../tests/people.ts';
import { activityAndPageTargets } from './activity-and-page-targets.ts';
import { agreementEditTargets } from './agreement-edit-targets.ts';
import { ANNUAL_REPORT_ROUTE_EXCLUSIONS, annualReportTargets } from './annual-report-targets.ts';
import { E2E_NOW } from './app-server.ts';
import { briefResponseTargets } from './brief-response-targets.ts';
import { goalPageTargets } from './goal-page-targets.ts';
import { groupEditTargets } from './group-edit-targets.ts';
import { indicatorEditTargets } from './indicator-edit-targets.ts';
import { MEETING_PAGE_ROUTE_EXCLUSIONS, meetingPageTargets } from './meeting-page-targets.ts';
import { meetingTargets } from './meeting-targets.ts';
import { minutesTargets } from './minutes-targets.ts';
import { NEEDS_ROUTE_EXCLUSIONS, needsTargets } from './needs-targets.ts';
import {
  OPEN_DATA_CATALOGUE_ROUTE_EXCLUSIONS,
  openDataCatalogueTargets,
} from './open-data-catalogue-targets.ts';
import { OPEN_DATA_ROUTE_EXCLUSIONS, openDataTargets } from './open-data-targets.ts';
import { placementOfferTargets } from './placement-offer-targets.ts';
import { placementOverviewTargets } from './placement-overview-targets.ts';
import { placementRequestTargets } from './placement-request-targets.ts';
import { proposalTargets } from './proposal-targets.ts';
import { transferAndDocumentTargets } from './transfer-and-document-targets.ts';

/**
 * One page state to check: a GET of `url`, or, with `form`, the page that posting `form.fields` to
 * `form.action` from `url` answers with. `status` is the status the page must have.
 */
export type CrawlTarget = {
  name: string;
  url: string;
  status: number;
  /** `multipart`: sent as multipart/form-data, as a form with a file field is (no file chosen). */
  form?: { action: string; fields: Record<string, string>; multipart?: boolean };
  /** Opened signed in as this person (the Cookie value); absent: signed out. */
  cookie?: string;
};

/**
 * The crawl server runs as `npm start` does in development without SMTP (so the development mail page
 * exists), with one identity provider whose address nothing answers on (its pages show the 503 and the
 * refused-callback states; the real sign-in is driven in oidc-sign-in.test.ts).
 */
export const CRAWL_SERVER_ENV = {
  NODE_ENV: 'development',
  OIDC_PROVIDERS: JSON.stringify([
    {
      id: 'huddinge',
      name: 'Huddinge kommun',
      issuer: 'http://127.0.0.1:9/oidc',
      clientId: 'samverkan',
      clientSecret: 'hemligt',
    },
  ]),
};

/** A registered route, as `app.routes` lists it. */
export type RouteEntry = { method: string; path: string };

/**
 * Routes the crawl does not visit, each with the reason. The route test fails for any route that is
 * neither crawled nor here, and for any entry here that no longer names a route.
 */
export const ROUTE_EXCLUSIONS: Record<string, string> = {
  ...NEEDS_ROUTE_EXCLUSIONS,
  ...MEETING_PAGE_ROUTE_EXCLUSIONS,
  ...ANNUAL_REPORT_ROUTE_EXCLUSIONS,
  ...Object.fromEntries(
    API_RESOURCES.flatMap((resource) => [
      [
        `GET /api/v1/${resource.name}`,
        'open API JSON, not a page; src/features/open-data tests check every answer against the OpenAPI document',
      ],
      [
        `GET /api/v1/${resource.name}/:id`,
        'open API JSON, not a page; src/features/open-data tests check it',
      ],
    ]),
  ),
  'GET /api/v1/api-info': 'open API JSON, not a page; src/features/open-data tests check it',
  'GET /api/v1/openapi.json': 'the OpenAPI document, not a page; validated in src/features/open-data tests',
  ...OPEN_DATA_CATALOGUE_ROUTE_EXCLUSIONS,
  ...OPEN_DATA_ROUTE_EXCLUSIONS,
  'ALL /api/v1/*': 'the open API’s middleware (CORS, limit, cache), not a page',
  'POST /api/v1/*': 'the open API is read-only: 405 as problem details (open-data tests)',
  'PUT /api/v1/*': 'the open API is read-only: 405 as problem details (open-data tests)',
  'PATCH /api/v1/*': 'the open API is read-only: 405 as problem details (open-data tests)',
  'DELETE /api/v1/*': 'the open API is read-only: 405 as problem details (open-data tests)',
  'ALL /*': 'middleware (request id, log line, security headers, page cache), not a page',
  'POST /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'PUT /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'PATCH /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'DELETE /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'ALL /static/*': 'stylesheet and script files, not pages; the crawl loads them with every page',
  'POST /aterkoppling':
    'answers with a 303 to the page it came from; the landing states are crawled and feedback.test.ts drives it',
  'POST /logga-ut': 'a 303 to the sign-in page (crawled); sign-in-link.test.ts drives it in Chromium',
  'POST /mina-uppgifter/logga-ut-overallt':
    'a 303 to the sign-in page (crawled); it would end the crawl’s own session. account.routes.test.ts covers it',
  'GET /mina-uppgifter/export': 'a JSON file to download, not a page; account.routes.test.ts checks it',
  'GET /aterkoppling/oversikt.csv': 'a CSV file to download, not a page; feedback-viewer tests check it',
  'GET /halsa': 'JSON for monitors, not a page; health.routes.test.ts checks it',
  'GET /praktik/oversikt.csv': 'a CSV file to download, not a page; overview.routes.test.ts checks it',
  'GET /praktik/oversikt.xlsx': 'an XLSX file to download, not a page; overview.routes.test.ts checks it',
  'GET /arbetsyta/export/:fil':
    'CSV and XLSX files to download, not pages; transfer.routes.test.ts checks them',
  'GET /dokument/:id/:fil{.+\\.pdf}':
    'a PDF file to download, not a page; documents.routes.test.ts checks it',
  'POST /aterkoppling/oversikt/:id/behandlad': 'a 303 back to the viewer; the state it lands on is crawled',
  'POST /admin/personer/:id/medlemskap/:organisationId/ta-bort': 'a 303 back to the person page (crawled)',
  'POST /admin/personer/:id/grupper':
    'a 303 back to the person page (crawled); its refusal state is crawled via medlemskap',
  'POST /admin/personer/:id/grupper/:groupId/ta-bort': 'a 303 back to the person page (crawled)',
  'POST /admin/personer/:id/stang-av': 'a 303 back to the person page; the disabled person’s page is crawled',
  'POST /admin/personer/:id/aktivera': 'a 303 back to the person page (crawled)',
  'POST /organisationer/:slug/historik/:version/aterstall': 'a 303 back to the history page (crawled)',
  'POST /praktik/platser/:id/historik/:version/aterstall':
    'a 303 back to the history page (crawled); placement-offers.routes.test.ts drives it',
  'POST /aktiviteter/:slug/ta-bort': 'a 303 to the workspace (crawled); its confirmation page is crawled',
  'POST /aktiviteter/:slug/historik/:version/aterstall': 'a 303 back to the history page (crawled)',
  'POST /sidor/:slug/historik/:version/aterstall': 'a 303 back to the history page (crawled)',
  'POST /grupper/:slug/historik/:version/aterstall': 'a 303 back to the history page (crawled)',
  'POST /avtal/:slug/historik/:version/aterstall':
    'a 303 back to the history page (crawled); agreement-edits.routes.test.ts drives it',
  'POST /fokusomraden/:slug/historik/:version/aterstall':
    'a 303 back to the history page (crawled); focus-area-edits.routes.test.ts drives it',
};

/** A content page that ends with "Var informationen till din hjälp?", to show its feedback steps on. */
const FEEDBACK_PAGE = '/avtal';

const TOO_LONG_QUERY = 'a'.repeat(201);
const TOO_LONG_COMMENT = 'Det saknades uppgifter om kontaktpersoner. '.repeat(25).slice(0, 1001);

/**
 * Every public page state: the fixed pages in their empty, filled and error states, the feedback
 * steps, and detail pages of organisations, agreements, groups and activities: of each kind the first and
 * the one with the longest name.
 * Makes one real "Nej" answer through the app, so the comment step has a real answer id.
 */
export async function buildCrawl(
  baseUrl: string,
  database: TestDatabase,
  devMailKey: string,
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const answerId = await answerNo(baseUrl, FEEDBACK_PAGE);
  const targets: CrawlTarget[] = [
    { name: 'start page', url: '/', status: 200 },
    { name: 'institutions', url: '/larosaten', status: 200 },
    { name: 'agreements', url: '/avtal', status: 200 },
    { name: 'council', url: '/hogskoleradet', status: 200 },
    { name: 'foundation', url: '/flemingsberg-science', status: 200 },
    { name: 'goals', url: '/mal', status: 200 },
    { name: 'ULF', url: '/ulf', status: 200 },
    { name: 'accessibility statement', url: '/tillganglighet', status: 200 },
    { name: 'personal data', url: '/personuppgifter', status: 200 },
    { name: 'search, empty', url: '/sok', status: 200 },
    { name: 'search, no results', url: '/sok?q=zzzqqq', status: 200 },
    { name: 'search, results', url: '/sok?q=forskning', status: 200 },
    { name: 'search, stemmed and accented', url: `/sok?q=${encodeURIComponent('högskolorna')}`, status: 200 },
    { name: 'search, second page', url: '/sok?q=kommun&sida=2', status: 200 },
    { name: 'search, query too long', url: `/sok?q=${TOO_LONG_QUERY}`, status: 422 },
    { name: 'search, bad page number', url: '/sok?q=kommun&sida=0', status: 400 },
    { name: 'feedback, thanks', url: `${FEEDBACK_PAGE}?aterkoppling=tack`, status: 200 },
    {
      name: 'feedback, comment form',
      url: `${FEEDBACK_PAGE}?aterkoppling=nej&svar=${answerId}`,
      status: 200,
    },
    { name: 'feedback, comment thanks', url: `${FEEDBACK_PAGE}?aterkoppling=kommentar-tack`, status: 200 },
    { name: 'feedback, closed for comments', url: `${FEEDBACK_PAGE}?aterkoppling=stangd`, status: 200 },
    {
      name: 'feedback, comment too long',
      url: `${FEEDBACK_PAGE}?aterkoppling=nej&svar=${answerId}`,
      status: 422,
      form: {
        action: `/aterkoppling/${answerId}/kommentar`,
        fields: { page: FEEDBACK_PAGE, comment: TOO_LONG_COMMENT },
      },
    },
    { name: 'not found', url: '/finns-inte', status: 404 },
    { name: 'agreement not found', url: '/avtal/finns-inte', status: 404 },
    ...placementOverviewTargets(),
    ...openDataCatalogueTargets(),
    ...openDataTargets(),
  ];

  targets.push(...(await signInTargets(devMailKey)), ...(await signedInTargets(database)));

  // Detail pages of records: of each kind, the first and the one with the longest name (the hardest to
  // reflow at 320 px). Every kind renders through the same view, so all of them add time, not checks: the
  // crawl is the longest part of CI (e2e/accessibility.test.ts).
  const samples = (table: string, name: string) =>
    pool.query<{ slug: string; kind: string }>(
      `select slug, kind from (
         select slug, kind, id,
                row_number() over (partition by kind order by id) as first,
                row_number() over (partition by kind order by length(${name}) desc, id) as longest
           from ${table} where deleted_at is null ${table === 'organisations' ? '' : "and visibility = 'public'"}
       ) r where first = 1 or longest = 1 order by id`,
    );
  for (const { slug, kind } of (await samples('organisations', 'name')).rows) {
    const url = kind === 'university' ? `/larosaten/${slug}` : `/organisationer/${slug}`;
    targets.push({ name: `organisation ${slug}`, url, status: 200 });
  }
  for (const [table, prefix, name] of [
    ['agreements', '/avtal', 'title'],
    ['groups', '/grupper', 'name'],
    ['activities', '/aktiviteter', 'title'],
  ] as const) {
    for (const { slug } of (await samples(table, name)).rows)
      targets.push({ name: `${table} ${slug}`, url: `${prefix}/${slug}`, status: 200 });
  }
  return targets;
}

/** The sign-in pages, signed out, in each of their states. */
async function signInTargets(devMailKey: string): Promise<CrawlTarget[]> {
  return [
    { name: 'sign-in', url: '/logga-in', status: 200 },
    { name: 'sign-in, after signing out', url: '/logga-in?utloggad=1', status: 200 },
    { name: 'sign-in, after signing out everywhere', url: '/logga-in?utloggad=alla', status: 200 },
    {
      name: 'sign-in, bad address',
      url: '/logga-in',
      status: 422,
      form: { action: '/logga-in/lank', fields: { email: 'inte en adress', nasta: '/mina-uppgifter' } },
    },
    { name: 'sign-in link requested', url: '/logga-in/skickad', status: 200 },
    { name: 'sign-in link page', url: '/logga-in/lank?token=abc', status: 200 },
    {
      name: 'sign-in link dead',
      url: '/logga-in/lank?token=abc',
      status: 400,
      form: { action: '/logga-in/lank/anvand', fields: { token: 'abc' } },
    },
    { name: 'development mail page', url: `/utveckling/mejl/${devMailKey}`, status: 200 },
    { name: 'OIDC provider unreachable', url: '/logga-in/oidc/huddinge', status: 503 },
    {
      name: 'OIDC callback without a sign-in',
      url: '/logga-in/oidc/huddinge/callback?state=x&code=y',
      status: 400,
    },
    {
      name: 'sign-in, on the way to a protected page',
      url: '/logga-in?nasta=%2Fmina-uppgifter',
      status: 200,
    },
  ];
}

/**
 * The pages behind sign-in, as the people who may see them: an administrator (all of them), an editor
 * whose organisation owns no page with feedback, and a member refused the administration.
 */
async function signedInTargets(database: TestDatabase): Promise<CrawlTarget[]> {
  const now = new Date(E2E_NOW);
  const person = async (name: string, roles: Record<string, 'administrator' | 'editor' | 'member'>) => {
    const personId = await createPerson(database.db, {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.se`,
      roles,
      groups: ['hogskoleradet'],
    });
    return { personId, cookie: await sessionCookieFor(database.db, personId, now) };
  };
  const admin = await person('Ada Administratör', { 'huddinge-kommun': 'administrator' });
  await recordSomeHistory(database, admin.personId);
  const editor = await person('Erik Redaktör', { naringslivssektionen: 'editor' });
  const member = await person('Maja Medlem', { 'barn-och-utbildningsforvaltningen': 'member' });
  const transferPages = await transferAndDocumentTargets(database, { admin, editor });
  const asAdmin = (target: Omit<CrawlTarget, 'cookie'>): CrawlTarget => ({ ...target, cookie: admin.cookie });
  const groupPages = await groupEditTargets(database, { admin, editor, member });
  return [
    ...groupPages,
    asAdmin({ name: 'my details', url: '/mina-uppgifter', status: 200 }),
    asAdmin({ name: 'my details, saved', url: '/mina-uppgifter?sparat=1', status: 200 }),
    asAdmin({
      name: 'my details, bad input',
      url: '/mina-uppgifter',
      status: 422,
      form: {
        action: '/mina-uppgifter',
        fields: { name: '', email: 'inte en adress', keywords: 'x'.repeat(51), language: 'sv' },
      },
    }),
    asAdmin({ name: 'erasure', url: '/mina-uppgifter/radera', status: 200 }),
    asAdmin({
      name: 'erasure, not confirmed',
      url: '/mina-uppgifter/radera',
      status: 422,
      form: { action: '/mina-uppgifter/radera', fields: {} },
    }),
    asAdmin({ name: 'administration, people', url: '/admin', status: 200 }),
    asAdmin({ name: 'administration, search', url: '/admin?q=maja', status: 200 }),
    asAdmin({ name: 'administration, invite', url: '/admin/bjud-in', status: 200 }),
    asAdmin({
      name: 'administration, invite with errors',
      url: '/admin/bjud-in',
      status: 422,
      form: { action: '/admin/bjud-in', fields: { name: '', email: 'x', organisationId: '', role: '' } },
    }),
    asAdmin({ name: 'administration, person', url: `/admin/personer/${member.personId}`, status: 200 }),
    asAdmin({
      name: 'administration, membership refused',
      url: `/admin/personer/${member.personId}`,
      status: 422,
      form: {
        action: `/admin/personer/${member.personId}/medlemskap`,
        fields: { organisationId: '', role: '' },
      },
    }),
    asAdmin({ name: 'audit log', url: '/admin/logg', status: 200 }),
    asAdmin({ name: 'audit log, filtered', url: '/admin/logg?handling=sign_in', status: 200 }),
    asAdmin({ name: 'group internals', url: '/grupper/hogskoleradet/internt', status: 200 }),
    asAdmin({ name: 'feedback viewer', url: '/aterkoppling/oversikt', status: 200 }),
    asAdmin({
      name: 'feedback viewer, marked',
      url: '/aterkoppling/oversikt?svar=nej&markerad=behandlad',
      status: 200,
    }),
    asAdmin({
      name: 'feedback viewer, bad dates',
      url: '/aterkoppling/oversikt?fran=2026-13-01&till=x',
      status: 422,
    }),
    {
      name: 'feedback viewer, editor without pages',
      url: '/aterkoppling/oversikt',
      status: 200,
      cookie: editor.cookie,
    },
    asAdmin({ name: 'workspace', url: '/arbetsyta', status: 200 }),
    { name: 'workspace, nothing to edit', url: '/arbetsyta', status: 200, cookie: member.cookie },
    asAdmin({
      name: 'organisation, signed in with edit links',
      url: '/organisationer/ekdalsskolan?sparat=1',
      status: 200,
    }),
    asAdmin({ name: 'organisation, edit', url: '/organisationer/ekdalsskolan/andra', status: 200 }),
    asAdmin({
      name: 'organisation, edit with errors',
      url: '/organisationer/ekdalsskolan/andra',
      status: 422,
      form: {
        action: '/organisationer/ekdalsskolan/andra',
        fields: { ...ORGANISATION_FORM, name: '', website: 'inte en adress', version: '1' },
      },
    }),
    asAdmin({
      name: 'organisation, saved by someone else meanwhile',
      url: '/organisationer/ekdalsskolan/andra',
      status: 409,
      form: {
        action: '/organisationer/ekdalsskolan/andra',
        fields: { ...ORGANISATION_FORM, version: '999' },
      },
    }),
    asAdmin({ name: 'organisation, new', url: '/organisationer/ny', status: 200 }),
    asAdmin({
      name: 'organisation, new with errors',
      url: '/organisationer/ny',
      status: 422,
      form: { action: '/organisationer/ny', fields: { ...ORGANISATION_FORM, name: 'x'.repeat(201) } },
    }),
    asAdmin({ name: 'organisation, delete', url: '/organisationer/ekdalsskolan/ta-bort', status: 200 }),
    asAdmin({
      name: 'organisation, delete refused',
      url: '/organisationer/sodertorns-hogskola/ta-bort',
      status: 409,
      form: { action: '/organisationer/sodertorns-hogskola/ta-bort', fields: { version: '1' } },
    }),
    asAdmin({ name: 'organisation, history', url: '/organisationer/ekdalsskolan/historik', status: 200 }),
    {
      name: 'organisation edit refused to a member',
      url: '/organisationer/ekdalsskolan/andra',
      status: 403,
      cookie: member.cookie,
    },
    ...transferPages,
    { name: 'administration refused to a member', url: '/admin', status: 403, cookie: member.cookie },
    ...(await agreementEditTargets(database, { admin, editor, member })),
    { name: 'workspace, an editor’s', url: '/arbetsyta', status: 200, cookie: editor.cookie },
    ...(await activityAndPageTargets(database, {
      admin: admin.cookie,
      adminId: admin.personId,
      editor: editor.cookie,
      member: member.cookie,
    })),
    ...(await placementOfferTargets(database, { admin: admin.cookie, member: member.cookie })),
    ...(await placementRequestTargets(database, { admin: admin.cookie })),
    ...(await proposalTargets(database, {
      admin: admin.cookie,
      adminId: admin.personId,
      member: member.cookie,
      memberId: member.personId,
      editor: editor.cookie,
    })),
    ...(await briefResponseTargets(database, {
      admin: admin.cookie,
      member: member.cookie,
      memberId: member.personId,
      editor: editor.cookie,
    })),
    ...(await needsTargets(database, { admin: admin.cookie, member: member.cookie })),
    ...(await meetingTargets(database, { admin: admin.cookie, member: member.cookie })),
    ...(await minutesTargets(database, { admin, member })),
    ...(await meetingPageTargets(database, { member: member.cookie })),
    ...(await annualReportTargets(database, { admin: admin.cookie })),
    ...goalPageTargets({ admin: admin.cookie }),
    ...(await indicatorEditTargets(database, { admin, member })),
    { name: 'public page, signed in', url: '/avtal', status: 200, cookie: member.cookie },
  ];
}

/** An organisation's form as the edit page sends it (the crawl's states change one field or two). */
const ORGANISATION_FORM = {
  name: 'Ekdalsskolan',
  shortName: '',
  kind: 'unit',
  parentId: '',
  website: '',
  description: 'Grundskola i Huddinge.',
};

/** A change in Ekdalsskolan's history, so the history page is crawled with an entry on it. */
async function recordSomeHistory(database: TestDatabase, actorPersonId: number): Promise<void> {
  await database.pool.query(
    `insert into record_history (record_type, record_id, version, action, actor_person_id, changes, snapshot)
     select 'organisation', id, 1, 'changed', $1,
            '{"description": ["", "Grundskola i Huddinge."], "website": ["https://gammal.example", ""]}'::jsonb,
            '{}'::jsonb
       from organisations where slug = 'ekdalsskolan'`,
    [actorPersonId],
  );
}

/** Answers "Nej" on a page the way a browser without JavaScript does; returns the answer's id. */
export async function answerNo(baseUrl: string, page: string): Promise<string> {
  const response = await fetch(`${baseUrl}/aterkoppling`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ page, answer: 'nej' }),
    redirect: 'manual',
  });
  const location = response.headers.get('location') ?? '';
  const answerId = new URL(location, baseUrl).searchParams.get('svar');
  if (response.status !== 303 || !answerId) {
    throw new Error(`answering Nej on ${page} gave ${response.status} ${location}`);
  }
  return answerId;
}

/** Fetches a target's HTML as a browser without JavaScript would get it. */
export async function fetchTarget(baseUrl: string, target: CrawlTarget): Promise<Response> {
  const cookie: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
  if (!target.form) return fetch(new URL(target.url, baseUrl), { redirect: 'manual', headers: cookie });
  const multipart = new FormData();
  for (const [name, value] of Object.entries(target.form.fields)) multipart.append(name, value);
  return fetch(new URL(target.form.action, baseUrl), {
    method: 'POST',
    // fetch sets multipart/form-data with its boundary itself.
    headers: target.form.multipart
      ? { origin: baseUrl, ...cookie }
      : { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, ...cookie },
    body: target.form.multipart ? multipart : new URLSearchParams(target.form.fields),
    redirect: 'manual',
  });
}

/** `METHOD /path` for every registered route that neither a target visits nor an exclusion names. */
export function findUncoveredRoutes(routes: RouteEntry[], targets: CrawlTarget[]): string[] {
  const visited = targets.map((target) =>
    target.form
      ? { method: 'POST', path: target.form.action }
      : { method: 'GET', path: new URL(target.url, 'http://x').pathname },
  );
  const keys = new Set(routes.map((route) => `${route.method} ${route.path}`));
  return [...keys].filter((key) => {
    if (key in ROUTE_EXCLUSIONS) return false;
    const [method, pattern = ''] = key.split(' ');
    const matcher = patternToRegExp(pattern);
    return !visited.some(
      (visit) => (visit.method === method || method === 'ALL') && matcher.test(visit.path),
    );
  });
}

/** Exclusions that name no registered route any more, so the list cannot rot. */
export function findStaleExclusions(routes: RouteEntry[]): string[] {
  const keys = new Set(routes.map((route) => `${route.method} ${route.path}`));
  return Object.keys(ROUTE_EXCLUSIONS).filter((key) => !keys.has(key));
}

/** Hono's `/avtal/:slug`, `/x/:id{[0-9]+}` and `/static/*` as anchored regular expressions. */
export function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':'))
        return `(?:${/\{(.+)\}$/.exec(part)?.[1] ?? '[^/]+'})${part.endsWith('?') ? '?' : ''}`;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}
