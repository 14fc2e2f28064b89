import type { Child } from 'hono/jsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { visibilities } from '../../register/register.table.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import type { AgreementChoices } from '../agreement-edits.service.ts';
import {
  agreementFieldOrder,
  contactPartyField,
  contactPersonField,
  focusAreaField,
  MAX_CONTACTS,
  MAX_PARTIES,
  partyField,
} from '../agreements.forms.ts';
import { agreementKinds } from '../agreements.table.ts';

export type AgreementFormProps = {
  heading: string;
  action: string;
  form: FormState;
  choices: AgreementChoices;
  /** The coordinator may name any party; an editor is told which they may. */
  coordinator: boolean;
  /** The version the form was opened on; absent for a new agreement. */
  version?: number | undefined;
  /** After a refused save: the agreement as it is saved now. */
  saved?: Record<string, string> | undefined;
  /** A note after a save ("Ändringen är sparad."). */
  notice?: string | undefined;
  backHref: string;
  /** Links under the form (the public page, history, delete), for an existing agreement. */
  links?: { href: string; text: string }[];
};

/** The control each field's message links to from the summary. */
function controlId(field: string): string {
  const fixed: Record<string, string> = {
    kind: 'avtal-typ',
    title: 'avtal-titel',
    diarienummer: 'avtal-diarienummer',
    signedOn: 'avtal-undertecknat',
    validFrom: 'avtal-fran',
    validTo: 'avtal-till',
    parties: 'avtal-part-1',
    description: 'avtal-beskrivning',
    visibility: 'avtal-synlighet-public',
    internalReason: 'avtal-skal',
    // "Someone else saved meanwhile": the saved version, shown beside the form.
    _form: 'sparad-version',
  };
  if (fixed[field]) return fixed[field];
  const row = /^(party|contactPerson|contactParty|focusArea-)(\d+)$/.exec(field);
  if (!row) return field;
  const prefix = {
    party: 'avtal-part-',
    contactPerson: 'avtal-kontakt-',
    contactParty: 'avtal-kontakt-part-',
    'focusArea-': 'avtal-omrade-',
  }[row[1] as 'party'];
  return `${prefix}${row[2]}`;
}

