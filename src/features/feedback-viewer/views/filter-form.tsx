import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import {
  answerFilters,
  type FilterError,
  OVERVIEW_PATH,
  statusFilters,
  type TypedFilters,
} from '../feedback-viewer.forms.ts';

/** The filters as a GET form, so a filtered view is a link that can be bookmarked or shared. */
export function FilterForm({
  typed,
  errors,
  pages,
}: {
  typed: TypedFilters;
  errors: FilterError[];
  pages: string[];
}) {
  const text = useT().feedbackViewer;
  const errorFor = (field: FilterError['field']) => errors.find((error) => error.field === field)?.message;
  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">{text.filtersHeading}</h2>
      <form method="get" action={OVERVIEW_PATH} class="feedback-filters" novalidate>
        <div class="filter-row">
          <TextField
            id="filter-fran"
            name="fran"
            label={text.from}
            hint={text.dateHint}
            value={typed.fran}
            error={errorFor('fran')}
            maxlength={10}
          />
          <TextField
            id="filter-till"
            name="till"
            label={text.to}
            hint={text.dateHint}
            value={typed.till}
            error={errorFor('till')}
            maxlength={10}
          />
        </div>
        <div class="filter-row">
          <Select
            id="filter-sida"
            name="sida"
            label={text.page}
            selected={typed.sida}
            error={errorFor('sida')}
            options={[['', text.allPages], ...pages.map((page): [string, string] => [page, page])]}
          />
          <Select
            id="filter-svar"
            name="svar"
            label={text.answer}
            selected={typed.svar || 'alla'}
            options={answerFilters.map((value) => [value, text.answers[value]])}
          />
          <Select
            id="filter-status"
            name="status"
            label={text.status}
            selected={typed.status || 'alla'}
            options={statusFilters.map((value) => [value, text.statuses[value]])}
          />
        </div>
        <p class="filter-actions">
          <button type="submit">{text.show}</button> <a href={OVERVIEW_PATH}>{text.clearFilters}</a>
        </p>
      </form>
    </section>
  );
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  selected: string;
  options: [string, string][];
  error?: string | undefined;
}) {
  return (
    <SelectField id={props.id} name={props.name} label={props.label} error={props.error}>
      {props.options.map(([value, label]) => (
        <option value={value} selected={value === props.selected}>
          {label}
        </option>
      ))}
    </SelectField>
  );
}
