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
