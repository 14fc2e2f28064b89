import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import {
  type OrganisationChoice,
  OrganisationOptions,
} from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { AdminNav } from './admin-nav.tsx';
import { RoleOptions } from './choices.tsx';

export type InviteValues = { name: string; email: string; organisationId: string; role: string };

/** Field name → the id of its control, which the error summary links to. */
const fieldIds: Record<string, string> = {
  name: 'namn',
  email: 'epost',
  organisationId: 'organisation',
  role: 'roll',
};

type Props = {
  organisations: OrganisationChoice[];
  values?: InviteValues;
  errors?: Partial<Record<string, string>>;
  /** The person who already signs in with the address, when that is what went wrong. */
  existing?: { id: number; name: string };
};

export function InvitePage({ organisations, values, errors = {}, existing }: Props) {
  const t = useT();
  const text = t.admin.invite;
  const typed = values ?? { name: '', email: '', organisationId: '', role: 'member' };
  const summary = Object.entries(errors).map(([field, message]) => ({
    field: fieldIds[field] ?? field,
    message: message ?? '',
  }));
  return (
    <>
      <h1>{text.title}</h1>
      <AdminNav current="/admin/bjud-in" />
      <ErrorSummary title={t.admin.errorSummary} errors={summary} />
      <p>{text.intro}</p>
      <form method="post" action="/admin/bjud-in" novalidate>
        <TextField
          id="namn"
          name="name"
          label={text.name}
          hint={text.nameHint}
          value={typed.name}
          error={errors.name}
          autocomplete="off"
          maxlength={200}
        />
        {existing ? (
          <EmailFieldWithExisting value={typed.email} message={errors.email ?? ''} existing={existing} />
        ) : (
          <TextField
            id="epost"
            name="email"
            type="email"
            label={text.email}
            hint={text.emailHint}
            value={typed.email}
            error={errors.email}
            autocomplete="off"
            maxlength={254}
          />
        )}
        <SelectField
          id="organisation"
          name="organisationId"
          label={text.organisation}
          error={errors.organisationId}
        >
          <option value="">{text.noOrganisation}</option>
          <OrganisationOptions organisations={organisations} selected={typed.organisationId} />
        </SelectField>
        <SelectField id="roll" name="role" label={text.role} hint={text.roleHint} error={errors.role}>
          <RoleOptions selected={typed.role} />
        </SelectField>
        <button type="submit">{text.submit}</button>
      </form>
    </>
  );
}

/** The e-mail field when the address is taken: the message says who has it, with a link to them. */
function EmailFieldWithExisting(props: {
  value: string;
  message: string;
  existing: { id: number; name: string };
}) {
  const t = useT();
  const text = t.admin.invite;
  return (
    <div class="field field-error">
      <label for="epost">{text.email}</label>
      <p id="epost-hint" class="hint">
        {text.emailHint}
      </p>
      <p id="epost-error" class="error-message">
        {props.message}{' '}
        <a href={`/admin/personer/${props.existing.id}`}>
          {text.goToExisting(props.existing.name || t.admin.unnamed)}
        </a>
      </p>
      <input
        id="epost"
        name="email"
        type="email"
        value={props.value}
        autocomplete="off"
        maxlength={254}
        aria-invalid="true"
        aria-describedby="epost-hint epost-error"
      />
    </div>
  );
}
