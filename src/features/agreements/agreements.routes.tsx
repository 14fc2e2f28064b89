import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { renderPage } from '../../web/render.tsx';
import { findWorkingGroups } from '../groups/groups.queries.ts';
import { getPageBySlug } from '../pages/pages.queries.ts';
import { findPrioritisedFocusAreas } from './agreements.queries.ts';
import { getAgreement, listAgreementPage } from './agreements.service.ts';
import { AgreementDetailView } from './views/agreement-detail.tsx';
import { AgreementListView } from './views/agreement-list.tsx';

export const agreementRoutes = new Hono<AppEnv>();

const pageNumber = z.coerce.number().int().min(1).max(10_000).default(1);

agreementRoutes.get('/avtal', async (c) => {
  const deps = c.get('deps');
  const sida = pageNumber.safeParse(c.req.query('sida'));
  if (!sida.success) throw new AppError('BAD_REQUEST', 'agreement page number');
  const [page, agreements, focusAreas, workingGroups] = await Promise.all([
    getPageBySlug(deps.db, 'samarbetsformer'),
    listAgreementPage(deps, sida.data),
    findPrioritisedFocusAreas(deps.db),
    findWorkingGroups(deps.db),
  ]);
  return renderPage(c, {
    title: page.title,
    feedback: true,
    children: (
      <AgreementListView
        page={page}
        agreements={agreements}
        focusAreas={focusAreas}
        workingGroups={workingGroups}
      />
    ),
  });
});

agreementRoutes.get('/avtal/:slug', async (c) => {
  const agreement = await getAgreement(c.get('deps'), c.req.param('slug'));
  return renderPage(c, {
    title: agreement.title,
    feedback: true,
    children: <AgreementDetailView agreement={agreement} />,
  });
});
