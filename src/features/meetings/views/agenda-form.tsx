import { Checkboxes } from '../../../web/components/checkboxes.tsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { focusAreaField, goalField } from '../../activities/activities.forms.ts';
import { visibilities } from '../../register/register.table.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { documentField, ITEM_FIELDS } from '../agenda.forms.ts';
import type { ItemChoices } from '../agenda.service.ts';

const ids: Record<string, string> = {
  title: 'arende-rubrik',
  presenter: 'arende-foredragande',
  startTime: 'arende-tid',
  proposedDecision: 'arende-forslag',
  agreementId: 'arende-avtal',
  visibility: 'arende-synlighet',
  internalReason: 'arende-skal',
};

/** An agenda item's form: the agenda part (the minutes are written elsewhere). */
export function AgendaItemForm(props: {
  heading: string;
  action: string;
  form: FormState;
  choices: ItemChoices;
  version?: number | undefined;
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  backHref: string;
}) {
  const t = useT();
  const text = t.meetings.item;
  const { values, errors } = props.form;
  const summary = errorList(errors, ITEM_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          value={values.title}
          error={errors.title}
          maxlength={300}
          required
        />
        <TextField
          id={ids.presenter!}
          name="presenter"
          label={text.fields.presenter}
          value={values.presenter}
          error={errors.presenter}
          maxlength={200}
        />
        <TextField
          id={ids.startTime!}
          name="startTime"
          label={text.fields.startTime}
          hint={t.meetings.hints.time}
          value={values.startTime}
          error={errors.startTime}
          maxlength={5}
        />
        <TextField
          id={ids.proposedDecision!}
          name="proposedDecision"
          label={text.fields.proposedDecision}
          value={values.proposedDecision}
          error={errors.proposedDecision}
          maxlength={5000}
          multiline
        />
        <SelectField
          id={ids.agreementId!}
          name="agreementId"
          label={text.fields.agreementId}
          error={errors.agreementId}
        >
          <option value="">{text.noAgreement}</option>
          {props.choices.agreements.map((agreement) => (
            <option value={String(agreement.id)} selected={values.agreementId === String(agreement.id)}>
              {agreement.title}
            </option>
          ))}
        </SelectField>
        <Checkboxes
          id="arende-omraden"
          legend={text.fields.focusAreas}
          options={props.choices.focusAreas.map((area) => ({
            name: focusAreaField(area.id),
            label: area.name,
          }))}
          values={values}
        />
        <Checkboxes
          id="arende-mal"
          legend={text.fields.goals}
          options={props.choices.goals.map((goal) => ({ name: goalField(goal.id), label: goal.name }))}
          values={values}
        />
        <Checkboxes
          id="arende-dokument"
          legend={text.fields.documents}
          options={props.choices.documents.map((document) => ({
            name: documentField(document.id),
            label: document.title,
          }))}
          values={values}
        />
        <SelectField
          id={ids.visibility!}
          name="visibility"
          label={text.fields.visibility}
          error={errors.visibility}
        >
          {visibilities.map((visibility) => (
            <option value={visibility} selected={values.visibility === visibility}>
              {t.meetings.visibilities[visibility]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.internalReason!}
          name="internalReason"
          label={text.fields.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
        />
        <div class="button-row">
          <button type="submit">{t.meetings.save}</button>
          <a href={props.backHref}>{t.meetings.back}</a>
        </div>
      </form>
    </>
  );
}
