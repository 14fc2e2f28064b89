import { Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { t } from '../../web/i18n/sv.ts';
import { renderPage } from '../../web/render.tsx';
import { searchQuery } from './search.forms.ts';
import { searchRegister } from './search.queries.ts';
import { SearchPage } from './views/search-page.tsx';

export const searchRoutes = new Hono<AppEnv>();

searchRoutes.get('/sok', async (c) => {
  const parsed = searchQuery.safeParse({ q: c.req.query('q'), sida: c.req.query('sida') });
  if (!parsed.success) {
    const queryIssue = parsed.error.issues.find((issue) => issue.path[0] === 'q');
    if (!queryIssue) throw new AppError('BAD_REQUEST', 'search page number');
    const typed = c.req.query('q') ?? '';
    return renderPage(c, {
      title: t.search.title,
      status: 422,
      children: <SearchPage query={typed} page={1} hits={[]} error={queryIssue.message} />,
    });
  }
  const { q, sida } = parsed.data;
  const hits = q === '' ? [] : await searchRegister(c.get('deps').db, q, sida);
  return renderPage(c, {
    title: q ? `${t.search.title}: ${q}` : t.search.title,
    children: <SearchPage query={q} page={sida} hits={hits} />,
  });
});
