import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { AgreementDocuments } from '../documents/views/document-lists.tsx';
import { versionField } from '../register/register.forms.ts';
import { savedQuery } from '../register/saved-notice.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  createAgreement,
  deleteAgreement,
  loadAgreementEditor,
  loadAgreementHistory,
  loadNewAgreement,
  restoreAgreementVersion,
  saveAgreement,
} from './agreement-edits.service.ts';
import {
  agreementForm,
  agreementFormValues,
  agreementValuesFrom,
  NEW_AGREEMENT_VALUES,
  newAgreementForm,
} from './agreements.forms.ts';
import { AgreementForm, type AgreementFormProps } from './views/agreement-form.tsx';

/**
 * Adding, changing, deleting and restoring agreements (issue 8). Signed in; who may do what is decided
 * by the service (permissions.ts), which refuses with 403. Registered before the public agreement pages,
 * so /avtal/ny is not taken for an agreement's address.
 */
export const agreementEditRoutes = new Hono<AppEnv>();

const publicPath = (slug: string) => `/avtal/${slug}`;
const editPath = (slug: string) => `/avtal/${slug}/andra`;
const historyPath = (slug: string) => `/avtal/${slug}/historik`;

/**
 * After a save: the public page shows the change at once; an internal agreement has no public page, so
 * its edit page says it is saved.
 */
function savedLocation(slug: string, visibility: 'public' | 'internal', saved: 'ny' | '1' | 'oforandrat') {
  return `${visibility === 'public' ? publicPath(slug) : editPath(slug)}?sparat=${saved}`;
}

/** The note on the edit page after a save that came back to it (an internal agreement's). */
function savedNotice(
  c: Context<AppEnv>,
  saved: 'ny' | '1' | 'oforandrat' | undefined,
  visibility: 'public' | 'internal',
): string | undefined {
  const t = c.var.t;
  const internal = visibility === 'internal';
  if (saved === '1') return internal ? t.agreementEdits.savedInternal : t.register.saved;
  if (saved === 'ny') return internal ? t.agreementEdits.createdInternal : t.register.created;
  return saved === 'oforandrat' ? t.register.unchanged : undefined;
}

agreementEditRoutes.get('/avtal/ny', requireSignIn(), async (c) => {
  const { choices, coordinator } = await loadNewAgreement(requestDeps(c), signedInViewer(c));
  return renderNew(c, { values: NEW_AGREEMENT_VALUES, errors: {} }, choices, coordinator, 200);
});

agreementEditRoutes.post('/avtal/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const { choices, coordinator } = await loadNewAgreement(requestDeps(c), viewer);
  const areaIds = choices.focusAreas.map((area) => area.id);
  const input = await parseForm(c, newAgreementForm(areaIds));
  if (!input.ok) return renderNew(c, input.form, choices, coordinator, 422);
  try {
    const { slug, visibility } = await createAgreement(
      requestDeps(c),
      viewer,
      agreementValuesFrom(input.data, areaIds, []),
    );
    return c.redirect(savedLocation(slug, visibility, 'ny'), 303);
  } catch (error) {
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderNew(c, form, choices, coordinator, 422);
  }
});

agreementEditRoutes.get('/avtal/:slug/andra', requireSignIn(), async (c) => {
  const editor = await loadAgreementEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  const notice = saved.success
    ? savedNotice(c, saved.data, editor.agreement.visibility)
    : c.req.query('klart') === 'dokument-borttaget'
      ? c.var.t.documents.deleted
      : undefined;
  const form = { values: agreementFormValues(editor.values), errors: {} };
  return renderEdit(c, editor, form, { version: editor.agreement.version, notice, status: 200 });
});

