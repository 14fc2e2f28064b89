import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { FOCUS_AREA_FIELDS } from '../focus-areas.forms.ts';

const ids: Record<string, string> = {
  name: 'omrade-namn',
  description: 'omrade-beskrivning',
  _form: 'sparad-version',
};

/** Add, rename or describe a prioritised focus area. */
export function FocusAreaForm(props: {
  heading: string;
  action: string;
  form: FormState;
  version?: number | undefined;
  saved?: Record<string, string> | undefined;
  notice?: string | undefined;
  links?: { href: string; text: string }[];
}) {
  const t = useT();
  const text = t.agreementEdits.focusAreas;
  const { values, errors } = props.form;
  const summary = errorList(errors, FOCUS_AREA_FIELDS).map((error) => ({
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
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <form method="post" action={props.action} novalidate>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <TextField
          id="omrade-namn"
          name="name"
          label={text.fields.name}
          hint={text.hints.name}
          value={values.name}
          error={errors.name}
          maxlength={200}
          required
        />
        <TextField
          id="omrade-beskrivning"
          name="description"
          label={text.fields.description}
          hint={text.hints.description}
          value={values.description}
          error={errors.description}
          maxlength={2000}
          multiline
        />
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href="/arbetsyta">{t.register.cancel}</a>
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
