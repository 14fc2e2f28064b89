import { useT } from '../../../web/i18n/context.ts';
import type { Frequency } from '../api-resource.ts';
import type { FieldRow } from '../dataset-fields.ts';

/** A dataset as the overview lists it. */
export type DatasetSummary = { name: string; title: string; description: string };

/** The addresses every page links to, all relative to the site except where a client needs them whole. */
export type OpenDataLinks = {
  /** The API's base address, absolute (what a client puts in front of /agreements). */
  apiBase: string;
  datasetPath: (name: string) => string;
};

/** /oppna-data: what there is, the licence, every dataset with its files, the API, the catalogue, contact. */
export function OpenDataOverview(props: {
  datasets: DatasetSummary[];
  links: OpenDataLinks;
  contactEmail: string;
  cc0Url: string;
}) {
  const t = useT().openDataPages.overview;
  const { datasets, links } = props;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <h2>{t.licenceHeading}</h2>
      <p>{t.licence}</p>
      <p>
        <a href={props.cc0Url} hreflang="en">
          {t.licenceLink}
        </a>
      </p>
      <p>{t.personalData}</p>

      <h2>{t.datasetsHeading}</h2>
      <p>{t.datasetsIntro}</p>
      <ul>
        {datasets.map((dataset) => {
          const path = links.datasetPath(dataset.name);
          const hidden = <span class="visually-hidden">{t.ofDataset(dataset.title)}</span>;
          return (
            <li>
              <h3>
                <a href={path}>{dataset.title}</a>
              </h3>
              <p>{dataset.description}</p>
              <p>
                <a href={`${path}.csv`}>
                  {t.csv}
                  {hidden}
                </a>
                {' · '}
                <a href={`${path}.json`}>
                  {t.json}
                  {hidden}
                </a>
                {' · '}
                <a href={`${links.apiBase}/${dataset.name}`}>
                  {t.api}
                  {hidden}
                </a>
                {' · '}
                <a href={path}>
                  {t.aboutDataset}
                  {hidden}
                </a>
              </p>
            </li>
          );
        })}
      </ul>

      <h2>{t.apiHeading}</h2>
      <p>{t.apiText}</p>
      <ul>
        <li>
          <a href="/oppna-data/api">{t.apiGuide}</a>
        </li>
        <li>
          <a href="/api/v1/openapi.json">{t.openApi}</a>
        </li>
        <li>
          <a href="/api/v1/api-info">{t.apiInfo}</a>
        </li>
      </ul>

      <h2>{t.catalogueHeading}</h2>
      <p>{t.catalogueText}</p>
      <ul>
        <li>
          <a href="/datasets/dcat">{t.catalogueRdf}</a>
        </li>
        <li>
          <a href="/datasets/dcat.ttl">{t.catalogueTurtle}</a>
        </li>
        <li>
          <a href="/oppna-data/dataportalen">{t.cataloguePortal}</a>
        </li>
      </ul>

      <h2>{t.contactHeading}</h2>
      <p>
        {t.contact} <a href={`mailto:${props.contactEmail}`}>{props.contactEmail}</a>
      </p>
    </>
  );
}

/** One query or path parameter of an endpoint, as the OpenAPI document describes it. */
export type ParameterRow = { name: string; where: 'query' | 'path'; description: string; values: string };

/** One resource's two endpoints in the guide. */
export type ResourceEndpoints = {
  name: string;
  title: string;
  description: string;
  list: { path: string; summary: string; description: string; parameters: ParameterRow[] };
  item: { path: string; summary: string; description: string; parameters: ParameterRow[] };
};

