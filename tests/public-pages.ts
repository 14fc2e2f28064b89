import { API_RESOURCES } from '../src/features/open-data/resources.ts';

/**
 * One address for every public GET route, for the tests that must hold on every page (headers, no
 * cookies, demo labels). `security.test.ts` fails when a GET route has no address here.
 */
export const PUBLIC_PAGES: Record<string, string> = {
  '/': '/',
  '/larosaten': '/larosaten',
  '/larosaten/:slug': '/larosaten/sodertorns-hogskola',
  '/organisationer/:slug': '/organisationer/barn-och-utbildningsforvaltningen',
  '/avtal': '/avtal',
  '/avtal/:slug': '/avtal/ulf-avtal-sodertorns-hogskola',
  '/hogskoleradet': '/hogskoleradet',
  '/flemingsberg-science': '/flemingsberg-science',
  '/grupper/:slug': '/grupper/arbetsgrupp-sodertorns-hogskola',
  '/mal': '/mal',
  // The goal follow-up (issue 11): definitions, a goal, a counted indicator and the records behind its figure.
  '/mal/indikatorer': '/mal/indikatorer',
  '/mal/:goal{rekrytering|verksamhetsutveckling-genom-forskning|tillvaxt|attraktiv-arbetsgivare}':
    '/mal/rekrytering',
  '/mal/indikatorer/:slug': '/mal/indikatorer/genomforda-praktikperioder',
  '/mal/indikatorer/:slug/underlag': '/mal/indikatorer/genomforda-praktikperioder/underlag',
  '/ulf': '/ulf',
  '/aktiviteter/:slug': '/aktiviteter/ulf-bedomning-i-gymnasieskolan',
  '/sok': '/sok?q=h%C3%B6gskola',
  '/tillganglighet': '/tillganglighet',
  '/personuppgifter': '/personuppgifter',
  '/behovsbanken': '/behovsbanken',
  // A brief of the demo data (seeds/demo-data.ts).
  '/behovsbanken/:slug': '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen',
  '/behovsbanken/bevaka': '/behovsbanken/bevaka',
  '/praktik/oversikt': '/praktik/oversikt?termin=HT2026',
  // Meetings and decisions (issue 10): the demo data's first meeting and item; without it a 404 with the same headers.
  '/moten/:id{[0-9]+}': '/moten/1',
  '/beslut/:id{[0-9]+}': '/beslut/1',
  // The annual reports (issue 11): the demo data's published report for 2025; without it a 404.
  '/mal/arsrapporter': '/mal/arsrapporter',
  '/mal/arsrapporter/:year{[0-9]{4}}': '/mal/arsrapporter/2025',
  // How to point Sveriges dataportal at the data catalogue (issue 12).
  '/oppna-data/dataportalen': '/oppna-data/dataportalen',
  // The open data's pages (issue 12): what there is, the API guide, and a dataset (one per API resource).
  '/oppna-data': '/oppna-data',
  '/oppna-data/api': '/oppna-data/api',
  '/oppna-data/datamangder/:name{[a-z0-9-]+}': '/oppna-data/datamangder/agreements',
};

/** Pages in other states than the plain one: errors, search states and the feedback steps. */
export const OTHER_PAGE_STATES = [
  '/finns-inte',
  '/avtal/finns-inte',
  '/sok',
  `/sok?q=${'a'.repeat(201)}`,
  '/sok?q=kommun&sida=abc',
  '/avtal?aterkoppling=tack',
  '/avtal?aterkoppling=nej&svar=00000000-0000-4000-8000-000000000000',
  '/avtal?aterkoppling=kommentar-tack',
  '/behovsbanken?typ=forskningsfraga&sida=1',
  '/behovsbanken/bevaka?skickat=1',
];

/** The sign-in pages anyone can open, by route. The development mail page is 404 but on a laptop. */
export const SIGN_IN_PAGES: Record<string, string> = {
  '/logga-in': '/logga-in',
  '/logga-in/skickad': '/logga-in/skickad',
  '/logga-in/lank': '/logga-in/lank?token=abc',
  '/logga-in/oidc/:providerId': '/logga-in/oidc/finns-inte',
  '/logga-in/oidc/:providerId/callback': '/logga-in/oidc/finns-inte/callback',
  '/utveckling/mejl/:key': '/utveckling/mejl/0123456789abcdef0123456789abcdef',
};

/**
 * Open addresses that are not cached pages: JSON and feeds for machines, and the pages a mailed link opens
 * (a token in the address is never kept in the page cache).
 */
