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
import { ORGANISATION_FIELDS } from '../organisations.forms.ts';
import { organisationKinds } from '../organisations.table.ts';

export type OrganisationFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: OrganisationChoice[];
  /** The version the form was opened on; absent for a new organisation. */
  version?: number | undefined;
  /** After a refused save: the record as it is saved now. */
  saved?: Record<string, string> | undefined;
  backHref: string;
  /** Links under the form (history, delete), for an existing organisation. */
  links?: { href: string; text: string }[];
};

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  name: 'org-namn',
  shortName: 'org-forkortning',
  kind: 'org-typ',
  parentId: 'org-ingar-i',
  website: 'org-webbplats',
  description: 'org-beskrivning',
};

/** Add or change an organisation: every field of its public page, with messages next to the fields. */
export function OrganisationForm(props: OrganisationFormProps) {
  const t = useT();
  const text = t.register.organisation;
  const { values, errors } = props.form;
  const summary = errorList(errors, ORGANISATION_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <TextField
          id={ids.name!}
          name="name"
          label={text.fields.name}
          value={values.name}
          error={errors.name}
          maxlength={200}
          required
        />
        <TextField
          id={ids.shortName!}
          name="shortName"
          label={text.fields.shortName}
          hint={text.hints.shortName}
          value={values.shortName}
          error={errors.shortName}
          maxlength={40}
        />
        <SelectField id={ids.kind!} name="kind" label={text.fields.kind} error={errors.kind}>
          {organisationKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {t.organisationKinds[kind]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.parentId!}
          name="parentId"
          label={text.fields.parentId}
          hint={text.hints.parent}
          error={errors.parentId}
        >
          <option value="">{text.noParent}</option>
          <OrganisationOptions organisations={props.choices} selected={values.parentId} />
        </SelectField>
        <TextField
          id={ids.website!}
          name="website"
          label={text.fields.website}
          hint={text.hints.website}
          value={values.website}
          error={errors.website}
          maxlength={500}
        />
        <TextField
          id={ids.description!}
          name="description"
          label={text.fields.description}
          value={values.description}
          error={errors.description}
          maxlength={5000}
          multiline
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
