import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { Writer } from 'n3';
import type { AppEnv } from '../../app-deps.ts';
import { renderErrorPage } from '../../web/error-page.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { cachedAnswers } from './api-cache.ts';
import { apiRateLimit } from './api-rate-limit.ts';
import {
  buildCatalogue,
  CATALOGUE_PATH,
  CATALOGUE_TURTLE_PATH,
  datasetPagePath,
} from './catalogue/catalogue-graph.ts';
import { toRdfXml } from './catalogue/rdf-xml.ts';
import { PREFIXES } from './catalogue/vocabulary.ts';
import { API_RESOURCES } from './resources.ts';

/**
 * The DCAT-AP-SE 3.0.1 data catalogue (issue 12): RDF/XML at /datasets/dcat, the address Sveriges
 * dataportal harvests from a public body by default, and the same graph as Turtle beside it; and the page
 * that tells the municipality how to point the portal here. The files are open to any origin, as the API
 * is, and go through the API's cache: an ETag, and built again only after the register has changed.
 */
export const catalogueRoutes = new Hono<AppEnv>();

const openToAll = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag'] });

/**
 * The files take no query string: each would be an entry of its own in the cache, and a build reads every
 * public record, so `?x=1`, `?x=2`, … are refused (QUALITY.md: junk is refused cheaply). A client also
 * counts against the API's limit here.
 */
const onlyThePath: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (new URL(c.req.url).search !== '') return renderErrorPage(c, 400);
  return next();
};
const limitPerClient = apiRateLimit();

// GET and the CORS preflight (OPTIONS, answered by `openToAll`), so a browser may send If-None-Match.
catalogueRoutes.on(
  ['GET', 'OPTIONS'],
  CATALOGUE_PATH,
  openToAll,
  limitPerClient,
  onlyThePath,
  cachedAnswers(),
  async (c) => {
    const graph = await buildCatalogue(c.get('deps'), c.var.t);
    return c.body(toRdfXml(graph.getQuads(null, null, null, null)), 200, {
      'Content-Type': 'application/rdf+xml; charset=utf-8',
    });
  },
);

catalogueRoutes.on(
  ['GET', 'OPTIONS'],
  CATALOGUE_TURTLE_PATH,
  openToAll,
  limitPerClient,
  onlyThePath,
  cachedAnswers(),
  async (c) => {
    const graph = await buildCatalogue(c.get('deps'), c.var.t);
    const writer = new Writer({ prefixes: PREFIXES });
    writer.addQuads(graph.getQuads(null, null, null, null));
    const turtle = await new Promise<string>((resolve, reject) =>
      writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
    );
    return c.body(turtle, 200, { 'Content-Type': 'text/turtle; charset=utf-8' });
  },
);

catalogueRoutes.get('/oppna-data/dataportalen', publicPage({ feedback: true }), (c) => {
  const t = c.var.t;
  const words = t.openDataCatalogue.page;
  const { baseUrl, openDataContactEmail } = c.get('deps').config;
  const address = `${baseUrl}${CATALOGUE_PATH}`;
  return renderPage(c, {
    title: words.title,
    feedback: true,
    children: (
      <>
        <h1>{words.title}</h1>
        <p>{words.intro}</p>
        <h2>{words.addressHeading}</h2>
        <p>{words.addressText}</p>
        <p>
          <a href={address}>
            <code>{address}</code>
          </a>
        </p>
        <p>
          {words.turtleText}{' '}
          <a href={`${baseUrl}${CATALOGUE_TURTLE_PATH}`}>
            <code>{`${baseUrl}${CATALOGUE_TURTLE_PATH}`}</code>
          </a>
        </p>
        <h2>{words.stepsHeading}</h2>
        <ol>
          {words.steps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
        <h2>{words.contentHeading}</h2>
        <p>{words.contentText(API_RESOURCES.length)}</p>
        <h3>{words.datasetsHeading}</h3>
        <ul>
          {API_RESOURCES.map((resource) => (
            <li>
              <a href={datasetPagePath(resource.name)}>{resource.texts(t).title}</a>
            </li>
          ))}
        </ul>
        <h2>{words.updatesHeading}</h2>
        <p>{words.updatesText}</p>
        <h2>{words.validationHeading}</h2>
        <p>{words.validationText}</p>
        <h2>{words.contactHeading}</h2>
        <p>
          {words.contactText} <a href={`mailto:${openDataContactEmail}`}>{openDataContactEmail}</a>
        </p>
      </>
    ),
  });
});
