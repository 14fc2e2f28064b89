import type { CrawlTarget } from './routes.ts';

/**
 * The data catalogue (issue 12; src/features/open-data/catalogue.routes.tsx): the page that tells the
 * municipality how to point Sveriges dataportal at the catalogue is crawled; the catalogue itself is RDF
 * for machines, not a page, and is checked in src/features/open-data/catalogue/catalogue.test.ts.
 */
export function openDataCatalogueTargets(): CrawlTarget[] {
  return [{ name: 'how to point Sveriges dataportal here', url: '/oppna-data/dataportalen', status: 200 }];
}

/** The catalogue's files: RDF, not pages. */
export const OPEN_DATA_CATALOGUE_ROUTE_EXCLUSIONS: Record<string, string> = {
  'GET /datasets/dcat':
    'the DCAT-AP-SE catalogue as RDF/XML, not a page; catalogue.test.ts parses it and validates it with SHACL',
  'GET /datasets/dcat.ttl':
    'the same catalogue as Turtle, not a page; catalogue.test.ts checks it is the same graph',
  'OPTIONS /datasets/dcat': 'the CORS preflight of the catalogue, not a page',
  'OPTIONS /datasets/dcat.ttl': 'the CORS preflight of the catalogue, not a page',
};
