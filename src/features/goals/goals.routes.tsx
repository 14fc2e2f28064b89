import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';
import { PageBody } from '../../web/components/page-body.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { canFollowUpGoals } from '../auth/permissions.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import {
  listGoals,
  loadDashboard,
  loadGoalPage,
  loadIndicatorPage,
  loadRecordsPage,
} from './goal-pages.service.ts';
import { goalSlugs } from './indicators/indicator-catalogue.ts';
import { GoalDashboard } from './views/goal-dashboard.tsx';
import { GoalList } from './views/goal-list.tsx';
import { GoalPage } from './views/goal-page.tsx';
import { IndicatorDefinitions } from './views/indicator-definitions.tsx';
import { IndicatorPage } from './views/indicator-page.tsx';
import { IndicatorRecords } from './views/indicator-records.tsx';

export const goalRoutes = new Hono<AppEnv>();

goalRoutes.get('/mal', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const [page, dashboard] = await Promise.all([getPageBySlug(deps.db, 'mal'), loadDashboard(deps)]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        {textPageTools(c, 'mal')}
        <PageBody body={page.body} />
        <GoalList goals={dashboard.goals.map((goal) => goal.goal)} />
        <GoalDashboard goals={dashboard.goals} thisYear={dashboard.thisYear} />
        {/* Counts of register rows, not indicator figures, so they stand under a heading of their own. */}
        <h2>{t.goals.activitiesHeading}</h2>
        <ul>
          {dashboard.goals.map((goal) => (
            <li>
              <strong>{goal.goal.shortTitle}:</strong> {t.goals.activitiesForGoal(goal.activityCount)}
            </li>
          ))}
        </ul>
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

goalRoutes.get('/mal/indikatorer', publicPage({ feedback: true }), async (c) => {
  const goals = await listGoals(c.get('deps'));
  return renderPage(c, {
    title: c.var.t.goalPages.definitionsTitle,
    feedback: true,
    children: <IndicatorDefinitions goals={goals} />,
  });
});

/**
 * The goal's slug is one of the four in the address itself, so /mal/indikatorer, /mal/arsrapporter and
 * whatever else lives under /mal never reach this handler, whichever router registers first.
 */
goalRoutes.get(`/mal/:goal{${goalSlugs.join('|')}}`, publicPage({ feedback: true }), async (c) => {
  const page = await loadGoalPage(c.get('deps'), c.req.param('goal'));
  return renderPage(c, { title: page.goal.shortTitle, feedback: true, children: <GoalPage {...page} /> });
});

/** `ar`: a year shown on the page (four digits here, so junk never reaches the cache; a year not shown is a 400). */
const yearQuery = {
  ar: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
};
const indicatorPage = publicPage({ feedback: true, query: yearQuery });

goalRoutes.get('/mal/indikatorer/:slug', indicatorPage, async (c) => {
  const page = await loadIndicatorPage(c.get('deps'), c.req.param('slug'), indicatorPage.query(c).ar);
  const words =
    c.var.t.indicators.definitions[
      page.figures.definition.slug as keyof typeof c.var.t.indicators.definitions
    ];
  return renderPage(c, {
    title: words.name,
    feedback: true,
    children: (
      <IndicatorPage
        indicator={page.figures}
        goal={page.goal}
        breakdowns={page.breakdowns}
        year={page.year}
        thisYear={page.thisYear}
        mayFollowUp={canFollowUpGoals(c.get('viewer'))}
      />
    ),
  });
});

const recordsPage = publicPage({ feedback: true, query: yearQuery });

goalRoutes.get('/mal/indikatorer/:slug/underlag', recordsPage, async (c) => {
  const page = await loadRecordsPage(c.get('deps'), c.req.param('slug'), recordsPage.query(c).ar);
  const words =
    c.var.t.indicators.definitions[
      page.figures.definition.slug as keyof typeof c.var.t.indicators.definitions
    ];
  return renderPage(c, {
    title: c.var.t.goalPages.recordsTitle(words.name, page.year),
    feedback: true,
    children: <IndicatorRecords {...page} />,
  });
});
