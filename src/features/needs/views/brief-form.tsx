import { Checkboxes } from '../../../web/components/checkboxes.tsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import {
  type OrganisationChoice,
  OrganisationOptions,
} from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { BRIEF_FIELDS, focusAreaField, goalField, institutionField } from '../needs.forms.ts';
import type { BriefKind } from '../needs.table.ts';

export type BriefFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: {
    kinds: BriefKind[];
    organisations: OrganisationChoice[];
    focusAreas: { id: number; name: string }[];
    goals: { id: number; name: string }[];
    institutions: { id: number; name: string }[];
  };
  version?: number | undefined;
  saved?: Record<string, string> | undefined;
  notice?: string | undefined;
  backHref: string;
  links?: { href: string; text: string }[];
};

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  kind: 'behov-typ',
  title: 'behov-rubrik',
  organisationId: 'behov-organisation',
  background: 'behov-bakgrund',
  question: 'behov-fraga',
  intendedUse: 'behov-anvandning',
  beneficiaries: 'behov-nytta',
  offering: 'behov-erbjuder',
  contactName: 'behov-kontakt',
  contactEmail: 'behov-kontakt-epost',
  deadline: 'behov-sista-dag',
  focusAreas: 'behov-omraden',
  goals: 'behov-mal',
  institutions: 'behov-larosaten',
  visibility: 'behov-synlighet',
  internalReason: 'behov-skal',
  published: 'behov-publicerat',
  closed: 'behov-stangt',
};

/**
 * Write or change a brief. The question and the intended use come first after the basics, each with a
 * hint and a good example beside it, so a vague wish becomes a brief someone can answer.
 */
export function BriefForm(props: BriefFormProps) {
  const t = useT();
  const text = t.needs.edit;
  const { values, errors } = props.form;
  const summary = errorList(errors, BRIEF_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <p>{text.intro}</p>
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <SelectField id={ids.kind!} name="kind" label={text.fields.kind} error={errors.kind}>
          <option value="">{text.chooseKind}</option>
          {props.choices.kinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {t.needs.kinds[kind]}
            </option>
          ))}
        </SelectField>
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
        <SelectField
          id={ids.organisationId!}
          name="organisationId"
          label={text.organisationLabel}
          error={errors.organisationId}
        >
          <option value="">{text.chooseOrganisation}</option>
          <OrganisationOptions organisations={props.choices.organisations} selected={values.organisationId} />
        </SelectField>
        <div class="with-example">
          <TextField
            id={ids.question!}
            name="question"
            label={text.fields.question}
            hint={text.hints.question}
            value={values.question}
            error={errors.question}
            maxlength={3000}
            required
            multiline
          />
          <aside class="example" aria-label={`${text.exampleHeading}: ${text.fields.question}`}>
            <p>
              <strong>{text.exampleHeading}:</strong> {text.questionExample}
            </p>
          </aside>
        </div>
        <div class="with-example">
          <TextField
            id={ids.intendedUse!}
            name="intendedUse"
            label={text.fields.intendedUse}
            hint={text.hints.intendedUse}
            value={values.intendedUse}
            error={errors.intendedUse}
            maxlength={3000}
            required
            multiline
          />
          <aside class="example" aria-label={`${text.exampleHeading}: ${text.fields.intendedUse}`}>
            <p>
              <strong>{text.exampleHeading}:</strong> {text.intendedUseExample}
            </p>
          </aside>
        </div>
        <TextField
          id={ids.background!}
          name="background"
          label={text.fields.background}
          hint={text.hints.background}
          value={values.background}
          error={errors.background}
          maxlength={5000}
          multiline
        />
        <TextField
          id={ids.beneficiaries!}
          name="beneficiaries"
          label={text.fields.beneficiaries}
          hint={text.hints.beneficiaries}
          value={values.beneficiaries}
          error={errors.beneficiaries}
          maxlength={2000}
          multiline
        />
        <TextField
          id={ids.offering!}
          name="offering"
          label={text.fields.offering}
          hint={text.hints.offering}
          value={values.offering}
          error={errors.offering}
          maxlength={2000}
          multiline
        />
        <TextField
          id={ids.contactName!}
          name="contactName"
          label={text.fields.contactName}
          value={values.contactName}
          error={errors.contactName}
          maxlength={200}
          autocomplete="off"
        />
        <TextField
          id={ids.contactEmail!}
          name="contactEmail"
          type="email"
          label={text.fields.contactEmail}
          hint={text.hints.contactEmail}
          value={values.contactEmail}
          error={errors.contactEmail}
          maxlength={254}
          autocomplete="off"
        />
        <TextField
          id={ids.deadline!}
          name="deadline"
          label={text.fields.deadline}
          hint={text.hints.deadline}
          value={values.deadline}
          error={errors.deadline}
          maxlength={40}
        />
        <Checkboxes
          id={ids.focusAreas!}
          legend={text.fields.focusAreas}
          error={errors.focusAreas}
          empty={text.noFocusAreas}
          options={props.choices.focusAreas.map((area) => ({
            name: focusAreaField(area.id),
            label: area.name,
          }))}
          values={values}
        />
        <Checkboxes
          id={ids.goals!}
          legend={text.fields.goals}
          error={errors.goals}
          options={props.choices.goals.map((goal) => ({ name: goalField(goal.id), label: goal.name }))}
          values={values}
        />
        <Checkboxes
          id={ids.institutions!}
          legend={text.fields.institutions}
          hint={text.hints.institutions}
          error={errors.institutions}
          empty={text.noInstitutions}
          options={props.choices.institutions.map((institution) => ({
            name: institutionField(institution.id),
            label: institution.name,
          }))}
          values={values}
        />
        <fieldset
          id={ids.visibility}
          class={errors.visibility ? 'field field-error choices' : 'field choices'}
          aria-describedby={errors.visibility ? 'behov-synlighet-error' : undefined}
        >
          <legend>{text.fields.visibility}</legend>
          {errors.visibility ? (
            <p id="behov-synlighet-error" class="error-message">
              {errors.visibility}
            </p>
          ) : null}
          {(['public', 'internal'] as const).map((visibility) => (
            <div class="choice">
              <input
                type="radio"
                id={`behov-synlighet-${visibility}`}
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
              />
              <label for={`behov-synlighet-${visibility}`}>{text.visibilities[visibility]}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={ids.internalReason!}
          name="internalReason"
          label={text.fields.internalReason}
          hint={text.hints.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={200}
        />
        <Checkboxes
          id={ids.published!}
          legend={text.fields.published}
          hint={text.hints.published}
          error={errors.published}
          options={[{ name: 'published', label: text.publishedBox }]}
          values={values}
        />
        <Checkboxes
          id={ids.closed!}
          legend={text.fields.closed}
          hint={text.hints.closed}
          error={errors.closed}
          options={[{ name: 'closed', label: text.closedBox }]}
          values={values}
        />
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href={props.backHref}>{t.register.cancel}</a>
        </div>
      </form>
      {props.links && props.links.length > 0 ? (
        <ul class="plain edit-links">
          {props.links.map((link) => (
            <li>
              <a href={link.href}>{link.text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
