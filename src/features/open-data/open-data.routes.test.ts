import { parse as parseContentDisposition } from 'content-disposition';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, textOf } from '../../../tests/test-app.ts';
import { messagesFor } from '../../web/i18n/messages.ts';
import { createPageCache, withPublicChange } from '../../web/page-cache.ts';
import type { ProblemStatus } from '../../web/problem.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { openApiDocumentFor } from './api-app.ts';
import { csvValue } from './downloads.ts';
import { API_RESOURCES } from './resources.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  // The page cache as the server has it: the downloads go through it, and a change must clear it.
  subject = await createTestApp({
    demo: true,
    pageCache: createPageCache({ ttlMs: 60_000, maxBytes: 32 * 1024 * 1024 }),
    env: { API_RATE_LIMIT: '100000' },
  });
});
afterAll(() => subject.cleanup());

const SITE = 'http://localhost:3000';

/** Every item of a resource, walking the API's pages by their `next` links. */
async function walkApi(name: string): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let next: string | undefined = `/api/v1/${name}?limit=7`;
  while (next) {
    const response = await subject.request(next.replace(SITE, ''));
    expect(response.status, next).toBe(200);
    const body = await response.json();
    items.push(...body.items);
    next = body.links.next;
  }
  return items;
}

async function download(path: string, init?: RequestInit) {
  const response = await subject.request(path, init);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
}

type Property = { description?: string; $ref?: string; allOf?: Property[]; anyOf?: Property[] };

function schemaOf(schemaName: string) {
  const document = openApiDocumentFor(subject.deps) as {
    components: { schemas: Record<string, { properties: Record<string, Property> }> };
  };
  const schema = document.components.schemas[schemaName];
  if (!schema) throw new Error(`no schema ${schemaName}`);
  return schema.properties;
}

const publicChange = () =>
  withPublicChange(subject.deps, async () => {
    // Nothing to write: clearing the page cache as every public change does.
  });

