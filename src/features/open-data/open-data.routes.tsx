import { create as contentDisposition } from 'content-disposition';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from '../../app-deps.ts';
import { renderErrorPage } from '../../web/error-page.tsx';
import type { Messages } from '../../web/i18n/messages.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { CC0_URL, openApiDocumentFor } from './api-app.ts';
import { cachedAnswers } from './api-cache.ts';
import { apiRateLimit } from './api-rate-limit.ts';
import type { ApiResource } from './api-resource.ts';
import { API_BASE_PATH } from './api-routes.ts';
import {
  datasetFields,
  type OpenApiDocumentLike,
  type SchemaNode,
  schemaProperties,
} from './dataset-fields.ts';
import { type DownloadFormat, datasetCsv, datasetJson, datasetPath, downloadFileName } from './downloads.ts';
import { API_RESOURCES } from './resources.ts';
import {
  ApiGuide,
  DatasetPage,
  type OpenDataLinks,
  OpenDataOverview,
  type ParameterRow,
  type ResourceEndpoints,
} from './views/open-data-pages.tsx';

/**
 * The open data for people and for spreadsheets (issue 12, items 3 and 4): /oppna-data with every dataset,
 * the API guide, a page per dataset with every field described, and each dataset as CSV and JSON. All of
 * it is made from the registry API_RESOURCES and the OpenAPI document the API serves, so a new resource
 * gets its page, its files and its place in the guide without a line here.
 */
export const openDataRoutes = new Hono<AppEnv>();

function linksFor(deps: AppDeps): OpenDataLinks {
  return { apiBase: `${deps.config.baseUrl}${API_BASE_PATH}`, datasetPath };
}

function resourceNamed(name: string): ApiResource | undefined {
  return API_RESOURCES.find((resource) => resource.name === name);
}

openDataRoutes.get('/oppna-data', publicPage(), (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  return renderPage(c, {
    title: t.openDataPages.overview.title,
    children: (
      <OpenDataOverview
        datasets={API_RESOURCES.map((resource) => ({ name: resource.name, ...resource.texts(t) }))}
        links={linksFor(deps)}
        contactEmail={deps.config.openDataContactEmail}
        cc0Url={CC0_URL}
      />
    ),
  });
});

openDataRoutes.get('/oppna-data/api', publicPage(), (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const document = openApiDocumentFor(deps) as OpenApiDocumentLike;
  const problems = Object.entries(t.openData.problems.byStatus).map(([status, words]) => ({
    status: Number(status),
    title: words.title,
  }));
  return renderPage(c, {
    title: t.openDataPages.guide.title,
    children: (
      <ApiGuide
        links={linksFor(deps)}
        perMinute={deps.config.apiRateLimitPerMinute}
        serviceLevel={[t.openData.api.serviceLevel, t.openData.api.limits(deps.config.apiRateLimitPerMinute)]}
        problems={problems}
        resources={API_RESOURCES.map((resource) => endpointsOf(t, document, resource))}
      />
    ),
  });
});

/**
 * The bulk downloads: `<name>.csv` and `<name>.json` for every resource, through the API's cache (ETag,
 * 304, rebuilt after every public change). Registered before the dataset pages, whose names have no dot.
 * A query string is refused (400): nothing reads one, and each would be a cache entry of its own.
 */
const DOWNLOAD_PATH = '/oppna-data/datamangder/:file{[a-z0-9-]+\\.[a-z]+}';

function downloadOf(c: Context<AppEnv>): { resource: ApiResource; format: DownloadFormat } | undefined {
  const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(c.req.param('file') ?? '');
  const resource = match?.[1] ? resourceNamed(match[1]) : undefined;
  return resource && match ? { resource, format: match[2] as DownloadFormat } : undefined;
}

const downloadHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const download = downloadOf(c);
  if (!download) return renderErrorPage(c, 404);
  if (new URL(c.req.url).search !== '') return renderErrorPage(c, 400);
  c.header(
    'Content-Disposition',
    contentDisposition(downloadFileName(download.resource.name, download.format)),
  );
  return next();
};

