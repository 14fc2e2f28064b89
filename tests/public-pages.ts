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
};

/** One address for every page behind sign-in, opened as an administrator (who may open them all). */
export const SIGNED_IN_PAGES: Record<string, string> = {
  '/mina-uppgifter': '/mina-uppgifter',
  '/mina-uppgifter/export': '/mina-uppgifter/export',
  '/mina-uppgifter/radera': '/mina-uppgifter/radera',
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
