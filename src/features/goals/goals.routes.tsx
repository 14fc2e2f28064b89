import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { PageBody } from '../../web/components/page-body.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { findGoalsWithActivityCounts } from './goals.queries.ts';
import { GoalList } from './views/goal-list.tsx';

export const goalRoutes = new Hono<AppEnv>();

goalRoutes.get('/mal', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, goals] = await Promise.all([getPageBySlug(db, 'mal'), findGoalsWithActivityCounts(db)]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        {textPageTools(c, 'mal')}
        <PageBody body={page.body} />
        <GoalList goals={goals} />
        <h2>{t.goals.indicatorsHeading}</h2>
        <p>{t.goals.indicatorsPending}</p>
        {/* Counts of register rows, not indicator figures, so they stand under a heading of their own. */}
        <h2>{t.goals.activitiesHeading}</h2>
        <ul>
          {goals.map((goal) => (
            <li>
              <strong>{goal.shortTitle}:</strong> {t.goals.activitiesForGoal(goal.activityCount)}
            </li>
          ))}
        </ul>
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});
