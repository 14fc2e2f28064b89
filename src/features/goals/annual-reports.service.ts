import { sql } from 'drizzle-orm';
import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { recordAudit } from '../auth/audit.ts';
import { canFollowUpGoals, type Viewer } from '../auth/permissions.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import {
  buildReportContent,
  contentHasDemo,
  type ReportContent,
  type ReportTexts,
  readSnapshot,
} from './annual-report-snapshot.ts';
import {
  findReport,
  findReports,
  insertReport,
  markPublished,
  type ReportWithSnapshot,
  updateReportTexts,
  yearHasReport,
} from './annual-reports.queries.ts';
import { findGoalRows } from './goals.queries.ts';
import type { AnnualReportStatus } from './goals.table.ts';
import { currentYear, YEARS_SHOWN } from './indicators/indicator-figures.service.ts';

/**
 * The annual report to Högskolerådet (issue 11; decision 016): a coordinator writes a draft for a year
 * (a summary and a comment per goal) over the live figures, and publishes it; publishing freezes the
 * figures, the activities and the decisions in the report's snapshot, in one transaction with its history
 * and audit entry. A published report is read only from its snapshot, by anyone, and is never changed.
 */

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

const notFound = (year: number) => new AppError('NOT_FOUND', `annual report ${year}`);

/**
 * The years a report can be made for: this year and the ones before it whose previous year the goal
 * follow-up still shows (a report compares each figure with the year before), so the figures exist.
 */
export function reportYears(deps: Pick<Deps, 'clock'>): { from: number; to: number; suggested: number } {
  const to = currentYear(deps);
  return { from: to - YEARS_SHOWN + 2, to, suggested: to - 1 };
}

/** The list: published reports for everyone; the drafts too for coordinators. */
export async function loadReportList(deps: Pick<Deps, 'db'>, viewer: Viewer | null) {
  const rows = await findReports(deps.db);
  const coordinator = canFollowUpGoals(viewer);
  return {
    published: rows.filter((row) => row.status === 'published'),
    drafts: coordinator ? rows.filter((row) => row.status === 'draft') : [],
    coordinator,
  };
}

export type ReportList = Awaited<ReturnType<typeof loadReportList>>;

/** The goals, for the form's comment fields. */
export async function loadReportForm(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer | null) {
  if (!canFollowUpGoals(viewer)) throw notAllowed();
  const years = reportYears(deps);
  // Suggest the latest finished year that has no report yet (a new form sent unchanged then just works).
  const taken = new Set((await findReports(deps.db)).map((report) => report.year));
  let suggested = years.suggested;
  while (suggested > years.from && taken.has(suggested)) suggested--;
  if (taken.has(suggested)) suggested = years.suggested;
  return { goals: await findGoalRows(deps.db), years: { ...years, suggested } };
}

export type ReportForm = Awaited<ReturnType<typeof loadReportForm>>;

/** The report's fields in words, for its history. */
function describe(t: Messages, goals: { slug: string; shortTitle: string }[]) {
  const text = t.annualReports.history;
  return (values: { status: AnnualReportStatus } & ReportTexts): Described => ({
    [text.status]: text.statuses[values.status],
    [text.summary]: values.summary,
    ...Object.fromEntries(
      goals.map((goal) => [text.comment(goal.shortTitle), values.goalComments[goal.slug] ?? '']),
    ),
  });
}

/** A new draft for a year that has none; refused next to the year field otherwise. The new year. */
export async function createReport(
  deps: Deps,
  viewer: Viewer | null,
  input: ReportTexts & { year: number },
): Promise<number> {
  if (!canFollowUpGoals(viewer) || !viewer) throw notAllowed();
  const years = reportYears(deps);
  if (input.year < years.from || input.year > years.to)
    throw new Refusal('annualReports.errors.yearOutOfRange', {
      field: 'year',
      params: { from: years.from, to: years.to },
    });
  const taken = () =>
    new Refusal('annualReports.errors.yearTaken', {
      status: 409,
      field: 'year',
      params: { year: input.year },
    });
  if (await yearHasReport(deps.db, input.year)) throw taken();
  const goals = await findGoalRows(deps.db);
  const at = deps.clock.now();
  // A draft is on no public page (the public get a 404 for it), so no page cache needs clearing.
  await deps.db.transaction(async (tx) => {
    const texts = { summary: input.summary, goalComments: input.goalComments };
    const row = await insertReport(tx, { year: input.year, ...texts });
    // Two coordinators making the same year at once: the unique year lets one in.
    if (!row) throw taken();
    await recordHistory(tx, {
      type: 'annual_report',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at,
      before: null,
      after: describe(deps.t, goals)({ status: 'draft', ...texts }),
      snapshot: { year: input.year, status: 'draft', ...texts },
    });
  });
  return input.year;
}

export type LoadedReport = {
  report: Omit<ReportWithSnapshot, 'snapshot'>;
  content: ReportContent;
  published: boolean;
  /** The report or anything in it is demo data. */
  demo: boolean;
};

/**
 * A report to show or download: a published one from its snapshot only, for anyone; a draft counted from
 * the register now, for coordinators only (a 404 to everyone else, as if it did not exist).
 */
