import { formatDate, stockholmDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { GoalDecision } from '../goal-pages.queries.ts';
import type { ShownIndicator } from '../goal-pages.service.ts';
import { IndicatorChart, indicatorPath, recordsPath, useIndicatorWords } from './indicator-parts.tsx';

/** One indicator on its goal's page: what it counts, the chart with its summary and table, and links. */
function GoalIndicator({ indicator, thisYear }: { indicator: ShownIndicator; thisYear: number }) {
  const t = useT().goalPages;
  const words = useIndicatorWords(indicator.definition);
  const { definition } = indicator;
  const id = `indikator-${definition.slug}`;
  return (
    <section aria-labelledby={id} class="goal-indicator">
      <h3 id={id}>{words.name}</h3>
      {definition.kind === 'manual' ? <p class="entered-label">{t.entered}</p> : null}
      <p>{words.counts}</p>
      {indicator.hasData ? (
        <IndicatorChart indicator={indicator} id={`figur-${definition.slug}`} thisYear={thisYear} />
      ) : (
        <p class="nothing-yet">{t.nothingYet[definition.kind]}</p>
      )}
      <ul class="link-list">
        <li>
          <a href={indicatorPath(definition.slug)}>{t.indicatorPageLink(words.name)}</a>
        </li>
        {definition.kind === 'computed' && indicator.hasData ? (
          <li>
            <a href={recordsPath(definition.slug, thisYear)}>{t.showRecordsFor(words.name, thisYear)}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** A goal's page: its statement, its indicators, the decisions linked to it and its activities. */
export function GoalPage(props: {
  goal: { slug: string; shortTitle: string; statement: string };
  indicators: ShownIndicator[];
  decisions: GoalDecision[];
  activityCount: number;
  thisYear: number;
}) {
  const t = useT().goalPages;
  return (
    <>
      <h1>{props.goal.shortTitle}</h1>
      <p>
        <a href="/mal">{t.backToGoals}</a>
      </p>
      <p class="lead">{t.statement(props.goal.statement)}</p>
      <h2>{t.goalIndicatorsHeading}</h2>
      <p>
        <a href="/mal/indikatorer">{t.definitionsLink}</a>
      </p>
      {props.indicators.map((indicator) => (
        <GoalIndicator indicator={indicator} thisYear={props.thisYear} />
      ))}
      <h2>{t.decisionsHeading}</h2>
      {props.decisions.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <ul class="decision-list">
          {props.decisions.map((decision) => (
            <li>
              <a href={`/beslut/${decision.id}`}>{decision.title}</a> <DemoLabel show={decision.isDemo} />
              <br />
              {t.decisionAt(decision.meetingTitle, formatDate(stockholmDate(decision.startsAt)))}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.activitiesHeading}</h2>
      <p>{t.activities(props.activityCount)}</p>
    </>
  );
}
