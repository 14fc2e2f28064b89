import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderMessagePage, renderPage } from '../../web/render.tsx';
import { sheetAsCsv, sheetAsXlsx } from '../transfer/sheets.ts';
import { currentTerm, loadOverview, overviewSheet, parseTerm, termChoices } from './overview.service.ts';
import { OVERVIEW_PATH, OverviewPage } from './views/overview-page.tsx';

/**
 * The overview of placements and the needs bank per term, and the same figures as CSV and XLSX (issue 9,
 * item 7). Public, like the goal figures: aggregates with no person in them, counted only from what the
 * public pages show (no internal or deleted briefs, no deleted offers or requests), so there is nothing
 * to keep from anyone, and the council, the institutions and residents read one set of numbers.
 */
export const placementOverviewRoutes = new Hono<AppEnv>();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `termin` is read as any text and checked by the page, so a bad one gets the form back with a message
 * (400); only well-formed terms (at most 200 of them) reach the page cache's keys.
 */
const termQuery = { termin: z.string().optional() };
const overviewPage = publicPage({ feedback: true, query: termQuery });
const overviewFile = publicPage({ query: termQuery, cache: false });

/** The term asked for (the current one when none is), or null when what was asked for is no term. */
function chosenTerm(c: Context<AppEnv>, asked: string | undefined): string | null {
  if (asked === undefined || asked.trim() === '') return currentTerm(c.get('deps').clock.now());
  return parseTerm(asked);
}

placementOverviewRoutes.get(OVERVIEW_PATH, overviewPage, async (c) => {
  const t = c.var.t.placementOverview;
  const { db, clock } = c.get('deps');
  const term = chosenTerm(c, overviewPage.query(c).termin);
  if (term === null) {
    const shown = currentTerm(clock.now());
    return renderPage(c, {
      title: t.badTermTitle,
      status: 400,
      children: <OverviewPage term={shown} choices={termChoices(clock.now(), shown)} error={t.badTerm} />,
    });
  }
  const overview = await loadOverview(db, term);
  return renderPage(c, {
    title: t.titleForTerm(term),
    feedback: true,
    children: <OverviewPage term={term} choices={termChoices(clock.now(), term)} overview={overview} />,
  });
});

for (const format of ['csv', 'xlsx'] as const) {
  placementOverviewRoutes.get(`${OVERVIEW_PATH}.${format}`, overviewFile, async (c) => {
    const t = c.var.t;
    const term = chosenTerm(c, overviewFile.query(c).termin);
    if (term === null) {
      return renderMessagePage(c, {
        title: t.placementOverview.badTermTitle,
        status: 400,
        body: <p>{t.placementOverview.badTerm}</p>,
        link: { href: OVERVIEW_PATH, text: t.placementOverview.title },
      });
    }
    const sheet = overviewSheet(t, await loadOverview(c.get('deps').db, term));
    c.header(
      'Content-Disposition',
      `attachment; filename="${t.placementOverview.file.fileName(term)}.${format}"`,
    );
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(sheetAsCsv(sheet));
    }
    c.header('Content-Type', XLSX_TYPE);
    return c.body(new Uint8Array(await sheetAsXlsx(sheet)));
  });
}
