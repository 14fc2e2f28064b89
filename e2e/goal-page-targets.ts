import type { CrawlTarget } from './routes.ts';

/**
 * The public pages of the goal follow-up (issue 11; src/features/goals/goal-pages.*, views/goal-*.tsx,
 * views/indicator-*.tsx): the dashboard on /mal is crawled with the other text pages (routes.ts). Here: a
 * goal page (charts, tables, decisions), a counted indicator with breakdowns for a chosen year, the indicator
 * that counts people (its chart and table show "färre än 3" where the demo data has a small count), an entered
 * one, the records behind a figure, the definitions, and the 404s of an unknown indicator and of the records
 * of an entered one. Signed in as a coordinator, an indicator page with the coordinator's links.
 */
export function goalPageTargets(people: { admin: string }): CrawlTarget[] {
  const indicator = '/mal/indikatorer/genomforda-praktikperioder';
  return [
    { name: 'goal page with charts and decisions', url: '/mal/rekrytering', status: 200 },
    { name: 'goal page of competence development', url: '/mal/attraktiv-arbetsgivare', status: 200 },
    { name: 'counted indicator with breakdowns', url: `${indicator}?ar=2026`, status: 200 },
    { name: 'counted indicator, an earlier year', url: `${indicator}?ar=2025`, status: 200 },
    {
      name: 'indicator counting people (small counts withheld)',
      url: '/mal/indikatorer/medarbetare-i-kompetensutveckling',
      status: 200,
    },
    {
      name: 'entered indicator',
      url: '/mal/indikatorer/medarbetare-nojda-med-kompetensutveckling',
      status: 200,
    },
    { name: 'records behind a figure', url: `${indicator}/underlag?ar=2026`, status: 200 },
    {
      name: 'records behind an activity figure',
      url: '/mal/indikatorer/forsknings-och-ulf-projekt/underlag',
      status: 200,
    },
    { name: 'indicator definitions', url: '/mal/indikatorer', status: 200 },
    { name: 'unknown indicator', url: '/mal/indikatorer/finns-inte', status: 404 },
    {
      name: 'records of an entered indicator',
      url: '/mal/indikatorer/anstallda-efter-praktik/underlag',
      status: 404,
    },
    { name: 'indicator with a year not shown', url: `${indicator}?ar=1999`, status: 400 },
    { name: 'indicator page, a coordinator’s links', url: indicator, status: 200, cookie: people.admin },
  ];
}
