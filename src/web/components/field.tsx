import type { Child } from 'hono/jsx';

/**
 * A form field's frame: the label, the hint and the error message right above the control (GOV.UK
 * pattern). `describedBy`/`invalid` are what the control itself must carry, so the messages are read out.
 */
export function fieldAria(props: { id: string; hint?: string | undefined; error?: string | undefined }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: Child;
}) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
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
    </div>
  );
}

/** A labelled select; its options are the children. */
export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: Child;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <select id={props.id} name={props.name} {...fieldAria(props)}>
        {props.children}
      </select>
    </Field>
  );
}

/**
 * A group of radio buttons or checkboxes under one name (a legend), with its hint and message; the
 * fieldset carries them for screen readers, as a label does for one control.
 */
export function ChoiceFieldset(props: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  /**
   * The fieldset's own id, where the error summary links to the group itself (Checkboxes); otherwise the
   * first control carries `id` and the fieldset has none.
   */
  fieldsetId?: string | undefined;
  children: Child;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={props.fieldsetId}
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
