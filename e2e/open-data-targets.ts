import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import { messagesFor } from '../src/web/i18n/messages.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * The open data's pages (issue 12; src/features/open-data/open-data.routes.tsx): what there is, the API
 * guide (with its tables of parameters), dataset pages, and a dataset there is not (404). Every dataset
 * page is one template, so the crawl takes the first and the one with the most to show (the largest
 * example item: the widest table of fields), as it does with records (routes.ts). The downloads are files,
 * not pages: open-data.routes.test.ts checks them, and every dataset page's fields.
 */
export function openDataTargets(): CrawlTarget[] {
  const t = messagesFor('sv');
  const size = (resource: (typeof API_RESOURCES)[number]) =>
    JSON.stringify(resource.schemas(t).example).length;
  const largest = [...API_RESOURCES].sort((a, b) => size(b) - size(a))[0];
  const datasets = [...new Set([API_RESOURCES[0], largest])].filter((resource) => resource !== undefined);
  return [
    { name: 'open data', url: '/oppna-data', status: 200 },
    { name: 'open data, API guide', url: '/oppna-data/api', status: 200 },
    ...datasets.map((resource) => ({
      name: `open data, dataset ${resource.name}`,
      url: `/oppna-data/datamangder/${resource.name}`,
      status: 200,
    })),
    { name: 'open data, dataset not found', url: '/oppna-data/datamangder/finns-inte', status: 404 },
  ];
}

/** The bulk downloads: CSV and JSON files, not pages. */
export const OPEN_DATA_ROUTE_EXCLUSIONS: Record<string, string> = {
  'GET /oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}':
    'the bulk downloads, CSV and JSON files, not pages; open-data.routes.test.ts parses them and compares them with the API',
  'OPTIONS /oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}':
    'the CORS preflight of a download, not a page',
};
