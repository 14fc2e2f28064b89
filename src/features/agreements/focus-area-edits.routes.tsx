import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { versionField } from '../register/register.forms.ts';
import { savedQuery } from '../register/saved-notice.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  checkMayEditFocusAreas,
  createFocusArea,
  deleteFocusArea,
  loadFocusAreaEditor,
  loadFocusAreaHistory,
  restoreFocusAreaVersion,
  saveFocusArea,
} from './focus-area-edits.service.ts';
import { focusAreaForm, newFocusAreaForm } from './focus-areas.forms.ts';
import { FocusAreaForm } from './views/focus-area-form.tsx';

/**
 * The prioritised focus areas (prioriterade utvecklingsområden), kept by the coordinator: add, rename,
 * describe, delete and restore, each with its history. They have no public page of their own; the
 * workspace lists them, and the agreement and activity pages show them.
 */
export const focusAreaEditRoutes = new Hono<AppEnv>();

const editPath = (slug: string) => `/fokusomraden/${slug}/andra`;
const historyPath = (slug: string) => `/fokusomraden/${slug}/historik`;

focusAreaEditRoutes.get('/fokusomraden/ny', requireSignIn(), async (c) => {
  checkMayEditFocusAreas(signedInViewer(c));
  return renderNew(c, { values: {}, errors: {} }, 200);
});

focusAreaEditRoutes.post('/fokusomraden/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  checkMayEditFocusAreas(viewer);
  const input = await parseForm(c, newFocusAreaForm);
  if (!input.ok) return renderNew(c, input.form, 422);
  try {
    const slug = await createFocusArea(requestDeps(c), viewer, input.data);
    return c.redirect(`${editPath(slug)}?sparat=ny`, 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
});

focusAreaEditRoutes.get('/fokusomraden/:slug/andra', requireSignIn(), async (c) => {
  const area = await loadFocusAreaEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  const t = c.var.t.register;
  const notice = !saved.success
    ? undefined
    : saved.data === '1'
      ? t.saved
      : saved.data === 'ny'
        ? t.created
        : saved.data === 'oforandrat'
          ? t.unchanged
          : undefined;
  const form = { values: { name: area.name, description: area.description }, errors: {} };
  return renderEdit(c, area, form, { version: area.version, notice, status: 200 });
});

focusAreaEditRoutes.post('/fokusomraden/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const area = await loadFocusAreaEditor(requestDeps(c), viewer, slug);
  const input = await parseForm(c, focusAreaForm, { hidden: ['version'] });
  if (!input.ok)
    return renderEdit(c, area, input.form, { version: Number(input.form.values.version), status: 422 });
  const { version, ...fields } = input.data;
  try {
    const outcome = await saveFocusArea(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(`${editPath(slug)}?sparat=${outcome === 'saved' ? '1' : 'oforandrat'}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      return renderEdit(
        c,
        area,
        { values: input.values, errors: { _form: c.var.t.register.staleVersion } },
        {
          version: Number(error.params?.version),
          saved: error.params?.current as Record<string, string>,
          status: 409,
        },
      );
    }
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderEdit(c, area, form, { version, status: 422 });
  }
});

focusAreaEditRoutes.get('/fokusomraden/:slug/ta-bort', requireSignIn(), async (c) => {
  const area = await loadFocusAreaEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(area.name),
    children: (
      <DeletePage
        name={area.name}
        action={`/fokusomraden/${area.slug}/ta-bort`}
        version={area.version}
        backHref={editPath(area.slug)}
      />
    ),
  });
});

focusAreaEditRoutes.post('/fokusomraden/:slug/ta-bort', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  checkMayEditFocusAreas(viewer);
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteFocusArea(requestDeps(c), viewer, c.req.param('slug'), input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

focusAreaEditRoutes.get('/fokusomraden/:slug/historik', requireSignIn(), async (c) => {
  const { area, entries, mayRestore } = await loadFocusAreaHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  const restored = c.req.query('klart') === 'aterstalld';
  return renderPage(c, {
    title: t.register.historyTitle(area.name),
    children: (
      <>
        {restored ? (
          <p class="notice" role="status">
            {t.register.restored}
          </p>
        ) : null}
        <HistoryPage
          title={t.register.historyTitle(area.name)}
          backHref={area.deletedAt ? '/arbetsyta' : editPath(area.slug)}
          backText={area.deletedAt ? t.workspace.title : t.agreementEdits.focusAreas.editTitle(area.name)}
          entries={entries}
          labels={t.agreementEdits.focusAreas.fields}
          restorePath={mayRestore ? (version) => `${historyPath(area.slug)}/${version}/aterstall` : undefined}
        />
      </>
    ),
  });
});

focusAreaEditRoutes.post('/fokusomraden/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  checkMayEditFocusAreas(viewer);
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restoreFocusAreaVersion(requestDeps(c), viewer, slug, version.data);
  return c.redirect(`${historyPath(slug)}?klart=aterstalld`, 303);
});

function renderNew(c: Context<AppEnv>, form: FormState, status: 200 | 422) {
  const heading = c.var.t.agreementEdits.focusAreas.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: <FocusAreaForm heading={heading} action="/fokusomraden/ny" form={form} />,
  });
}

function renderEdit(
  c: Context<AppEnv>,
  area: Awaited<ReturnType<typeof loadFocusAreaEditor>>,
  form: FormState,
  options: {
    version: number;
    status: 200 | 409 | 422;
    saved?: Record<string, string> | undefined;
    notice?: string | undefined;
  },
) {
  const t = c.var.t;
  const heading = t.agreementEdits.focusAreas.editTitle(area.name);
  return renderPage(c, {
    title: heading,
    status: options.status,
    children: (
      <FocusAreaForm
        heading={heading}
        action={editPath(area.slug)}
        form={form}
        version={options.version}
        saved={options.saved}
        notice={options.notice}
        links={[
          { href: historyPath(area.slug), text: t.register.history },
          { href: `/fokusomraden/${area.slug}/ta-bort`, text: t.register.delete },
        ]}
      />
    ),
  });
}