export const OTHER_OPEN_ADDRESSES: Record<string, string> = {
  '/behovsbanken/flode.atom': '/behovsbanken/flode.atom',
  '/behovsbanken/bevaka/bekrafta': '/behovsbanken/bevaka/bekrafta?token=abcdefghijklmnopqrstuvwxyz',
  '/behovsbanken/avregistrera': '/behovsbanken/avregistrera?token=abcdefghijklmnopqrstuvwxyz',
  '/halsa': '/halsa',
  '/dokument/:id/:fil{.+\\.pdf}': '/dokument/1/avtal.pdf',
  '/praktik/oversikt.csv': '/praktik/oversikt.csv?termin=HT2026',
  '/praktik/oversikt.xlsx': '/praktik/oversikt.xlsx?termin=HT2026',
  '/grupper/:slug/kalender.ics': '/grupper/hogskoleradet/kalender.ics',
  '/kalender/:file{[^/]+\\.ics}': '/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
  '/moten/:id{[0-9]+}/protokoll.html': '/moten/1/protokoll.html',
  '/mal/arsrapporter/:year{[0-9]{4}}/arsrapport.xlsx': '/mal/arsrapporter/2025/arsrapport.xlsx',
  '/mal/arsrapporter/:year{[0-9]{4}}/arsrapport.csv': '/mal/arsrapporter/2025/arsrapport.csv',
  '/mal/arsrapporter/:year{[0-9]{4}}/arsrapport.pdf': '/mal/arsrapporter/2025/arsrapport.pdf',
  // The open API (issue 12): every list, and an item address (a 404 as problem details where none has the id).
  ...Object.fromEntries(
    API_RESOURCES.flatMap((resource) => [
      [`/api/v1/${resource.name}`, `/api/v1/${resource.name}`],
      [`/api/v1/${resource.name}/:id`, `/api/v1/${resource.name}/finns-inte`],
    ]),
  ),
  '/api/v1/api-info': '/api/v1/api-info',
  '/api/v1/openapi.json': '/api/v1/openapi.json',
  // The bulk downloads (issue 12): each dataset as CSV and JSON, through the API's cache.
  '/oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}': '/oppna-data/datamangder/agreements.csv',
  // The DCAT-AP-SE data catalogue (issue 12) that Sveriges dataportal harvests, and its Turtle twin.
  '/datasets/dcat': '/datasets/dcat',
  '/datasets/dcat.ttl': '/datasets/dcat.ttl',
};

