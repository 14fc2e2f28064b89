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

/** Open addresses that are not pages: JSON for machines. */
export const OTHER_OPEN_ADDRESSES: Record<string, string> = {
  '/halsa': '/halsa',
  '/dokument/:id/:fil{.+\\.pdf}': '/dokument/1/avtal.pdf',
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
};
