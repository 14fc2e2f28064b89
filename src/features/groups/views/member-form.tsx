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
import { SEAT_FIELDS } from '../group-edits.forms.ts';
import { memberRoles } from '../groups.table.ts';

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  personName: 'ledamot-namn',
  seatDescription: 'ledamot-uppdrag',
  role: 'ledamot-roll',
  organisationId: 'ledamot-foretrader',
  fromOn: 'ledamot-fran',
  toOn: 'ledamot-till',
  position: 'ledamot-ordning',
};

/**
 * Add or change one seat of a group: a named person, an office, or both; the role, the organisation
 * represented, the period and the order. It carries the group's version: the seats are the group's.
 */
export function MemberForm(props: {
  heading: string;
  action: string;
  form: FormState;
  organisations: OrganisationChoice[];
  version: number;
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  backHref: string;
  backText: string;
}) {
  const t = useT();
  const text = t.groupEdits.members;
  const { values, errors } = props.form;
  const summary = errorList(errors, SEAT_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <p>
        <a href={props.backHref}>{props.backText}</a>
      </p>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <TextField
          id={ids.personName!}
          name="personName"
          label={text.fields.personName}
          hint={text.hints.personName}
          value={values.personName}
          error={errors.personName}
          maxlength={200}
        />
        <TextField
          id={ids.seatDescription!}
          name="seatDescription"
          label={text.fields.seatDescription}
          hint={text.hints.seatDescription}
          value={values.seatDescription}
          error={errors.seatDescription}
          maxlength={300}
        />
        <SelectField id={ids.role!} name="role" label={text.fields.role} error={errors.role}>
          {memberRoles.map((role) => (
            <option value={role} selected={values.role === role}>
              {t.memberRoles[role]}
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
          <option value="">{text.noOrganisation}</option>
          <OrganisationOptions organisations={props.organisations} selected={values.organisationId} />
        </SelectField>
        <TextField
          id={ids.fromOn!}
          name="fromOn"
          type="date"
          label={text.fields.fromOn}
          hint={text.hints.dates}
          value={values.fromOn}
          error={errors.fromOn}
        />
        <TextField
          id={ids.toOn!}
          name="toOn"
          type="date"
          label={text.fields.toOn}
          hint={text.hints.dates}
          value={values.toOn}
          error={errors.toOn}
        />
        <TextField
          id={ids.position!}
          name="position"
          label={text.fields.position}
          hint={text.hints.position}
          value={values.position}
          error={errors.position}
          maxlength={4}
        />
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href={props.backHref}>{t.register.cancel}</a>
        </div>
      </form>
    </>
  );
}
