import { formatDate } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset, SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { ANSWER_FIELDS, ANSWER_ROLES, OTHER_INSTITUTION } from '../brief-responses.forms.ts';
import type { BriefRow } from '../brief-responses.queries.ts';
import { type AnswerChoices, briefPath, isSignUp } from '../brief-responses.service.ts';

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  name: 'svar-namn',
  email: 'svar-epost',
  role: 'svar-roll-researcher',
  institutionId: 'svar-larosate',
  otherInstitution: 'svar-annat-larosate',
  organisationId: 'svar-organisation',
  programme: 'svar-program',
  approach: 'svar-upplagg',
  timing: 'svar-nar',
  startsOn: 'svar-fran',
  endsOn: 'svar-till',
};

/**
 * Answering a brief: who, where, how and when — or, for competence development, signing up (who, and
 * where in the municipality they work). A short form that works without JavaScript; what was typed
 * comes back with the messages. The address typed here is the contact the brief's owner sees; the mails
 * about the answer go to the account's own address (`mailTo`), which the hint names.
 */
export function AnswerForm(props: {
  brief: BriefRow;
  choices: AnswerChoices;
  mailTo: string | null;
  form: FormState;
}) {
  const t = useT();
  const text = t.briefResponses;
  const { brief } = props;
  const { values, errors } = props.form;
  const signUp = isSignUp(brief);
  const summary = errorList(errors, ANSWER_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  const action = `${briefPath(brief.slug)}/svara`;
  return (
    <>
      <h1>{signUp ? text.signUpTitle(brief.title) : text.answerTitle(brief.title)}</h1>
      <p>{signUp ? text.signUpIntro : text.answerIntro}</p>
      <section aria-labelledby="om-behovet" class="brief-summary">
        <h2 id="om-behovet">{text.aboutBrief}</h2>
        <p class="proposal-text">{brief.question}</p>
        <p>
          {brief.organisationName}
          {brief.deadline ? ` · ${text.deadline(formatDate(brief.deadline))}` : ''}
        </p>
      </section>
      <ErrorSummary title={text.errorSummary} errors={summary} />
      <form method="post" action={action} novalidate>
        <TextField
          id={ids.name!}
          name="name"
          label={text.fields.name}
          value={values.name}
          error={errors.name}
          autocomplete="name"
          maxlength={100}
          required
        />
        <TextField
          id={ids.email!}
          name="email"
          label={text.fields.email}
          hint={text.hints.email(props.mailTo)}
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="email"
          maxlength={254}
          required
        />
        {signUp ? (
          <>
            <SelectField
              id={ids.organisationId!}
              name="organisationId"
              label={text.fields.organisationId}
              error={errors.organisationId}
            >
              <option value="">{text.chooseOrganisation}</option>
              <OrganisationOptions
                organisations={props.choices.organisations}
                selected={values.organisationId}
              />
            </SelectField>
            <TextField
              id={ids.approach!}
              name="approach"
              label={text.fields.motivation}
              hint={text.hints.motivation}
              value={values.approach}
              error={errors.approach}
              maxlength={2000}
              multiline
            />
          </>
        ) : (
          <AnswerFields choices={props.choices} form={props.form} />
        )}
        <div class="button-row">
          <button type="submit">{signUp ? text.submitSignUp : text.submit}</button>
          <a href={briefPath(brief.slug)}>{text.cancel}</a>
        </div>
      </form>
    </>
  );
}

/** The fields of an answer (not a sign-up): role, institution, programme, approach, when. */
function AnswerFields(props: { choices: AnswerChoices; form: FormState }) {
  const t = useT();
  const text = t.briefResponses;
  const { values, errors } = props.form;
  return (
    <>
      <ChoiceFieldset id="svar-roll" legend={text.fields.role} error={errors.role}>
        {ANSWER_ROLES.map((role) => (
          <div class="choice">
            <input
              type="radio"
              id={`svar-roll-${role}`}
              name="role"
              value={role}
              checked={values.role === role}
            />
            <label for={`svar-roll-${role}`}>{text.roles[role]}</label>
          </div>
        ))}
      </ChoiceFieldset>
      <SelectField
        id={ids.institutionId!}
        name="institutionId"
        label={text.fields.institutionId}
        error={errors.institutionId}
      >
        <option value="">{text.chooseInstitution}</option>
        {props.choices.institutions.map((institution) => (
          <option value={String(institution.id)} selected={values.institutionId === String(institution.id)}>
            {institution.name}
          </option>
        ))}
        <option value={OTHER_INSTITUTION} selected={values.institutionId === OTHER_INSTITUTION}>
          {text.otherInstitution}
        </option>
      </SelectField>
      <TextField
        id={ids.otherInstitution!}
        name="otherInstitution"
        label={text.fields.otherInstitution}
        hint={text.hints.otherInstitution}
        value={values.otherInstitution}
        error={errors.otherInstitution}
        maxlength={200}
      />
      <TextField
        id={ids.programme!}
        name="programme"
        label={text.fields.programme}
        hint={text.hints.programme}
        value={values.programme}
        error={errors.programme}
        maxlength={200}
      />
      <TextField
        id={ids.approach!}
        name="approach"
        label={text.fields.approach}
        hint={text.hints.approach}
        value={values.approach}
        error={errors.approach}
        maxlength={4000}
        multiline
        required
      />
      <TextField
        id={ids.timing!}
        name="timing"
        label={text.fields.timing}
        hint={text.hints.timing}
        value={values.timing}
        error={errors.timing}
        maxlength={200}
      />
      <fieldset class="field choices period-fields" aria-describedby="svar-period-hint">
        <legend>{text.periodLegend}</legend>
        <p id="svar-period-hint" class="hint">
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
    </>
  );
}
