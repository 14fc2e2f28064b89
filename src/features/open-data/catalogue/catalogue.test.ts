import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rdf from '@zazuko/env-node';
import { DataFactory, Parser, type Quad, Store } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/test-app.ts';
import { messagesFor } from '../../../web/i18n/messages.ts';
import { API_RESOURCES } from '../resources.ts';
import { buildCatalogue, catalogueIris } from './catalogue-graph.ts';
import { CC0, NS } from './vocabulary.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
/**
 * SEMIC's shapes of DCAT-AP 3.0.0, read where the project's reference data lies (never copied): beside the
 * repository, or where DCAT_AP_SHACL names. Without them the EU profile cannot be checked, and the tests
 * below say so by failing rather than passing unchecked.
 */
const EU_SHAPE_PLACES = [
  process.env.DCAT_AP_SHACL,
  path.resolve(repoRoot, '../shared/reference/dcat-ap-3.0.0-SHACL.ttl'),
  '/work/shared/reference/dcat-ap-3.0.0-SHACL.ttl',
].filter((file) => file !== undefined && file !== '') as string[];

function euShapes(): string {
  const found = EU_SHAPE_PLACES.find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      `SEMIC's DCAT-AP 3.0.0 shapes are in none of ${EU_SHAPE_PLACES.join(', ')}: set DCAT_AP_SHACL`,
    );
  }
  return found;
}
const OWN_SHAPES = path.join(here, 'dcat-ap-se.shapes.ttl');

const { namedNode, quad } = DataFactory;
const t = messagesFor('sv');

let subject: Awaited<ReturnType<typeof createTestApp>>;
let xml: string;
let turtle: string;
let fromXml: Quad[];
let fromTurtle: Quad[];
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
  const xmlAnswer = await subject.request('/datasets/dcat');
  expect(xmlAnswer.status).toBe(200);
  xml = await xmlAnswer.text();
  const turtleAnswer = await subject.request('/datasets/dcat.ttl');
  expect(turtleAnswer.status).toBe(200);
  turtle = await turtleAnswer.text();
  fromXml = await parseRdfXml(xml);
  fromTurtle = new Parser().parse(turtle);
});
afterAll(() => subject.cleanup());

type ParserOptions = NonNullable<ConstructorParameters<typeof RdfXmlParser>[0]>;
const STRICT_IRIS = 'strict' as unknown as ParserOptions['iriValidationStrategy'];

