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

/** The targets already set, one row per year, in a table that scrolls in its own region at 320 px. */
export function TargetTable({
  rows,
  percent,
  unit,
}: {
  rows: IndicatorValueRow[];
  percent: boolean;
  unit: string;
}) {
  const t = useT();
  const text = t.indicatorEdits;
  const targets = rows.filter((row) => row.target !== null);
  if (targets.length === 0) return <p>{text.targetsEmpty}</p>;
  return (
    <section class="table-scroll" aria-labelledby="satta-malvarden" tabindex={0}>
      <table>
        <caption id="satta-malvarden">{text.targetsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.columns.year}</th>
            <th scope="col">
              {percent ? text.columns.target : text.columns.withUnit(text.columns.target, unit)}
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((row) => (
            <tr>
              <th scope="row">{row.year}</th>
              <td>
                <ShownNumber value={row.target ?? ''} percent={percent} /> <DemoLabel show={row.isDemo} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The values entered so far, each with its source and the day it was measured. */
export function ValueTable({
  rows,
  percent,
  unit,
}: {
  rows: IndicatorValueRow[];
  percent: boolean;
  unit: string;
}) {
  const t = useT();
  const text = t.indicatorEdits;
  const entered = rows.filter((row) => row.value !== null);
  if (entered.length === 0) return <p>{text.valuesEmpty}</p>;
  return (
    <section class="table-scroll" aria-labelledby="inmatade-varden" tabindex={0}>
      <table>
        <caption id="inmatade-varden">{text.valuesHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.columns.year}</th>
            <th scope="col">
              {percent ? text.columns.value : text.columns.withUnit(text.columns.value, unit)}
            </th>
            <th scope="col">{text.columns.source}</th>
            <th scope="col">{text.columns.measuredOn}</th>
          </tr>
        </thead>
        <tbody>
          {entered.map((row) => (
            <tr>
              <th scope="row">{row.year}</th>
              <td>
                <ShownNumber value={row.value ?? ''} percent={percent} /> <DemoLabel show={row.isDemo} />
              </td>
              <td>{row.source}</td>
              <td>
                {row.measuredOn ? <time datetime={row.measuredOn}>{formatDate(row.measuredOn)}</time> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
