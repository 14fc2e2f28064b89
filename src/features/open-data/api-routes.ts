import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { problemResponse } from '../../web/problem.ts';
import { answerThroughCache, canonicalKey } from './api-cache.ts';
import { invalidParameters } from './api-parameters.ts';
import { type ApiResource, SLUG_PATTERN } from './api-resource.ts';
import {
  DEFAULT_LIMIT,
  listSchema,
  pagingParameters,
  parseUpdatedSince,
  problemSchema,
} from './api-schemas.ts';

/** The API's address below the site's: the major version is in the path (VER.05). */
export const API_BASE_PATH = '/api/v1';

/** The API's router: a parameter Zod refuses is a 400 as problem details, naming every bad parameter. */
export function createApiHono(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const params = invalidParameters(c.var.t, result.error.issues, c.req.queries());
      return problemResponse(c, 400, {
        detail: c.var.t.openData.problems.badParameters(params.map((param) => param.name)),
        invalidParams: params,
      });
    },
  });
}

/**
 * The endpoints of every resource, made the same way for all (decision 017): a list with `limit`, `page`
 * and the resource's filters, and one item by id. Unknown or bad parameters are a 400 naming each one,
 * as problem details, before anything is read. The routes and their schemas are built with the
 * dictionary `t` when the app is made, so the OpenAPI document speaks the site's Swedish.
 */
export function registerResourceRoutes(
  api: OpenAPIHono<AppEnv>,
  t: Messages,
  baseUrl: string,
  resources: readonly ApiResource[],
): void {
  const words = t.openData.api;
  const problem = problemSchema(t);
  const problemAnswer = (status: 400 | 404 | 429 | 500 | 503) => ({
    description: t.openData.problems.byStatus[status].title,
    content: { 'application/problem+json': { schema: problem } },
  });
  const cacheHeaders = {
    ETag: { description: words.etagHeader, schema: { type: 'string' as const } },
    'Cache-Control': { description: words.cacheControlHeader, schema: { type: 'string' as const } },
  };
  const errorAnswers = {
    304: { description: words.notModified },
    429: problemAnswer(429),
    500: problemAnswer(500),
    503: problemAnswer(503),
  };

  for (const resource of resources) {
    const schemas = resource.schemas(t);
    const title = resource.texts(t).title;
    const item = schemas.item;
    const list = listSchema(t, `${resource.schemaName}List`, item);
    const url = (query: string) => `${baseUrl}${API_BASE_PATH}/${resource.name}?${query}`;
    const example = {
      items: [schemas.example],
      page: 1,
      limit: DEFAULT_LIMIT,
      totalItems: 1,
      totalPages: 1,
      links: { self: url('page=1&limit=20'), first: url('page=1&limit=20'), last: url('page=1&limit=20') },
    };
    const operation = pascalCase(resource.name);

    const listRoute = createRoute({
      method: 'get',
      path: `/${resource.name}`,
      operationId: `list${operation}`,
      tags: [words.tagRegister],
      summary: words.listSummary(title),
      description: words.listDescription(title),
      request: { query: z.strictObject({ ...pagingParameters(t), ...schemas.filters }) },
      responses: {
        200: {
          description: words.okList,
          headers: {
            ...cacheHeaders,
            Link: { description: words.linkHeader, schema: { type: 'string' as const } },
          },
          content: { 'application/json': { schema: list, example } },
        },
        400: problemAnswer(400),
        ...errorAnswers,
      },
    });
    api.openapi(listRoute, async (c) => {
      const query = c.req.valid('query') as Record<string, unknown> & { limit: number; page: number };
      return answerThroughCache(c, canonicalKey(c.req.path, canonicalQuery(query)), () =>
        listPage(c, resource, query),
      ) as never;
    });

    const itemRoute = createRoute({
      method: 'get',
      path: `/${resource.name}/{id}`,
      operationId: `get${singular(operation)}`,
      tags: [words.tagRegister],
      summary: words.itemSummary(title),
      description: words.itemDescription,
      request: {
        params: z.object({
          id: z.string().openapi({
            param: { name: 'id', in: 'path' },
            description: words.idParameter,
            example: schemas.example.id,
          }),
        }),
      },
      responses: {
        200: {
          description: words.okItem,
          headers: cacheHeaders,
          content: { 'application/json': { schema: item, example: schemas.example } },
        },
        404: problemAnswer(404),
        ...errorAnswers,
      },
    });
    api.openapi(itemRoute, async (c) => {
      const { id } = c.req.valid('param');
      const pattern = resource.idPattern ?? SLUG_PATTERN;
      const notFound = () =>
        problemResponse(c, 404, { detail: c.var.t.openData.problems.unknownId(resource.name, id) });
      // Anything that cannot be an id is answered without the database, and is not kept.
      if (id.length > 200 || !pattern.test(id)) return notFound() as never;
      return answerThroughCache(c, c.req.path, async () => {
        const found = await resource.get(c.get('deps'), id);
        return found ? c.json(found, 200) : notFound();
      }) as never;
    });
  }
}

/** A list's checked parameters with `updatedSince` as its instant, so that every spelling is one key. */
function canonicalQuery(query: Record<string, unknown>): Record<string, unknown> {
  const since = typeof query.updatedSince === 'string' ? parseUpdatedSince(query.updatedSince) : undefined;
  return { ...query, updatedSince: since };
}

/** One page of a list with its links, in the body and in a Link header (RFC 8288). */
async function listPage(
  c: Context<AppEnv>,
  resource: ApiResource,
  query: Record<string, unknown> & { limit: number; page: number },
): Promise<Response> {
  const { limit, page, ...filters } = query;
  const { items, total } = await resource.list(c.get('deps'), { filters, limit, offset: (page - 1) * limit });
  const totalPages = Math.ceil(total / limit);
  const base = `${c.get('deps').config.baseUrl}${API_BASE_PATH}/${resource.name}`;
  // The links carry the checked filters, not the spelling asked with: the answer is shared by all spellings.
  const pageUrl = (number: number) => {
    const parameters = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
      if (value !== undefined) parameters.set(name, String(value));
    }
    parameters.set('page', String(number));
    parameters.set('limit', String(limit));
    return `${base}?${parameters.toString()}`;
  };
  const last = Math.max(1, totalPages);
  const links = {
    self: pageUrl(page),
    first: pageUrl(1),
    last: pageUrl(last),
    ...(page > 1 ? { prev: pageUrl(Math.min(page - 1, last)) } : {}),
    ...(page < totalPages ? { next: pageUrl(page + 1) } : {}),
  };
  c.header(
    'Link',
    Object.entries(links)
      .filter(([rel]) => rel !== 'self')
      .map(([rel, href]) => `<${href}>; rel="${rel}"`)
      .join(', '),
  );
  return c.json({ items, page, limit, totalItems: total, totalPages, links }, 200);
}

/** `focus-areas` → `FocusAreas`, for operation ids. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `FocusAreas` → `FocusArea`, `Activities` → `Activity`: operation ids read `getFocusArea`. */
function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s')) return name.slice(0, -1);
  return name;
}
