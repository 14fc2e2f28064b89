import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { PageBody } from '../../web/components/page-body.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { findInstitutions } from './organisations.queries.ts';
import { getOrganisation } from './organisations.service.ts';
import { InstitutionList } from './views/institution-list.tsx';
import { OrganisationDetailView } from './views/organisation-detail.tsx';

export const organisationRoutes = new Hono<AppEnv>();

/** An organisation's page; `sparat` is the note after an edit (shown to the signed-in editor only). */
const organisationPage = publicPage({ feedback: true, query: { sparat: savedQuery } });

organisationRoutes.get('/larosaten', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const t = c.var.t;
  const { db } = c.get('deps');
  const [page, institutions] = await Promise.all([getPageBySlug(db, 'larosaten'), findInstitutions(db)]);
  return renderPage(c, {
    title: t.institutions.listHeading,
    feedback: true,
    children: (
      <>
        <h1>{t.institutions.listHeading}</h1>
        {textPageTools(c, 'larosaten')}
        <PageBody body={page.body} />
        <InstitutionList institutions={institutions} />
        <Updated on={page.updatedOn} />
      </>
    ),
  });
});

organisationRoutes.get('/larosaten/:slug', organisationPage, async (c) => {
  const details = await getOrganisation(c.get('deps'), c.req.param('slug'), 'university', c.get('viewer'));
  return renderPage(c, {
    title: details.organisation.name,
    feedback: true,
    children: (
      <OrganisationDetailView details={details} notice={savedNotice(c, organisationPage.query(c).sparat)} />
    ),
  });
});

organisationRoutes.get('/organisationer/:slug', organisationPage, async (c) => {
  const details = await getOrganisation(c.get('deps'), c.req.param('slug'), 'other', c.get('viewer'));
  return renderPage(c, {
    title: details.organisation.name,
    feedback: true,
    children: (
      <OrganisationDetailView details={details} notice={savedNotice(c, organisationPage.query(c).sparat)} />
    ),
  });
});
