import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { commentField, REPORT_FIELDS } from '../annual-reports.forms.ts';

const ids = (field: string) => `arsrapport-${field}`;

/** A new draft (with its year) or a change of a draft's texts: the summary and a comment per goal. */
export function AnnualReportForm(props: {
  heading: string;
  action: string;
  form: FormState;
  goals: { slug: string; shortTitle: string }[];
  years: { from: number; to: number };
  /** A new report: the year is chosen; a change: the version the form was opened on. */
  withYear: boolean;
  version?: number | undefined;
  saved?: { described: Record<string, string>; labels: Record<string, string> } | undefined;
  backHref: string;
  submit: string;
}) {
  const t = useT();
  const text = t.annualReports.form;
  const { values, errors } = props.form;
  const summary = errorList(errors, REPORT_FIELDS).map((error) => ({
    field: error.field === '_form' ? error.field : ids(error.field),
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved.described} labels={props.saved.labels} /> : null}
      <p>{text.intro}</p>
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        {props.withYear ? (
          <TextField
            id={ids('year')}
            name="year"
            label={text.year}
            hint={text.yearHint(props.years.from, props.years.to)}
            value={values.year}
            error={errors.year}
            maxlength={4}
            required
          />
        ) : null}
        <TextField
          id={ids('summary')}
          name="summary"
          label={text.summary}
          hint={text.summaryHint}
          value={values.summary}
          error={errors.summary}
          maxlength={5000}
          multiline
        />
        {props.goals.map((goal) => {
          const name = commentField(goal.slug);
          return (
            <TextField
              id={ids(name)}
              name={name}
              label={text.comment(goal.shortTitle)}
              hint={text.commentHint}
              value={values[name]}
              error={errors[name]}
              maxlength={3000}
              multiline
            />
          );
        })}
        <div class="button-row">
          <button type="submit">{props.submit}</button> <a href={props.backHref}>{text.cancel}</a>
        </div>
      </form>
    </>
  );
}
