import { formatDate } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import { type ActionListRow, isOverdue } from '../actions.queries.ts';

/**
 * The open actions from the group's earlier meetings, overdue first, as the "Uppföljning av uppdrag" item
 * shows them (findActionsForFollowUp). `publicOnly`: on a public page only public actions whose meeting's
 * minutes are approved and public; links to the actions' pages only for signed-in views.
 */
export function FollowUpActions(props: {
  actions: ActionListRow[];
  today: string;
  publicOnly: boolean;
  headingLevel?: 'h3' | 'h4';
}) {
  const t = useT();
  const text = t.minutes.followUp;
  const shown = props.publicOnly
    ? props.actions.filter(
        (action) =>
          action.visibility === 'public' &&
          action.meetingVisibility === 'public' &&
          action.meetingMinutesStatus === 'approved',
      )
    : props.actions;
  const Heading = props.headingLevel ?? 'h3';
  return (
    <section class="follow-up-actions">
      <Heading>{text.heading}</Heading>
      {shown.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <div class="table-scroll table-stack">
          <table>
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.action}</th>
                <th scope="col">{text.owner}</th>
                <th scope="col">{text.due}</th>
                <th scope="col">{text.status}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((action) => (
                <tr>
                  <th scope="row">
                    {props.publicOnly ? action.title : <a href={`/uppdrag/${action.id}`}>{action.title}</a>}
                    {!props.publicOnly && action.visibility === 'internal' ? (
                      <span class="tag">{t.minutes.internal}</span>
                    ) : null}
                  </th>
                  <td>
                    {[action.ownerPersonName, action.ownerOrganisationName].filter(Boolean).join(', ') || '–'}
                  </td>
                  <td>
                    {action.dueOn ? formatDate(action.dueOn) : '–'}
                    {isOverdue(action, props.today) ? (
                      <strong class="tag"> {t.minutes.overdue}</strong>
                    ) : null}
                  </td>
                  <td>
                    {t.minutes.actions.statuses[action.status]}
                    {action.statusNote ? `: ${action.statusNote}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
