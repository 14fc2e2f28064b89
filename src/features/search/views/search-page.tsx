import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { groupPath, organisationPath } from '../../../web/components/register-links.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { MATCH_END, MATCH_START, SEARCH_PAGE_SIZE, type SearchHit } from '../search.queries.ts';

type Props = { query: string; page: number; hits: SearchHit[]; error?: string };

export function SearchPage({ query, page, hits, error }: Props) {
  const t = useT();
  const total = hits[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  return (
    <>
      <h1>{t.search.title}</h1>
      {error ? (
        <ErrorSummary title={t.search.errorSummary} errors={[{ field: 'sok-q', message: error }]} />
      ) : null}
      <form action="/sok" method="get" class="search-form" novalidate>
        <div class={error ? 'field field-error' : 'field'}>
          <label for="sok-q">{t.search.label}</label>
          {error ? (
            <p id="sok-q-error" class="error-message">
              {error}
            </p>
          ) : null}
          <input
            id="sok-q"
            name="q"
            type="search"
            value={query}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'sok-q-error' : undefined}
          />
        </div>
        <button type="submit">{t.search.button}</button>
      </form>
      {error ? null : query === '' ? (
        <p>{t.search.empty}</p>
      ) : hits.length === 0 && page > 1 ? (
        <p role="status">
          {t.search.beyondLastPage}{' '}
          <a href={`/sok?${new URLSearchParams({ q: query })}`}>{t.search.firstPage}</a>
        </p>
      ) : hits.length === 0 ? (
        <p role="status">{t.search.noResults(query)}</p>
      ) : (
        <>
          <p role="status">{t.search.resultsFor(query, total)}</p>
          <ol class="search-results" start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
            {hits.map((hit) => (
              <li>
                <p class="meta">{t.search.types[hit.type]}</p>
                <h2>
                  <a href={pathOf(hit)}>{highlight(hit.title)}</a> <DemoLabel show={hit.isDemo} />
                </h2>
                {hit.snippet ? <p>{highlight(hit.snippet)}</p> : null}
              </li>
            ))}
          </ol>
          <Pagination
            label={t.search.pagination}
            page={page}
            pages={pages}
            href={(to) => `/sok?${new URLSearchParams({ q: query, sida: String(to) })}`}
          />
        </>
      )}
    </>
  );
}

/** Turns the headline's match marks into <mark>; every piece of text stays escaped. */
function highlight(text: string): Child[] {
  const parts: Child[] = [];
  for (const [index, piece] of text.split(MATCH_START).entries()) {
    if (index === 0) {
      parts.push(piece);
      continue;
    }
    const [matched = '', rest = ''] = piece.split(MATCH_END);
    parts.push(<mark>{matched}</mark>, rest);
  }
  return parts;
}

function pathOf(hit: SearchHit): string {
  switch (hit.type) {
    case 'organisation':
      return organisationPath(hit);
    case 'agreement':
      return `/avtal/${hit.slug}`;
    case 'group':
      // Groups with a page of their own are not searched as groups (their page is found instead).
      return groupPath({ slug: hit.slug, siteRole: null });
    case 'activity':
      return `/aktiviteter/${hit.slug}`;
    case 'page':
      return hit.slug;
    case 'brief':
      return `/behovsbanken/${hit.slug}`;
    case 'decision':
      return `/beslut/${hit.slug}`;
  }
}
