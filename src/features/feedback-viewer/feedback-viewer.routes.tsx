import { Hono } from 'hono';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, signedInViewer } from '../auth/guards.tsx';
import { canOpenFeedbackViewer, feedbackOrganisationScope } from '../auth/permissions.ts';
import {
  backToOverview,
  markedFrom,
  markForm,
  OVERVIEW_PATH,
  parseFilters,
} from './feedback-viewer.forms.ts';
import { findComments, findPageSummaries, findPagesWithFeedback } from './feedback-viewer.queries.ts';
import { feedbackCsvStream, markHandled } from './feedback-viewer.service.ts';
import { FeedbackOverview } from './views/feedback-overview.tsx';

export const feedbackViewerRoutes = new Hono<AppEnv>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

feedbackViewerRoutes.get(OVERVIEW_PATH, requirePermission(canOpenFeedbackViewer), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const viewer = signedInViewer(c);
  const scope = feedbackOrganisationScope(viewer);
  const parsed = parseFilters(c.var.t, (name) => c.req.query(name));
  if (!parsed.ok && parsed.errors === null) throw new AppError('BAD_REQUEST', 'feedback viewer filters');
  const pages = await findPagesWithFeedback(db, scope);
  const common = {
    seesAllPages: scope === 'all',
    typed: parsed.typed,
    pages,
    marked: markedFrom(c.req.query('markerad')),
  };
  // A page outside the list is refused the same way whether it has no feedback or is someone else's.
  const errors = parsed.ok ? [] : [...parsed.errors];
  if (parsed.typed.sida !== '' && !pages.includes(parsed.typed.sida)) {
    errors.push({ field: 'sida', message: t.feedbackViewer.unknownPage });
  }
  if (!parsed.ok || errors.length > 0) {
    return renderPage(c, {
      title: `${t.feedbackViewer.title} – ${t.feedbackViewer.errorSummary}`,
      status: 422,
      children: <FeedbackOverview {...common} errors={errors} />,
    });
  }
  const { filters, pageNumber } = parsed;
  const [summaries, comments] = await Promise.all([
    findPageSummaries(db, scope, filters),
    findComments(db, scope, filters, pageNumber),
  ]);
  return renderPage(c, {
    title: t.feedbackViewer.title,
    children: (
      <FeedbackOverview
        {...common}
        filters={filters}
        pageNumber={pageNumber}
        summaries={summaries}
        comments={comments}
      />
    ),
  });
});

feedbackViewerRoutes.get(`${OVERVIEW_PATH}.csv`, requirePermission(canOpenFeedbackViewer), async (c) => {
  const deps = c.get('deps');
  const scope = feedbackOrganisationScope(signedInViewer(c));
  const parsed = parseFilters(c.var.t, (name) => c.req.query(name));
  // The file is only linked from a page whose filters were accepted; a bad link is a bad request.
  if (!parsed.ok) throw new AppError('BAD_REQUEST', 'feedback export filters');
  const body = await feedbackCsvStream(requestDeps(c), scope, parsed.filters);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="aterkoppling-${stockholmDate(deps.clock.now())}.csv"`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(body);
});

feedbackViewerRoutes.post(
  `${OVERVIEW_PATH}/:id/behandlad`,
  requirePermission(canOpenFeedbackViewer),
  async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'feedback id');
    // A button and a hidden return path: anything wrong in it is not our form.
    const input = await parseForm(c, markForm);
    if (!input.ok) throw new AppError('BAD_REQUEST', 'feedback mark form');
    const handled = input.data.handled === 'ja';
    await markHandled(c.get('deps'), signedInViewer(c), { id, handled });
    return c.redirect(backToOverview(input.data.tillbaka, handled ? 'behandlad' : 'obehandlad'), 303);
  },
);