agreementEditRoutes.post('/avtal/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadAgreementEditor(requestDeps(c), viewer, slug);
  const areaIds = editor.choices.focusAreas.map((area) => area.id);
  const input = await parseForm(c, agreementForm(areaIds), { hidden: ['version'] });
  if (!input.ok)
    return renderEdit(c, editor, input.form, { version: Number(input.form.values.version), status: 422 });
  const version = input.data.version as number;
  try {
    const next = agreementValuesFrom(input.data, areaIds, editor.keptAreas);
    const { outcome, visibility } = await saveAgreement(requestDeps(c), viewer, slug, next, version);
    return c.redirect(savedLocation(slug, visibility, outcome === 'saved' ? '1' : 'oforandrat'), 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      // Both versions side by side; the form now carries the saved version, so saving again overwrites.
      return renderEdit(
        c,
        editor,
        { values: input.values, errors: { _form: c.var.t.register.staleVersion } },
        {
          version: Number(error.params?.version),
          saved: error.params?.current as Record<string, string>,
          status: 409,
        },
      );
    }
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderEdit(c, editor, form, { version, status: 422 });
  }
});

agreementEditRoutes.get('/avtal/:slug/ta-bort', requireSignIn(), async (c) => {
  const { agreement, mayDelete } = await loadAgreementEditor(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  if (!mayDelete) throw new Refusal('auth.notAllowedBody', { status: 403 });
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(agreement.title),
    children: (
      <DeletePage
        name={agreement.title}
        action={`/avtal/${agreement.slug}/ta-bort`}
        version={agreement.version}
        backHref={editPath(agreement.slug)}
      />
    ),
  });
});

agreementEditRoutes.post('/avtal/:slug/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteAgreement(requestDeps(c), signedInViewer(c), c.req.param('slug'), input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

agreementEditRoutes.get('/avtal/:slug/historik', requireSignIn(), async (c) => {
  const { agreement, entries, mayRestore } = await loadAgreementHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  const restored = c.req.query('klart') === 'aterstalld';
  return renderPage(c, {
    title: t.register.historyTitle(agreement.title),
    children: (
      <>
        {restored ? (
          <p class="notice" role="status">
            {t.register.restored}
          </p>
        ) : null}
        <HistoryPage
          title={t.register.historyTitle(agreement.title)}
          backHref={agreement.deletedAt ? '/arbetsyta' : editPath(agreement.slug)}
          backText={agreement.deletedAt ? t.workspace.title : t.agreementEdits.editTitle(agreement.title)}
          entries={entries}
          labels={t.agreementEdits.fields}
          restorePath={
            mayRestore ? (version) => `${historyPath(agreement.slug)}/${version}/aterstall` : undefined
          }
        />
      </>
    ),
  });
});

agreementEditRoutes.post('/avtal/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restoreAgreementVersion(requestDeps(c), signedInViewer(c), slug, version.data);
  return c.redirect(`${historyPath(slug)}?klart=aterstalld`, 303);
});

function renderNew(
  c: Context<AppEnv>,
  form: FormState,
  choices: AgreementFormProps['choices'],
  coordinator: boolean,
  status: 200 | 422,
) {
  const heading = c.var.t.agreementEdits.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <AgreementForm
        heading={heading}
        action="/avtal/ny"
        form={form}
        choices={choices}
        coordinator={coordinator}
        backHref="/arbetsyta"
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  editor: Awaited<ReturnType<typeof loadAgreementEditor>>,
  form: FormState,
  options: {
    version: number;
    status: 200 | 409 | 422;
    saved?: Record<string, string> | undefined;
    notice?: string | undefined;
  },
) {
  const t = c.var.t;
  const { agreement } = editor;
  const heading = t.agreementEdits.editTitle(agreement.title);
  const isPublic = agreement.visibility === 'public';
  const links = [
    ...(isPublic ? [{ href: publicPath(agreement.slug), text: t.agreementEdits.publicPage }] : []),
    { href: historyPath(agreement.slug), text: t.register.history },
    ...(editor.mayDelete ? [{ href: `/avtal/${agreement.slug}/ta-bort`, text: t.register.delete }] : []),
  ];
  return renderPage(c, {
    title: heading,
    status: options.status,
    children: (
      <>
        <AgreementForm
          heading={heading}
          action={editPath(agreement.slug)}
          form={form}
          choices={editor.choices}
          coordinator={editor.coordinator}
          version={options.version}
          saved={options.saved}
          notice={options.notice}
          backHref={isPublic ? publicPath(agreement.slug) : '/arbetsyta'}
          links={links}
        />
        <AgreementDocuments slug={agreement.slug} documents={editor.documents} />
      </>
    ),
  });
}
