import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import { daysOverdue } from '../action-status.ts';
import { actionPath, type loadOverdue, OVERDUE_PATH } from '../actions.service.ts';

/** Every group's overdue actions in one table, for the coordinators, with a filter by group. */
export function OverduePage(props: {
  loaded: Awaited<ReturnType<typeof loadOverdue>>;
  groupId: number | null;
}) {
  const t = useT();
  const text = t.minutes.actions;
  const { rows, groups, today } = props.loaded;
  return (
    <>
      <h1>{text.overdueTitle}</h1>
      <p class="lead">{text.overdueLead}</p>
      <form method="get" action={OVERDUE_PATH} class="filter">
        <label for="grupp">{text.group}</label>
        <select id="grupp" name="grupp">
          <option value="">{text.allGroups}</option>
          {groups.map((group) => (
            <option value={String(group.id)} selected={props.groupId === group.id}>
              {group.name}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {text.filter}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{text.noOverdue}</p>
      ) : (
        <div class="table-scroll table-stack">
          <table>
            <caption>{text.overdueCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.group}</th>
                <th scope="col">{text.title}</th>
                <th scope="col">{text.owner}</th>
                <th scope="col">{text.due}</th>
                <th scope="col">{text.daysOverdue}</th>
                <th scope="col">{text.lastUpdate}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{row.groupName}</td>
                  <th scope="row">
                    <a href={actionPath(row.id)}>{row.title}</a>
                  </th>
                  <td>
                    {[row.ownerPersonName, row.ownerOrganisationName].filter(Boolean).join(', ') || '–'}
                  </td>
                  <td>{row.dueOn ? formatDate(row.dueOn) : '–'}</td>
                  <td>{row.dueOn ? daysOverdue(row.dueOn, today) : '–'}</td>
                  <td>
                    {text.statuses[row.status]}
                    {row.statusNote ? `: ${row.statusNote}` : ''}
                    {row.statusChangedAt ? ` (${formatDateTime(row.statusChangedAt)})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
