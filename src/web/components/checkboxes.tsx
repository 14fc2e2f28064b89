import { ChoiceFieldset } from './field.tsx';

/**
 * A group of checkboxes, each a field of its own (a ticked one sends 'ja'): linked focus areas, goals,
 * documents. With a hint and an error tied to the fieldset (ChoiceFieldset), as Field does for one control.
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
  return (
    <ChoiceFieldset
      id={props.id}
      fieldsetId={props.id}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
    >
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
    </ChoiceFieldset>
  );
}