export async function loadReport(
  deps: Pick<Deps, 'db' | 'clock' | 't'>,
  viewer: Viewer | null,
  year: number,
): Promise<LoadedReport> {
  const row = await findReport(deps.db, year);
  if (!row) throw notFound(year);
  const { snapshot, ...report } = row;
  if (row.status === 'published' && snapshot) {
    const content = readSnapshot(snapshot);
    return { report, content, published: true, demo: row.isDemo || contentHasDemo(content) };
  }
  if (!canFollowUpGoals(viewer)) throw notFound(year);
  // Counted now, past the cache of counted sums: the draft shows what publishing would freeze.
  const content = await buildReportContent({ db: deps.db, clock: deps.clock, t: deps.t }, year, row);
  return { report, content, published: false, demo: row.isDemo || contentHasDemo(content) };
}

/** A published report is final: its texts are refused (409) with the reason, on a page of its own. */
function publishedRefusal(year: number) {
  return new Refusal('annualReports.errors.published', {
    status: 409,
    title: 'annualReports.errors.publishedTitle',
    link: { href: `/mal/arsrapporter/${year}`, text: 'annualReports.toReport' },
  });
}

async function draftFor(db: DbOrTx, viewer: Viewer | null, year: number, forUpdate = false) {
  if (!canFollowUpGoals(viewer)) throw notAllowed();
  const row = await findReport(db, year, { forUpdate });
  if (!row) throw notFound(year);
  if (row.status === 'published') throw publishedRefusal(year);
  return row;
}

/** A draft's texts to change; a published report is refused. */
export async function loadReportEditor(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewer: Viewer | null,
  year: number,
) {
  const report = await draftFor(deps.db, viewer, year);
  return { report, ...(await loadReportForm(deps, viewer)) };
}

export type ReportEditor = Awaited<ReturnType<typeof loadReportEditor>>;

/** Saves a draft's texts from the version the form was opened on (optimistic locking, history). */
export async function saveReportTexts(
  deps: Deps,
  viewer: Viewer | null,
  year: number,
  texts: ReportTexts,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  if (!viewer) throw notAllowed();
  const goals = await findGoalRows(deps.db);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await draftFor(tx, viewer, year, true);
    const current = { status: row.status, summary: row.summary, goalComments: row.goalComments };
    const next = { status: row.status, ...texts };
    return saveVersioned(tx, {
      type: 'annual_report',
      id: row.id,
      actorPersonId: viewer.personId,
      at,
      expectedVersion,
      currentVersion: row.version,
      current: { year, ...current },
      next: { year, ...next },
      describe: async (values) => describe(deps.t, goals)(values),
      write: (version) => updateReportTexts(tx, row.id, version, texts, at),
    });
  });
}

/** The publishing step's page: a draft, for a coordinator. */
export async function loadPublishPage(deps: Pick<Deps, 'db'>, viewer: Viewer | null, year: number) {
  return draftFor(deps.db, viewer, year);
}

/**
 * Publishes a draft. One transaction, at REPEATABLE READ so every figure is read from one snapshot of the
 * database: the row is locked, the content counted from the register, stored as the snapshot with the
 * status, publishing time and person, and the history and audit entries written; the page cache is cleared
 * (withPublicChange). Two publishes at once: the second waits for the lock, then fails to serialise, is run
 * again by withPublicChange, and finds the report published (409) — it is published once.
 */
export async function publishReport(
  deps: Deps,
  viewer: Viewer | null,
  year: number,
  expectedVersion: number,
): Promise<void> {
  if (!canFollowUpGoals(viewer) || !viewer) throw notAllowed();
  const goals = await findGoalRows(deps.db);
  const at = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const row = await findReport(tx, year, { forUpdate: true });
    if (!row) throw notFound(year);
    if (row.status === 'published')
      throw new Refusal('annualReports.errors.alreadyPublished', {
        status: 409,
        link: { href: `/mal/arsrapporter/${year}`, text: 'annualReports.toReport' },
      });
    // Texts another coordinator saved after this one read the confirmation page are not published unseen.
    if (row.version !== expectedVersion)
      throw new Refusal('annualReports.errors.changedSinceOpened', {
        status: 409,
        link: { href: `/mal/arsrapporter/${year}`, text: 'annualReports.toReport' },
      });
    const years = reportYears(deps);
    if (year >= years.to)
      throw new Refusal('annualReports.errors.yearNotOver', { status: 409, params: { year } });
    if (year < years.from)
      throw new Refusal('annualReports.errors.yearTooOld', { status: 409, params: { year } });
    const texts = { summary: row.summary, goalComments: row.goalComments };
    const content = await buildReportContent({ db: tx, clock: deps.clock, t: deps.t }, year, texts);
    const snapshot = content as unknown as Record<string, unknown>;
    await saveVersioned(tx, {
      type: 'annual_report',
      id: row.id,
      actorPersonId: viewer.personId,
      at,
      expectedVersion: row.version,
      currentVersion: row.version,
      current: { year, status: row.status, ...texts },
      next: { year, status: 'published' as AnnualReportStatus, ...texts },
      describe: async (values) => describe(deps.t, goals)(values),
      write: (version) =>
        markPublished(tx, row.id, version, {
          snapshot,
          publishedAt: at,
          publishedByPersonId: viewer.personId,
        }),
      note: deps.t.annualReports.history.publishedNote,
    });
    await recordAudit(tx, at, {
      action: 'annual_report_published',
      actorPersonId: viewer.personId,
      detail: { year, reportId: row.id },
    });
  });
}
