import type { Child } from 'hono/jsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { TARGET_FIELDS, VALUE_FIELDS } from '../indicator-edits.forms.ts';
import type { IndicatorValueRow } from '../indicator-edits.queries.ts';
import { TargetTable, ValueTable } from './indicator-years.tsx';

const ids: Record<string, string> = {
  year: 'indikator-ar',
  target: 'indikator-malvarde',
  value: 'indikator-varde',
  source: 'indikator-kalla',
  measuredOn: 'indikator-matt',
  _form: 'sparad-version',
};

export type IndicatorFormProps = {
  heading: string;
  /** The indicator's name and definition in a sentence, above the form. */
  lead: string;
  action: string;
  form: FormState;
  version: number;
  years: number[];
  percent: boolean;
  /** The unit as a figure reads ("praktikperioder"), for the hint. */
  unit: string;
  rows: IndicatorValueRow[];
  notice?: string | undefined;
  /** After a refused save: the saved version, with the names of its fields. */
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  links: { href: string; text: string }[];
};

/** Sets or changes the target for a year; the targets already set are listed under it. */
export function IndicatorTargetForm(props: IndicatorFormProps) {
  const t = useT();
  const text = t.indicatorEdits;
  const { values, errors } = props.form;
  return (
    <FormFrame
      {...props}
      order={TARGET_FIELDS}
      table={<TargetTable rows={props.rows} percent={props.percent} unit={props.unit} />}
    >
      <YearSelect years={props.years} value={values.year} error={errors.year} />
      <TextField
        id={ids.target as string}
        name="target"
        label={text.fields.target}
        hint={props.percent ? text.hints.targetPercent : text.hints.target(props.unit)}
        value={values.target}
        error={errors.target}
        maxlength={20}
      />
    </FormFrame>
  );
}

/** Enters a manual indicator's value for a year, with its source and the day it was measured. */
export function IndicatorValueForm(props: IndicatorFormProps) {
  const t = useT();
  const text = t.indicatorEdits;
  const { values, errors } = props.form;
  return (
    <FormFrame
      {...props}
      order={VALUE_FIELDS}
      table={<ValueTable rows={props.rows} percent={props.percent} unit={props.unit} />}
    >
      <YearSelect years={props.years} value={values.year} error={errors.year} />
      <TextField
        id={ids.value as string}
        name="value"
        label={text.fields.value}
        hint={props.percent ? text.hints.valuePercent : text.hints.value(props.unit)}
        value={values.value}
        error={errors.value}
        maxlength={20}
      />
      <TextField
        id={ids.source as string}
        name="source"
        label={text.fields.source}
        hint={text.hints.source}
        value={values.source}
        error={errors.source}
        maxlength={300}
      />
      <TextField
        id={ids.measuredOn as string}
        name="measuredOn"
        type="date"
        label={text.fields.measuredOn}
        hint={text.hints.measuredOn}
        value={values.measuredOn}
        error={errors.measuredOn}
      />
    </FormFrame>
  );
}

/** The heading, messages and buttons both forms share; the table of years already set comes after the form. */
function FormFrame(props: IndicatorFormProps & { order: readonly string[]; table: Child; children: Child }) {
  const t = useT();
  const summary = errorList(props.form.errors, props.order).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <p>{props.lead}</p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        {props.children}
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href={props.links[0]?.href ?? '/mal'}>{t.register.cancel}</a>
        </div>
      </form>
      {props.table}
      <ul class="plain edit-links">
        {props.links.slice(1).map((link) => (
          <li>
            <a href={link.href}>{link.text}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function YearSelect(props: { years: number[]; value: string | undefined; error: string | undefined }) {
  const t = useT();
  return (
    <SelectField
      id={ids.year as string}
      name="year"
      label={t.indicatorEdits.fields.year}
      hint={t.indicatorEdits.hints.year}
      error={props.error}
    >
      {props.years.map((year) => (
        <option value={String(year)} selected={props.value === String(year)}>
          {year}
        </option>
      ))}
    </SelectField>
  );
}
