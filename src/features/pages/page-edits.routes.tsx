import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { versionField } from '../register/register.forms.ts';
import { HistoryPage } from '../register/views/history-page.tsx';
import { loadPageEditor, loadPageHistory, restorePageVersion, savePage } from './page-edits.service.ts';
import { pageForm } from './pages.forms.ts';
import { PageForm } from './views/page-form.tsx';

/**
 * The coordinator edits the public text pages (issue 8): title and text, with history and restore. The
 * fixed pages cannot be added or deleted here. Who may is decided by the service (permissions.ts).
 */
export const pageEditRoutes = new Hono<AppEnv>();

const editPath = (slug: string) => `/sidor/${slug}/andra`;
const historyPath = (slug: string) => `/sidor/${slug}/historik`;

pageEditRoutes.get('/sidor/:slug/andra', requireSignIn(), async (c) => {
  const page = await loadPageEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const values = { title: page.title, body: page.body };
  return renderEdit(c, page, { values, errors: {} }, page.version, undefined, 200);
});

pageEditRoutes.post('/sidor/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const page = await loadPageEditor(requestDeps(c), viewer, slug);
  const input = await parseForm(c, pageForm, { hidden: ['version'] });
  if (!input.ok) return renderEdit(c, page, input.form, Number(input.form.values.version), undefined, 422);
  const { version, ...fields } = input.data;
  try {
    const outcome = await savePage(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(`${page.path}?sparat=${outcome === 'saved' ? '1' : 'oforandrat'}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      // Both versions side by side; the form now carries the saved version, so saving again overwrites.
      const saved = error.params?.current as Record<string, string>;
      const errors = { _form: c.var.t.register.staleVersion };
      return renderEdit(c, page, { values: input.values, errors }, Number(error.params?.version), saved, 409);
    }
    const errors = fieldErrorsFor(c, error);
    return renderEdit(c, page, { values: input.values, errors }, version, undefined, 422);
  }
});

pageEditRoutes.get('/sidor/:slug/historik', requireSignIn(), async (c) => {
  const { page, entries, mayRestore } = await loadPageHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(page.title),
    children: (
      <HistoryPage
        title={t.register.historyTitle(page.title)}
        backHref={editPath(page.slug)}
        backText={t.activityEdits.pages.editTitle(page.title)}
        entries={entries}
        labels={t.activityEdits.pages.fields}
        restorePath={
          mayRestore ? (version) => `/sidor/${page.slug}/historik/${version}/aterstall` : undefined
        }
      />
    ),
  });
});

pageEditRoutes.post('/sidor/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restorePageVersion(requestDeps(c), signedInViewer(c), slug, version.data);
  return c.redirect(`${historyPath(slug)}?klart=aterstalld`, 303);
});

function renderEdit(
  c: Context<AppEnv>,
  page: Awaited<ReturnType<typeof loadPageEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
) {
  const heading = c.var.t.activityEdits.pages.editTitle(page.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <PageForm
        heading={heading}
        action={editPath(page.slug)}
        form={form}
        version={version}
        saved={saved}
        backHref={page.path}
        historyHref={historyPath(page.slug)}
      />
    ),
  });
}