/** Open to any origin, with the CORS preflight a browser sends before If-None-Match, as the API is. */
const openToAll = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag'] });

openDataRoutes.on(
  ['GET', 'OPTIONS'],
  DOWNLOAD_PATH,
  openToAll,
  apiRateLimit(),
  downloadHeaders,
  cachedAnswers(),
  async (c) => {
    const download = downloadOf(c);
    if (!download) return renderErrorPage(c, 404);
    const { resource, format } = download;
    const deps = c.get('deps');
    const { items } = await resource.list(deps, { filters: {}, limit: null, offset: 0 });
    if (format === 'json') {
      const page = `${deps.config.baseUrl}${datasetPath(resource.name)}`;
      return c.body(datasetJson(page, items), 200, { 'Content-Type': 'application/json; charset=utf-8' });
    }
    const columns = Object.keys(
      schemaProperties(openApiDocumentFor(deps) as OpenApiDocumentLike, resource.schemaName),
    );
    return c.body(datasetCsv(columns, items as unknown as Record<string, unknown>[]), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  },
);

openDataRoutes.get('/oppna-data/datamangder/:name{[a-z0-9-]+}', publicPage(), (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const resource = resourceNamed(c.req.param('name'));
  if (!resource) return renderErrorPage(c, 404);
  const texts = resource.texts(t);
  const document = openApiDocumentFor(deps) as OpenApiDocumentLike;
  return renderPage(c, {
    title: texts.title,
    children: (
      <DatasetPage
        name={resource.name}
        {...texts}
        frequency={resource.dataset.accrualPeriodicity}
        fields={datasetFields(t, document, resource.schemaName)}
        links={linksFor(deps)}
        cc0Url={CC0_URL}
      />
    ),
  });
});

type OperationLike = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; description?: string; schema?: ParameterSchema }[];
};
type ParameterSchema = SchemaNode & {
  minimum?: number;
  maximum?: number;
  default?: unknown;
  pattern?: string;
};

/** A resource's two endpoints as the OpenAPI document has them: the guide cannot say other than the API. */
function endpointsOf(t: Messages, document: OpenApiDocumentLike, resource: ApiResource): ResourceEndpoints {
  const operation = (path: string): ResourceEndpoints['list'] => {
    const found = (document.paths?.[path] as { get?: OperationLike } | undefined)?.get;
    if (!found) throw new Error(`the OpenAPI document has no GET ${path}`);
    return {
      path: `${API_BASE_PATH}${path}`,
      summary: found.summary ?? '',
      description: found.description ?? '',
      parameters: (found.parameters ?? []).map(
        (parameter): ParameterRow => ({
          name: parameter.name,
          where: parameter.in === 'path' ? 'path' : 'query',
          description: parameter.description ?? parameter.schema?.description ?? '',
          values: valuesOf(t, parameter.name, parameter.schema),
        }),
      ),
    };
  };
  return {
    name: resource.name,
    title: resource.texts(t).title,
    description: resource.texts(t).description,
    list: operation(`/${resource.name}`),
    item: operation(`/${resource.name}/{id}`),
  };
}

/** What a parameter takes, in a few words: its values, its range and default, or its form. */
function valuesOf(t: Messages, name: string, schema: ParameterSchema | undefined): string {
  const words = t.openDataPages.parameterValues;
  if (!schema) return '';
  if (schema.enum) return schema.enum.map(String).join(', ');
  const parts: string[] = [];
  if (schema.type === 'integer') {
    parts.push(words.integer);
    if (schema.minimum !== undefined && schema.maximum !== undefined)
      parts.push(words.range(schema.minimum, schema.maximum));
  } else if (schema.pattern) parts.push(words.slug);
  else if (name === 'updatedSince') parts.push(words.time);
  else parts.push(words.text);
  if (schema.default !== undefined) parts.push(words.default(String(schema.default)));
  return parts.join(', ');
}
