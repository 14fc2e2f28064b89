import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { isOverdue } from '../actions.queries.ts';
import { actionPath, type LoadedAction } from '../actions.service.ts';
import { actionStatuses } from '../meetings.table.ts';

/** An action's page: what, from which decision, who, when, its status and history; the follow-up form. */
export function ActionPage(props: { loaded: LoadedAction; form: FormState; notice?: string | undefined }) {
  const t = useT();
  const text = t.minutes.actions;
  const { loaded } = props;
  const { action } = loaded;
  const { values, errors } = props.form;
  return (
    <>
      <h1>{text.page(action.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary title={t.minutes.errorSummary} errors={errorList(errors, ['status', 'note'])} />
      {action.description ? <p class="minutes-text">{action.description}</p> : null}
      <dl class="facts">
        <dt>{text.from}</dt>
        <dd>
          <a href={`/moten/${action.meetingId}/arbetsyta`}>{loaded.meetingTitle}</a>
          {loaded.itemTitle ? `, § ${loaded.itemPosition} ${loaded.itemTitle}` : ''}
        </dd>
        {loaded.itemDecision ? (
          <>
            <dt>{text.decision}</dt>
            <dd class="minutes-text">{loaded.itemDecision}</dd>
          </>
        ) : null}
        <dt>{text.owner}</dt>
        <dd>{[loaded.ownerPersonName, loaded.ownerOrganisationName].filter(Boolean).join(', ') || '–'}</dd>
        <dt>{text.due}</dt>
        <dd>
          {action.dueOn ? formatDate(action.dueOn) : '–'}
          {isOverdue(action, loaded.today) ? <strong class="tag"> {t.minutes.overdue}</strong> : null}
        </dd>
        <dt>{text.status}</dt>
        <dd>{text.statuses[action.status]}</dd>
        {action.statusNote ? (
          <>
            <dt>{text.lastUpdate}</dt>
            <dd>
              {action.statusNote}
              {action.statusChangedAt ? ` (${formatDateTime(action.statusChangedAt)})` : ''}
            </dd>
          </>
        ) : null}
        {action.visibility === 'internal' ? (
          <>
            <dt>{text.visibility}</dt>
            <dd>
              {t.minutes.internal}
              {action.internalReason ? `: ${action.internalReason}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {loaded.mayFollowUp ? (
        <section>
          <h2>{text.followUp}</h2>
          <form method="post" action={`${actionPath(action.id)}/status`} novalidate>
            <input type="hidden" name="version" value={values.version ?? String(action.version)} />
            <ChoiceFieldset id="status" legend={text.newStatus} error={errors.status}>
              {actionStatuses.map((status, index) => {
                const id = index === 0 ? 'status' : `status-${status}`;
                return (
                  <div class="choice">
                    <input
                      type="radio"
                      id={id}
                      name="status"
                      value={status}
                      checked={(values.status ?? action.status) === status}
                    />
                    <label for={id}>{text.statuses[status]}</label>
                  </div>
                );
              })}
            </ChoiceFieldset>
            <TextField
              id="note"
              name="note"
              label={text.note}
              hint={text.noteHint}
              value={values.note}
              error={errors.note}
              maxlength={1000}
              multiline
            />
            <button type="submit">{text.saveStatus}</button>
          </form>
        </section>
      ) : null}
      <h2>{text.history}</h2>
      {loaded.history.length === 0 ? <p>{text.noHistory}</p> : null}
      <ol class="history">
        {loaded.history.map((entry) => (
          <li>
            <p>
              <strong>
                {text.historyEntry(formatDateTime(entry.at), entry.actor?.name || text.someone)}
              </strong>
            </p>
            <ul>
              {Object.entries(entry.changes as Record<string, [string, string]>).map(
                ([field, [before, after]]) => (
                  <li>
                    {field}: {before || '–'} → {after || '–'}
                  </li>
                ),
              )}
            </ul>
            {entry.note ? <p>{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