/** /oppna-data/api: the guide, with a section per error status (the API's `type` URIs point at them). */
export function ApiGuide(props: {
  links: OpenDataLinks;
  perMinute: number;
  serviceLevel: string[];
  problems: { status: number; title: string }[];
  resources: ResourceEndpoints[];
}) {
  const all = useT().openDataPages;
  const t = all.guide;
  const base = props.links.apiBase;
  const sections = [
    ['adress', t.baseHeading],
    ['konventioner', t.conventionsHeading],
    ['sidor', t.pagingHeading],
    ['filter', t.filtersHeading],
    ['cachning', t.cachingHeading],
    ['begransning', t.rateHeading],
    ['fel', t.errorsHeading],
    ['versioner', t.versionsHeading],
    ['tjanseniva', t.serviceHeading],
    ['exempel', t.examplesHeading],
    ['resurser', t.resourcesHeading],
  ] as const;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <nav aria-labelledby="guide-contents">
        <h2 id="guide-contents">{t.contentsLabel}</h2>
        <ul>
          {sections.map(([id, heading]) => (
            <li>
              <a href={`#${id}`}>{heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="adress">{t.baseHeading}</h2>
      <p>{t.baseText}</p>
      <pre class="code-example">
        <code>{base}</code>
      </pre>
      <p>{t.documentText}</p>
      <ul>
        <li>
          <a href="/api/v1/openapi.json">{`${base}/openapi.json`}</a>
        </li>
        <li>
          <a href="/api/v1/api-info">{`${base}/api-info`}</a>
        </li>
      </ul>

      <h2 id="konventioner">{t.conventionsHeading}</h2>
      <ul>
        {t.conventions.map((rule) => (
          <li>{rule}</li>
        ))}
      </ul>

      <h2 id="sidor">{t.pagingHeading}</h2>
      <ul>
        {t.paging.map((rule) => (
          <li>{rule}</li>
        ))}
      </ul>

      <h2 id="filter">{t.filtersHeading}</h2>
      <p>{t.filters}</p>
      <p>{t.harvest}</p>

      <h2 id="cachning">{t.cachingHeading}</h2>
      <p>{t.caching}</p>

      <h2 id="begransning">{t.rateHeading}</h2>
      <p>{t.rate(props.perMinute)}</p>

      <h2 id="fel">{t.errorsHeading}</h2>
      <p>{t.errorsIntro}</p>
      {props.problems.map((problem) => (
        <section id={`fel-${problem.status}`} aria-labelledby={`fel-${problem.status}-rubrik`}>
          <h3 id={`fel-${problem.status}-rubrik`}>{t.errorHeading(problem.status, problem.title)}</h3>
          <p>{t.errorExplanations[problem.status as keyof typeof t.errorExplanations]}</p>
        </section>
      ))}

      <h2 id="versioner">{t.versionsHeading}</h2>
      <p>{t.versions}</p>

      <h2 id="tjanseniva">{t.serviceHeading}</h2>
      {props.serviceLevel.map((text) => (
        <p>{text}</p>
      ))}

      <h2 id="exempel">{t.examplesHeading}</h2>
      {t.examples.map((example) => (
        <>
          <p>{example.text}</p>
          <pre class="code-example">
            <code>{`curl '${base}${example.path}'`}</code>
          </pre>
        </>
      ))}
      <p>{t.conditionalExample}</p>
      <pre class="code-example">
        <code>{`curl -i -H 'If-None-Match: "ETag-värdet"' '${base}/agreements'`}</code>
      </pre>

      <h2 id="resurser">{t.resourcesHeading}</h2>
      <p>{t.resourcesIntro}</p>
      {props.resources.map((resource) => (
        <section aria-labelledby={`resurs-${resource.name}`}>
          <h3 id={`resurs-${resource.name}`}>
            {resource.title} <code>/{resource.name}</code>
          </h3>
          <p>{resource.description}</p>
          <Endpoint
            id={`${resource.name}-lista`}
            heading={t.listEndpoint}
            base={base}
            endpoint={resource.list}
          />
          <Endpoint
            id={`${resource.name}-post`}
            heading={t.itemEndpoint}
            base={base}
            endpoint={resource.item}
          />
          <p>
            <a href={`${props.links.datasetPath(resource.name)}#falt`}>{t.fieldsLink(resource.title)}</a>
          </p>
        </section>
      ))}
    </>
  );
}

function Endpoint(props: { id: string; heading: string; base: string; endpoint: ResourceEndpoints['list'] }) {
  const t = useT().openDataPages.guide;
  const { endpoint } = props;
  const captionId = `${props.id}-parametrar`;
  return (
    <>
      <h4>
        {props.heading}: <code>GET {endpoint.path}</code>
      </h4>
      <p>{endpoint.description}</p>
      <section class="table-scroll" aria-labelledby={captionId} tabindex={0}>
        <table>
          <caption id={captionId}>{t.parametersCaption(endpoint.path)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.parameter}</th>
              <th scope="col">{t.where}</th>
              <th scope="col">{t.description}</th>
              <th scope="col">{t.values}</th>
            </tr>
          </thead>
          <tbody>
            {endpoint.parameters.map((parameter) => (
              <tr>
                <th scope="row">
                  <code>{parameter.name}</code>
                </th>
                <td>{parameter.where === 'path' ? t.inPath : t.inQuery}</td>
                <td>{parameter.description}</td>
                <td>{parameter.values}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** /oppna-data/datamangder/<name>: one dataset, its files, its endpoint and every field. */
export function DatasetPage(props: {
  name: string;
  title: string;
  description: string;
  keywords: string[];
  frequency: Frequency;
  fields: FieldRow[];
  links: OpenDataLinks;
  cc0Url: string;
}) {
  const t = useT().openDataPages.dataset;
  const path = props.links.datasetPath(props.name);
  const listUrl = `${props.links.apiBase}/${props.name}`;
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.description}</p>
      <dl>
        <dt>{t.keywords}</dt>
        <dd>{props.keywords.join(', ')}</dd>
        <dt>{t.frequency}</dt>
        <dd>{t.frequencies[props.frequency]}</dd>
        <dt>{t.licence}</dt>
        <dd>
          <a href={props.cc0Url} hreflang="en">
            {t.licenceText}
          </a>
        </dd>
      </dl>

      <h2>{t.downloadsHeading}</h2>
      <p>{t.downloadsText}</p>
      <ul>
        <li>
          <a href={`${path}.csv`}>{t.csvLink}</a>
        </li>
        <li>
          <a href={`${path}.json`}>{t.jsonLink}</a>
        </li>
      </ul>

      <h2>{t.apiHeading}</h2>
      <p>{t.apiText}</p>
      <pre class="code-example">
        <code>GET {listUrl}</code>
      </pre>
      <p>
        <a href={`/oppna-data/api#resurs-${props.name}`}>{t.apiGuide}</a>
      </p>

      <h2 id="falt">{t.fieldsHeading}</h2>
      <p>{t.fieldsIntro}</p>
      <section class="table-scroll" aria-labelledby="falt-tabell" tabindex={0}>
        <table>
          <caption id="falt-tabell">{t.fieldsCaption(props.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.description}</th>
              <th scope="col">{t.inCsv}</th>
            </tr>
          </thead>
          <tbody>
            {props.fields.map((field) => (
              <tr>
                <th scope="row">
                  <code>{field.path}</code>
                </th>
                <td>{field.type}</td>
                <td>{field.description}</td>
                <td>{field.csv}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h2>{t.csvHeading}</h2>
      <ul>
        {t.csvRules.map((rule) => (
          <li>{rule}</li>
        ))}
      </ul>
    </>
  );
}
