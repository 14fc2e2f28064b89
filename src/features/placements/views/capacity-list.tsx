import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { Period } from '../../../web/components/period.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import {
  CAPACITY_PATH,
  type CapacityFilterError,
  capacitySearch,
  KIND_PARAMS,
  type TypedCapacityFilters,
} from '../placement-offers.list.ts';
import { CAPACITY_PAGE_SIZE, type CapacityFilters, type CapacityRow } from '../placement-offers.queries.ts';
import { nextTerm, previousTerm } from '../placement-terms.ts';
import { offerPath } from './offer-page.tsx';
import { PlacementNav } from './placement-nav.tsx';

export type CapacityListProps = {
  typed: TypedCapacityFilters;
  errors: CapacityFilterError[];
  administrations: { id: number; name: string }[];
  areas: string[];
  /** Absent when the filters were refused. */
  result?: { filters: CapacityFilters; page: number; rows: CapacityRow[]; total: number };
  mayOffer: boolean;
};

/** Filter field → the control its message links to. */
const ids = {
  termin: 'platser-termin',
  typ: 'platser-typ',
  program: 'platser-program',
  forvaltning: 'platser-forvaltning',
  omrade: 'platser-omrade',
  fran: 'platser-fran',
  till: 'platser-till',
  lediga: 'platser-lediga',
} as const;

/**
 * The capacity list: every offer of a term in one table, with the filters as a GET form (a filtered list
 * is a link), paged. The table scrolls in its own labelled region on narrow screens (numbers and dates
 * need their column headings).
 */
export function CapacityList(props: CapacityListProps) {
  const t = useT();
  const text = t.placementOffers.list;
  const { typed, errors, result } = props;
  const errorFor = (field: CapacityFilterError['field']) =>
    errors.find((error) => error.field === field)?.message;
  const term = result?.filters.term;
  return (
    <>
      <h1>{term ? text.titleFor(term) : text.title}</h1>
      <PlacementNav current="capacity" />
      <p>{text.intro}</p>
      {props.mayOffer ? (
        <ul class="plain edit-links">
          <li>
            <a href={`${CAPACITY_PATH}/ny`}>{text.add}</a>
          </li>
          <li>
            <a href={`${CAPACITY_PATH}/kopiera`}>{text.copy}</a>
          </li>
        </ul>
      ) : null}
      <ErrorSummary
        title={text.errorSummary}
        errors={errors.map((error) => ({ field: ids[error.field], message: error.message }))}
      />
      <section aria-labelledby="platser-filter-rubrik">
        <h2 id="platser-filter-rubrik">{text.filtersHeading}</h2>
        <form method="get" action={CAPACITY_PATH} class="feedback-filters" novalidate>
          <div class="filter-row">
            <TextField
              id={ids.termin}
              name="termin"
              label={text.term}
              value={typed.termin || term}
              error={errorFor('termin')}
              maxlength={20}
            />
            <SelectField id={ids.typ} name="typ" label={text.kind}>
              <option value="">{text.allKinds}</option>
              {Object.entries(KIND_PARAMS).map(([param, kind]) => (
                <option value={param} selected={typed.typ === param}>
                  {t.placementOffers.kinds[kind]}
                </option>
              ))}
            </SelectField>
            <TextField
              id={ids.program}
              name="program"
              label={text.programme}
              value={typed.program}
              error={errorFor('program')}
              maxlength={100}
            />
          </div>
          {/* Each select on a line of its own: a long förvaltning name must not widen the page. */}
          <SelectField id={ids.forvaltning} name="forvaltning" label={text.administration}>
            <option value="">{text.allAdministrations}</option>
            {props.administrations.map((administration) => (
              <option
                value={String(administration.id)}
                selected={typed.forvaltning === String(administration.id)}
              >
                {administration.name}
              </option>
            ))}
          </SelectField>
          <SelectField id={ids.omrade} name="omrade" label={text.area} error={errorFor('omrade')}>
            <option value="">{text.allAreas}</option>
            {props.areas.map((area) => (
              <option value={area} selected={typed.omrade === area}>
                {area}
              </option>
            ))}
          </SelectField>
          <div class="filter-row">
            <TextField
              id={ids.fran}
              name="fran"
              label={text.from}
              hint={text.dateHint}
              value={typed.fran}
              error={errorFor('fran')}
              maxlength={10}
            />
            <TextField
              id={ids.till}
              name="till"
              label={text.to}
              hint={text.dateHint}
              value={typed.till}
              error={errorFor('till')}
              maxlength={10}
            />
          </div>
          <div class="choice">
            <input type="checkbox" id={ids.lediga} name="lediga" value="1" checked={typed.lediga === '1'} />
            <label for={ids.lediga}>{text.onlyFree}</label>
          </div>
          <p class="filter-actions">
            <button type="submit">{text.show}</button> <a href={CAPACITY_PATH}>{text.clear}</a>
          </p>
        </form>
      </section>
      {result ? <Results result={result} /> : null}
    </>
  );
}

function Results({ result }: { result: NonNullable<CapacityListProps['result']> }) {
  const t = useT();
  const text = t.placementOffers.list;
  const { filters, rows, total, page } = result;
  const pages = Math.max(1, Math.ceil(total / CAPACITY_PAGE_SIZE));
  return (
    <div>
      <h2 id="platser-tabell-rubrik">{text.caption(total, filters.term)}</h2>
      {rows.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="platser-tabell-rubrik" tabindex={0}>
          <table>
            <caption class="visually-hidden">{text.caption(total, filters.term)}</caption>
            <thead>
              <tr>
                <th scope="col">{text.columns.unit}</th>
                <th scope="col">{text.columns.administration}</th>
                <th scope="col">{text.columns.kind}</th>
                <th scope="col">{text.columns.programme}</th>
                <th scope="col">{text.columns.level}</th>
                <th scope="col" class="numeric">
                  {text.columns.places}
                </th>
                <th scope="col" class="numeric">
                  {text.columns.free}
                </th>
                <th scope="col">{text.columns.period}</th>
                <th scope="col">{text.columns.area}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={offerPath(row.id)}>{row.unitName}</a> <DemoLabel show={row.isDemo} />
                  </th>
                  <td>{row.administrationName ?? ''}</td>
                  <td>{t.placementOffers.kinds[row.kind]}</td>
                  <td>{row.programme}</td>
                  <td>{row.studyLevel}</td>
                  <td class="numeric">{row.places}</td>
                  <td class="numeric">{row.places - row.confirmedPlaces}</td>
                  <td>{row.startsOn || row.endsOn ? <Period from={row.startsOn} to={row.endsOn} /> : ''}</td>
                  <td>{row.area}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Pagination
        label={text.pagination}
        page={page}
        pages={pages}
        href={(to) => `${CAPACITY_PATH}${capacitySearch(filters, to)}`}
      />
      <p>
        {text.otherTerms}:{' '}
        <a href={`${CAPACITY_PATH}?termin=${previousTerm(filters.term)}`}>
          {t.placementOffers.termName(previousTerm(filters.term))}
        </a>
        {', '}
        <a href={`${CAPACITY_PATH}?termin=${nextTerm(filters.term)}`}>
          {t.placementOffers.termName(nextTerm(filters.term))}
        </a>
      </p>
    </div>
  );
}
