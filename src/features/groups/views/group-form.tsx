import type { Child } from 'hono/jsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { visibilities } from '../../register/register.table.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { GROUP_FIELDS } from '../group-edits.forms.ts';
import type { GroupChoices } from '../group-edits.service.ts';
import { groupKinds, groupSiteRoles } from '../groups.table.ts';

export type GroupFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: GroupChoices;
  /** The version the form was opened on; absent for a new group. */
  version?: number | undefined;
  /** After a refused save: the group as it is saved now, and the names of its fields. */
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  /** A note above the form (after a save that came back here). */
  notice?: string | undefined;
  backHref: string;
  /** What follows the form on the edit page: the seats, history and delete. */
  children?: Child;
};

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  kind: 'grupp-typ',
  name: 'grupp-namn',
  description: 'grupp-syfte',
  agreementId: 'grupp-avtal',
  organisationId: 'grupp-organisation',
  visibility: 'grupp-synlighet',
  internalReason: 'grupp-skal',
  siteRole: 'grupp-roll',
};

/** Add or change a group: every field of its public page, with messages next to the fields. */
export function GroupForm(props: GroupFormProps) {
  const t = useT();
  const text = t.groupEdits;
  const { values, errors } = props.form;
  const summary = errorList(errors, GROUP_FIELDS).map((error) => ({
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
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <SelectField id={ids.kind!} name="kind" label={text.fields.kind} error={errors.kind}>
          {groupKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {t.groupKinds[kind]}
            </option>
          ))}
        </SelectField>
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
          id={ids.agreementId!}
          name="agreementId"
          label={text.fields.agreementId}
          hint={text.hints.agreement}
          error={errors.agreementId}
        >
          <option value="">{text.noAgreement}</option>
          {props.choices.agreements.map((agreement) => (
            <option value={String(agreement.id)} selected={values.agreementId === String(agreement.id)}>
              {agreement.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.organisationId!}
          name="organisationId"
          label={text.fields.organisationId}
          hint={text.hints.organisation}
          error={errors.organisationId}
        >
          {props.choices.organisationOptional || !values.organisationId ? (
            <option value="">{text.noOrganisation}</option>
          ) : null}
          <OrganisationOptions organisations={props.choices.organisations} selected={values.organisationId} />
        </SelectField>
        <SelectField
          id={ids.visibility!}
          name="visibility"
          label={text.fields.visibility}
          hint={text.hints.visibility}
          error={errors.visibility}
        >
          {visibilities.map((visibility) => (
            <option value={visibility} selected={values.visibility === visibility}>
              {text.visibilities[visibility]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.internalReason!}
          name="internalReason"
          label={text.fields.internalReason}
          hint={text.hints.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
        />
        {props.choices.siteRole ? (
          <SelectField
            id={ids.siteRole!}
            name="siteRole"
            label={text.fields.siteRole}
            hint={text.hints.siteRole}
            error={errors.siteRole}
          >
            <option value="">{text.noSiteRole}</option>
            {groupSiteRoles.map((role) => (
              <option value={role} selected={values.siteRole === role}>
                {text.siteRoles[role]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href={props.backHref}>{t.register.cancel}</a>
        </div>
      </form>
      {props.children}
    </>
  );
}
