import { formatDate } from '../../../lib/dates.ts';
import { BarChart, type ChartBar } from '../../../web/components/bar-chart.tsx';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ShownIndicator, Standing } from '../goal-pages.service.ts';
import type { IndicatorDefinition, IndicatorSlug } from '../indicators/indicator-catalogue.ts';
import type { IndicatorYear } from '../indicators/indicator-figures.service.ts';

/** The parts the goal pages share: a figure in words, its standing, the chart with its table, a year form. */

export function indicatorPath(slug: string): string {
  return `/mal/indikatorer/${slug}`;
}

export function recordsPath(slug: string, year: number): string {
  return `/mal/indikatorer/${slug}/underlag?ar=${year}`;
}

export function useIndicatorWords(definition: IndicatorDefinition) {
  return useT().indicators.definitions[definition.slug as IndicatorSlug];
}

/** A year's figure as text: "12 praktikperioder", "färre än 3" or "inget värde". */
export function useFigureText() {
  const t = useT().goalPages;
  const { definitions: words, withheld: withheldText } = useT().indicators;
  return (definition: IndicatorDefinition, value: number | null, withheld: boolean) => {
    if (withheld) return withheldText;
    if (value === null) return t.noValue;
    const word = words[definition.slug as IndicatorSlug];
    return t.figure(value, value === 1 ? word.unitOne : word.unit);
  };
}

export function useYearText(thisYear: number) {
  const t = useT().goalPages;
  return (year: number) => (year === thisYear ? t.thisYearSoFar(year) : t.year(year));
}

/**
 * A year's figure: linked to the records it counts (a counted one), marked Exempeldata where it is demo
 * data and, for an entered one, with its source and date.
 */
export function FigureValue({
  definition,
  figure,
  link = true,
}: {
  definition: IndicatorDefinition;
  figure: IndicatorYear;
  link?: boolean;
}) {
  const t = useT().goalPages;
  const text = useFigureText()(definition, figure.value, figure.withheld);
  const linked = link && definition.kind === 'computed' && !figure.withheld;
  return (
    <>
      {linked ? <a href={recordsPath(definition.slug, figure.year)}>{text}</a> : text}{' '}
      <DemoLabel show={figure.demo} />
      {figure.source ? (
        <span class="figure-source">
          {' '}
          <span class="entered-label">{t.entered}</span>{' '}
          {t.enteredFrom(figure.source.text, formatDate(figure.source.measuredOn))}
        </span>
      ) : null}
    </>
  );
}

export function TargetValue({
  definition,
  figure,
}: {
  definition: IndicatorDefinition;
  figure: IndicatorYear;
}) {
  const t = useT().goalPages;
  const figureText = useFigureText();
  if (figure.target === null) return <>{t.noTarget}</>;
  return (
    <>
      {figureText(definition, figure.target, false)} <DemoLabel show={figure.targetDemo} />
    </>
  );
}

export function StandingText({ standing }: { standing: Standing }) {
  const t = useT().goalPages;
  return <span class={`standing standing-${standing}`}>{t.onTrack[standing]}</span>;
}

/** The years as a line of text, oldest first: the dashboard's small trend. */
export function TrendText({ indicator }: { indicator: ShownIndicator }) {
  const t = useT().goalPages;
  const figureText = useFigureText();
  const values = indicator.years
    .map((year) => `${year.year}: ${figureText(indicator.definition, year.value, year.withheld)}`)
    .join(', ');
  return <>{t.trendText(values)}</>;
}

/**
 * The indicator's years as a chart, a summary in words (the chart's text alternative, shown beside it) and
 * a table with the same numbers. `id` keeps the ids apart where a page shows several.
 */
export function IndicatorChart({
  indicator,
  id,
  thisYear,
}: {
  indicator: ShownIndicator;
  id: string;
  thisYear: number;
}) {
  const t = useT().goalPages;
  const words = useIndicatorWords(indicator.definition);
  const figureText = useFigureText();
  const yearText = useYearText(thisYear);
  const withheldText = useT().indicators.withheld;
  const { definition, years } = indicator;
  const bars: ChartBar[] = years.map((year) => ({
    label: String(year.year),
    value: year.value,
    text: year.withheld ? withheldText : year.value === null ? t.noValue : t.formatNumber(year.value),
    target: year.target,
    targetText: year.target === null ? null : t.formatNumber(year.target),
  }));
  const first = years[0]?.year ?? thisYear;
  const summary = [
    t.summary.intro(words.name, first, thisYear),
    ...years.map((year, index) =>
      `${t.summary.year(
        yearText(year.year),
        figureText(definition, year.value, year.withheld),
        year.target === null ? null : figureText(definition, year.target, false),
      )} ${year.target === null ? '' : `${t.onTrack[indicator.standings[index] ?? 'unknown']}.`}`.trim(),
    ),
  ].join(' ');
  return (
    <div class="indicator-figures">
      <BarChart id={`${id}-chart`} title={t.chartTitle(words.name)} summaryId={`${id}-summary`} bars={bars} />
      <p id={`${id}-summary`} class="chart-summary">
        {summary}
      </p>
      <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table>
          <caption id={`${id}-caption`}>{t.tableCaption(words.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.yearColumn}</th>
              <th scope="col">{t.valueColumn}</th>
              <th scope="col">{t.targetColumn}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year, index) => (
              <tr>
                <th scope="row">{yearText(year.year)}</th>
                <td>
                  <FigureValue definition={definition} figure={year} />
                </td>
                <td>
                  <TargetValue definition={definition} figure={year} />
                </td>
                <td>
                  <StandingText standing={indicator.standings[index] ?? 'unknown'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** The indicator's definition: goal, kind, unit, direction, and what is counted from what, for when. */
export function IndicatorDefinitionList({
  definition,
  goal,
}: {
  definition: IndicatorDefinition;
  goal: { slug: string; shortTitle: string } | null;
}) {
  const t = useT();
  const words = useIndicatorWords(definition);
  return (
    <dl class="facts">
      {goal ? (
        <>
          <dt>{t.goalPages.goal}</dt>
          <dd>
            <a href={`/mal/${goal.slug}`}>{goal.shortTitle}</a>
          </dd>
        </>
      ) : null}
      <dt>{t.goalPages.kind}</dt>
      <dd>{t.indicators.kinds[definition.kind]}</dd>
      <dt>{t.goalPages.unit}</dt>
      <dd>{words.unit}</dd>
      <dt>{t.goalPages.direction}</dt>
      <dd>{t.indicators.directions[definition.direction]}</dd>
      <dt>{t.goalPages.counts}</dt>
      <dd>{words.counts}</dd>
      <dt>{t.goalPages.from}</dt>
      <dd>{words.from}</dd>
      <dt>{t.goalPages.period}</dt>
      <dd>{words.period}</dd>
    </dl>
  );
}

/** A GET form choosing the year (no script: the button sends it). */
export function YearChooser({ action, years, chosen }: { action: string; years: number[]; chosen: number }) {
  const t = useT().goalPages;
  return (
    <form method="get" action={action} class="filter">
      <label for="ar">{t.yearLabel}</label>
      <select id="ar" name="ar">
        {years.map((year) => (
          <option value={String(year)} selected={year === chosen}>
            {year}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t.show}
      </button>
    </form>
  );
}
