import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { IndicatorValueRow } from '../indicator-edits.queries.ts';

/** A number the Swedish way (decimal comma, space between thousands), with " %" for a percentage. */
export function ShownNumber({ value, percent }: { value: string; percent: boolean }) {
  const t = useT();
  const number = t.goalPages.formatNumber(Number(value));
  return <>{percent ? `${number}${t.indicatorEdits.percentSuffix}` : number}</>;
}

type YearTableProps = { rows: IndicatorValueRow[]; percent: boolean; unit: string };

/** The targets already set, one row per year, in a table that scrolls in its own region at 320 px. */
export function TargetTable(props: YearTableProps) {
  return <YearTable {...props} field="target" />;
}

/** The values entered so far, each with its source and the day it was measured. */
export function ValueTable(props: YearTableProps) {
  return <YearTable {...props} field="value" />;
}

/** One table for both: the years where `field` is set; an entered value also shows its source and day. */
function YearTable({ rows, percent, unit, field }: YearTableProps & { field: 'target' | 'value' }) {
  const t = useT();
  const text = t.indicatorEdits;
  const entered = field === 'value';
  const shown = rows.filter((row) => row[field] !== null);
  if (shown.length === 0) return <p>{entered ? text.valuesEmpty : text.targetsEmpty}</p>;
  const captionId = entered ? 'inmatade-varden' : 'satta-malvarden';
  const column = entered ? text.columns.value : text.columns.target;
  return (
    <section class="table-scroll" aria-labelledby={captionId} tabindex={0}>
      <table>
        <caption id={captionId}>{entered ? text.valuesHeading : text.targetsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.columns.year}</th>
            <th scope="col">{percent ? column : text.columns.withUnit(column, unit)}</th>
            {entered ? (
              <>
                <th scope="col">{text.columns.source}</th>
                <th scope="col">{text.columns.measuredOn}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr>
              <th scope="row">{row.year}</th>
              <td>
                <ShownNumber value={row[field] ?? ''} percent={percent} /> <DemoLabel show={row.isDemo} />
              </td>
              {entered ? (
                <>
                  <td>{row.source}</td>
                  <td>
                    {row.measuredOn ? (
                      <time datetime={row.measuredOn}>{formatDate(row.measuredOn)}</time>
                    ) : null}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
