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
  '/organisationer/ny': '/organisationer/ny',
  '/organisationer/:slug/andra': '/organisationer/ekdalsskolan/andra',
  '/organisationer/:slug/ta-bort': '/organisationer/ekdalsskolan/ta-bort',
  '/organisationer/:slug/historik': '/organisationer/ekdalsskolan/historik',
};
