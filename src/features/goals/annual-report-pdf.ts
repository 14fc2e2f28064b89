import { createRequire } from 'node:module';
import { formatDate } from '../../lib/dates.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import {
  formatNumber,
  type ReportContent,
  type ReportDecision,
  type ReportFigure,
  type ReportIndicator,
  unitAfter,
} from './annual-report-snapshot.ts';

/**
 * An annual report as a PDF (decision 016), built on the server by pdfkit from the report's content — a
 * published report's snapshot, never the register. PDF/A-3a: the DejaVu Sans font (which has å, ä, ö) is
 * embedded, the document is tagged (headings, paragraphs and lists as structure, in reading order) and says
 * its language (sv-SE), title, author and subject. One goal a page, as in print.
 */

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export async function reportPdf(
  t: Messages,
  content: ReportContent,
  report: { published: boolean; publishedOn: string | null; demo: boolean },
): Promise<Buffer> {
  // pdfkit is loaded the first time a PDF is made: no start of the app pays for it (as exceljs, sheets.ts).
  const PDFDocument = (await import('pdfkit')).default;
  const text = t.annualReports;
  const title = `${text.reportTitle(content.year)} – ${t.site.name}`;
  const doc: Doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    font: FONT,
    size: 'A4',
    margin: 56,
    info: {
      Title: title,
      Author: text.pdf.author,
      Subject: text.pdf.subject(content.year),
      Creator: t.site.name,
      CreationDate: new Date(`${content.countedOn}T12:00:00Z`),
    },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const heading = (parent: Struct, tag: 'H1' | 'H2' | 'H3', words: string, size: number) =>
    parent.add(
      doc.struct(tag, {}, () => {
        doc.font('bold').fontSize(size).text(words, { paragraphGap: 6 });
      }),
    );
  const paragraph = (parent: Struct, words: string) =>
    parent.add(
      doc.struct('P', {}, () => {
        doc.font('regular').fontSize(10.5).text(words, { paragraphGap: 6 });
      }),
    );
  const list = (parent: Struct, items: string[]) => {
    const element = doc.struct('L');
    parent.add(element);
    for (const item of items)
      element.add(
        doc.struct('LI', {}, () => {
          doc.font('regular').fontSize(10.5).text(`• ${item}`, { indent: 8, paragraphGap: 3 });
        }),
      );
    element.end();
  };

  heading(root, 'H1', text.reportTitle(content.year), 22);
  paragraph(root, t.site.name);
  if (report.published && report.publishedOn)
    paragraph(
      root,
      `${text.publishedOn(formatDate(report.publishedOn))}. ${text.frozenOn(formatDate(content.countedOn))}`,
    );
  else paragraph(root, text.draftNote);
  if (report.demo) paragraph(root, text.pdf.demoNote);
  heading(root, 'H2', text.summaryHeading, 15);
  paragraph(root, content.summary || text.noSummary);

  const figure = (value: ReportFigure, indicator: ReportIndicator) =>
    value.withheld
      ? t.indicators.withheld
      : value.value === null
        ? text.noValue
        : `${formatNumber(value.value)} ${unitAfter(indicator, value.value)}${value.demo ? ` (${t.common.demo})` : ''}`;
  const indicatorLines = (indicator: ReportIndicator) => [
    `${text.columns.value(content.year)}: ${figure(indicator.value, indicator)}`,
    `${text.columns.previous(content.year - 1)}: ${figure(indicator.previous, indicator)}`,
    `${text.columns.target}: ${indicator.target === null ? text.noValue : `${formatNumber(indicator.target)} ${unitAfter(indicator, indicator.target)}`}`,
    `${text.columns.met} ${text.met[indicator.met]}`,
    ...(indicator.source
      ? [text.sourceOf(indicator.source.text, formatDate(indicator.source.measuredOn))]
      : []),
  ];
  const decisionLine = (decision: ReportDecision) =>
    `${decision.title} (${text.decisionOf(decision.groupName, formatDate(decision.meetingOn))}): ${decision.decision}`;

  for (const goal of content.goals) {
    doc.addPage();
    const section = doc.struct('Sect');
    root.add(section);
    heading(section, 'H2', text.goalHeading(goal.position, goal.shortTitle), 16);
    paragraph(section, text.goalStatement(goal.statement));
    heading(section, 'H3', text.indicatorsHeading, 13);
    if (goal.indicators.length === 0) paragraph(section, text.noIndicators);
    for (const indicator of goal.indicators) {
      paragraph(section, indicator.name);
      list(section, indicatorLines(indicator));
    }
    heading(section, 'H3', text.activitiesHeading, 13);
    paragraph(section, text.activitiesCount(goal.activityCount));
    if (goal.activities.length > 0)
      list(
        section,
        goal.activities.map((activity) => activity.title),
      );
    heading(section, 'H3', text.decisionsHeading, 13);
    if (goal.decisions.length === 0) paragraph(section, text.noDecisions);
    else list(section, goal.decisions.map(decisionLine));
    heading(section, 'H3', text.commentHeading, 13);
    paragraph(section, goal.comment || text.noComment);
    section.end();
  }
  doc.addPage();
  const council = doc.struct('Sect');
  root.add(council);
  heading(council, 'H2', text.councilHeading, 16);
  if (content.councilDecisions.length === 0) paragraph(council, text.noCouncilDecisions);
  else list(council, content.councilDecisions.map(decisionLine));
  council.end();
  root.end();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
