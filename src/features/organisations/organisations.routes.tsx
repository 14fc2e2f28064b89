import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { PageBody } from '../../web/components/page-body.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { findInstitutions } from './organisations.queries.ts';
import { getOrganisation } from './organisations.service.ts';
import { InstitutionList } from './views/institution-list.tsx';
import { OrganisationDetailView } from './views/organisation-detail.tsx';

export const organisationRoutes = new Hono<AppEnv>();

organisationRoutes.get('/larosaten', publicPage({ feedback: true }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, institutions] = await Promise.all([getPageBySlug(db, 'larosaten'), findInstitutions(db)]);
  return renderPage(c, {
    title: t.institutions.listHeading,
    feedback: true,
    children: (
      <>
        <h1>{t.institutions.listHeading}</h1>
        <PageBody body={page.body} />
        <InstitutionList institutions={institutions} />
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

organisationRoutes.get('/larosaten/:slug', publicPage({ feedback: true }), async (c) => {
  const details = await getOrganisation(c.get('deps'), c.req.param('slug'), 'university');
  return renderPage(c, {
    title: details.organisation.name,
    feedback: true,
    children: <OrganisationDetailView details={details} />,
  });
});

organisationRoutes.get('/organisationer/:slug', publicPage({ feedback: true }), async (c) => {
  const details = await getOrganisation(c.get('deps'), c.req.param('slug'), 'other');
  return renderPage(c, {
    title: details.organisation.name,
    feedback: true,
    children: <OrganisationDetailView details={details} />,
  });
});