/** How many rows of a list to show: every filled one and some empty ones, at least `least`. */
function rowCount(
  values: FormState['values'],
  errors: FormState['errors'],
  field: (row: number) => string[],
  max: number,
  least: number,
  spare: number,
) {
  let last = 0;
  for (let row = 1; row <= max; row++)
    if (field(row).some((name) => values[name] || errors[name])) last = row;
  return Math.min(max, Math.max(least, last + spare));
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/**
 * Add or change an agreement: every field of its public page, parties and contacts as rows of selects
 * and focus areas as checkboxes (no JavaScript needed), with messages next to the fields.
 */
export function AgreementForm(props: AgreementFormProps) {
  const t = useT();
  const text = t.agreementEdits;
  const { values, errors } = props.form;
  const order = agreementFieldOrder(props.choices.focusAreas.map((area) => area.id));
  const summary = errorList(errors, order).map((error) => ({
    field: controlId(error.field),
    message: error.message,
  }));
  const partyRows = rowCount(values, errors, (row) => [partyField(row)], MAX_PARTIES, 3, 2);
  const contactRows = rowCount(
    values,
    errors,
    (row) => [contactPersonField(row), contactPartyField(row)],
    MAX_CONTACTS,
    2,
    1,
  );
  return (
    <>
      <h1>{props.heading}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <SelectField id="avtal-typ" name="kind" label={text.fields.kind} error={errors.kind}>
          {agreementKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {t.agreementKinds[kind]}
            </option>
          ))}
        </SelectField>
        <TextField
          id="avtal-titel"
          name="title"
          label={text.fields.title}
          hint={text.hints.title}
          value={values.title}
          error={errors.title}
          maxlength={300}
          required
        />
        <TextField
          id="avtal-diarienummer"
          name="diarienummer"
          label={text.fields.diarienummer}
          hint={text.hints.diarienummer}
          value={values.diarienummer}
          error={errors.diarienummer}
          maxlength={60}
        />
        {(
          [
            ['avtal-undertecknat', 'signedOn'],
            ['avtal-fran', 'validFrom'],
            ['avtal-till', 'validTo'],
          ] as const
        ).map(([id, field]) => (
          <TextField
            id={id}
            name={field}
            label={text.fields[field]}
            hint={text.hints.date}
            value={values[field]}
            error={errors[field]}
            maxlength={40}
          />
        ))}
        <ListFieldset
          id="avtal-parter"
          legend={text.fields.parties}
          hint={props.coordinator ? text.hints.parties : `${text.hints.parties} ${text.hints.partiesEditor}`}
          error={errors.parties}
        >
          {rows(partyRows).map((row) => (
            <SelectField
              id={controlId(partyField(row))}
              name={partyField(row)}
              label={text.partyLabel(row)}
              error={errors[partyField(row)]}
            >
              <option value="">{text.none}</option>
              <OrganisationOptions
                organisations={props.choices.organisations}
                selected={values[partyField(row)]}
              />
            </SelectField>
          ))}
        </ListFieldset>
        <ListFieldset id="avtal-omraden" legend={text.fields.focusAreas} hint={text.hints.focusAreas}>
          {props.choices.focusAreas.length === 0 ? <p>{text.noFocusAreas}</p> : null}
          {props.choices.focusAreas.map((area) => (
            <div class="choice">
              <input
                type="checkbox"
                id={controlId(focusAreaField(area.id))}
                name={focusAreaField(area.id)}
                value="ja"
                checked={values[focusAreaField(area.id)] === 'ja'}
              />
              <label for={controlId(focusAreaField(area.id))}>{area.name}</label>
            </div>
          ))}
        </ListFieldset>
        <ListFieldset id="avtal-kontakter" legend={text.fields.contacts} hint={text.hints.contacts}>
          {rows(contactRows).map((row) => (
            <div class="list-row">
              <SelectField
                id={controlId(contactPersonField(row))}
                name={contactPersonField(row)}
                label={text.contactPersonLabel(row)}
                error={errors[contactPersonField(row)]}
              >
                <option value="">{text.none}</option>
                {props.choices.people.map((person) => (
                  <option
                    value={String(person.id)}
                    selected={values[contactPersonField(row)] === String(person.id)}
                  >
                    {person.label}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={controlId(contactPartyField(row))}
                name={contactPartyField(row)}
                label={text.contactPartyLabel(row)}
                error={errors[contactPartyField(row)]}
              >
                <option value="">{text.none}</option>
                <OrganisationOptions
                  organisations={props.choices.organisations}
                  selected={values[contactPartyField(row)]}
                />
              </SelectField>
            </div>
          ))}
        </ListFieldset>
        <TextField
          id="avtal-beskrivning"
          name="description"
          label={text.fields.description}
          value={values.description}
          error={errors.description}
          maxlength={5000}
          multiline
        />
        <ListFieldset
          id="avtal-synlighet"
          legend={text.fields.visibility}
          hint={text.hints.visibility}
          error={errors.visibility}
        >
          {visibilities.map((visibility) => (
            <div class="choice">
              <input
                type="radio"
                id={`avtal-synlighet-${visibility}`}
                name="visibility"
                value={visibility}
                checked={(values.visibility || 'public') === visibility}
              />
              <label for={`avtal-synlighet-${visibility}`}>{text.visibilityChoices[visibility]}</label>
            </div>
          ))}
        </ListFieldset>
        <TextField
          id="avtal-skal"
          name="internalReason"
          label={text.fields.internalReason}
          hint={text.hints.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
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

/** A group of controls under one name (parties, areas, contacts, visibility), with its hint and message. */
function ListFieldset(props: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: Child;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      class={props.error ? 'field field-error choices' : 'field choices'}
      aria-describedby={describedBy || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} class="error-message">
          {props.error}
        </p>
      ) : null}
      {props.children}
    </fieldset>
  );
}
