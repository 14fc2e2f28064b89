import type pg from 'pg';

/**
 * One page state to check: a GET of `url`, or, with `form`, the page that posting `form.fields` to
 * `form.action` from `url` answers with. `status` is the status the page must have.
 */
export type CrawlTarget = {
  name: string;
  url: string;
  status: number;
  form?: { action: string; fields: Record<string, string> };
};

/** A registered route, as `app.routes` lists it. */
export type RouteEntry = { method: string; path: string };

/**
 * Routes the crawl does not visit, each with the reason. The route test fails for any route that is
 * neither crawled nor here, and for any entry here that no longer names a route.
 */
export const ROUTE_EXCLUSIONS: Record<string, string> = {
  'ALL /*': 'middleware (request id, log line, security headers, page cache), not a page',
  'POST /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'PUT /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'PATCH /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'DELETE /*': 'middleware (CSRF, body limit) for methods that change state, not a page',
  'ALL /static/*': 'stylesheet and script files, not pages; the crawl loads them with every page',
  'POST /aterkoppling':
    'answers with a 303 to the page it came from; the landing states are crawled and feedback.test.ts drives it',
};

/** A content page that ends with "Var informationen till din hjälp?", to show its feedback steps on. */
const FEEDBACK_PAGE = '/avtal';

const TOO_LONG_QUERY = 'a'.repeat(201);
const TOO_LONG_COMMENT = 'Det saknades uppgifter om kontaktpersoner. '.repeat(25).slice(0, 1001);

/**
 * Every public page state: the fixed pages in their empty, filled and error states, the feedback
 * steps, and one detail page for every organisation, agreement, group and activity in the database.
 * Makes one real "Nej" answer through the app, so the comment step has a real answer id.
 */
export async function buildCrawl(baseUrl: string, pool: pg.Pool): Promise<CrawlTarget[]> {
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
  ];

  const organisations = await pool.query<{ slug: string; kind: string }>(
    'select slug, kind from organisations order by id',
  );
  for (const { slug, kind } of organisations.rows) {
    const url = kind === 'university' ? `/larosaten/${slug}` : `/organisationer/${slug}`;
    targets.push({ name: `organisation ${slug}`, url, status: 200 });
  }
  for (const [table, prefix] of [
    ['agreements', '/avtal'],
    ['groups', '/grupper'],
    ['activities', '/aktiviteter'],
  ] as const) {
    const rows = await pool.query<{ slug: string }>(`select slug from ${table} order by id`);
    for (const { slug } of rows.rows)
      targets.push({ name: `${table} ${slug}`, url: `${prefix}/${slug}`, status: 200 });
  }
  return targets;
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
  if (!target.form) return fetch(new URL(target.url, baseUrl), { redirect: 'manual' });
  return fetch(new URL(target.form.action, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams(target.form.fields),
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
