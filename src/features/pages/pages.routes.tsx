import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { PageBody } from '../../web/components/page-body.tsx';
import { Updated } from '../../web/components/updated.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { getPageBySlug } from './pages.queries.ts';
import { textPageQuery, textPageTools } from './views/page-tools.tsx';

export const pageRoutes = new Hono<AppEnv>();

/** Pages that are text only: the accessibility statement and the personal-data page. */
for (const [path, slug] of [
  ['/tillganglighet', 'tillganglighet'],
  ['/personuppgifter', 'personuppgifter'],
] as const) {
  pageRoutes.get(path, publicPage({ feedback: true, query: textPageQuery }), async (c) => {
    const page = await getPageBySlug(c.get('deps').db, slug);
    return renderPage(c, {
      title: page.title,
      feedback: true,
      children: (
        <>
          <h1>{page.title}</h1>
          {textPageTools(c, slug)}
          <PageBody body={page.body} />
          <Updated on={page.updatedOn} />
        </>
      ),
    });
  });
}
