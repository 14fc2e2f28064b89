/**
 * A group of checkboxes, each a field of its own (a ticked one sends 'ja'): linked focus areas, goals,
 * documents. With a hint and an error tied to the fieldset, as Field does for one control.
 */
export function Checkboxes(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  empty?: string;
  options: { name: string; label: string }[];
  values: Partial<Record<string, string>>;
}) {
  // Nothing to choose and nothing to say about it: no empty fieldset.
  if (props.options.length === 0 && !props.empty && !props.error) return null;
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={props.id}
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
      {props.options.length === 0 && props.empty ? <p>{props.empty}</p> : null}
      {props.options.map((option) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`${props.id}-${option.name}`}
            name={option.name}
            value="ja"
            checked={props.values[option.name] === 'ja'}
          />
          <label for={`${props.id}-${option.name}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
