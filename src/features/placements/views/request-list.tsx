import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import { placementRequestStatuses } from '../placements.table.ts';
import type { RequestListRow } from '../requests.queries.ts';
import { PlacementNav } from './placement-nav.tsx';
import { RequestStatusTag } from './request-parts.tsx';

/** The request list with its filters (term, status), newest first. */
export function RequestList(props: {
  rows: RequestListRow[];
  term: string | undefined;
  status: string | undefined;
  mayAllocate: boolean;
}) {
  const t = useT();
  const text = t.placementRequests;
  return (
    <>
      <h1>{text.list.title}</h1>
      <PlacementNav current="requests" />
      <p>{text.list.intro}</p>
      {props.mayAllocate ? (
        <p>
          <a href="/praktik/fordelning">{text.list.allocationLink}</a>
        </p>
      ) : null}
      <form method="get" action="/praktik/forfragningar" class="inline-form" aria-label={text.filtersLabel}>
        <div class="field">
          <label for="termin">{text.fields.term}</label>
          <input id="termin" name="termin" type="text" value={props.term ?? ''} maxlength={6} />
        </div>
        <div class="field">
          <label for="status">{text.fields.status}</label>
          <select id="status" name="status">
            <option value="">{text.anyStatus}</option>
            {placementRequestStatuses.map((status) => (
              <option value={status} selected={props.status === status}>
                {text.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{text.filter}</button>
      </form>
      {props.rows.length === 0 ? (
        <p>{text.list.none}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="forfragningar-caption" tabindex={0}>
          <table>
            <caption id="forfragningar-caption">{text.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.list.number}</th>
                <th scope="col">{text.list.institution}</th>
                <th scope="col">{text.list.unit}</th>
                <th scope="col">{text.list.programme}</th>
                <th scope="col">{text.list.term}</th>
                <th scope="col">{text.list.places}</th>
                <th scope="col">{text.list.status}</th>
                <th scope="col">{text.list.sent}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>
                    <a href={`/praktik/forfragningar/${row.id}`}>{row.id}</a>
                  </td>
                  <td>{row.universityName}</td>
                  <td>{row.unitName}</td>
                  <td>{row.programme}</td>
                  <td>{row.term}</td>
                  <td>{row.places}</td>
                  <td>
                    <RequestStatusTag status={row.status} />
                  </td>
                  <td>{formatDateTime(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
