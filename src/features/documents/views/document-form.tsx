import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset, Field, fieldAria, SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { SavedVersion } from '../../register/views/saved-version.tsx';
import { DOCUMENT_FIELDS } from '../documents.forms.ts';
import { documentKinds } from '../documents.table.ts';

type Props = {
  heading: string;
  /** Said after a save ("Dokumentet är sparat."). */
  notice?: string | undefined;
  action: string;
  form: FormState;
  /** A new document: the form carries the file (multipart). */
  upload: boolean;
  /** The version the form was opened on; absent for a new document. */
  version?: number | undefined;
  /** After a refused save: the document as it is saved now. */
  saved?: Record<string, string> | undefined;
  agreementInternal: boolean;
  backHref: string;
  links?: { href: string; text: string }[];
};

const ids: Record<string, string> = {
  fil: 'dokument-fil',
  title: 'dokument-rubrik',
  kind: 'dokument-typ',
  visibility: 'dokument-synlighet-public',
  internalReason: 'dokument-skal',
};

/** Upload a PDF to an agreement, or change a document's title, kind and visibility. */
export function DocumentForm(props: Props) {
  const t = useT();
  const text = t.documents;
  const { values, errors } = props.form;
  const summary = errorList(errors, DOCUMENT_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  const visibility = values.visibility === 'internal' ? 'internal' : 'public';
  const fileError = errors.fil;
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
      {props.agreementInternal ? <p class="notice">{text.internalAgreement}</p> : null}
      <form
        method="post"
        action={props.action}
        enctype={props.upload ? 'multipart/form-data' : undefined}
        novalidate
      >
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        {props.upload ? (
          <Field id={ids.fil!} label={text.fields.fil} hint={text.hints.fil} error={fileError}>
            <input
              type="file"
              id={ids.fil}
              name="fil"
              accept=".pdf,application/pdf"
              required
              {...fieldAria({ id: ids.fil!, hint: text.hints.fil, error: fileError })}
            />
          </Field>
        ) : null}
        {props.upload && Object.keys(errors).length > 0 && !fileError ? (
          <p class="hint">{text.chooseAgain}</p>
        ) : null}
        <TextField
          id={ids.title!}
          name="title"
          label={text.fields.title}
          hint={props.upload ? text.hints.title : undefined}
          value={values.title}
          error={errors.title}
          maxlength={200}
          required={!props.upload}
        />
        <SelectField id={ids.kind!} name="kind" label={text.fields.kind} error={errors.kind}>
          {documentKinds.map((kind) => (
            <option value={kind} selected={values.kind === kind}>
              {text.kinds[kind]}
            </option>
          ))}
        </SelectField>
        <ChoiceFieldset id="dokument-synlighet" legend={text.fields.visibility} error={errors.visibility}>
          {(['public', 'internal'] as const).map((choice) => (
            <div class="choice">
              <input
                type="radio"
                id={`dokument-synlighet-${choice}`}
                name="visibility"
                value={choice}
                checked={visibility === choice}
              />
              <label for={`dokument-synlighet-${choice}`}>{text.visibilityChoices[choice]}</label>
            </div>
          ))}
        </ChoiceFieldset>
        <TextField
          id={ids.internalReason!}
          name="internalReason"
          label={text.fields.internalReason}
          hint={text.hints.internalReason}
          value={values.internalReason}
          error={errors.internalReason}
          maxlength={300}
        />
        <button type="submit">{props.upload ? text.upload : text.save}</button>
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
      <p>
        <a href={props.backHref}>{text.back}</a>
      </p>
    </>
  );
}
