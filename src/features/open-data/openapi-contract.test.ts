import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/test-app.ts';
import { API_RESOURCES } from './resources.ts';

/**
 * Issue 12, item 3: the OpenAPI document is valid OpenAPI 3.1, and every real answer of every endpoint
 * matches it — every list page of every resource, every item, the errors — with no field the document
 * does not name (so documentation and data cannot drift apart). Run on the demo data, which has records
 * of every kind.
 */

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let document: Json;
let ajv: Ajv2020;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
  const response = await subject.request('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(closedSchemas(structuredClone(document)), 'openapi.json');
});
afterAll(() => subject.cleanup());

/** The checker for a component schema, e.g. `Agreement` or `AgreementList`. */
function checkerFor(name: string): ValidateFunction {
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name} in the document`);
  return validate;
}

function expectValid(name: string, value: unknown, where: string) {
  const validate = checkerFor(name);
  const valid = validate(value);
  expect(valid ? [] : validate.errors, `${where} against ${name}`).toEqual([]);
}

/**
 * Object schemas that admit no field they do not name (unevaluatedProperties: false), so an answer with
 * an undocumented field fails. Components used as a part of an allOf are left open; the allOf is closed.
 */
function closedSchemas(doc: Json): Json {
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  const parts = new Set<Json>();
  const collectParts = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(collectParts);
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    if (Array.isArray(object.allOf)) {
      for (const part of object.allOf as Json[]) {
        parts.add(part);
        const ref = typeof part.$ref === 'string' ? part.$ref.split('/').at(-1) : undefined;
        if (ref && schemas[ref]) parts.add(schemas[ref]);
      }
    }
    Object.values(object).forEach(collectParts);
  };
  collectParts(doc);
  const close = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(close);
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    if ((object.properties || object.allOf) && !parts.has(object)) object.unevaluatedProperties = false;
    Object.values(object).forEach(close);
  };
  close(schemas);
  return doc;
}

/** The GET operation of a path in the document. */
function operationAt(path: string): Json {
  const operation = (document.paths as Record<string, { get?: Json }>)[path]?.get;
  if (!operation) throw new Error(`no GET ${path} in the document`);
  return operation;
}

/** The example of an operation's 200 answer. */
function okExample(path: string): unknown {
  const responses = operationAt(path).responses as Record<
    string,
    { content?: Record<string, { example?: unknown }> }
  >;
  return responses['200']?.content?.['application/json']?.example;
}

async function getJson(path: string): Promise<{ status: number; type: string; body: unknown }> {
  const response = await subject.request(path);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

/**
 * A field is described by its own description, or — for a reference to a component, which the generator
 * writes as `allOf`/`anyOf` of the `$ref` and the rest — by a description beside the `$ref`.
 */
function isDescribed(property: Json): boolean {
  if (property.description) return true;
  const parts = [...((property.allOf ?? []) as Json[]), ...((property.anyOf ?? []) as Json[])];
  return parts.some((part) => Boolean(part.description)) || (parts.length === 0 && Boolean(property.$ref));
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // …and the validator does refuse a broken one.
    const broken = structuredClone(document) as {
      paths: Record<string, { get: { responses: Record<string, Json> } }>;
    };
    // A response without its (required) description.
    const response = broken.paths['/api-info']?.get.responses['200'];
    if (response) delete response.description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('has contact, licence, servers, the service level and the known limits (DOK.03/08/09/15)', () => {
    const info = document.info as Json;
    expect(info.contact).toMatchObject({ email: 'huddinge@huddinge.se' });
    expect(info.license).toMatchObject({ url: 'http://creativecommons.org/publicdomain/zero/1.0/' });
    expect(String(info.description)).toContain('Tjänstenivå');
    expect(String(info.description)).toContain('Kända begränsningar');
    expect(document.servers).toEqual([{ url: 'http://localhost:3000/api/v1' }]);
  });

  it('describes a list and an item endpoint for every resource, each with an example and its errors', () => {
    for (const resource of API_RESOURCES) {
      for (const path of [`/${resource.name}`, `/${resource.name}/{id}`]) {
        const operation = operationAt(path);
        expect(operation.operationId, path).toBeTruthy();
        expect(operation.summary, path).toBeTruthy();
        expect(operation.description, path).toBeTruthy();
        const responses = operation.responses as Record<string, Json>;
        expect(okExample(path), `${path} example`).toBeDefined();
        const expected = path.endsWith('{id}')
          ? ['200', '304', '404', '429', '500', '503']
          : ['200', '304', '400', '429', '500', '503'];
        expect(Object.keys(responses).sort(), path).toEqual(expected.sort());
      }
    }
  });

  it('keeps the shared Reference component as it is (a field’s own words go beside the $ref)', () => {
    const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
    expect(schemas.Reference).toEqual({
      type: 'object',
      properties: {
        id: expect.objectContaining({ type: 'string' }),
        name: expect.objectContaining({ type: 'string' }),
        url: expect.objectContaining({ type: 'string', format: 'uri' }),
      },
      required: ['id', 'name', 'url'],
      description: 'En länk till en annan post: dess id, namn och sida på webbplatsen.',
    });
  });

  it('describes every field of every schema, in Swedish', () => {
    const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
    const undescribed: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      const walk = (node: Json, path: string) => {
        for (const [field, property] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
          if (!isDescribed(property)) undescribed.push(`${path}.${field}`);
        }
        for (const part of (node.allOf ?? []) as Json[]) walk(part, path);
      };
      walk(schema, name);
    }
    expect(undescribed).toEqual([]);
  });

  it('has examples that are valid answers', () => {
    for (const resource of API_RESOURCES) {
      expectValid(resource.schemaName, okExample(`/${resource.name}/{id}`), `${resource.name} example`);
      const listExample = okExample(`/${resource.name}`);
      expectValid(`${resource.schemaName}List`, listExample, `${resource.name} list example`);
    }
  });

  it('notices an answer with a field it does not describe (the check can fail)', () => {
    const validate = checkerFor(API_RESOURCES[0]?.schemaName ?? '');
    const example = okExample(`/${API_RESOURCES[0]?.name}/{id}`) as Json;
    expect(validate({ ...example, internalReason: 'arbetsmaterial' })).toBe(false);
    const { id: _id, ...withoutId } = example;
    expect(validate(withoutId)).toBe(false);
  });
});

describe('every answer matches the document', () => {
  it.each(API_RESOURCES.map((resource) => [resource.name, resource] as const))(
    '%s: every page of the list and every item',
    async (_name, resource) => {
      let next: string | undefined = `/api/v1/${resource.name}?limit=100`;
      const ids: string[] = [];
      let pages = 0;
      while (next) {
        const page = await getJson(next);
        expect(page.status, next).toBe(200);
        expect(page.type).toMatch(/^application\/json/);
        expectValid(`${resource.schemaName}List`, page.body, next);
        const body = page.body as { items: { id: string }[]; links: { next?: string } };
        ids.push(...body.items.map((item) => item.id));
        next = body.links.next?.replace('http://localhost:3000', '');
        pages += 1;
        expect(pages).toBeLessThan(200);
      }
      expect(ids.length, `${resource.name} has records in the demo data`).toBeGreaterThan(0);
      expect(new Set(ids).size, 'no item twice across pages').toBe(ids.length);
      for (const id of ids) {
        const item = await getJson(`/api/v1/${resource.name}/${encodeURIComponent(id)}`);
        expect(item.status, id).toBe(200);
        expectValid(resource.schemaName, item.body, `${resource.name}/${id}`);
      }
    },
  );

  it('api-info', async () => {
    const info = await getJson('/api/v1/api-info');
    expect(info.status).toBe(200);
    expectValid('ApiInfo', info.body, 'api-info');
  });

  it('the errors: 400, 404 and 405 are problem details as documented', async () => {
    for (const resource of API_RESOURCES) {
      const bad = await getJson(`/api/v1/${resource.name}?limit=0&okand=1`);
      expect(bad.status).toBe(400);
      expect(bad.type).toMatch(/^application\/problem\+json/);
      expectValid('Problem', bad.body, `${resource.name} 400`);
      const missing = await getJson(`/api/v1/${resource.name}/finns-inte-0`);
      expect(missing.status).toBe(404);
      expectValid('Problem', missing.body, `${resource.name} 404`);
    }
    // Cross-site, the CSRF check refuses first; from our own origin, the read-only API says 405.
    const crossSite = await subject.request('/api/v1/agreements', { method: 'DELETE' });
    expect(crossSite.status).toBe(403);
    expectValid('Problem', await crossSite.json(), 'DELETE cross-site');
    const sameSite = await subject.request('/api/v1/agreements', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.status).toBe(405);
    expect(sameSite.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expectValid('Problem', await sameSite.json(), 'POST');
  });
});
