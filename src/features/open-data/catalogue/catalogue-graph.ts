import { DataFactory, type Quad, Store } from 'n3';
import type { AppDeps } from '../../../app-deps.ts';
import type { Messages } from '../../../web/i18n/messages.ts';
import { API_RELEASED } from '../api-app.ts';
import type { ApiResource } from '../api-resource.ts';
import { API_BASE_PATH } from '../api-routes.ts';
import { API_RESOURCES } from '../resources.ts';
import {
  ACCESS_PUBLIC,
  CC0,
  DATA_THEME_SCHEME,
  dataTheme,
  fileType,
  frequency,
  LOCAL_AUTHORITY,
  mediaType,
  NS,
  OPENAPI_3_1,
  publisherIri,
  SWEDISH,
} from './vocabulary.ts';

const { namedNode, literal, quad } = DataFactory;

/** The address of the catalogue (what Sveriges dataportal harvests) and of its Turtle twin. */
export const CATALOGUE_PATH = '/datasets/dcat';
export const CATALOGUE_TURTLE_PATH = '/datasets/dcat.ttl';

/** A dataset's address on the site, and its downloads (the download routes use exactly these). */
export const datasetPagePath = (name: string) => `/oppna-data/datamangder/${name}`;

/** What the catalogue says about one dataset beyond its resource's description, read from the data. */
export type DatasetFacts = {
  resource: ApiResource;
  /** The newest updatedAt of its records (RFC 3339 UTC), or null when it has none. */
  modified: string | null;
  /** The first day its records speak of (YYYY-MM-DD): the earliest date or time in any record. */
  start: string;
};

/**
 * Reads every public record of each resource once, for the two dates the catalogue needs: when the
 * dataset last changed (its newest updatedAt) and where its temporal coverage starts (the earliest date
 * found in any top-level date or time field of a record, e.g. an agreement's signedOn; the API's release
 * day when a dataset is empty). The catalogue is built only when the register has changed (the cache).
 */
export async function readDatasetFacts(
  deps: AppDeps,
  resources: readonly ApiResource[] = API_RESOURCES,
): Promise<DatasetFacts[]> {
  const facts: DatasetFacts[] = [];
  for (const resource of resources) {
    const { items } = await resource.list(deps, { filters: {}, limit: null, offset: 0 });
    let modified: string | null = null;
    let start: string | null = null;
    for (const item of items) {
      if (modified === null || item.updatedAt > modified) modified = item.updatedAt;
      for (const value of Object.values(item)) {
        if (typeof value !== 'string' || !DATE_START.test(value)) continue;
        const day = value.slice(0, 10);
        if (start === null || day < start) start = day;
      }
    }
    facts.push({ resource, modified, start: start ?? API_RELEASED });
  }
  return facts;
}

/** A value that is a date (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm:ss…): its first ten characters are the day. */
const DATE_START = /^\d{4}-\d{2}-\d{2}(?:$|T\d{2}:\d{2})/;

/** The IRIs the catalogue mints for its own things: stable, absolute, all below the catalogue's address. */
export function catalogueIris(baseUrl: string) {
  const at = (fragment: string) => `${baseUrl}${CATALOGUE_PATH}#${fragment}`;
  return {
    catalogue: at('catalogue'),
    dataService: at('api'),
    contact: at('contact'),
    dataset: (name: string) => at(`dataset-${name}`),
    period: (name: string) => at(`period-${name}`),
    distribution: (name: string, kind: 'csv' | 'json' | 'api') => at(`distribution-${name}-${kind}`),
  };
}

type Config = Pick<AppDeps['config'], 'baseUrl' | 'openDataContactEmail' | 'publisherOrganisationNumber'>;

/**
 * The DCAT-AP-SE 3.0.1 catalogue as an RDF graph: the catalogue, a dataset per resource with its CSV,
 * JSON and API distributions, the API as a data service, the municipality as publisher and one contact
 * point. Everything has an absolute IRI (DIGG's harvesting rules: no blank nodes for catalogue, datasets,
 * distributions, publishers or contacts; we have none at all). The EU vocabulary terms it names are typed
 * with the classes DCAT-AP 3.0 gives their properties, so the graph is checkable on its own.
 */
