import { Field, fieldAria } from './field.tsx';

/** A labelled text input (or textarea) with its hint and error message; used by every form. */
export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'search' | 'date';
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  multiline?: boolean;
}) {
  const common = {
    id: props.id,
    name: props.name,
    maxlength: props.maxlength,
    required: props.required,
    ...fieldAria(props),
  };
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {props.multiline ? (
        <textarea {...common} rows={4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
        />
      )}
    </Field>
  );
}
