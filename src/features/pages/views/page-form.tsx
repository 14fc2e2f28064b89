import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { PAGE_BODY_MAX, PAGE_FIELDS } from '../pages.forms.ts';

/** The control each field's message links to from the summary. */
const ids: Record<string, string> = { title: 'sida-rubrik', body: 'sida-text' };

/**
 * A text page's title and text, with how the text is written (paragraphs, lists, headings, links) right
 * by the field: what is typed is what PageBody shows, so no preview is needed.
 */
export function PageForm(props: {
  heading: string;
  action: string;
  form: FormState;
  version: number;
  /** After a refused save: the page as it is saved now. */
  saved?: Record<string, string> | undefined;
  backHref: string;
  historyHref: string;
}) {
  const t = useT();
  const text = t.activityEdits.pages;
  const { values, errors } = props.form;
  const summary = errorList(errors, PAGE_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary title={t.register.errorSummary} errors={summary} />
      {props.saved ? <SavedVersion described={props.saved} labels={text.fields} /> : null}
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required
        />
        <section aria-labelledby="sida-text-hjalp">
          <h2 id="sida-text-hjalp">{text.bodyHelpHeading}</h2>
          <ul>
            <li>{text.bodyHelp.paragraphs}</li>
            <li>{text.bodyHelp.list}</li>
            <li>{text.bodyHelp.heading}</li>
            <li>{text.bodyHelp.link}</li>
          </ul>
        </section>
        <TextField
          id={ids.body!}
          name="body"
          label={text.fields.body}
          hint={text.updatedNote}
          value={values.body}
          error={errors.body}
          maxlength={PAGE_BODY_MAX}
          multiline
          required
        />
        <div class="button-row">
          <button type="submit">{t.register.save}</button>
          <a href={props.backHref}>{t.register.cancel}</a>
        </div>
      </form>
      <ul class="plain edit-links">
        <li>
          <a href={props.historyHref}>{t.register.history}</a>
        </li>
      </ul>
    </>
  );
}
