import type { Messages } from '../../web/i18n/messages.ts';
import type { Sheet } from '../transfer/sheets.ts';
import type { ReportContent, ReportFigure } from './annual-report-snapshot.ts';

/**
 * Every figure of an annual report as one table, for the XLSX and CSV files (transfer/sheets.ts writes
 * them the way the rest of the site does: Swedish Excel's CSV, exceljs's XLSX). Built from the report's
 * content only — a published report's snapshot — never from the register. A withheld small count is the
 * words "färre än 3", never the number; a figure that is not there is an empty cell.
 */
export function reportSheet(t: Messages, content: ReportContent, demo: boolean): Sheet {
  const text = t.annualReports;
  const figure = (value: ReportFigure): string | number =>
    value.withheld ? t.indicators.withheld : (value.value ?? '');
  const rows = content.goals.flatMap((goal) =>
    goal.indicators.map((indicator) => [
      goal.shortTitle,
      indicator.name,
      indicator.unit,
      content.year,
      figure(indicator.value),
      content.year - 1,
      figure(indicator.previous),
      indicator.target ?? '',
      text.met[indicator.met],
      t.indicators.kinds[indicator.kind],
      indicator.source?.text ?? '',
      indicator.source?.measuredOn ?? '',
      demo || indicator.value.demo || indicator.targetDemo ? text.sheet.yes : text.sheet.no,
    ]),
  );
  return { name: text.sheet.name(content.year), columns: [...text.sheet.columns], rows };
}
