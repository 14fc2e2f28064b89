import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { textPageQuery, textPageTools } from '../pages/views/page-tools.tsx';
import { getHomeOverview } from './home.service.ts';
import { HomeView } from './views/home.tsx';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', publicPage({ feedback: true, query: textPageQuery }), async (c) => {
  const overview = await getHomeOverview(c.get('deps'));
  return renderPage(c, {
    title: overview.pages.start.title,
    feedback: true,
    children: <HomeView overview={overview} tools={textPageTools(c, 'start')} />,
  });
});
