import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { ADMIN_PAGE_SIZE, type findPeople } from '../admin.queries.ts';
import { AdminNav } from './admin-nav.tsx';

type Props = {
  query: string;
  page: number;
  result: Awaited<ReturnType<typeof findPeople>>;
  error?: string;
};

export function PeopleList({ query, page, result, error }: Props) {
  const t = useT();
  const text = t.admin.people;
  const pages = Math.max(1, Math.ceil(result.total / ADMIN_PAGE_SIZE));
  return (
    <>
      <h1>{text.title}</h1>
      <AdminNav current="/admin" />
      {error ? (
        <ErrorSummary title={t.admin.errorSummary} errors={[{ field: 'sok-person', message: error }]} />
      ) : null}
      <search>
        <form action="/admin" method="get" class="search-form" novalidate>
          <TextField
            id="sok-person"
            name="q"
            type="search"
            label={text.searchLabel}
            value={query}
            error={error}
            maxlength={200}
          />
          <button type="submit">{text.searchButton}</button>
        </form>
      </search>
      {query ? (
        <p>
          <a href="/admin">{text.clearSearch}</a>
        </p>
      ) : null}
      {error ? null : result.people.length === 0 ? (
        <p role="status">
          {page > 1 ? (
            <a href={`/admin?${new URLSearchParams(query ? { q: query } : {})}`}>{text.beyondLastPage}</a>
          ) : query ? (
            text.noMatch(query)
          ) : (
            text.none
          )}
        </p>
      ) : (
        <>
          <section class="table-scroll" aria-labelledby="people-caption" tabindex={0}>
            <table>
              <caption id="people-caption">
                {query ? text.captionFor(query, result.total) : text.caption(result.total)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.email}</th>
                  <th scope="col">{text.organisations}</th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.lastSignIn}</th>
                </tr>
              </thead>
              <tbody>
                {result.people.map((person) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/personer/${person.id}`}>{person.name || t.admin.unnamed}</a>
                    </th>
                    <td>{person.email ?? '–'}</td>
                    <td>
                      {person.memberships.length === 0 ? (
                        '–'
                      ) : (
                        <ul class="plain">
                          {person.memberships.map((membership) => (
                            <li>
                              {membership.organisation.name}: {t.auth.roles[membership.role]}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{person.disabledAt ? t.admin.disabled : t.admin.active}</td>
                    <td>{person.lastSignInAt ? formatDateTime(person.lastSignInAt) : t.admin.never}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            label={text.pagination}
            page={page}
            pages={pages}
            href={(to) =>
              `/admin?${new URLSearchParams({ ...(query ? { q: query } : {}), sida: String(to) })}`
            }
          />
        </>
      )}
    </>
  );
}
