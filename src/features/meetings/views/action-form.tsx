import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset, SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { NEW_ACTION_FIELDS } from '../actions.forms.ts';
import { type LoadedNewAction, newActionPath } from '../actions.service.ts';

/** A new action (uppdrag) from an item's decision: what, who (a member and/or an organisation), when, visibility. */
export function NewActionPage(props: { loaded: LoadedNewAction; form: FormState }) {
  const t = useT();
  const text = t.minutes.actions;
  const { item, members, organisations } = props.loaded;
  const { values, errors } = props.form;
  return (
    <>
      <h1>{text.newTitle(`§ ${item.position} ${item.title}`)}</h1>
      <p class="lead">{text.newLead}</p>
      {item.decision ? (
        <p class="minutes-text">
          <strong>{text.decision}:</strong> {item.decision}
        </p>
      ) : null}
      <ErrorSummary title={t.minutes.errorSummary} errors={errorList(errors, NEW_ACTION_FIELDS)} />
      <form method="post" action={newActionPath(item.id)} novalidate>
        <TextField
          id="title"
          name="title"
          label={text.title}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required
        />
        <TextField
          id="description"
          name="description"
          label={text.description}
          value={values.description}
          error={errors.description}
          maxlength={4000}
          multiline
        />
        <SelectField
          id="ownerPersonId"
          name="ownerPersonId"
          label={text.ownerPerson}
          hint={text.ownerPersonHint}
          error={errors.ownerPersonId}
        >
          <option value="">{text.noOwner}</option>
          {members.map((member) => (
            <option value={String(member.id)} selected={values.ownerPersonId === String(member.id)}>
              {member.name || '–'}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="ownerOrganisationId"
          name="ownerOrganisationId"
          label={text.ownerOrganisation}
          error={errors.ownerOrganisationId}
        >
          <option value="">{text.noOwner}</option>
          {organisations.map((organisation) => (
            <option
              value={String(organisation.id)}
              selected={values.ownerOrganisationId === String(organisation.id)}
            >
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="dueOn"
          name="dueOn"
          label={text.dueOn}
          hint={text.dueOnHint}
          value={values.dueOn}
          error={errors.dueOn}
        />
        <ChoiceFieldset id="visibility" legend={text.visibility} error={errors.visibility}>
          <div class="choice">
            <input
              type="radio"
              id="visibility"
              name="visibility"
              value="public"
              checked={values.visibility !== 'internal'}
            />
            <label for="visibility">{text.public}</label>
          </div>
          <div class="choice">
            <input
              type="radio"
              id="visibility-internal"
              name="visibility"
              value="internal"
              checked={values.visibility === 'internal'}
            />
            <label for="visibility-internal">{text.internalChoice}</label>
          </div>
        </ChoiceFieldset>
        <TextField
          id="internalReason"
          name="internalReason"
          label={text.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
        />
        <button type="submit">{text.create}</button>
      </form>
    </>
  );
}
