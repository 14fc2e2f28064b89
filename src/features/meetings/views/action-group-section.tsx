import { formatDate } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { ActionListRow } from '../actions.queries.ts';
import { actionPath, OVERDUE_PATH } from '../actions.service.ts';

/**
 * The "Uppdrag" section of a group's internal page: its open actions (findOpenActionsOfGroup with
 * publicOnly false), overdue first, and how many are overdue.
 */
export function GroupActionsSection(props: {
  actions: (ActionListRow & { overdue: boolean })[];
  showOverdueLink: boolean;
}) {
  const t = useT();
  const text = t.minutes.actions;
  const overdue = props.actions.filter((action) => action.overdue).length;
  return (
    <section>
      <h2>{text.groupSection}</h2>
      <p>{text.groupOpen(props.actions.length, overdue)}</p>
      {props.actions.length > 0 ? (
        <ul>
          {props.actions.map((action) => (
            <li>
              <a href={actionPath(action.id)}>{action.title}</a>
              {action.dueOn ? `, ${text.due.toLowerCase()} ${formatDate(action.dueOn)}` : ''}
              {action.overdue ? <strong class="tag"> {t.minutes.overdue}</strong> : null}
              {`, ${text.statuses[action.status].toLowerCase()}`}
            </li>
          ))}
        </ul>
      ) : null}
      {props.showOverdueLink ? (
        <p>
          <a href={OVERDUE_PATH}>{text.toOverdue}</a>
        </p>
      ) : null}
    </section>
  );
}
