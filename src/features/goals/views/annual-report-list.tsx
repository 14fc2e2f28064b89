import { formatDate, stockholmDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ReportList } from '../annual-reports.service.ts';

/** The published reports, newest first; for coordinators the drafts and "Ny årsrapport" too. */
export function AnnualReportList({ list }: { list: ReportList }) {
  const t = useT();
  const text = t.annualReports;
  return (
    <>
      <h1>{text.listTitle}</h1>
      <p>{text.listIntro}</p>
      {list.coordinator ? (
        <p>
          <a href="/mal/arsrapporter/ny" class="button-link">
            {text.newLink}
          </a>
        </p>
      ) : null}
      <h2>{text.publishedHeading}</h2>
      {list.published.length === 0 ? (
        <p>{text.listEmpty}</p>
      ) : (
        <ul>
          {list.published.map((report) => (
            <li>
              <a href={`/mal/arsrapporter/${report.year}`}>{text.reportTitle(report.year)}</a>{' '}
              <span class="meta">
                {report.publishedAt ? text.publishedOn(formatDate(stockholmDate(report.publishedAt))) : null}
              </span>{' '}
              <DemoLabel show={report.isDemo} />
            </li>
          ))}
        </ul>
      )}
      {list.coordinator && list.drafts.length > 0 ? (
        <>
          <h2>{text.draftsHeading}</h2>
          <p>{text.draftsNote}</p>
          <ul>
            {list.drafts.map((report) => (
              <li>
                <a href={`/mal/arsrapporter/${report.year}`}>{text.reportTitle(report.year)}</a>{' '}
                <span class="meta">({text.draftLabel})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
