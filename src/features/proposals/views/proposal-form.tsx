import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { OTHER_UNIVERSITY, PROPOSAL_FIELDS } from '../proposals.forms.ts';
import type { Match, ProposalChoices } from '../proposals.service.ts';
import { MatchSummary } from './match-summary.tsx';

export const REGISTER_PATH = '/registrera';

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  title: 'samarbete-titel',
  description: 'samarbete-beskrivning',
  universityId: 'samarbete-larosate',
  otherUniversity: 'samarbete-annat-larosate',
  organisationId: 'samarbete-forvaltning',
  contactName: 'samarbete-kontakt',
  contactEmail: 'samarbete-kontakt-epost',
  startsOn: 'samarbete-fran',
  endsOn: 'samarbete-till',
  goalId: 'samarbete-mal',
  match: 'samarbete-val-ny',
};

/**
 * "Registrera ett samarbete": a few fields, then — when the register holds something like it — the same
 * form again with the likely duplicates and the choice between joining one and sending in a new one.
 * Works without JavaScript: the second step is a radio group and one button, so Enter in a field never
 * picks a choice the person did not make.
 */
export function ProposalForm(props: {
  form: FormState;
  choices: ProposalChoices;
  matches?: Match[] | undefined;
}) {
  const t = useT();
  const text = t.proposals;
  const { values, errors } = props.form;
  const summary = errorList(errors, PROPOSAL_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{text.register}</h1>
      <p>{text.intro}</p>
      <ErrorSummary title={text.errorSummary} errors={summary} />
      <form method="post" action={REGISTER_PATH} novalidate>
        {props.matches ? <input type="hidden" name="checked" value="1" /> : null}
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          hint={text.hints.title}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required
        />
        <TextField
          id={ids.description!}
          name="description"
          label={text.fields.description}
          hint={text.hints.description}
          value={values.description}
          error={errors.description}
          maxlength={2000}
          multiline
        />
        <SelectField
          id={ids.universityId!}
          name="universityId"
          label={text.fields.universityId}
          error={errors.universityId}
        >
          <option value="">{text.chooseUniversity}</option>
          {props.choices.universities.map((university) => (
            <option value={String(university.id)} selected={values.universityId === String(university.id)}>
              {university.name}
            </option>
          ))}
          <option value={OTHER_UNIVERSITY} selected={values.universityId === OTHER_UNIVERSITY}>
            {text.otherUniversity}
          </option>
        </SelectField>
        <TextField
          id={ids.otherUniversity!}
          name="otherUniversity"
          label={text.fields.otherUniversity}
          hint={text.hints.otherUniversity}
          value={values.otherUniversity}
          error={errors.otherUniversity}
          maxlength={200}
        />
        <SelectField
          id={ids.organisationId!}
          name="organisationId"
          label={text.fields.organisationId}
          hint={text.hints.organisationId}
          error={errors.organisationId}
        >
          <option value="">{text.chooseOrganisation}</option>
          <OrganisationOptions organisations={props.choices.organisations} selected={values.organisationId} />
        </SelectField>
        <TextField
          id={ids.contactName!}
          name="contactName"
          label={text.fields.contactName}
          hint={text.hints.contact}
          value={values.contactName}
          error={errors.contactName}
          autocomplete="name"
          maxlength={100}
          required
        />
        <TextField
          id={ids.contactEmail!}
          name="contactEmail"
          label={text.fields.contactEmail}
          type="email"
          value={values.contactEmail}
          error={errors.contactEmail}
          autocomplete="email"
          maxlength={254}
          required
        />
        <fieldset class="field choices period-fields" aria-describedby="samarbete-period-hint">
          <legend>{text.periodLegend}</legend>
          <p id="samarbete-period-hint" class="hint">
            {text.hints.period}
          </p>
          <div class="inline-form">
            <TextField
              id={ids.startsOn!}
              name="startsOn"
              label={text.fields.startsOn}
              value={values.startsOn}
              error={errors.startsOn}
              maxlength={10}
            />
            <TextField
              id={ids.endsOn!}
              name="endsOn"
              label={text.fields.endsOn}
              value={values.endsOn}
              error={errors.endsOn}
              maxlength={10}
            />
          </div>
        </fieldset>
        <SelectField id={ids.goalId!} name="goalId" label={text.fields.goalId} error={errors.goalId}>
          <option value="">{text.noGoal}</option>
          {props.choices.goals.map((goal) => (
            <option value={String(goal.id)} selected={values.goalId === String(goal.id)}>
              {goal.title}
            </option>
          ))}
        </SelectField>
        {props.matches ? (
          <MatchChoice matches={props.matches} value={values.match} error={errors.match} />
        ) : null}
        <div class="button-row">
          <button type="submit">{text.submit}</button>
          <a href="/arbetsyta">{t.register.cancel}</a>
        </div>
      </form>
    </>
  );
}

/** The second step: each likely duplicate, with why it is shown, and "join it" or "it is new". */
function MatchChoice(props: { matches: Match[]; value: string | undefined; error: string | undefined }) {
  const t = useT();
  const text = t.proposals.matches;
  return (
    <section class="matches" aria-labelledby="liknande-rubrik">
      <h2 id="liknande-rubrik">{text.heading}</h2>
      <p>
        {text.intro(props.matches.length)} {text.how}
      </p>
      <fieldset
        class={props.error ? 'field field-error choices' : 'field choices'}
        aria-describedby={props.error ? 'samarbete-val-error' : undefined}
      >
        <legend>{text.choose}</legend>
        {props.error ? (
          <p id="samarbete-val-error" class="error-message">
            {props.error}
          </p>
        ) : null}
        <ul class="plain match-list">
          {props.matches.map((match) => (
            <li>
              <MatchSummary match={match} titleId={`liknande-${match.id}`} />
              <div class="choice">
                <input
                  type="radio"
                  id={`samarbete-val-${match.id}`}
                  name="match"
                  value={String(match.id)}
                  checked={props.value === String(match.id)}
                />
                <label for={`samarbete-val-${match.id}`}>
                  {text.join}
                  <span class="visually-hidden"> ({match.title})</span>
                </label>
              </div>
            </li>
          ))}
        </ul>
        <div class="choice">
          <input type="radio" id={ids.match} name="match" value="new" checked={props.value === 'new'} />
          <label for={ids.match}>{text.new}</label>
        </div>
      </fieldset>
    </section>
  );
}
