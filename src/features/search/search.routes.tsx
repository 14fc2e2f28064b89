import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { searchQuery } from './search.forms.ts';
import { searchRegister } from './search.queries.ts';
import { SearchPage } from './views/search-page.tsx';

export const searchRoutes = new Hono<AppEnv>();

// `q` is checked by the handler, not by publicPage: a search that is too long gets the form again (422).
const searchPage = publicPage({ query: { q: z.string().optional(), sida: searchQuery.shape.sida } });

searchRoutes.get('/sok', searchPage, async (c) => {
  const t = c.var.t;
  const parsed = searchQuery.safeParse(searchPage.query(c));
  if (!parsed.success) {
    const queryIssue = parsed.error.issues.find((issue) => issue.path[0] === 'q');
    if (!queryIssue) throw new AppError('BAD_REQUEST', 'search page number');
    const typed = searchPage.query(c).q ?? '';
    return renderPage(c, {
      title: t.search.title,
      status: 422,
      children: <SearchPage query={typed} page={1} hits={[]} error={translate(t, queryIssue.message)} />,
    });
  }
  const { q, sida } = parsed.data;
  const hits = q === '' ? [] : await searchRegister(c.get('deps').db, q, sida);
  return renderPage(c, {
    title: q ? `${t.search.title}: ${q}` : t.search.title,
    children: <SearchPage query={q} page={sida} hits={hits} />,
  });
});
