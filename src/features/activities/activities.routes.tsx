import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { formatDate } from '../../lib/dates.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { PageBody } from '../../web/components/page-body.tsx';
import { Period } from '../../web/components/period.tsx';
import { ActivityList, OrganisationNames, StatusTag } from '../../web/components/register-links.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { listAgreements } from '../agreements/agreements.service.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { findActivitiesOfKind, getActivity } from './activities.queries.ts';
import { mayEditActivity } from './activity-edits.service.ts';

export const activityRoutes = new Hono<AppEnv>();

activityRoutes.get('/ulf', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const [page, ulfAgreements, projects] = await Promise.all([
    getPageBySlug(deps.db, 'ulf'),
    listAgreements(deps, { kinds: ['ulf'] }),
    findActivitiesOfKind(deps.db, 'ulf_project'),
  ]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        <h1>{page.title}</h1>
        {textPageTools(c, 'ulf')}
        <PageBody body={page.body} />
        {ulfAgreements.map((agreement) => (
          <section aria-labelledby={`avtal-${agreement.slug}`}>
            <h2 id={`avtal-${agreement.slug}`}>{t.ulf.agreementHeading}</h2>
            <dl class="facts">
              <dt>{t.agreements.title}</dt>
              <dd>
                <a href={`/avtal/${agreement.slug}`}>{agreement.title}</a>
              </dd>
              <dt>{t.common.parties}</dt>
              <dd>
                <OrganisationNames organisations={agreement.parties} />
              </dd>
              <dt>{t.common.period}</dt>
              <dd>
                <Period from={agreement.validFrom} to={agreement.validTo} />
              </dd>
              <dt>{t.common.status}</dt>
              <dd>
                <StatusTag status={agreement.status} />
              </dd>
            </dl>
          </section>
        ))}
        <h2>{t.ulf.projectsHeading}</h2>
        <ActivityList activities={projects} empty={t.ulf.noProjects} />
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

/** An activity's page; `sparat` is the note after an edit (shown to the signed-in editor only). */
const activityPage = publicPage({ feedback: true, query: { sparat: savedQuery } });

activityRoutes.get('/aktiviteter/:slug', activityPage, async (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const viewer = c.get('viewer');
  const activity = await getActivity(deps.db, c.req.param('slug'));
  // Only a signed-in request asks (and pays for) whether the viewer may edit.
  const mayEdit = viewer !== null && (await mayEditActivity(deps, viewer, activity.id));
  const notice = savedNotice(c, activityPage.query(c).sparat);
  return renderPage(c, {
    title: activity.title,
    feedback: true,
    children: (
      <>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <h1>
          {activity.title} <DemoLabel show={activity.isDemo} />
        </h1>
        {mayEdit ? (
          <ul class="plain edit-links">
            <li>
              <a href={`/aktiviteter/${activity.slug}/andra`}>{t.register.edit}</a>
            </li>
            <li>
              <a href={`/aktiviteter/${activity.slug}/historik`}>{t.register.history}</a>
            </li>
          </ul>
        ) : null}
        {activity.description ? <PageBody body={activity.description} /> : null}
        <dl class="facts">
          <dt>{t.activity.kind}</dt>
          <dd>{t.activityKinds[activity.kind]}</dd>
          <dt>{t.common.period}</dt>
          <dd>
            <Period from={activity.startsOn} to={activity.endsOn} />
          </dd>
          <dt>{t.activity.organisations}</dt>
          <dd>
            <OrganisationNames organisations={activity.organisations} />
          </dd>
          <dt>{t.agreements.title}</dt>
          <dd>
            {activity.agreement ? (
              <a href={`/avtal/${activity.agreement.slug}`}>{activity.agreement.title}</a>
            ) : (
              t.common.notGiven
            )}
          </dd>
          <dt>{t.agreements.focusAreas}</dt>
          <dd>
            {activity.focusAreas.length > 0
              ? activity.focusAreas.map((area) => area.name).join(', ')
              : t.common.notGiven}
          </dd>
          <dt>{t.activity.goals}</dt>
          <dd>
            {activity.goals.length > 0 ? (
              <ul class="plain">
                {activity.goals.map((goal) => (
                  <li>
                    <a href={`/mal#mal-${goal.slug}`}>{goal.shortTitle}</a>
                  </li>
                ))}
              </ul>
            ) : (
              t.common.notGiven
            )}
          </dd>
        </dl>
        {activity.outcomes || activity.outcomesUsedOn ? (
          <>
            <h2>{t.activityEdits.fields.outcomes}</h2>
            {activity.outcomes ? <PageBody body={activity.outcomes} /> : null}
            {activity.outcomesUsedOn ? (
              <p>
                {t.activityEdits.fields.outcomesUsedOn}:{' '}
                <time datetime={activity.outcomesUsedOn}>{formatDate(activity.outcomesUsedOn)}</time>
              </p>
            ) : null}
          </>
        ) : null}
      </>
    ),
  });
});
