import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { sheetAsCsv, sheetAsXlsx } from '../transfer/sheets.ts';
import { reportPdf } from './annual-report-pdf.ts';
import { reportSheet } from './annual-report-sheet.ts';
import {
  formValuesOf,
  newReportForm,
  publishForm,
  reportTextsForm,
  textsOf,
} from './annual-reports.forms.ts';
import {
  createReport,
  loadPublishPage,
  loadReport,
  loadReportEditor,
  loadReportForm,
  loadReportList,
  publishReport,
  type ReportEditor,
  type ReportForm,
  saveReportTexts,
} from './annual-reports.service.ts';
import { AnnualReportForm } from './views/annual-report-form.tsx';
import { AnnualReportList } from './views/annual-report-list.tsx';
import { AnnualReportPage } from './views/annual-report-page.tsx';
import { AnnualReportPublish } from './views/annual-report-publish.tsx';

/**
 * The annual report to Högskolerådet (issue 11; decision 016): the public list and reports, the
 * coordinator's draft, its texts, publishing, and the figures as XLSX, CSV and PDF. The service decides
 * who may (canFollowUpGoals for all but reading a published report).
 */
export const annualReportRoutes = new Hono<AppEnv>();

const LIST = '/mal/arsrapporter';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A year in a path is four digits; anything else is no route (404) and never reaches the database. */
const REPORT = `${LIST}/:year{[0-9]{4}}`;
const reportPath = (year: number) => `${LIST}/${year}`;
const yearOf = (c: Context<AppEnv>) => Number(c.req.param('year'));

annualReportRoutes.get(LIST, publicPage({ feedback: true }), async (c) => {
  const list = await loadReportList(c.get('deps'), c.get('viewer'));
  return renderPage(c, {
    title: c.var.t.annualReports.listTitle,
    feedback: true,
    children: <AnnualReportList list={list} />,
  });
});

// A new draft.

annualReportRoutes.get(`${LIST}/ny`, requireSignIn(), async (c) => {
  const page = await loadReportForm(c.get('deps'), signedInViewer(c));
  const values = { year: String(page.years.suggested), ...formValuesOf({ summary: '', goalComments: {} }) };
  return renderNew(c, page, { values, errors: {} }, 200);
});

annualReportRoutes.post(`${LIST}/ny`, requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const page = await loadReportForm(c.get('deps'), viewer);
  const input = await parseForm(c, newReportForm);
  if (!input.ok) return renderNew(c, page, input.form, 422);
  try {
    const year = await createReport(requestDeps(c), viewer, {
      year: input.data.year,
      ...textsOf(input.data),
    });
    return c.redirect(`${reportPath(year)}?sparat=ny`, 303);
  } catch (error) {
    const status = error instanceof Refusal && error.status === 409 ? 409 : 422;
    return renderNew(c, page, { values: input.values, errors: fieldErrorsFor(c, error) }, status);
  }
});

function renderNew(c: Context<AppEnv>, page: ReportForm, form: FormState, status: 200 | 409 | 422) {
  const text = c.var.t.annualReports.form;
  return renderPage(c, {
    title: text.newTitle,
    status,
    children: (
      <AnnualReportForm
        heading={text.newTitle}
        action={`${LIST}/ny`}
        form={form}
        goals={page.goals}
        years={page.years}
        withYear
        backHref={LIST}
        submit={text.create}
      />
    ),
  });
}

// A report.

const reportQuery = { sparat: z.enum(['ny', '1', 'oforandrat', 'publicerad']).optional() };
const reportPage = publicPage({ feedback: true, query: reportQuery });

annualReportRoutes.get(REPORT, reportPage, async (c) => {
  const viewer = c.get('viewer');
  const loaded = await loadReport(requestDeps(c), viewer, yearOf(c));
  const notices = c.var.t.annualReports.notices;
  const saved = reportPage.query(c).sparat;
  // The note is for the coordinator who just saved; the page anyone else gets (and the cache) has none.
  const notice =
    viewer === null || saved === undefined
      ? undefined
      : {
          ny: notices.created,
          '1': notices.saved,
          oforandrat: notices.unchanged,
          publicerad: notices.published,
        }[saved];
  return renderPage(c, {
    title: c.var.t.annualReports.reportTitle(loaded.content.year),
    feedback: true,
    children: (
      <AnnualReportPage loaded={loaded} coordinator={viewer !== null && !loaded.published} notice={notice} />
    ),
  });
});

