import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { OFFER_FIELDS } from '../placement-offers.forms.ts';
import type { UnitChoice } from '../placement-offers.service.ts';
import { placementKinds } from '../placements.table.ts';

export type OfferFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: UnitChoice[];
  /** The version the form was opened on; absent for a new offer. */
  version?: number | undefined;
  /** After a refused save: the offer as it is saved now. */
  saved?: Record<string, string> | undefined;
  backHref: string;
  links?: { href: string; text: string }[];
};

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = {
  organisationId: 'erbjudande-enhet',
  term: 'erbjudande-termin',
  kind: 'erbjudande-typ',
  programme: 'erbjudande-utbildning',
  studyLevel: 'erbjudande-niva',
  places: 'erbjudande-platser',
  supervisors: 'erbjudande-handledare',
  startsOn: 'erbjudande-fran',
  endsOn: 'erbjudande-till',
  address: 'erbjudande-adress',
  area: 'erbjudande-kommundel',
  prerequisites: 'erbjudande-krav',
  description: 'erbjudande-beskrivning',
};

/** Offer places, or change an offer: every field, with messages next to the fields. */
export function OfferForm(props: OfferFormProps) {
  const t = useT();
  const text = t.placementOffers;
  const { values, errors } = props.form;
  const summary = errorList(errors, OFFER_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  const field = (name: keyof typeof text.fields & string) => ({
    id: ids[name]!,
    name,
    label: text.fields[name],
    value: values[name],
    error: errors[name],
  });
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={text.errorSummary} errors={summary} />
      {errors._form ? (
        <p class="error-message" role="alert">
          {errors._form}
        </p>
      ) : null}
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <SelectField
          id={ids.organisationId!}
          name="organisationId"
          label={text.fields.organisationId}
          hint={text.hints.organisationId}
          error={errors.organisationId}
        >
          <option value="">{text.chooseUnit}</option>
          <OrganisationOptions organisations={props.choices} selected={values.organisationId} />
        </SelectField>
        <TextField {...field('term')} hint={text.hints.term} maxlength={20} required />
        <SelectField id={ids.kind!} name="kind" label={text.fields.kind} error={errors.kind}>
          <option value="">{text.chooseKind}</option>
          {placementKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {text.kinds[kind]}
            </option>
          ))}
        </SelectField>
        <TextField {...field('programme')} hint={text.hints.programme} maxlength={200} required />
        <TextField {...field('studyLevel')} hint={text.hints.studyLevel} maxlength={100} />
        <TextField {...field('places')} hint={text.hints.places} maxlength={6} required />
        <TextField {...field('supervisors')} hint={text.hints.supervisors} maxlength={6} />
        <fieldset class="field choices period-fields" aria-describedby="erbjudande-period-hint">
          <legend>{text.periodLegend}</legend>
          <p id="erbjudande-period-hint" class="hint">
            {text.hints.period}
          </p>
          <div class="inline-form">
            <TextField {...field('startsOn')} maxlength={10} />
            <TextField {...field('endsOn')} maxlength={10} />
          </div>
        </fieldset>
        <TextField {...field('address')} maxlength={300} />
        <TextField {...field('area')} hint={text.hints.area} maxlength={100} />
        <TextField {...field('prerequisites')} hint={text.hints.prerequisites} maxlength={2000} multiline />
        <TextField {...field('description')} hint={text.hints.description} maxlength={2000} multiline />
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
