import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from '../../app-deps.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { problemResponse } from '../../web/problem.ts';
import { answerThroughCache } from './api-cache.ts';
import { apiRateLimit } from './api-rate-limit.ts';
import { API_BASE_PATH, createApiHono, registerResourceRoutes } from './api-routes.ts';
import { dateField, urlField } from './api-schemas.ts';
import { API_RESOURCES } from './resources.ts';

/** The API's version (semantic); its major number is the `v1` in the path. */
export const API_VERSION = '1.0.0';
/** The day version 1 was published (api-info's apiReleased). */
export const API_RELEASED = '2026-11-30';
/**
 * CC0 1.0 (decision 018), one IRI everywhere: the form Sveriges dataportal's licence list has (http, with
 * the closing slash), so the API document, the files and the catalogue name the licence alike.
 */
export const CC0_URL = 'http://creativecommons.org/publicdomain/zero/1.0/';

/**
 * The open API at /api/v1 (issue 12, decision 017): read-only, the same for everyone, open to any origin
 * (CORS for GET), limited per client, cached with ETags, described by the OpenAPI 3.1 document it serves.
 */
export function createOpenApi(deps: AppDeps, t: Messages): OpenAPIHono<AppEnv> {
  const { baseUrl } = deps.config;
  const api = createApiHono();
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Link', 'Retry-After', 'X-Request-Id'],
      maxAge: 86_400,
    }),
  );
  api.use('*', apiRateLimit());
  registerResourceRoutes(api, t, baseUrl, API_RESOURCES);
  registerApiInfo(api, t, baseUrl);

  // Made on first use (every route is registered by then) and kept: it changes only with the code.
  let made: ReturnType<typeof openApiDocument> | undefined;
  const describe = () => {
    made ??= openApiDocument(api, t, deps);
    return made;
  };
  documents.set(deps, describe);
  let document: string | undefined;
  api.get('/openapi.json', (c) =>
    answerThroughCache(c, c.req.path, async () => {
      document ??= JSON.stringify(describe());
      return c.body(document, 200, { 'Content-Type': 'application/json' });
    }),
  );
  // Only reading: anything else is 405 with the methods there are.
  api.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', (c) => {
    c.header('Allow', 'GET, HEAD, OPTIONS');
    return problemResponse(c, 405);
  });
  return api;
}

function registerApiInfo(api: OpenAPIHono<AppEnv>, t: Messages, baseUrl: string) {
  const words = t.openData.schemas.apiInfo;
  const example = {
    apiName: t.openData.api.name,
    apiVersion: API_VERSION,
    apiReleased: API_RELEASED,
    apiDocumentation: `${baseUrl}/oppna-data/api`,
    apiStatus: 'active' as const,
    openApiDocument: `${baseUrl}${API_BASE_PATH}/openapi.json`,
    catalogue: `${baseUrl}/datasets/dcat`,
  };
  const schema = z
    .object({
      apiName: z.string().openapi({ description: words.apiName }),
      apiVersion: z.string().openapi({ description: words.apiVersion }),
      apiReleased: dateField(words.apiReleased),
      apiDocumentation: urlField(words.apiDocumentation),
      apiStatus: z.enum(['active', 'deprecated']).openapi({ description: words.apiStatus }),
      openApiDocument: urlField(words.openApiDocument),
      catalogue: urlField(words.catalogue),
    })
    .openapi('ApiInfo');
  const route = createRoute({
    method: 'get',
    path: '/api-info',
    operationId: 'getApiInfo',
    tags: [t.openData.api.tagMeta],
    summary: t.openData.api.apiInfoSummary,
    description: t.openData.api.apiInfoDescription,
    responses: {
      200: {
        description: t.openData.api.apiInfoSummary,
        content: { 'application/json': { schema, example } },
      },
    },
  });
  api.openapi(route, (c) => c.json(example, 200));

  const documentRoute = createRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: [t.openData.api.tagMeta],
    summary: t.openData.api.openApiSummary,
    description: t.openData.api.openApiDescription,
    responses: {
      200: {
        description: t.openData.api.openApiSummary,
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });
  // Only described here: the document is served by the plain route above (it describes itself).
  api.openAPIRegistry.registerPath(documentRoute);
}

const documents = new WeakMap<AppDeps, () => ReturnType<typeof openApiDocument>>();

/**
 * The OpenAPI document of the app made with these deps: the dataset pages and downloads read the column
 * descriptions from it, so the words of the API and of the files are the same.
 */
export function openApiDocumentFor(deps: AppDeps): ReturnType<typeof openApiDocument> {
  const make = documents.get(deps);
  if (!make) throw new Error('the open API is made by createApp');
  return make();
}

/** The OpenAPI 3.1 document, made from the same Zod schemas that shape and check the answers. */
export function openApiDocument(api: OpenAPIHono<AppEnv>, t: Messages, deps: AppDeps) {
  const { baseUrl, openDataContactEmail, apiRateLimitPerMinute } = deps.config;
  const words = t.openData.api;
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: words.name,
      version: API_VERSION,
      description: [words.description, words.serviceLevel, words.limits(apiRateLimitPerMinute)].join('\n\n'),
      contact: { name: words.contactName, email: openDataContactEmail, url: `${baseUrl}/oppna-data/api` },
      license: { name: words.licenceName, url: CC0_URL },
    },
    servers: [{ url: `${baseUrl}${API_BASE_PATH}` }],
    tags: [{ name: words.tagRegister }, { name: words.tagMeta }],
    externalDocs: { url: `${baseUrl}/oppna-data/api`, description: words.name },
  });
}
