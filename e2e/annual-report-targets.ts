import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * The annual reports (src/features/goals/annual-reports.*) in each of their states: the list signed out and
 * as a coordinator (drafts, "Ny årsrapport"), the demo data's published 2025 report, a draft for 2024 as a
 * coordinator (and its 404 signed out), the new-report form empty and with messages, the draft's text form
 * empty and with a message, a published report's text form (409, the reason), and the publishing step's
 * confirmation. Every form state here is refused by the rules, so crawling it changes nothing.
 */
export async function annualReportTargets(
  database: TestDatabase,
  people: { admin: string },
): Promise<CrawlTarget[]> {
  await database.pool.query(
    `insert into annual_reports (year, summary, goal_comments)
     values (2024, 'Ett år med fler praktikperioder än året innan.', '{"rekrytering": "Fler platser inom vården."}')
     on conflict (year) do nothing`,
  );
  const cookie = people.admin;
  const NEW = '/mal/arsrapporter/ny';
  const EDIT = '/mal/arsrapporter/2024/andra';
  return [
    { name: 'annual reports', url: '/mal/arsrapporter', status: 200 },
    { name: 'annual reports, as a coordinator', url: '/mal/arsrapporter', status: 200, cookie },
    { name: 'annual report, published (demo)', url: '/mal/arsrapporter/2025', status: 200 },
    { name: 'annual report, a draft', url: '/mal/arsrapporter/2024?sparat=1', status: 200, cookie },
    { name: 'annual report, a draft signed out', url: '/mal/arsrapporter/2024', status: 404 },
    { name: 'annual report, new', url: NEW, status: 200, cookie },
    {
      name: 'annual report, new with errors',
      url: NEW,
      status: 422,
      cookie,
      form: { action: NEW, fields: { year: '1999', summary: 'Sammanfattning' } },
    },
    {
      name: 'annual report, new for a year that has one',
      url: NEW,
      status: 409,
      cookie,
      form: { action: NEW, fields: { year: '2025', summary: '' } },
    },
    { name: 'annual report, change a draft', url: EDIT, status: 200, cookie },
    {
      name: 'annual report, change a draft with errors',
      url: EDIT,
      status: 422,
      cookie,
      form: { action: EDIT, fields: { summary: 'För lång. '.repeat(501), version: '1' } },
    },
    {
      name: 'annual report, change a published one',
      url: '/mal/arsrapporter/2025/andra',
      status: 409,
      cookie,
    },
    { name: 'annual report, publish', url: '/mal/arsrapporter/2024/publicera', status: 200, cookie },
  ];
}

/** Routes of the annual reports the crawl does not visit, with the reason (see ROUTE_EXCLUSIONS). */
export const ANNUAL_REPORT_ROUTE_EXCLUSIONS: Record<string, string> = {
  'POST /mal/arsrapporter/:year{[0-9]{4}}/publicera':
    'a 303 to the published report (crawled as the demo report); it would publish the crawl’s draft. annual-reports.routes.test.ts drives it',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.xlsx':
    'an XLSX file to download, not a page; annual-reports.routes.test.ts reads it back with exceljs',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.csv':
    'a CSV file to download, not a page; annual-reports.routes.test.ts parses it with csv-parse',
  'GET /mal/arsrapporter/:year{[0-9]{4}}/arsrapport.pdf':
    'a PDF file to download, not a page; annual-reports.routes.test.ts parses it with pdf.js',
};