/** One address for every page behind sign-in, opened as an administrator (who may open them all). */
export const SIGNED_IN_PAGES: Record<string, string> = {
  '/mina-uppgifter': '/mina-uppgifter',
  '/mina-uppgifter/export': '/mina-uppgifter/export',
  '/mina-uppgifter/radera': '/mina-uppgifter/radera',
  '/konto/kalender': '/konto/kalender',
  '/admin': '/admin',
  '/admin/bjud-in': '/admin/bjud-in',
  '/admin/logg': '/admin/logg',
  '/admin/personer/:id': '/admin/personer/1',
  '/grupper/:slug/internt': '/grupper/hogskoleradet/internt',
  '/aterkoppling/oversikt': '/aterkoppling/oversikt',
  '/aterkoppling/oversikt.csv': '/aterkoppling/oversikt.csv',
  '/arbetsyta': '/arbetsyta',
  '/arbetsyta/export': '/arbetsyta/export',
  '/arbetsyta/export/:fil': '/arbetsyta/export/organisationer.csv',
  '/arbetsyta/import/:id': '/arbetsyta/import/00000000-0000-4000-8000-000000000000',
  '/avtal/:slug/dokument/ny': '/avtal/ulf-avtal-sodertorns-hogskola/dokument/ny',
  '/dokument/:id/andra': '/dokument/1/andra',
  '/dokument/:id/ta-bort': '/dokument/1/ta-bort',
  '/dokument/:id/historik': '/dokument/1/historik',
  '/organisationer/ny': '/organisationer/ny',
  '/organisationer/:slug/andra': '/organisationer/ekdalsskolan/andra',
  '/organisationer/:slug/ta-bort': '/organisationer/ekdalsskolan/ta-bort',
  '/organisationer/:slug/historik': '/organisationer/ekdalsskolan/historik',
  '/avtal/ny': '/avtal/ny',
  '/avtal/:slug/andra': '/avtal/ulf-avtal-sodertorns-hogskola/andra',
  '/avtal/:slug/ta-bort': '/avtal/ulf-avtal-sodertorns-hogskola/ta-bort',
  '/avtal/:slug/historik': '/avtal/ulf-avtal-sodertorns-hogskola/historik',
  '/fokusomraden/ny': '/fokusomraden/ny',
  '/fokusomraden/:slug/andra': '/fokusomraden/samhallsbyggnad/andra',
  '/fokusomraden/:slug/ta-bort': '/fokusomraden/samhallsbyggnad/ta-bort',
  '/fokusomraden/:slug/historik': '/fokusomraden/samhallsbyggnad/historik',
  '/aktiviteter/ny': '/aktiviteter/ny',
  '/aktiviteter/:slug/andra': '/aktiviteter/ulf-bedomning-i-gymnasieskolan/andra',
  '/aktiviteter/:slug/ta-bort': '/aktiviteter/ulf-bedomning-i-gymnasieskolan/ta-bort',
  '/aktiviteter/:slug/historik': '/aktiviteter/ulf-bedomning-i-gymnasieskolan/historik',
  '/sidor/:slug/andra': '/sidor/tillganglighet/andra',
  '/sidor/:slug/historik': '/sidor/tillganglighet/historik',
  '/grupper/ny': '/grupper/ny',
  '/grupper/:slug/andra': '/grupper/arbetsgrupp-sodertorns-hogskola/andra',
  '/grupper/:slug/ta-bort': '/grupper/arbetsgrupp-sodertorns-hogskola/ta-bort',
  '/grupper/:slug/historik': '/grupper/arbetsgrupp-sodertorns-hogskola/historik',
  '/grupper/:slug/ledamoter/ny': '/grupper/arbetsgrupp-sodertorns-hogskola/ledamoter/ny',
  '/grupper/:slug/moten/nytt': '/grupper/hogskoleradet/moten/nytt',
  '/moten/:id/arbetsyta': '/moten/1/arbetsyta',
  '/moten/:id/andra': '/moten/1/andra',
  '/moten/:id/ta-bort': '/moten/1/ta-bort',
  '/moten/:id/historik': '/moten/1/historik',
  '/moten/:id/gaster': '/moten/1/gaster',
  '/moten/:id/arenden/nytt': '/moten/1/arenden/nytt',
  '/arenden/:id/andra': '/arenden/1/andra',
  '/moten/:id/dokument/ny': '/moten/1/dokument/ny',
  '/moten/:id/protokoll': '/moten/1/protokoll',
  '/moten/:id/justera': '/moten/1/justera',
  '/moten/:id/rattelse': '/moten/1/rattelse',
  '/arenden/:id/uppdrag/nytt': '/arenden/1/uppdrag/nytt',
  '/uppdrag/:id': '/uppdrag/1',
  '/uppdrag/forsenade': '/uppdrag/forsenade',
  '/mal/arsrapporter/ny': '/mal/arsrapporter/ny',
  // The demo data's 2025 report is published: its forms answer 409 with the reason (a page all the same).
  '/mal/arsrapporter/:year{[0-9]{4}}/andra': '/mal/arsrapporter/2025/andra',
  '/mal/arsrapporter/:year{[0-9]{4}}/publicera': '/mal/arsrapporter/2025/publicera',
  '/mal/indikatorer/:slug/malvarde': '/mal/indikatorer/genomforda-praktikperioder/malvarde',
  '/mal/indikatorer/:slug/varde': '/mal/indikatorer/medarbetare-nojda-med-kompetensutveckling/varde',
  '/mal/indikatorer/:slug/historik': '/mal/indikatorer/genomforda-praktikperioder/historik',
  // A seat of the council, as seeded (the first seat the seed adds); another id is a 404 with the same headers.
  '/grupper/:slug/ledamoter/:id/andra': '/grupper/hogskoleradet/ledamoter/1/andra',
  '/grupper/:slug/ledamoter/:id/ta-bort': '/grupper/hogskoleradet/ledamoter/1/ta-bort',
  '/registrera': '/registrera',
  // No proposal is seeded: a 404 with the same headers (proposals.routes.test.ts opens real ones).
  '/forslag/:id': '/forslag/1',
  '/behovsbanken/ny': '/behovsbanken/ny',
  '/behovsbanken/:slug/andra': '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen/andra',
  '/behovsbanken/:slug/ta-bort': '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen/ta-bort',
  '/behovsbanken/:slug/historik': '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen/historik',
  '/behovsbanken/:slug/svara': '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen/svara',
  // Demo answers, offers, requests and needs lists are seeded; an id that is not is a 404 with the same headers.
  '/behovsbanken/svar/:id': '/behovsbanken/svar/1',
  '/praktik/platser': '/praktik/platser?termin=HT2026',
  '/praktik/platser/ny': '/praktik/platser/ny',
  '/praktik/platser/kopiera': '/praktik/platser/kopiera',
  '/praktik/platser/:id': '/praktik/platser/1',
  '/praktik/platser/:id/andra': '/praktik/platser/1/andra',
  '/praktik/platser/:id/ta-bort': '/praktik/platser/1/ta-bort',
  '/praktik/platser/:id/historik': '/praktik/platser/1/historik',
  '/praktik/platser/:id/begar': '/praktik/platser/1/begar',
  '/praktik/forfragningar': '/praktik/forfragningar',
  '/praktik/forfragningar/:id': '/praktik/forfragningar/1',
  '/praktik/behov': '/praktik/behov',
  '/praktik/behov/ny': '/praktik/behov/ny',
  '/praktik/behov/:id': '/praktik/behov/1',
  '/praktik/behov/:id/svara': '/praktik/behov/1/svara',
  '/praktik/fordelning': '/praktik/fordelning?termin=HT2026',
};