function parseRdfXml(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    // Every IRI checked against RFC 3987, as the portal requires (the parser's own strict strategy).
    const parser = new RdfXmlParser({ validateUri: true, iriValidationStrategy: STRICT_IRIS });
    parser.on('data', (item: Quad) => quads.push(item));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

async function validate(shapesFile: string, data: Quad[]) {
  const shapes = rdf.dataset(new Parser().parse(readFileSync(shapesFile, 'utf8')));
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const report = await validator.validate(rdf.dataset(data));
  const violations = report.results.filter(
    (result) => result.severity?.value === 'http://www.w3.org/ns/shacl#Violation',
  );
  return {
    conforms: report.conforms,
    violations: violations.map((result) => ({
      focus: result.focusNode?.value,
      path: result.path?.value,
      shape: result.sourceShape?.termType === 'NamedNode' ? result.sourceShape.value : undefined,
      message: result.message.map((term) => term.value).join(' '),
    })),
  };
}

/**
 * RDFS entailment rule rdfs4b (every IRI in object position is an rdfs:Resource): SEMIC's shapes give
 * accessURL, downloadURL, endpointURL and endpointDescription `sh:class rdfs:Resource`, which only holds
 * with that entailment; the EU validator assumes it, a SHACL engine without inference does not.
 */
function withResourceEntailment(quads: Quad[]): Quad[] {
  const resources = new Set(
    quads.filter((q) => q.object.termType === 'NamedNode').map((q) => q.object.value),
  );
  const type = namedNode(`${NS.rdf}type`);
  const resource = namedNode(`${NS.rdfs}Resource`);
  return [...quads, ...[...resources].map((iri) => quad(namedNode(iri), type, resource))];
}

const without = (quads: Quad[], drop: (q: Quad) => boolean) => quads.filter((q) => !drop(q));
const agreements = () => catalogueIris('http://localhost:3000').dataset('agreements');

describe('the DCAT-AP-SE catalogue at /datasets/dcat', () => {
  it('is RDF/XML, open to any origin, with an ETag that answers 304 when nothing changed', async () => {
    const answer = await subject.request('/datasets/dcat', {
      headers: { Origin: 'https://www.dataportal.se' },
    });
    expect(answer.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const etag = answer.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await subject.request('/datasets/dcat', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    const ttl = await subject.request('/datasets/dcat.ttl');
    expect(ttl.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(ttl.headers.get('etag')).toBeTruthy();
  });

  it('is well-formed XML that a strict RDF/XML parser reads, declaring its namespaces and the catalogue', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF')).toBe(true);
    expect(xml).toContain('xmlns:dcat="http://www.w3.org/ns/dcat#"');
    expect(fromXml.length).toBeGreaterThan(100);
  });

  it('says the same in RDF/XML and Turtle as the graph it is built from (isomorphic graphs)', async () => {
    const built = (await buildCatalogue(subject.deps, t)).getQuads(null, null, null, null);
    expect(isomorphic(fromXml, fromTurtle)).toBe(true);
    expect(isomorphic(fromXml, built)).toBe(true);
    expect(fromXml.length).toBe(built.length);
  });

  it('has no blank nodes and only absolute IRIs (the portal’s harvesting rules)', () => {
    for (const q of fromXml) {
      for (const term of [q.subject, q.predicate, q.object]) {
        expect(term.termType, `${q.subject.value} ${q.predicate.value}`).not.toBe('BlankNode');
        if (term.termType !== 'NamedNode') continue;
        expect(term.value).toMatch(/^(https?:\/\/[^\s<>"{}|\\^`]+|mailto:[^\s@]+@[^\s@]+)$/);
        expect(() => new URL(term.value)).not.toThrow();
      }
    }
  });

  it('has a dataset for every resource of the API, with its words, downloads and API distribution', () => {
    const store = new Store(fromXml);
    const base = 'http://localhost:3000';
    const iri = catalogueIris(base);
    const one = (s: string, p: string) =>
      store.getObjects(namedNode(s), namedNode(p), null).map((o) => o.value);
    expect(one(iri.catalogue, `${NS.dcat}dataset`).sort()).toEqual(
      API_RESOURCES.map((resource) => iri.dataset(resource.name)).sort(),
    );
    for (const resource of API_RESOURCES) {
      const dataset = iri.dataset(resource.name);
      const texts = resource.texts(t);
      expect(one(dataset, `${NS.dcterms}title`)).toEqual([texts.title]);
      expect(one(dataset, `${NS.dcat}keyword`).sort()).toEqual([...texts.keywords].sort());
      expect(one(dataset, `${NS.dcat}landingPage`)).toEqual([
        `${base}/oppna-data/datamangder/${resource.name}`,
      ]);
      expect(one(dataset, `${NS.dcterms}accrualPeriodicity`)).toEqual([
        `http://publications.europa.eu/resource/authority/frequency/${resource.dataset.accrualPeriodicity}`,
      ]);
      const period = one(dataset, `${NS.dcterms}temporal`);
      expect(one(period[0] ?? '', `${NS.dcat}startDate`)[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const distributions = one(dataset, `${NS.dcat}distribution`);
      const urls = distributions.flatMap((d) => one(d, `${NS.dcat}accessURL`)).sort();
      expect(urls).toEqual(
        [
          `${base}/api/v1/${resource.name}`,
          `${base}/oppna-data/datamangder/${resource.name}.csv`,
          `${base}/oppna-data/datamangder/${resource.name}.json`,
        ].sort(),
      );
      for (const distribution of distributions)
        expect(one(distribution, `${NS.dcterms}license`)).toEqual([CC0]);
    }
    const agreementDates = one(one(agreements(), `${NS.dcterms}temporal`)[0] ?? '', `${NS.dcat}startDate`)[0];
    // The earliest date in the agreements: the ULF agreement of 2017 (seeds) starts the coverage.
    expect(agreementDates && agreementDates <= '2017-12-31').toBe(true);
    const publisher = one(agreements(), `${NS.dcterms}publisher`);
    expect(publisher).toEqual(['http://dataportal.se/organisation/SE2120000142']);
    expect(one(publisher[0] ?? '', `${NS.foaf}name`)).toEqual(['Huddinge kommun']);
    const contact = one(agreements(), `${NS.dcat}contactPoint`)[0] ?? '';
    expect(one(contact, `${NS.vcard}hasEmail`)).toEqual(['mailto:huddinge@huddinge.se']);
  });

  it('tags its texts in Swedish and gives its dates their datatypes', () => {
    for (const q of fromXml) {
      if (q.object.termType !== 'Literal') continue;
      const p = q.predicate.value;
      if ([`${NS.dcterms}title`, `${NS.dcterms}description`, `${NS.dcat}keyword`].includes(p))
        expect(q.object.language, p).toBe('sv');
      if ([`${NS.dcterms}issued`, `${NS.dcat}startDate`].includes(p))
        expect(q.object.datatype.value).toBe(`${NS.xsd}date`);
      if (p === `${NS.dcterms}modified`) expect(q.object.datatype.value).toMatch(/#date(Time)?$/);
    }
  });
});

describe('against SEMIC’s DCAT-AP 3.0.0 shapes', () => {
  it('has no violations', async () => {
    const result = await validate(euShapes(), withResourceEntailment(fromXml));
    expect(result.violations).toEqual([]);
    expect(result.conforms).toBe(true);
  });

  it('finds the violation in a dataset without a title', async () => {
    const broken = without(
      fromXml,
      (q) => q.subject.value === agreements() && q.predicate.value === `${NS.dcterms}title`,
    );
    const result = await validate(euShapes(), withResourceEntailment(broken));
    expect(result.conforms).toBe(false);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ focus: agreements(), path: `${NS.dcterms}title` }),
    );
  });

  it('finds the violation in a distribution without an access URL', async () => {
    const csv = catalogueIris('http://localhost:3000').distribution('agreements', 'csv');
    const broken = without(
      fromXml,
      (q) => q.subject.value === csv && q.predicate.value === `${NS.dcat}accessURL`,
    );
    const result = await validate(euShapes(), withResourceEntailment(broken));
    expect(result.violations).toContainEqual(
      expect.objectContaining({ focus: csv, path: `${NS.dcat}accessURL` }),
    );
  });
});

describe('against the Swedish additions (dcat-ap-se.shapes.ttl)', () => {
  it('has no violations', async () => {
    const result = await validate(OWN_SHAPES, fromXml);
    expect(result.violations).toEqual([]);
    expect(result.conforms).toBe(true);
  });

  it('finds a contact point without an e-mail address', async () => {
    const contact = catalogueIris('http://localhost:3000').contact;
    const broken = without(
      fromXml,
      (q) => q.subject.value === contact && q.predicate.value === `${NS.vcard}hasEmail`,
    );
    const result = await validate(OWN_SHAPES, broken);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ focus: contact, path: `${NS.vcard}hasEmail` }),
    );
  });

  it('finds a publisher without a type, and a licence by the https IRI the portal does not know', async () => {
    const publisher = 'http://dataportal.se/organisation/SE2120000142';
    const csv = catalogueIris('http://localhost:3000').distribution('agreements', 'csv');
    const broken = without(
      fromXml,
      (q) => q.subject.value === publisher && q.predicate.value === `${NS.dcterms}type`,
    ).map((q) =>
      q.subject.value === csv && q.predicate.value === `${NS.dcterms}license`
        ? quad(q.subject, q.predicate, namedNode('https://creativecommons.org/publicdomain/zero/1.0/'))
        : q,
    );
    const result = await validate(OWN_SHAPES, broken);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ focus: publisher, path: `${NS.dcterms}type` }),
    );
    expect(result.violations).toContainEqual(
      expect.objectContaining({ focus: csv, path: `${NS.dcterms}license` }),
    );
  });
});

describe('/oppna-data/dataportalen', () => {
  it('tells the municipality the harvest address and lists every dataset', async () => {
    const answer = await subject.request('/oppna-data/dataportalen');
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('<h1>Öppna data på Sveriges dataportal</h1>');
    expect(html).toContain('http://localhost:3000/datasets/dcat');
    expect(html).toContain('mailto:huddinge@huddinge.se');
    for (const resource of API_RESOURCES) expect(html).toContain(`/oppna-data/datamangder/${resource.name}"`);
  });
});
