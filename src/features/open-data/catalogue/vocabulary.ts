/**
 * The namespaces and the fixed IRIs of the DCAT-AP-SE 3.0.1 catalogue (issue 12), each as the Swedish
 * data portal expects it (docs.dataportal.se/dcat/3.0.1, and DIGG's harvesting rules in the
 * diggsweden/DCAT-AP-SE repository, docs/harvesting.md).
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

/** Prefix → namespace, in the order the serialisations declare them. */
export const PREFIXES: Record<string, string> = { ...NS };

/**
 * CC0 1.0 exactly as the portal's licence list has it: http, with the closing slash. DIGG's harvesting
 * rules: a licence has one IRI only, "never https, never without the closing slash" (their example is
 * CC BY; CC0 is `http://creativecommons.org/publicdomain/zero/1.0/` in DCAT-AP-SE's licence choices).
 */
export const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** The EU Publications Office's authority tables. */
const EU = 'http://publications.europa.eu/resource/authority';
export const DATA_THEME_SCHEME = `${EU}/data-theme`;
export const dataTheme = (code: string) => `${EU}/data-theme/${code}`;
export const frequency = (code: string) => `${EU}/frequency/${code}`;
export const fileType = (code: 'CSV' | 'JSON') => `${EU}/file-type/${code}`;
export const ACCESS_PUBLIC = `${EU}/access-right/PUBLIC`;
export const SWEDISH = `${EU}/language/SWE`;

/** IANA media types as DCAT-AP 3 names them (dcat:mediaType). */
export const mediaType = (type: 'text/csv' | 'application/json') =>
  `http://www.iana.org/assignments/media-types/${type}`;

/** The ADMS publisher type of a municipality (DCAT-AP-SE: an agent's dct:type). */
export const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';

/** The OpenAPI specification the API's document follows (the data service's dct:conformsTo). */
export const OPENAPI_3_1 = 'https://spec.openapis.org/oas/v3.1.0';

/**
 * The publisher's IRI by DIGG's rule for Swedish organisations: `http://dataportal.se/organisation/SE`
 * and the ten-digit organisation number without hyphen, so the portal recognises the same publisher in
 * every catalogue it harvests (docs/harvesting.md, "Identifierare för utgivande organisationer").
 */
export function publisherIri(organisationNumber: string): string {
  const digits = organisationNumber.replace(/\D/g, '');
  if (digits.length !== 10) throw new Error(`not an organisation number: ${organisationNumber}`);
  return `http://dataportal.se/organisation/SE${digits}`;
}
