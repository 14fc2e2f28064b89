import { API_RESOURCES } from '../src/features/open-data/resources.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * The open data's pages (issue 12; src/features/open-data/open-data.routes.tsx): what there is, the API
 * guide (with its tables of parameters), the page of every dataset (its table of fields), and a dataset
 * there is not (404). The downloads are files, not pages: open-data.routes.test.ts checks them.
 */
export function openDataTargets(): CrawlTarget[] {
  return [
    { name: 'open data', url: '/oppna-data', status: 200 },
    { name: 'open data, API guide', url: '/oppna-data/api', status: 200 },
    ...API_RESOURCES.map((resource) => ({
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
};