// The files: every figure of the report, from its snapshot when published.

type Format = 'xlsx' | 'csv' | 'pdf';
const fileRoute = (format: Format) =>
  annualReportRoutes.get(`${REPORT}/arsrapport.${format}`, async (c) => {
    const t = c.var.t;
    const loaded = await loadReport(requestDeps(c), c.get('viewer'), yearOf(c));
    const { content } = loaded;
    c.header('Content-Disposition', `attachment; filename="arsrapport-${content.year}.${format}"`);
    // A draft's figures are for coordinators and change until it is published: never kept by a cache.
    if (!loaded.published) c.header('Cache-Control', 'no-store');
    if (format === 'pdf') {
      c.header('Content-Type', 'application/pdf');
      const publishedOn = loaded.report.publishedAt ? stockholmDate(loaded.report.publishedAt) : null;
      const pdf = await reportPdf(t, content, {
        published: loaded.published,
        publishedOn,
        demo: loaded.demo,
      });
      return c.body(new Uint8Array(pdf));
    }
    const sheet = reportSheet(t, content, loaded.report.isDemo);
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(sheetAsCsv(sheet));
    }
    c.header('Content-Type', XLSX_TYPE);
    return c.body(new Uint8Array(await sheetAsXlsx(sheet)));
  });
fileRoute('xlsx');
fileRoute('csv');
fileRoute('pdf');

// Changing a draft's texts.

annualReportRoutes.get(`${REPORT}/andra`, requireSignIn(), async (c) => {
  const editor = await loadReportEditor(c.get('deps'), signedInViewer(c), yearOf(c));
  const { report } = editor;
  return renderEdit(c, editor, { values: formValuesOf(report), errors: {} }, report.version, 200);
});

annualReportRoutes.post(`${REPORT}/andra`, requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const year = yearOf(c);
  const editor = await loadReportEditor(c.get('deps'), viewer, year);
  const input = await parseForm(c, reportTextsForm, { hidden: ['version'] });
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), 422);
  try {
    const outcome = await saveReportTexts(
      requestDeps(c),
      viewer,
      year,
      textsOf(input.data),
      input.data.version,
    );
    return c.redirect(`${reportPath(year)}?sparat=${outcome === 'saved' ? '1' : 'oforandrat'}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      const described = error.params?.current as Record<string, string>;
      const labels = Object.fromEntries(Object.keys(described).map((field) => [field, field]));
      return renderEdit(
        c,
        editor,
        { values: input.values, errors: { _form: c.var.t.register.staleVersion } },
        Number(error.params?.version),
        409,
        { described, labels },
      );
    }
    return renderEdit(
      c,
      editor,
      { values: input.values, errors: fieldErrorsFor(c, error) },
      input.data.version,
      422,
    );
  }
});

function renderEdit(
  c: Context<AppEnv>,
  editor: ReportEditor,
  form: FormState,
  version: number,
  status: 200 | 409 | 422,
  saved?: { described: Record<string, string>; labels: Record<string, string> },
) {
  const text = c.var.t.annualReports.form;
  const year = editor.report.year;
  return renderPage(c, {
    title: text.editTitle(year),
    status,
    children: (
      <AnnualReportForm
        heading={text.editTitle(year)}
        action={`${reportPath(year)}/andra`}
        form={form}
        goals={editor.goals}
        years={editor.years}
        withYear={false}
        version={version}
        saved={saved}
        backHref={reportPath(year)}
        submit={text.save}
      />
    ),
  });
}

// Publishing.

annualReportRoutes.get(`${REPORT}/publicera`, requireSignIn(), async (c) => {
  const report = await loadPublishPage(c.get('deps'), signedInViewer(c), yearOf(c));
  return renderPage(c, {
    title: c.var.t.annualReports.publish.title(report.year),
    children: <AnnualReportPublish year={report.year} version={report.version} />,
  });
});

annualReportRoutes.post(`${REPORT}/publicera`, requireSignIn(), async (c) => {
  const year = yearOf(c);
  const input = await parseForm(c, publishForm);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'publish version');
  await publishReport(requestDeps(c), signedInViewer(c), year, input.data.version);
  return c.redirect(`${reportPath(year)}?sparat=publicerad`, 303);
});