export function catalogueGraph(t: Messages, config: Config, facts: readonly DatasetFacts[]): Store {
  const store = new Store();
  const words = t.openDataCatalogue;
  const { baseUrl } = config;
  const iri = catalogueIris(baseUrl);
  const add = (subject: string, predicate: string, object: Quad['object']) =>
    store.addQuad(quad(namedNode(subject), namedNode(predicate), object));
  const link = (subject: string, predicate: string, object: string) =>
    add(subject, predicate, namedNode(object));
  const text = (subject: string, predicate: string, value: string) =>
    add(subject, predicate, literal(value, 'sv'));
  const typed = (subject: string, ...classes: string[]) => {
    for (const type of classes) link(subject, `${NS.rdf}type`, type);
  };
  const date = (value: string) => literal(value, namedNode(`${NS.xsd}date`));
  const dateTime = (value: string) => literal(value, namedNode(`${NS.xsd}dateTime`));
  const [dcat, dct, foaf, vcard, skos] = [NS.dcat, NS.dcterms, NS.foaf, NS.vcard, NS.skos];

  const publisher = publisherIri(config.publisherOrganisationNumber);
  const apiUrl = `${baseUrl}${API_BASE_PATH}`;
  const homepage = `${baseUrl}/oppna-data`;
  const newest = facts
    .map((fact) => fact.modified)
    .filter((value): value is string => value !== null)
    .sort()
    .at(-1);

  // The catalogue.
  typed(iri.catalogue, `${dcat}Catalog`);
  text(iri.catalogue, `${dct}title`, words.catalogue.title);
  text(iri.catalogue, `${dct}description`, words.catalogue.description);
  link(iri.catalogue, `${dct}publisher`, publisher);
  link(iri.catalogue, `${dct}license`, CC0);
  link(iri.catalogue, `${foaf}homepage`, homepage);
  link(iri.catalogue, `${dct}language`, SWEDISH);
  link(iri.catalogue, `${dcat}themeTaxonomy`, DATA_THEME_SCHEME);
  add(iri.catalogue, `${dct}issued`, date(API_RELEASED));
  add(iri.catalogue, `${dct}modified`, newest ? dateTime(newest) : date(API_RELEASED));
  link(iri.catalogue, `${dcat}service`, iri.dataService);
  for (const fact of facts) link(iri.catalogue, `${dcat}dataset`, iri.dataset(fact.resource.name));

  // The publisher: the municipality, by the portal's IRI for its organisation number.
  typed(publisher, `${foaf}Organization`, `${foaf}Agent`);
  text(publisher, `${foaf}name`, t.site.owner);
  link(publisher, `${dct}type`, LOCAL_AUTHORITY);

  // One contact point for everything (never the publisher's IRI: the portal would mix them up).
  typed(iri.contact, `${vcard}Organization`, `${vcard}Kind`);
  text(iri.contact, `${vcard}fn`, t.openData.api.contactName);
  link(iri.contact, `${vcard}hasEmail`, `mailto:${config.openDataContactEmail}`);

  // The API as a data service that serves every dataset.
  typed(iri.dataService, `${dcat}DataService`);
  text(iri.dataService, `${dct}title`, words.dataService.title);
  text(iri.dataService, `${dct}description`, words.dataService.description);
  link(iri.dataService, `${dcat}endpointURL`, apiUrl);
  link(iri.dataService, `${dcat}endpointDescription`, `${apiUrl}/openapi.json`);
  link(iri.dataService, `${dct}conformsTo`, OPENAPI_3_1);
  link(iri.dataService, `${dcat}landingPage`, `${baseUrl}/oppna-data/api`);
  link(iri.dataService, `${dct}publisher`, publisher);
  link(iri.dataService, `${dcat}contactPoint`, iri.contact);
  link(iri.dataService, `${dct}license`, CC0);
  link(iri.dataService, `${dct}accessRights`, ACCESS_PUBLIC);
  for (const fact of facts) link(iri.dataService, `${dcat}servesDataset`, iri.dataset(fact.resource.name));

  const themes = new Set<string>();
  const frequencies = new Set<string>();
  const pages = [homepage, `${baseUrl}/oppna-data/api`];
  for (const { resource, modified, start } of facts) {
    const { name } = resource;
    const dataset = iri.dataset(name);
    const texts = resource.texts(t);
    const page = `${baseUrl}${datasetPagePath(name)}`;
    pages.push(page);
    typed(dataset, `${dcat}Dataset`);
    text(dataset, `${dct}title`, texts.title);
    text(dataset, `${dct}description`, texts.description);
    for (const keyword of texts.keywords) text(dataset, `${dcat}keyword`, keyword);
    add(dataset, `${dct}identifier`, literal(dataset));
    link(dataset, `${dct}publisher`, publisher);
    link(dataset, `${dcat}contactPoint`, iri.contact);
    for (const theme of resource.dataset.themes) {
      link(dataset, `${dcat}theme`, dataTheme(theme));
      themes.add(theme);
    }
    link(dataset, `${dct}accrualPeriodicity`, frequency(resource.dataset.accrualPeriodicity));
    frequencies.add(resource.dataset.accrualPeriodicity);
    link(dataset, `${dct}accessRights`, ACCESS_PUBLIC);
    link(dataset, `${dct}language`, SWEDISH);
    link(dataset, `${dcat}landingPage`, page);
    add(dataset, `${dct}issued`, date(API_RELEASED));
    if (modified) add(dataset, `${dct}modified`, dateTime(modified));

    const period = iri.period(name);
    link(dataset, `${dct}temporal`, period);
    typed(period, `${dct}PeriodOfTime`);
    add(period, `${dcat}startDate`, date(start));

    const downloads = [
      {
        kind: 'csv',
        type: 'CSV',
        media: 'text/csv',
        title: words.distributions.csvTitle,
        about: words.distributions.csvDescription,
      },
      {
        kind: 'json',
        type: 'JSON',
        media: 'application/json',
        title: words.distributions.jsonTitle,
        about: words.distributions.jsonDescription,
      },
    ] as const;
    for (const download of downloads) {
      const distribution = iri.distribution(name, download.kind);
      const file = `${page}.${download.kind}`;
      link(dataset, `${dcat}distribution`, distribution);
      typed(distribution, `${dcat}Distribution`);
      text(distribution, `${dct}title`, download.title(texts.title));
      text(distribution, `${dct}description`, download.about);
      link(distribution, `${dcat}accessURL`, file);
      link(distribution, `${dcat}downloadURL`, file);
      link(distribution, `${dct}format`, fileType(download.type));
      link(distribution, `${dcat}mediaType`, mediaType(download.media));
      link(distribution, `${dct}license`, CC0);
      if (modified) add(distribution, `${dct}modified`, dateTime(modified));
    }
    const viaApi = iri.distribution(name, 'api');
    link(dataset, `${dcat}distribution`, viaApi);
    typed(viaApi, `${dcat}Distribution`);
    text(viaApi, `${dct}title`, words.distributions.apiTitle(texts.title));
    text(viaApi, `${dct}description`, words.distributions.apiDescription);
    link(viaApi, `${dcat}accessURL`, `${apiUrl}/${name}`);
    link(viaApi, `${dcat}accessService`, iri.dataService);
    link(viaApi, `${dct}format`, fileType('JSON'));
    link(viaApi, `${dcat}mediaType`, mediaType('application/json'));
    link(viaApi, `${dct}license`, CC0);
  }

  // The classes DCAT-AP 3.0 gives the things the catalogue points at, stated so the graph says what
  // each is (SEMIC's shapes check them with sh:class).
  typed(CC0, `${dct}LicenseDocument`);
  typed(SWEDISH, `${dct}LinguisticSystem`);
  typed(ACCESS_PUBLIC, `${dct}RightsStatement`);
  typed(OPENAPI_3_1, `${dct}Standard`);
  text(OPENAPI_3_1, `${dct}title`, words.openApi);
  for (const code of ['CSV', 'JSON'] as const) typed(fileType(code), `${dct}MediaTypeOrExtent`);
  for (const type of ['text/csv', 'application/json'] as const) typed(mediaType(type), `${dct}MediaType`);
  for (const code of frequencies) typed(frequency(code), `${dct}Frequency`);
  typed(DATA_THEME_SCHEME, `${skos}ConceptScheme`);
  text(DATA_THEME_SCHEME, `${dct}title`, words.themes.scheme);
  for (const code of themes) {
    typed(dataTheme(code), `${skos}Concept`);
    text(dataTheme(code), `${skos}prefLabel`, words.themes[code as keyof typeof words.themes]);
    link(dataTheme(code), `${skos}inScheme`, DATA_THEME_SCHEME);
  }
  typed(LOCAL_AUTHORITY, `${skos}Concept`);
  text(LOCAL_AUTHORITY, `${skos}prefLabel`, words.publisherType);
  for (const document of pages) typed(document, `${foaf}Document`);
  return store;
}

/** The catalogue of the app's register, as the routes serve it. */
export async function buildCatalogue(deps: AppDeps, t: Messages): Promise<Store> {
  return catalogueGraph(t, deps.config, await readDatasetFacts(deps));
}
