import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import { PUBLIC_PAGES } from './public-pages.ts';

/**
 * Routes anyone may use, signed in or not, each with why. Together with the protected routes in
 * `authorisation.test.ts` this names every route the app has; that test fails for a route in neither.
 */
export const OPEN_ROUTES: Record<string, string> = {
  ...Object.fromEntries(Object.keys(PUBLIC_PAGES).map((path) => [`GET ${path}`, 'public page'])),
  ...Object.fromEntries(
    API_RESOURCES.flatMap((resource) => [
      [
        `GET /api/v1/${resource.name}`,
        'the open API: public records only, the same for everyone (open-data tests)',
      ],
      [`GET /api/v1/${resource.name}/:id`, 'the open API: one public record; internal or deleted is 404'],
    ]),
  ),
  'GET /api/v1/api-info': 'the open API: its name, version and documentation',
  'GET /api/v1/openapi.json': 'the open API’s OpenAPI document',
  'GET /oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}':
    'the bulk downloads: each public dataset as CSV and JSON, the same items as the open API (open-data tests)',
  'GET /datasets/dcat':
    'the DCAT-AP-SE data catalogue (RDF/XML) Sveriges dataportal harvests: descriptions of the public datasets only',
  'GET /datasets/dcat.ttl': 'the same data catalogue as Turtle',
  ...Object.fromEntries(
    ['/oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}', '/datasets/dcat', '/datasets/dcat.ttl'].map(
      (path) => [
        `OPTIONS ${path}`,
        'the CORS preflight of an open file: answered by the CORS middleware, nothing is read',
      ],
    ),
  ),
  ...Object.fromEntries(
    ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => [
      `${method} /api/v1/*`,
      'the open API is read-only: 405 with Allow, nothing is changed',
    ]),
  ),
  'POST /aterkoppling': 'page feedback: anyone may answer (no account, no cookie)',
  'POST /aterkoppling/:id/kommentar':
    'page feedback comment: only the holder of the random answer id can add it',
  'GET /logga-in': 'the sign-in page',
  'POST /logga-in/lank': 'asking for a sign-in link (rate-limited per client and address)',
  'GET /logga-in/skickad': '"look in your mail"',
  'GET /logga-in/lank': 'the page a mailed link opens (a button, so scanners do not use the link)',
  'POST /logga-in/lank/anvand': 'using a sign-in link: the token is the credential',
  'POST /logga-ut': 'signing out: ends whatever session the request has, if any',
  'GET /logga-in/oidc/:providerId': 'starting an OIDC sign-in',
  'GET /logga-in/oidc/:providerId/callback':
    'the identity provider’s answer: state, cookie and code are the credential',
  'GET /utveckling/mejl/:key':
    'a laptop in development only (loopback, no SMTP): 404 everywhere else (tests/deployment-safety.test.ts)',
  'GET /behovsbanken/flode.atom': 'the needs bank’s Atom feeds: published public briefs, as on its pages',
  'POST /behovsbanken/bevaka':
    'asking for e-mail alerts about new briefs (rate-limited per client and address; confirmed by mail)',
  'GET /behovsbanken/bevaka/bekrafta':
    'the page a mailed confirmation link opens (a button, so scanners confirm nothing)',
  'POST /behovsbanken/bevaka/bekrafta': 'confirming alerts: the mailed token is the credential',
  'GET /behovsbanken/avregistrera': 'the page the unsubscribe link in every alert opens (a button)',
  'POST /behovsbanken/avregistrera':
    'one-click unsubscribe (RFC 8058, also from mail programs): the token in the address is the credential',
  'GET /halsa': 'health for monitors: "ok" or "unavailable", nothing about anyone',
  'GET /praktik/oversikt.csv':
    'the public placement and needs-bank figures as a file: aggregates of what public pages show, no person',
  'GET /praktik/oversikt.xlsx':
    'the public placement and needs-bank figures as a file: aggregates of what public pages show, no person',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.xlsx':
    'an annual report’s figures as a file: a published report’s frozen figures for anyone; a draft’s for coordinators only (404 to others)',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.csv':
    'an annual report’s figures as a file: a published report’s frozen figures for anyone; a draft’s for coordinators only (404 to others)',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.pdf':
    'an annual report as a PDF: a published report for anyone; a draft for coordinators only (404 to others)',
  'GET /grupper/:slug/kalender.ics':
    'a public group’s calendar feed: its public meetings only, as its page shows them (meeting-pages.routes.test.ts)',
  'GET /kalender/:file{[^/]+\\.ics}':
    'a personal calendar feed: the unguessable token in the address is the credential; revoked or unknown: 404',
  'GET /moten/:id{[0-9]+}/protokoll.html':
    'approved public minutes as an archive file: what the meeting’s public page shows; 404 until approved',
  'GET /dokument/:id/:fil{.+\\.pdf}':
    'a document’s file: a public one for anyone; an internal one only for those who may edit its agreement, 404 for everyone else (documents.routes.test.ts)',
};

/** Middleware entries in `app.routes`, which are not routes anyone requests. */
export function isMiddlewareEntry(key: string): boolean {
  return key.endsWith(' /*') || key === 'ALL /static/*' || key === 'ALL /api/v1/*';
}
