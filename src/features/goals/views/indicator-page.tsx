import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ShownIndicator } from '../goal-pages.service.ts';
import type { Breakdown } from '../indicators/indicator-catalogue.ts';
import type { BreakdownRow } from '../indicators/indicator-figures.service.ts';
import {
  IndicatorChart,
  IndicatorDefinitionList,
  indicatorPath,
  recordsPath,
  useFigureText,
  useIndicatorWords,
  YearChooser,
} from './indicator-parts.tsx';

/** Where a group of a breakdown has a public page: institutions under /larosaten, others as register rows. */
function groupPath(breakdown: Breakdown, slug: string): string {
  if (breakdown === 'agreement') return `/avtal/${slug}`;
  if (breakdown === 'institution') return `/larosaten/${slug}`;
  return `/organisationer/${slug}`;
}

function BreakdownTable(props: {
  indicator: ShownIndicator;
  breakdown: Breakdown;
  rows: BreakdownRow[];
  year: number;
}) {
  const t = useT();
  const words = useIndicatorWords(props.indicator.definition);
  const figureText = useFigureText();
  const id = `uppdelning-${props.breakdown}`;
  return (
    <section class="table-scroll" aria-labelledby={id} tabindex={0}>
      <table>
        <caption id={id}>
          {t.goalPages.breakdownCaption(t.indicators.breakdowns[props.breakdown], words.name, props.year)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.indicators.breakdownColumn[props.breakdown]}</th>
            <th scope="col">{t.goalPages.valueColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">
                {row.id === null || row.name === null ? (
                  t.indicators.noGroup[props.breakdown]
                ) : row.slug ? (
                  <a href={groupPath(props.breakdown, row.slug)}>{row.name}</a>
                ) : (
                  row.name
                )}
              </th>
              <td>
                {row.withheld
                  ? t.indicators.withheldCell
                  : figureText(props.indicator.definition, row.value, false)}{' '}
                <DemoLabel show={row.demo && !row.withheld} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.some((row) => row.withheld) ? <p>{t.indicators.withheldCellNote}</p> : null}
    </section>
  );
}

export function IndicatorPage(props: {
  indicator: ShownIndicator;
  goal: { slug: string; shortTitle: string } | null;
  breakdowns: { breakdown: Breakdown; rows: BreakdownRow[]; withheld: boolean }[];
  year: number;
  thisYear: number;
  mayFollowUp: boolean;
}) {
  const t = useT().goalPages;
  const { indicator } = props;
  const { definition } = indicator;
  const words = useIndicatorWords(definition);
  const figureText = useFigureText();
  const path = indicatorPath(definition.slug);
  const entered = indicator.years.filter((year) => year.source !== null || year.value !== null);
  return (
    <>
      <h1>{words.name}</h1>
      {definition.kind === 'manual' ? <p class="entered-label">{t.entered}</p> : null}
      {props.mayFollowUp ? (
        <nav aria-labelledby="samordnare" class="page-tools">
          <h2 id="samordnare" class="visually-hidden">
            {t.coordinatorHeading}
          </h2>
          <ul class="link-list">
            <li>
              <a href={`${path}/malvarde`}>{t.editTargets}</a>
            </li>
            {definition.kind === 'manual' ? (
              <>
                <li>
                  <a href={`${path}/varde`}>{t.enterValue}</a>
                </li>
                <li>
                  <a href={`${path}/historik`}>{t.history}</a>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <h2>{t.definitionHeading}</h2>
      <IndicatorDefinitionList definition={definition} goal={props.goal} />
      <h2>{t.figuresHeading}</h2>
      {indicator.hasData ? (
        <IndicatorChart indicator={indicator} id="figur" thisYear={props.thisYear} />
      ) : (
        <p class="nothing-yet">{t.nothingYet[definition.kind]}</p>
      )}
      <h2>{t.futureTargetsHeading}</h2>
      {indicator.futureTargets.length === 0 ? (
        <p>{t.noFutureTargets}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="kommande-mal" tabindex={0}>
          <table>
            <caption id="kommande-mal">{t.futureTargetsCaption(words.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.yearColumn}</th>
                <th scope="col">{t.targetColumn}</th>
              </tr>
            </thead>
            <tbody>
              {indicator.futureTargets.map((target) => (
                <tr>
                  <th scope="row">{target.year}</th>
                  <td>
                    {figureText(definition, target.target, false)} <DemoLabel show={target.demo} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {definition.kind === 'manual' ? (
        <>
          <h2>{t.enteredHeading}</h2>
          {entered.length === 0 ? (
            <p>{t.noEntered}</p>
          ) : (
            <section class="table-scroll" aria-labelledby="inmatade" tabindex={0}>
              <table>
                <caption id="inmatade">{t.enteredCaption(words.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.yearColumn}</th>
                    <th scope="col">{t.valueColumn}</th>
                    <th scope="col">{t.sourceColumn}</th>
                    <th scope="col">{t.measuredColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {entered.map((year) => (
                    <tr>
                      <th scope="row">{year.year}</th>
                      <td>
                        {figureText(definition, year.value, false)} <DemoLabel show={year.demo} />
                      </td>
                      <td>{year.source?.text ?? ''}</td>
                      <td>
                        {year.source ? (
                          <time datetime={year.source.measuredOn}>{formatDate(year.source.measuredOn)}</time>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      ) : (
        <>
          <h2>{t.breakdownsHeading(props.year)}</h2>
          <YearChooser
            action={path}
            years={indicator.years.map((year) => year.year).reverse()}
            chosen={props.year}
          />
          <p>
            <a href={recordsPath(definition.slug, props.year)}>{t.showRecordsFor(words.name, props.year)}</a>
          </p>
          {props.breakdowns.every((breakdown) => breakdown.rows.length === 0 && !breakdown.withheld) ? (
            <p>{t.noBreakdown(props.year)}</p>
          ) : (
            props.breakdowns.map((breakdown) =>
              breakdown.withheld ? (
                <p>{t.withheldRow}</p>
              ) : (
                <BreakdownTable
                  indicator={indicator}
                  breakdown={breakdown.breakdown}
                  rows={breakdown.rows}
                  year={props.year}
                />
              ),
            )
          )}
        </>
      )}
    </>
  );
}
