import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { FigureGroup } from '../overview.queries.ts';
import { type Overview, totals } from '../overview.service.ts';
import { PlacementNav } from './placement-nav.tsx';

export const OVERVIEW_PATH = '/praktik/oversikt';

const number = new Intl.NumberFormat('sv-SE');

/**
 * The overview page: a term chooser (a GET form, so it works without JavaScript), the four tables and the
 * files. With `error` (a term that is no term) only the chooser and the message.
 */
export function OverviewPage(props: {
  term: string;
  choices: string[];
  overview?: Overview | undefined;
  error?: string | undefined;
}) {
  const text = useT().placementOverview;
  const { overview, term } = props;
  return (
    <>
      <h1>{overview ? text.titleForTerm(term) : text.title}</h1>
      <PlacementNav current="overview" note />
      <p>{text.intro}</p>
      <ErrorSummary
        title={text.errorSummary}
        errors={props.error ? [{ field: 'termin', message: props.error }] : []}
      />
      <form method="get" action={OVERVIEW_PATH} class="term-chooser">
        <SelectField
          id="termin"
          name="termin"
          label={text.chooser.label}
          hint={text.chooser.hint}
          error={props.error}
        >
          {props.choices.map((choice) => (
            <option value={choice} selected={choice === term}>
              {choice}
            </option>
          ))}
        </SelectField>
        <button type="submit">{text.chooser.submit}</button>
      </form>
      {overview ? <Figures overview={overview} /> : null}
    </>
  );
}

function Figures({ overview }: { overview: Overview }) {
  const text = useT().placementOverview;
  const { term } = overview;
  const columns = text.columns;
  const query = `?termin=${encodeURIComponent(term)}`;
  return (
    <>
      <h2 id="downloads-heading">{text.downloads}</h2>
      <ul aria-labelledby="downloads-heading">
        <li>
          <a href={`${OVERVIEW_PATH}.csv${query}`} download>
            {text.downloadCsv(term)}
          </a>
        </li>
        <li>
          <a href={`${OVERVIEW_PATH}.xlsx${query}`} download>
            {text.downloadXlsx(term)}
          </a>
        </li>
      </ul>
      <p>{text.downloadNote}</p>

      <h2>{text.placementsHeading}</h2>
      <FigureTable
        id="praktik-forvaltning"
        caption={text.captions.placementsByAdministration(term)}
        groupHeading={columns.administration}
        empty={text.noPlacements(term)}
        rows={overview.placementsByAdministration}
        measures={[
          ['offered', columns.offered],
          ['requested', columns.requested],
          ['confirmed', columns.confirmed],
          ['completed', columns.completed],
        ]}
      />
      <FigureTable
        id="praktik-larosate"
        caption={text.captions.placementsByInstitution(term)}
        groupHeading={columns.institution}
        empty={text.noRequests(term)}
        rows={overview.placementsByInstitution}
        measures={[
          ['requested', columns.requested],
          ['confirmed', columns.confirmed],
          ['completed', columns.completed],
        ]}
      />

      <h2>{text.briefsHeading}</h2>
      <FigureTable
        id="behov-forvaltning"
        caption={text.captions.briefsByAdministration(term)}
        groupHeading={columns.administration}
        empty={text.noBriefs(term)}
        rows={overview.briefsByAdministration}
        measures={[
          ['published', columns.published],
          ['takenUp', columns.takenUp],
        ]}
      />
      <FigureTable
        id="behov-larosate"
        caption={text.captions.briefsByInstitution(term)}
        groupHeading={columns.institution}
        empty={text.noInstitutionBriefs(term)}
        rows={overview.briefsByInstitution}
        measures={[
          ['tookUp', columns.tookUp],
          ['published', columns.ownPublished],
          ['takenUp', columns.ownTakenUp],
        ]}
      />

      <h2>{text.howHeading}</h2>
      <ul>
        {text.how.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * A table of figures: a caption, a row heading per group, numbers right-aligned, a totals row. Its
 * columns need their headings to make sense, so on a narrow screen it scrolls in its own named region.
 */
function FigureTable<Row extends FigureGroup, Key extends keyof Row & string>(props: {
  id: string;
  caption: string;
  groupHeading: string;
  empty: string;
  rows: Row[];
  measures: [Key, string][];
}) {
  const text = useT().placementOverview;
  const keys = props.measures.map(([key]) => key);
  if (props.rows.length === 0) {
    return (
      <>
        <h3>{props.caption}</h3>
        <p>{props.empty}</p>
      </>
    );
  }
  const sum = totals(props.rows, keys);
  const captionId = `${props.id}-caption`;
  return (
    <section class="table-scroll" aria-labelledby={captionId} tabindex={0}>
      <table class="figures" id={props.id}>
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeading}</th>
            {props.measures.map(([, heading]) => (
              <th scope="col" class="numeric">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <FigureRow
              label={
                <>
                  {row.name ?? text.otherGroup} <DemoLabel show={row.demo} />
                </>
              }
              values={keys.map((key) => Number(row[key]))}
            />
          ))}
        </tbody>
        <tfoot>
          <FigureRow label={text.total} values={keys.map((key) => sum[key])} />
        </tfoot>
      </table>
    </section>
  );
}

function FigureRow({ label, values }: { label: Child; values: number[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((value) => (
        <td class="numeric">{number.format(value)}</td>
      ))}
    </tr>
  );
}