describe('the bulk downloads', () => {
  it('gives every resource as CSV for Swedish Excel: BOM, semicolons, CRLF, one row per API item', async () => {
    for (const resource of API_RESOURCES) {
      const { response, bytes, text } = await download(`/oppna-data/datamangder/${resource.name}.csv`);
      expect(response.status, resource.name).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const disposition = parseContentDisposition(response.headers.get('content-disposition') ?? '');
      expect(disposition.type).toBe('attachment');
      expect(disposition.parameters.filename).toBe(`samverkan-${resource.name}.csv`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text).toContain('\r\n');
      expect(text.replaceAll('\r\n', '')).not.toMatch(/(?<!")\n/);
      const header = parse(text, { delimiter: ';', bom: true, toLine: 1 })[0] as string[];
      expect(header).toEqual(Object.keys(schemaOf(resource.schemaName)));
      const rows = csvRows(text);
      const api = await walkApi(resource.name);
      expect(rows.map((row) => row.id)).toEqual(api.map((item) => item.id));
      rows.forEach((row, index) => {
        const item = api[index] as unknown as Record<string, unknown>;
        for (const column of header)
          expect(row[column], `${resource.name} ${column}`).toBe(csvOf(item[column]));
      });
    }
  });

  it('keeps å, ä and ö, and writes links to other records as name (id) joined by " | "', async () => {
    const { text } = await download('/oppna-data/datamangder/agreements.csv');
    const rows = csvRows(text);
    const sh = rows.find(
      (row) => row.title === 'Samverkansavtal mellan Huddinge kommun och Södertörns högskola',
    );
    expect(sh, 'the Södertörn agreement with its ö intact').toBeDefined();
    expect(sh?.parties).toContain('Södertörns högskola (sodertorns-hogskola)');
    expect(sh?.parties).toContain(' | ');
    expect(sh?.isExampleData).toBe('false');
    expect(sh?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(text).toMatch(/[åäö]/);
  });

  it('gives every resource as JSON: the licence, the dataset page and exactly the API’s items', async () => {
    for (const resource of API_RESOURCES) {
      const { response, text } = await download(`/oppna-data/datamangder/${resource.name}.json`);
      expect(response.status, resource.name).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const disposition = parseContentDisposition(response.headers.get('content-disposition') ?? '');
      expect(disposition.type).toBe('attachment');
      expect(disposition.parameters.filename).toBe(`samverkan-${resource.name}.json`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = JSON.parse(text);
      expect(body.license).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
      expect(body.dataset).toBe(`${SITE}/oppna-data/datamangder/${resource.name}`);
      expect(body.items).toEqual(await walkApi(resource.name));
    }
  });

  it('answers from the cache with an ETag and 304, the BOM and the content type kept', async () => {
    await publicChange();
    const first = await download('/oppna-data/datamangder/agreements.csv');
    expect(first.response.headers.get('x-cache')).toBeNull();
    const etag = first.response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.response.headers.get('cache-control')).toBe('public, max-age=60');

    const again = await download('/oppna-data/datamangder/agreements.csv');
    expect(again.response.headers.get('x-cache')).toBe('hit');
    expect(again.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(again.response.headers.get('content-disposition')).toContain('attachment');
    expect(again.response.headers.get('access-control-allow-origin')).toBe('*');
    expect([...again.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(again.text).toBe(first.text);
    expect(again.response.headers.get('etag')).toBe(etag);

    const notModified = await subject.request('/oppna-data/datamangder/agreements.csv', {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    const json = await subject.request('/oppna-data/datamangder/agreements.json');
    const jsonAgain = await subject.request('/oppna-data/datamangder/agreements.json', {
      headers: { 'If-None-Match': json.headers.get('etag') ?? '' },
    });
    expect(jsonAgain.status).toBe(304);
  });

  it('is made again after a change to the register, with a formula in a title made harmless', async () => {
    const before = csvRows((await download('/oppna-data/datamangder/agreements.csv')).text);
    const slug = before[0]?.id ?? '';
    const title = '=HYPERLINK("https://evil.example","Klicka här") – ändrat';
    await withPublicChange(subject.deps, (tx) =>
      tx.update(agreements).set({ title }).where(eq(agreements.slug, slug)),
    );
    const after = await download('/oppna-data/datamangder/agreements.csv');
    expect(after.response.headers.get('x-cache')).toBeNull();
    const row = csvRows(after.text).find((candidate) => candidate.id === slug);
    expect(row?.title).toBe(`'${title}`);
    const json = JSON.parse((await download('/oppna-data/datamangder/agreements.json')).text);
    expect(json.items.find((item: { id: string }) => item.id === slug).title).toBe(title);
  });

  it('leaves out an agreement made internal, as the API and the site do', async () => {
    const rows = csvRows((await download('/oppna-data/datamangder/agreements.csv')).text);
    const slug = rows[1]?.id ?? '';
    await withPublicChange(subject.deps, (tx) =>
      tx.update(agreements).set({ visibility: 'internal' }).where(eq(agreements.slug, slug)),
    );
    try {
      const csv = csvRows((await download('/oppna-data/datamangder/agreements.csv')).text);
      expect(csv.map((row) => row.id)).not.toContain(slug);
      expect(csv).toHaveLength(rows.length - 1);
      const json = JSON.parse((await download('/oppna-data/datamangder/agreements.json')).text);
      expect(json.items.map((item: { id: string }) => item.id)).not.toContain(slug);
    } finally {
      await withPublicChange(subject.deps, (tx) =>
        tx.update(agreements).set({ visibility: 'public' }).where(eq(agreements.slug, slug)),
      );
    }
  });

  it('is 404 for a dataset or format there is not, and 400 for a query string', async () => {
    for (const path of [
      '/oppna-data/datamangder/finns-inte.csv',
      '/oppna-data/datamangder/finns-inte.json',
      '/oppna-data/datamangder/agreements.xml',
    ]) {
      expect((await subject.request(path)).status, path).toBe(404);
    }
    expect((await subject.request('/oppna-data/datamangder/agreements.csv?x=1')).status).toBe(400);
  });
});

describe('csvValue', () => {
  it('writes nulls empty, booleans as true/false, decimals with a comma, objects readably', () => {
    expect(csvValue(null)).toBe('');
    expect(csvValue([{ title: 'Avtal', kind: 'agreement', url: 'https://x.se/a.pdf', byteSize: 10 }])).toBe(
      'title: Avtal, kind: agreement, url: https://x.se/a.pdf, byteSize: 10',
    );
    expect(csvValue(true)).toBe('true');
    expect(csvValue(2.5)).toBe('2,5');
    expect(csvValue(12)).toBe('12');
    expect(csvValue('2026-01-01')).toBe('2026-01-01');
    expect(
      csvValue([
        { id: 'a', name: 'Å', url: 'x' },
        { id: 'b', name: 'B', url: 'y' },
      ]),
    ).toBe('Å (a) | B (b)');
    expect(
      csvValue([
        { name: 'Anna', organisation: null },
        { name: 'Bo', organisation: { id: 'o', name: 'O' } },
      ]),
    ).toBe('name: Anna | name: Bo, organisation: O (o)');
  });
});

describe('the open data pages', () => {
  it('lists every dataset with its page, CSV, JSON and API list, the licence and the contact', async () => {
    const response = await subject.request('/oppna-data');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const resource of API_RESOURCES) {
      expect(html).toContain(`href="/oppna-data/datamangder/${resource.name}"`);
      expect(html).toContain(`href="/oppna-data/datamangder/${resource.name}.csv"`);
      expect(html).toContain(`href="/oppna-data/datamangder/${resource.name}.json"`);
      expect(html).toContain(`href="${SITE}/api/v1/${resource.name}"`);
    }
    for (const href of ['/oppna-data/api', '/api/v1/openapi.json', '/api/v1/api-info', '/datasets/dcat']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(html).toContain(`mailto:${subject.deps.config.openDataContactEmail}`);
    expect(textOf(html)).toContain('CC0 1.0');
  });

  it('links to the open data from every page’s footer', async () => {
    const html = await (await subject.request('/avtal')).text();
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain('href="/oppna-data"');
  });

  it('describes every field of every dataset, from the OpenAPI document', async () => {
    for (const resource of API_RESOURCES) {
      const response = await subject.request(`/oppna-data/datamangder/${resource.name}`);
      expect(response.status, resource.name).toBe(200);
      const html = await response.text();
      const text = textOf(html);
      for (const [field, property] of Object.entries(schemaOf(resource.schemaName))) {
        expect(html, `${resource.name}.${field}`).toContain(`<code>${field}</code>`);
        const description = descriptionOf(property);
        expect(description, `${resource.name}.${field} has a description`).toBeTruthy();
        expect(text).toContain(description);
      }
      expect(html).toContain(`href="/oppna-data/datamangder/${resource.name}.csv"`);
      expect(text).toContain(resource.texts(messagesFor('sv')).title);
    }
  });

  it('is 404 for a dataset there is not', async () => {
    expect((await subject.request('/oppna-data/datamangder/finns-inte')).status).toBe(404);
  });

  it('has the API guide with a section for every problem status the API answers with', async () => {
    const statuses: Record<ProblemStatus, true> = {
      400: true,
      403: true,
      404: true,
      405: true,
      413: true,
      415: true,
      421: true,
      429: true,
      500: true,
      503: true,
    };
    const response = await subject.request('/oppna-data/api');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const status of Object.keys(statuses)) expect(html).toContain(`id="fel-${status}"`);
    const text = textOf(html);
    expect(text).toContain(`curl '${SITE}/api/v1/agreements?status=active'`);
    expect(text).toContain(`${subject.deps.config.apiRateLimitPerMinute} anrop per minut`);
    // Every parameter of every list, with the OpenAPI document's own description.
    const document = openApiDocumentFor(subject.deps) as {
      paths: Record<string, { get: { parameters: { name: string; description: string }[] } }>;
    };
    for (const resource of API_RESOURCES) {
      expect(html).toContain(`id="resurs-${resource.name}"`);
      for (const parameter of document.paths[`/${resource.name}`]?.get.parameters ?? []) {
        expect(html).toContain(`<code>${parameter.name}</code>`);
        expect(text).toContain(parameter.description);
      }
    }
  });

  it('says where each problem type points: the API’s 404 names an anchor the guide has', async () => {
    const problem = await (await subject.request('/api/v1/agreements/finns-inte')).json();
    const [page, anchor] = String(problem.type).replace(SITE, '').split('#');
    const html = await (await subject.request(page ?? '')).text();
    expect(html).toContain(`id="${anchor}"`);
  });
});

/** What the CSV must hold for an API value (the rules csvValue documents), after the CSV guard. */
function csvOf(value: unknown): string {
  const text = csvValue(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A property's description: its own, or (a nullable reference) that of a part of its allOf/anyOf, or at
 * last that of the schema it refers to (a plain $ref carries no description of its own).
 */
function descriptionOf(property: Property): string | undefined {
  const parts = [property, ...(property.allOf ?? []), ...(property.anyOf ?? [])];
  const own = parts.find((part) => part.description)?.description;
  if (own) return own;
  const ref =
    parts
      .find((part) => part.$ref)
      ?.$ref?.split('/')
      .pop() ?? '';
  const document = openApiDocumentFor(subject.deps) as { components: { schemas: Record<string, Property> } };
  return document.components.schemas[ref]?.description;
}
