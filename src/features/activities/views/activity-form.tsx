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
import {
  ACTIVITY_FIELDS,
  focusAreaField,
  goalField,
  ORGANISATION_SLOTS,
  organisationSlot,
} from '../activities.forms.ts';
import { activityKinds } from '../activities.table.ts';

export type ActivityFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: {
    organisations: OrganisationChoice[];
    ownOrganisations: OrganisationChoice[];
    agreements: { id: number; title: string }[];
    focusAreas: { id: number; name: string }[];
    goals: { id: number; name: string }[];
  };
  /** The first organisation is limited to the viewer's own (an editor): say so by the field. */
  ownFirst: boolean;
  /** The version the form was opened on; absent for a new activity. */
  version?: number | undefined;
  /** After a refused save: the activity as it is saved now. */
  saved?: Record<string, string> | undefined;
  /** A note after a save (an internal activity has no public page to show it on). */
  notice?: string | undefined;
  backHref: string;
  /** Links under the form (history, delete), for an existing activity. */
  links?: { href: string; text: string }[];
};

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  kind: 'akt-typ',
  title: 'akt-titel',
  startsOn: 'akt-start',
  endsOn: 'akt-slut',
  agreementId: 'akt-avtal',
  focusAreas: 'akt-omraden',
  goals: 'akt-mal',
  description: 'akt-beskrivning',
  outcomes: 'akt-resultat',
  outcomesUsedOn: 'akt-resultat-anvands',
  visibility: 'akt-synlighet',
  internalReason: 'akt-skal',
};
const slotId = (slot: number) => `akt-organisation-${slot}`;
const idOf = (field: string) => {
  const slot = /^organisation(\d)$/.exec(field)?.[1];
  return slot ? slotId(Number(slot)) : (ids[field] ?? field);
};

/** How many organisation selects to show: the ones filled, two empty ones, at least three. */
function shownSlots(values: Partial<Record<string, string>>): number {
  let last = 0;
  for (let slot = 1; slot <= ORGANISATION_SLOTS; slot++) if (values[organisationSlot(slot)]) last = slot;
  return Math.min(ORGANISATION_SLOTS, Math.max(3, last + 2));
}

/** Add or change an activity: every field of its public page, with messages next to the fields. */
export function ActivityForm(props: ActivityFormProps) {
  const t = useT();
  const text = t.activityEdits;
  const { values, errors } = props.form;
  const summary = errorList(errors, ACTIVITY_FIELDS).map((error) => ({
    field: idOf(error.field),
    message: error.message,
  }));
  const slots = Array.from({ length: shownSlots(values) }, (_, index) => index + 1);
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
          {activityKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {t.activityKinds[kind]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required
        />
        <TextField
          id={ids.startsOn!}
          name="startsOn"
          label={text.fields.startsOn}
          hint={text.hints.period}
          value={values.startsOn}
          error={errors.startsOn}
        />
        <TextField
          id={ids.endsOn!}
          name="endsOn"
          label={text.fields.endsOn}
          value={values.endsOn}
          error={errors.endsOn}
        />
        <fieldset class="field choices" aria-describedby="akt-organisationer-hint">
          <legend>{text.fields.organisations}</legend>
          <p id="akt-organisationer-hint" class="hint">
            {text.hints.organisations}
          </p>
          {slots.map((slot) => {
            const name = organisationSlot(slot);
            const own = slot === 1 && props.ownFirst;
            return (
              <SelectField
                id={slotId(slot)}
                name={name}
                label={text.organisationSlot(slot)}
                {...(own ? { hint: text.hints.firstOrganisationEditor } : {})}
                error={errors[name]}
              >
                <option value="">{text.noOrganisation}</option>
                <OrganisationOptions
                  organisations={own ? props.choices.ownOrganisations : props.choices.organisations}
                  selected={values[name]}
                />
              </SelectField>
            );
          })}
        </fieldset>
        <SelectField
          id={ids.agreementId!}
          name="agreementId"
          label={text.fields.agreement}
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
        <TextField
          id={ids.description!}
          name="description"
          label={text.fields.description}
          value={values.description}
          error={errors.description}
          maxlength={5000}
          multiline
        />
        <TextField
          id={ids.outcomes!}
          name="outcomes"
          label={text.fields.outcomes}
          hint={text.hints.outcomes}
          value={values.outcomes}
          error={errors.outcomes}
          maxlength={5000}
          multiline
        />
        <TextField
          id={ids.outcomesUsedOn!}
          name="outcomesUsedOn"
          label={text.fields.outcomesUsedOn}
          hint={text.hints.outcomesUsedOn}
          value={values.outcomesUsedOn}
          error={errors.outcomesUsedOn}
        />
        <fieldset
          id={ids.visibility}
          class={errors.visibility ? 'field field-error choices' : 'field choices'}
          aria-describedby={errors.visibility ? 'akt-synlighet-error' : undefined}
        >
          <legend>{text.fields.visibility}</legend>
          {errors.visibility ? (
            <p id="akt-synlighet-error" class="error-message">
              {errors.visibility}
            </p>
          ) : null}
          {(['public', 'internal'] as const).map((visibility) => (
            <div class="choice">
              <input
                type="radio"
                id={`akt-synlighet-${visibility}`}
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
              />
              <label for={`akt-synlighet-${visibility}`}>{text.visibilities[visibility]}</label>
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
