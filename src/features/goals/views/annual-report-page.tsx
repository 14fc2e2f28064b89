import { formatDate, stockholmDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import {
  formatNumber,
  type ReportDecision,
  type ReportFigure,
  type ReportGoal,
  type ReportIndicator,
  unitAfter,
} from '../annual-report-snapshot.ts';
import type { LoadedReport } from '../annual-reports.service.ts';

const base = (year: number) => `/mal/arsrapporter/${year}`;

function Figure({ figure, indicator }: { figure: ReportFigure; indicator: ReportIndicator }) {
  const t = useT();
  if (figure.withheld) return <>{t.indicators.withheld}</>;
  if (figure.value === null) return <>{t.annualReports.noValue}</>;
  return (
    <>
      {formatNumber(figure.value)} {unitAfter(indicator, figure.value)} <DemoLabel show={figure.demo} />
    </>
  );
}

function Decisions({ decisions }: { decisions: ReportDecision[] }) {
  const t = useT();
  return (
    <ul>
      {decisions.map((decision) => (
        <li>
          <a href={`/beslut/${decision.id}`}>{decision.title}</a>{' '}
          <span class="meta">
            ({t.annualReports.decisionOf(decision.groupName, formatDate(decision.meetingOn))})
          </span>{' '}
          <DemoLabel show={decision.demo} />
          <p class="pre-line">{decision.decision}</p>
        </li>
      ))}
    </ul>
  );
}

function GoalSection({ goal, year }: { goal: ReportGoal; year: number }) {
  const t = useT();
  const text = t.annualReports;
  const captionId = `mal-${goal.slug}-indikatorer`;
  return (
    <section class="report-goal" aria-labelledby={`mal-${goal.slug}`}>
      <h2 id={`mal-${goal.slug}`}>{text.goalHeading(goal.position, goal.shortTitle)}</h2>
      <p>{text.goalStatement(goal.statement)}</p>
      <h3>{text.indicatorsHeading}</h3>
      {goal.indicators.length === 0 ? (
        <p>{text.noIndicators}</p>
      ) : (
        <section class="table-scroll" aria-labelledby={captionId} tabindex={0}>
          <table>
            <caption id={captionId}>{text.tableCaption(goal.shortTitle, year)}</caption>
            <thead>
              <tr>
                <th scope="col">{text.columns.indicator}</th>
                <th scope="col">{text.columns.value(year)}</th>
                <th scope="col">{text.columns.previous(year - 1)}</th>
                <th scope="col">{text.columns.target}</th>
                <th scope="col">{text.columns.met}</th>
              </tr>
            </thead>
            <tbody>
              {goal.indicators.map((indicator) => (
                <tr>
                  <th scope="row">
                    {indicator.name}
                    {indicator.source ? (
                      <span class="meta">
                        {' '}
                        {text.sourceOf(indicator.source.text, formatDate(indicator.source.measuredOn))}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <Figure figure={indicator.value} indicator={indicator} />
                  </td>
                  <td>
                    <Figure figure={indicator.previous} indicator={indicator} />
                  </td>
                  <td>
                    {indicator.target === null ? (
                      text.noValue
                    ) : (
                      <>
                        {formatNumber(indicator.target)} {unitAfter(indicator, indicator.target)}{' '}
                        <DemoLabel show={indicator.targetDemo} />
                      </>
                    )}
                  </td>
                  <td>{text.met[indicator.met]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h3>{text.activitiesHeading}</h3>
      <p>{text.activitiesCount(goal.activityCount)}</p>
      {goal.activities.length > 0 ? (
        <>
          {goal.activityCount > goal.activities.length ? (
            <p>{text.activitiesShown(goal.activities.length)}</p>
          ) : null}
          <ul>
            {goal.activities.map((activity) => (
              <li>
                <a href={`/aktiviteter/${activity.slug}`}>{activity.title}</a>{' '}
                <DemoLabel show={activity.demo} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{text.decisionsHeading}</h3>
      {goal.decisions.length === 0 ? <p>{text.noDecisions}</p> : <Decisions decisions={goal.decisions} />}
      <h3>{text.commentHeading}</h3>
      <p class="pre-line">{goal.comment || text.noComment}</p>
    </section>
  );
}

/** A report: from its snapshot when published, from the register now when a draft (coordinators only). */
export function AnnualReportPage({
  loaded,
  coordinator,
  notice,
}: {
  loaded: LoadedReport;
  coordinator: boolean;
  notice?: string | undefined;
}) {
  const t = useT();
  const text = t.annualReports;
  const { content, report, published } = loaded;
  const year = content.year;
  return (
    <article class="annual-report">
      <p class="meta no-print">
        <a href="/mal/arsrapporter">{text.backToList}</a>
      </p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <h1>
        {text.reportTitle(year)} <DemoLabel show={loaded.demo} />
      </h1>
      {published && report.publishedAt ? (
        <p class="meta">
          {text.publishedOn(formatDate(stockholmDate(report.publishedAt)))}.{' '}
          {text.frozenOn(formatDate(content.countedOn))}
        </p>
      ) : (
        <p class="notice">
          <strong>{text.draftLabel}.</strong> {text.draftNote}
        </p>
      )}
      {coordinator && !published ? (
        <ul class="plain no-print">
          <li>
            <a href={`${base(year)}/andra`}>{text.actions.edit}</a>
          </li>
          <li>
            <a href={`${base(year)}/publicera`}>{text.actions.publish}</a>
          </li>
        </ul>
      ) : null}
      <h2>{text.summaryHeading}</h2>
      <p class="pre-line">{content.summary || text.noSummary}</p>
      {content.goals.map((goal) => (
        <GoalSection goal={goal} year={year} />
      ))}
      <section class="report-goal" aria-labelledby="radets-beslut">
        <h2 id="radets-beslut">{text.councilHeading}</h2>
        {content.councilDecisions.length === 0 ? (
          <p>{text.noCouncilDecisions}</p>
        ) : (
          <Decisions decisions={content.councilDecisions} />
        )}
      </section>
      <section class="no-print" aria-labelledby="ladda-ner">
        <h2 id="ladda-ner">{text.downloadsHeading}</h2>
        <ul>
          <li>
            <a href={`${base(year)}/arsrapport.xlsx`}>{text.downloads.xlsx(year)}</a>
          </li>
          <li>
            <a href={`${base(year)}/arsrapport.csv`}>{text.downloads.csv(year)}</a>
          </li>
          <li>
            <a href={`${base(year)}/arsrapport.pdf`}>{text.downloads.pdf(year)}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}
