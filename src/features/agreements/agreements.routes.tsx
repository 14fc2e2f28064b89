import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { findWorkingGroups } from '../groups/groups.queries.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { findPrioritisedFocusAreas } from './agreements.queries.ts';
import { getAgreement, listAgreementPage } from './agreements.service.ts';
import { AgreementDetailView } from './views/agreement-detail.tsx';
import { AgreementListView } from './views/agreement-list.tsx';

export const agreementRoutes = new Hono<AppEnv>();

const pageNumber = z.coerce.number().int().min(1).max(10_000).default(1);

const agreementListPage = publicPage({ feedback: true, query: { sida: pageNumber, ...textPageQuery } });

agreementRoutes.get('/avtal', agreementListPage, async (c) => {
  const deps = c.get('deps');
  const [page, agreements, focusAreas, workingGroups] = await Promise.all([
    getPageBySlug(deps.db, 'samarbetsformer'),
    listAgreementPage(deps, agreementListPage.query(c).sida),
    findPrioritisedFocusAreas(deps.db),
    findWorkingGroups(deps.db),
  ]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <>
        {textPageTools(c, 'samarbetsformer')}
        <AgreementListView
          page={page}
          agreements={agreements}
          focusAreas={focusAreas}
          workingGroups={workingGroups}
        />
      </>
    ),
  });
});

/** An agreement's page; `sparat` is the note after an edit (shown to the signed-in editor only). */
const agreementPage = publicPage({ feedback: true, query: { sparat: savedQuery } });

agreementRoutes.get('/avtal/:slug', agreementPage, async (c) => {
  const agreement = await getAgreement(c.get('deps'), c.req.param('slug'), c.get('viewer'));
  return renderPage(c, {
    title: agreement.title,
    feedback: true,
    children: (
      <AgreementDetailView agreement={agreement} notice={savedNotice(c, agreementPage.query(c).sparat)} />
    ),
  });
});
