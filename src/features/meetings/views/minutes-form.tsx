import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { newActionPath } from '../actions.service.ts';
import { attendances } from '../meetings.table.ts';
import {
  adjusterChoices,
  approvalPath,
  correctionPath,
  type LoadedMinutes,
  minutesPath,
} from '../minutes.service.ts';
import { FollowUpActions } from './follow-up-actions.tsx';
import { CorrectionList } from './minutes-correction.tsx';
import { MinutesState, MinutesText } from './minutes-parts.tsx';

/**
 * The minutes page for whoever may edit the meeting: while a draft, the form (per item notes and decision,
 * attendance, adjusters, where kept; "Spara utkast" or finish in one step); once ready or approved, the
 * minutes as they read with their state (overdue after the deadline) and the way on.
 */
export function MinutesPage(props: { loaded: LoadedMinutes; form: FormState; notice?: string | undefined }) {
  const t = useT();
  const text = t.minutes;
  const { loaded } = props;
  const { meeting } = loaded.access;
  return (
    <>
      <h1>{text.form.title(meeting.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href={`/moten/${meeting.id}/arbetsyta`}>{text.form.toWorkspace}</a>
      </p>
      <MinutesState meeting={meeting} today={loaded.today} />
      {meeting.minutesStatus === 'draft' ? (
        <MinutesForm loaded={loaded} form={props.form} />
      ) : (
        <>
          <MinutesText parts={loaded} today={loaded.today} keptAt={meeting.minutesKeptAt} />
          {meeting.minutesStatus === 'approved' ? (
            <>
              <p>
                <a href={correctionPath(meeting.id)}>{text.form.toCorrection}</a>
              </p>
              <ActionLinks loaded={loaded} />
              <CorrectionList corrections={loaded.corrections} />
            </>
          ) : (
            <p>
              <a href={approvalPath(meeting.id)}>{text.form.toApproval}</a>
            </p>
          )}
        </>
      )}
    </>
  );
}

/** "Nytt uppdrag från beslutet" for each item with a decision. */
function ActionLinks(props: { loaded: LoadedMinutes }) {
  const text = useT().minutes;
  const decided = props.loaded.items.filter((item) => item.decision !== '');
  if (decided.length === 0) return null;
  return (
    <>
      <h2>{text.form.newAction}</h2>
      <ul>
        {decided.map((item) => (
          <li>
            <a href={newActionPath(item.id)}>
              § {item.position} {item.title}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function MinutesForm(props: { loaded: LoadedMinutes; form: FormState }) {
  const t = useT();
  const text = t.minutes;
  const { loaded } = props;
  const { values, errors } = props.form;
  const { meeting } = loaded.access;
  const choices = adjusterChoices(loaded.participants);
  const order = [
    ...loaded.items.flatMap((item) => [`notes-${item.id}`, `decision-${item.id}`]),
    ...loaded.participants.map((participant) => `attendance-${participant.id}`),
    'adjusters',
    'keptAt',
  ];
  return (
    <>
      <p class="lead">{text.form.lead}</p>
      <ErrorSummary title={text.errorSummary} errors={errorList(errors, order)} />
      <form method="post" action={minutesPath(meeting.id)} novalidate>
        <input type="hidden" name="version" value={values.version ?? String(meeting.version)} />
        <h2>{text.form.items}</h2>
        {loaded.items.length === 0 ? <p>{text.form.noItems}</p> : null}
        {loaded.items.map((item) => (
          <section class="minutes-item">
            <h3>
              § {item.position} {item.title}
              {item.visibility === 'internal' ? <span class="tag"> {text.internal}</span> : null}
            </h3>
            {item.standingKind === 'action_follow_up' ? (
              <FollowUpActions
                actions={loaded.followUp}
                today={loaded.today}
                publicOnly={false}
                headingLevel="h4"
              />
            ) : null}
            <TextField
              id={`notes-${item.id}`}
              name={`notes-${item.id}`}
              label={`${text.form.notes}, § ${item.position}`}
              value={values[`notes-${item.id}`]}
              error={errors[`notes-${item.id}`]}
              maxlength={20_000}
              multiline
            />
            <TextField
              id={`decision-${item.id}`}
              name={`decision-${item.id}`}
              label={`${text.form.decision}, § ${item.position}`}
              hint={text.form.decisionHint}
              value={values[`decision-${item.id}`]}
              error={errors[`decision-${item.id}`]}
              maxlength={4_000}
              multiline
            />
          </section>
        ))}
        <h2>{text.form.attendance}</h2>
        {loaded.participants.length === 0 ? <p>{text.form.noParticipants}</p> : null}
        {loaded.participants.map((participant) => (
          <ChoiceFieldset
            id={`attendance-${participant.id}`}
            legend={participant.name || '–'}
            error={errors[`attendance-${participant.id}`]}
          >
            {attendances.map((value, index) => {
              const id =
                index === 0 ? `attendance-${participant.id}` : `attendance-${participant.id}-${value}`;
              return (
                <div class="choice">
                  <input
                    type="radio"
                    id={id}
                    name={`attendance-${participant.id}`}
                    value={value}
                    checked={values[`attendance-${participant.id}`] === value}
                  />
                  <label for={id}>{text.attendances[value]}</label>
                </div>
              );
            })}
          </ChoiceFieldset>
        ))}
        <fieldset
          id="adjusters"
          class={errors.adjusters ? 'field field-error choices' : 'field choices'}
          aria-describedby={errors.adjusters ? 'adjusters-hint adjusters-error' : 'adjusters-hint'}
          tabindex={-1}
        >
          <legend>{text.form.adjusters}</legend>
          <p id="adjusters-hint" class="hint">
            {text.form.adjustersHint}
          </p>
          {errors.adjusters ? (
            <p id="adjusters-error" class="error-message">
              {errors.adjusters}
            </p>
          ) : null}
          {choices.length === 0 ? <p>{text.form.noAdjusterChoices}</p> : null}
          {loaded.participants
            .filter((participant) => participant.personId !== null && choices.includes(participant.personId))
            .map((participant) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`adjuster-${participant.personId}`}
                  name={`adjuster-${participant.personId}`}
                  value="ja"
                  checked={values[`adjuster-${participant.personId}`] === 'ja'}
                />
                <label for={`adjuster-${participant.personId}`}>{participant.name}</label>
              </div>
            ))}
        </fieldset>
        <TextField
          id="keptAt"
          name="keptAt"
          label={text.form.keptAt}
          hint={text.form.keptAtHint}
          value={values.keptAt}
          error={errors.keptAt}
          maxlength={300}
        />
        <div class="form-actions">
          <button type="submit" name="action" value="utkast" class="secondary">
            {text.form.saveDraft}
          </button>
          <p class="hint" id="finish-hint">
            {text.form.finishHint}
          </p>
          <button type="submit" name="action" value="justering" aria-describedby="finish-hint">
            {text.form.finish}
          </button>
        </div>
      </form>
    </>
  );
}
