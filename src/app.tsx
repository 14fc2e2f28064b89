import { randomUUID } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './app-deps.ts';
import { isDatabaseUnavailable } from './db/errors.ts';
import { accountRoutes } from './features/account/account.routes.tsx';
import { activityRoutes } from './features/activities/activities.routes.tsx';
import { activityEditRoutes } from './features/activities/activity-edits.routes.tsx';
import { adminRoutes } from './features/admin/admin.routes.tsx';
import { agreementEditRoutes } from './features/agreements/agreement-edits.routes.tsx';
import { agreementRoutes } from './features/agreements/agreements.routes.tsx';
import { focusAreaEditRoutes } from './features/agreements/focus-area-edits.routes.tsx';
import { authRoutes } from './features/auth/auth.routes.tsx';
import { devMailRoutes } from './features/auth/dev-mail.routes.tsx';
import { oidcRoutes } from './features/auth/oidc/oidc.routes.tsx';
import type { Viewer } from './features/auth/permissions.ts';
import { loadViewer } from './features/auth/viewer.ts';
import { AccountMenu } from './features/auth/views/account-menu.tsx';
import { documentRoutes } from './features/documents/documents.routes.tsx';
import { feedbackRoutes } from './features/feedback/feedback.routes.tsx';
import { feedbackViewerRoutes } from './features/feedback-viewer/feedback-viewer.routes.tsx';
import { annualReportRoutes } from './features/goals/annual-reports.routes.tsx';
import { goalRoutes } from './features/goals/goals.routes.tsx';
import { indicatorEditRoutes } from './features/goals/indicator-edits.routes.tsx';
import { groupEditRoutes } from './features/groups/group-edits.routes.tsx';
import { groupInternalsRoutes } from './features/groups/group-internals.routes.tsx';
import { groupRoutes } from './features/groups/groups.routes.tsx';
import { healthRoutes } from './features/health/health.routes.ts';
import { homeRoutes } from './features/home/home.routes.tsx';
import { actionRoutes } from './features/meetings/actions.routes.tsx';
import { calendarFeedRoutes } from './features/meetings/calendar-feeds.routes.tsx';
import { meetingPageRoutes } from './features/meetings/meeting-pages.routes.tsx';
import { meetingRoutes } from './features/meetings/meetings.routes.tsx';
import { minutesRoutes } from './features/meetings/minutes.routes.tsx';
import { briefEditRoutes } from './features/needs/brief-edits.routes.tsx';
import { briefResponseRoutes } from './features/needs/brief-responses.routes.tsx';
import { needsRoutes } from './features/needs/needs.routes.tsx';
import { createOpenApi } from './features/open-data/api-app.ts';
import { API_BASE_PATH } from './features/open-data/api-routes.ts';
import { catalogueRoutes } from './features/open-data/catalogue.routes.tsx';
import { openDataRoutes } from './features/open-data/open-data.routes.tsx';
import { organisationEditRoutes } from './features/organisations/organisation-edits.routes.tsx';
import { organisationRoutes } from './features/organisations/organisations.routes.tsx';
import { pageEditRoutes } from './features/pages/page-edits.routes.tsx';
import { pageRoutes } from './features/pages/pages.routes.tsx';
import { placementOverviewRoutes } from './features/placements/overview.routes.tsx';
import { placementOfferRoutes } from './features/placements/placement-offers.routes.tsx';
import { placementRequestRoutes } from './features/placements/requests.routes.tsx';
import { proposalRoutes } from './features/proposals/proposals.routes.tsx';
import { searchRoutes } from './features/search/search.routes.tsx';
import { transferRoutes } from './features/transfer/transfer.routes.tsx';
import { workspaceRoutes } from './features/workspace/workspace.routes.tsx';
import { AppError } from './lib/errors.ts';
import { Refusal } from './lib/refusal.ts';
import { type ErrorPageStatus, renderErrorPage, renderRefusal } from './web/error-page.tsx';
import { translate } from './web/i18n/message-key.ts';
import { DEFAULT_LANGUAGE, messagesFor } from './web/i18n/messages.ts';
import {
  csrfProtection,
  refuseControlCharactersInPath,
  refuseOtherHosts,
  requestBodyLimit,
  securityHeaders,
} from './web/middleware/security.ts';
import { createFeedbackPageProbe } from './web/page-probe.ts';
import { PUBLIC_DIR } from './web/paths.ts';
import { problemResponse } from './web/problem.ts';

