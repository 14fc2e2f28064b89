import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { versionField } from '../register/register.forms.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  createOrganisation,
  deleteOrganisation,
  loadNewOrganisation,
  loadOrganisationEditor,
  loadOrganisationHistory,
  organisationChoices,
  restoreOrganisationVersion,
  saveOrganisation,
} from './organisation-edits.service.ts';
import { newOrganisationForm, organisationForm } from './organisations.forms.ts';
import { OrganisationForm, type OrganisationFormProps } from './views/organisation-form.tsx';

/**
 * Adding, changing, deleting and restoring organisations (issue 8). Signed in; who may do what is decided
 * by the service (permissions.ts), which refuses with 403.
 */
export const organisationEditRoutes = new Hono<AppEnv>();

/** An organisation's public page: universities under /larosaten, everything else under /organisationer. */
export function organisationPath(organisation: { slug: string; kind: string }): string {
  return `${organisation.kind === 'university' ? '/larosaten' : '/organisationer'}/${organisation.slug}`;
}

const editPath = (slug: string) => `/organisationer/${slug}/andra`;

organisationEditRoutes.get('/organisationer/ny', requireSignIn(), async (c) => {
  // A parent's address, as the "Lägg till under" link writes it; anything else is no page of ours.
  const under = z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .safeParse(c.req.query('under'));
  if (!under.success) throw new AppError('NOT_FOUND', 'parent address');
  const parentSlug = under.data;
  const { parent, choices } = await loadNewOrganisation(requestDeps(c), signedInViewer(c), parentSlug);
  const values: Record<string, string> = {
    kind: parent ? 'unit' : 'administration',
    parentId: parent ? String(parent.id) : '',
  };
  return renderNew(c, { values, errors: {} }, choices, parent?.name, 200);
});

organisationEditRoutes.post('/organisationer/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const input = await parseForm(c, newOrganisationForm);
  // Who may add where is checked against the parent chosen (createOrganisation).
  const choices = await organisationChoices(requestDeps(c), viewer);
  if (!input.ok) return renderNew(c, input.form, choices, undefined, 422);
  try {
    const slug = await createOrganisation(requestDeps(c), viewer, input.data);
    return c.redirect(`${editPath(slug)}?sparat=ny`, 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, undefined, 422);
  }
});

organisationEditRoutes.get('/organisationer/:slug/andra', requireSignIn(), async (c) => {
  const editor = await loadOrganisationEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const { organisation } = editor;
  const values: Record<string, string> = {
    name: organisation.name,
    shortName: organisation.shortName ?? '',
    kind: organisation.kind,
    parentId: organisation.parentId === null ? '' : String(organisation.parentId),
    website: organisation.website ?? '',
    description: organisation.description,
  };
  return renderEdit(c, editor, { values, errors: {} }, organisation.version, undefined, 200);
});

organisationEditRoutes.post('/organisationer/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadOrganisationEditor(requestDeps(c), viewer, slug);
  const input = await parseForm(c, organisationForm, { hidden: ['version'] });
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), undefined, 422);
  const { version, ...fields } = input.data;
  try {
    const outcome = await saveOrganisation(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(
      `${organisationPath(editor.organisation)}?${outcome === 'saved' ? 'sparat=1' : 'sparat=oforandrat'}`,
      303,
    );
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      // Both versions side by side; the form now carries the saved version, so saving again overwrites.
      const saved = error.params?.current as Record<string, string>;
      const errors = { _form: c.var.t.register.staleVersion };
      return renderEdit(
        c,
        editor,
        { values: input.values, errors },
        Number(error.params?.version),
        saved,
        409,
      );
    }
    return renderEdit(
      c,
      editor,
      { values: input.values, errors: fieldErrorsFor(c, error) },
      version,
      undefined,
      422,
    );
  }
});

organisationEditRoutes.get('/organisationer/:slug/ta-bort', requireSignIn(), async (c) => {
  const { organisation } = await loadOrganisationEditor(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(organisation.name),
    children: (
      <DeletePage
        name={organisation.name}
        action={`/organisationer/${organisation.slug}/ta-bort`}
        version={organisation.version}
        backHref={editPath(organisation.slug)}
      />
    ),
  });
});

organisationEditRoutes.post('/organisationer/:slug/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteOrganisation(requestDeps(c), signedInViewer(c), c.req.param('slug'), input.data.version);
  return c.redirect(`/arbetsyta?klart=borttagen`, 303);
});

organisationEditRoutes.get('/organisationer/:slug/historik', requireSignIn(), async (c) => {
  const { organisation, entries, mayRestore } = await loadOrganisationHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(organisation.name),
    children: (
      <HistoryPage
        title={t.register.historyTitle(organisation.name)}
        backHref={organisation.deletedAt ? '/arbetsyta' : editPath(organisation.slug)}
        backText={
          organisation.deletedAt ? t.workspace.title : t.register.organisation.editTitle(organisation.name)
        }
        entries={entries}
        labels={t.register.organisation.fields}
        restorePath={
          mayRestore
            ? (version) => `/organisationer/${organisation.slug}/historik/${version}/aterstall`
            : undefined
        }
      />
    ),
  });
});

organisationEditRoutes.post(
  '/organisationer/:slug/historik/:version/aterstall',
  requireSignIn(),
  async (c) => {
    const version = versionField.safeParse(c.req.param('version'));
    if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
    await parseForm(c, z.strictObject({}));
    const slug = c.req.param('slug');
    await restoreOrganisationVersion(requestDeps(c), signedInViewer(c), slug, version.data);
    return c.redirect(`/organisationer/${slug}/historik?klart=aterstalld`, 303);
  },
);

function renderNew(
  c: Context<AppEnv>,
  form: FormState,
  choices: OrganisationFormProps['choices'],
  parentName: string | undefined,
  status: 200 | 422,
) {
  const text = c.var.t.register.organisation;
  const heading = parentName ? text.createUnder(parentName) : text.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <OrganisationForm
        heading={heading}
        action="/organisationer/ny"
        form={form}
        choices={choices}
        backHref="/arbetsyta"
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  editor: Awaited<ReturnType<typeof loadOrganisationEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
) {
  const t = c.var.t;
  const { organisation } = editor;
  const heading = t.register.organisation.editTitle(organisation.name);
  const links = [
    { href: `/organisationer/${organisation.slug}/historik`, text: t.register.history },
    { href: `/organisationer/ny?under=${organisation.slug}`, text: t.register.organisation.addChild },
    ...(editor.mayDelete
      ? [{ href: `/organisationer/${organisation.slug}/ta-bort`, text: t.register.delete }]
      : []),
  ];
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <OrganisationForm
        heading={heading}
        action={editPath(organisation.slug)}
        form={form}
        choices={editor.choices}
        version={version}
        saved={saved}
        backHref={organisationPath(organisation)}
        links={links}
      />
    ),
  });
}
