import { useT } from '../../../web/i18n/context.ts';
import type { ShownIndicator } from '../goal-pages.service.ts';
import {
  FigureValue,
  indicatorPath,
  StandingText,
  TargetValue,
  TrendText,
  useIndicatorWords,
  useYearText,
} from './indicator-parts.tsx';

type DashboardGoal = {
  goal: { slug: string; shortTitle: string };
  indicators: ShownIndicator[];
  activityCount: number;
};

/** One indicator on the dashboard: this year's and last year's figure, the target, the standing, the trend. */
export function IndicatorSummary({ indicator, thisYear }: { indicator: ShownIndicator; thisYear: number }) {
  const t = useT().goalPages;
  const words = useIndicatorWords(indicator.definition);
  const yearText = useYearText(thisYear);
  const { definition } = indicator;
  const current = indicator.years.at(-1);
  const last = indicator.years.at(-2);
  const headingId = `indikator-${definition.slug}`;
  return (
    <li class="indicator-summary">
      <h4 id={headingId}>
        <a href={indicatorPath(definition.slug)}>{words.name}</a>
      </h4>
      {definition.kind === 'manual' ? <p class="entered-label">{t.entered}</p> : null}
      {!indicator.hasData || !current ? (
        <p class="nothing-yet">{t.nothingYet[definition.kind]}</p>
      ) : (
        <dl class="facts">
          <dt>{yearText(current.year)}</dt>
          <dd>
            <FigureValue definition={definition} figure={current} />
          </dd>
          {last ? (
            <>
              <dt>{yearText(last.year)}</dt>
              <dd>
                <FigureValue definition={definition} figure={last} />
              </dd>
            </>
          ) : null}
          <dt>{t.targetFor(current.year)}</dt>
          <dd>
            <TargetValue definition={definition} figure={current} />
          </dd>
          <dt>{t.status}</dt>
          <dd>
            <StandingText standing={indicator.standings.at(-1) ?? 'unknown'} />
          </dd>
          <dt>{t.trend}</dt>
          <dd>
            <TrendText indicator={indicator} />
          </dd>
        </dl>
      )}
    </li>
  );
}

/** The four goals, each with its indicators (the dashboard on /mal). */
export function GoalDashboard({ goals, thisYear }: { goals: DashboardGoal[]; thisYear: number }) {
  const t = useT();
  return (
    <section aria-labelledby="indikatorer">
      <h2 id="indikatorer">{t.goalPages.indicatorsHeading}</h2>
      <p>{t.goalPages.indicatorsIntro}</p>
      <ul class="plain">
        <li>
          <a href="/mal/indikatorer">{t.goalPages.definitionsLink}</a>
        </li>
        <li>
          <a href="/mal/arsrapporter">{t.goalPages.annualReportsLink}</a>
        </li>
      </ul>
      {goals.map((goal) => (
        <section aria-labelledby={`mal-rubrik-${goal.goal.slug}`} class="goal-figures">
          <h3 id={`mal-rubrik-${goal.goal.slug}`} class="goal-heading">
            <a href={`/mal/${goal.goal.slug}`}>{goal.goal.shortTitle}</a>
          </h3>
          <ul class="indicator-list">
            {goal.indicators.map((indicator) => (
              <IndicatorSummary indicator={indicator} thisYear={thisYear} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