const STATE_CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The layout's account menu, made by the auth feature (web/ does not reach into features). */
const accountMenu = (viewer: Viewer | null, path: string) => <AccountMenu viewer={viewer} path={path} />;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const servesFeedbackPage = createFeedbackPageProbe(app, deps.config.baseUrl);

  // An incoming X-Request-Id is ignored (headerName ''), so clients cannot choose what our logs say.
  app.use(requestId({ headerName: '', generator: () => randomUUID() }));
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('deps', deps);
    c.set('servesFeedbackPage', servesFeedbackPage);
    c.set('accountMenu', accountMenu);
    // Swedish until the viewer is known (loadViewer answers a signed-in person in their language).
    c.set('lang', DEFAULT_LANGUAGE);
    c.set('t', messagesFor(DEFAULT_LANGUAGE));
    c.header('X-Request-Id', c.get('requestId'));
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(securityHeaders(deps.config));
  app.use(refuseOtherHosts(deps.config));
  app.use(refuseControlCharactersInPath());
  // Reading pages changes nothing, so only the methods that can change state pass these checks.
  app.on(STATE_CHANGING_METHODS, '*', csrfProtection(deps.config), requestBodyLimit());
  app.use(
    '/static/*',
    serveStatic({
      root: PUBLIC_DIR,
      rewriteRequestPath: (path) => path.replace(/^\/static/, ''),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=3600');
      },
    }),
  );

  app.use(loadViewer());

  app.route('/', homeRoutes);
  // Before the public organisation pages: /organisationer/ny is not an organisation's address.
  app.route('/', organisationEditRoutes);
  app.route('/', organisationRoutes);
  app.route('/', workspaceRoutes);
  app.route('/', proposalRoutes);
  // Before the briefs' pages: /behovsbanken/svar/<id> is an answer, not a brief's address.
  app.route('/', briefResponseRoutes);
  // Before the needs bank's public pages: /behovsbanken/ny is not a brief's address.
  app.route('/', briefEditRoutes);
  app.route('/', needsRoutes);
  app.route('/', placementOfferRoutes);
  app.route('/', placementRequestRoutes);
  app.route('/', transferRoutes);
  app.route('/', documentRoutes);
  // Before the public agreement pages: /avtal/ny is not an agreement's address.
  app.route('/', agreementEditRoutes);
  app.route('/', focusAreaEditRoutes);
  app.route('/', agreementRoutes);
  // Before the public group pages: /grupper/ny is not a group's address.
  app.route('/', meetingRoutes);
  app.route('/', minutesRoutes);
  app.route('/', actionRoutes);
  app.route('/', groupEditRoutes);
  app.route('/', groupRoutes);
  app.route('/', meetingPageRoutes);
  app.route('/', calendarFeedRoutes);
  // Before the public goal pages: /mal/indikatorer/<slug>/malvarde is a form, not an indicator's page.
  app.route('/', indicatorEditRoutes);
  app.route('/', goalRoutes);
  app.route('/', annualReportRoutes);
  // Before any /praktik/:… route: /praktik/oversikt is the overview, not an offer's address.
  app.route('/', placementOverviewRoutes);
  // Before the public activity pages: /aktiviteter/ny is not an activity's address.
  app.route('/', activityEditRoutes);
  app.route('/', activityRoutes);
  app.route('/', searchRoutes);
  app.route('/', feedbackRoutes);
  app.route('/', pageRoutes);
  app.route('/', pageEditRoutes);
  app.route('/', authRoutes);
  app.route('/', oidcRoutes);
  app.route('/', devMailRoutes);
  app.route('/', accountRoutes);
  app.route('/', adminRoutes);
  app.route('/', groupInternalsRoutes);
  app.route('/', feedbackViewerRoutes);
  app.route('/', healthRoutes);
  app.route('/', openDataRoutes);
  // The open API is the same in every language for now: its document is built once, in Swedish.
  app.route(API_BASE_PATH, createOpenApi(deps, messagesFor(DEFAULT_LANGUAGE)));
  app.route('/', catalogueRoutes);

  app.notFound((c) => respondWithError(c, 404));
  app.onError((error, c) => {
    if (error instanceof Refusal) {
      deps.logger.info(
        { requestId: c.get('requestId'), code: error.status, reason: error.reason },
        'refused by the rules',
      );
      if (!c.req.path.startsWith('/api/')) return renderRefusal(c, error);
      return problemResponse(c, error.status === 403 ? 403 : 400, {
        detail: translate(c.var.t, error.reason, { params: error.params }),
      });
    }
    const status = statusFor(error);
    const requestId = c.get('requestId');
    if (status >= 500) deps.logger.error({ requestId, err: error }, 'request failed');
    else deps.logger.info({ requestId, code: status, reason: error.message }, 'request refused');
    return respondWithError(c, status);
  });
  return app;
}

function statusFor(error: Error): ErrorPageStatus {
  // A validation error that reaches here was not rendered as a form by its route: a plain bad request.
  if (error instanceof AppError) return narrow(error.status === 422 ? 400 : error.status);
  if (error instanceof HTTPException) return narrow(error.status);
  if (isDatabaseUnavailable(error)) return 503;
  return 500;
}

function narrow(status: number): ErrorPageStatus {
  return ([400, 403, 404, 413, 415, 421, 429, 503] as number[]).includes(status)
    ? (status as ErrorPageStatus)
    : 500;
}

function respondWithError(c: Context<AppEnv>, status: ErrorPageStatus) {
  if (c.req.path.startsWith('/api/')) return problemResponse(c, status);
  return renderErrorPage(c, status);
}
