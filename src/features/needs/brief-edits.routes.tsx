import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { versionField } from '../register/register.forms.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  type BriefChoices,
  type BriefValues,
  createBrief,
  deleteBrief,
  loadBriefEditor,
  loadBriefHistory,
  loadNewBrief,
  restoreBriefVersion,
  saveBrief,
} from './brief-edits.service.ts';
import {
  type BriefCheckboxIds,
  type BriefInput,
  briefCrossFieldErrors,
  briefForm,
  briefInputFrom,
  focusAreaField,
  goalField,
  institutionField,
  newBriefForm,
} from './needs.forms.ts';
import { BriefForm } from './views/brief-form.tsx';

/**
 * Writing, changing, deleting and restoring briefs (issue 9, item 5). Signed in; who may do what is decided
 * by the service (permissions.ts: canAddBrief, canEditBrief), which refuses with 403. Registered before the
 * public needs bank, so /behovsbanken/ny is never taken for a brief's address.
 */
export const briefEditRoutes = new Hono<AppEnv>();

const publicPath = (slug: string) => `/behovsbanken/${slug}`;
const editPath = (slug: string) => `/behovsbanken/${slug}/andra`;

/** After a save: the public page, or the form again for a draft or an internal brief (no public page). */
function afterSave(slug: string, input: BriefInput, saved: '1' | 'ny' | 'oforandrat') {
  const shown = input.published && input.visibility === 'public';
  return `${shown ? publicPath(slug) : editPath(slug)}?sparat=${saved}`;
}

const savedQuery = z.enum(['1', 'oforandrat', 'ny']).optional();

briefEditRoutes.get('/behovsbanken/ny', requireSignIn(), async (c) => {
  const choices = await loadNewBrief(requestDeps(c), signedInViewer(c));
  // One organisation to choose from is chosen already; a placement coordinator's one kind too.
  const values: Record<string, string> = { visibility: 'public' };
  if (choices.organisations.length === 1) values.organisationId = String(choices.organisations[0]?.id);
  if (choices.kinds.length === 1) values.kind = choices.kinds[0] as string;
  return renderNew(c, { values, errors: {} }, choices, 200);
});

briefEditRoutes.post('/behovsbanken/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const choices = await loadNewBrief(requestDeps(c), viewer);
  const input = await readBriefForm(c, newBriefForm(choices.checkboxIds), choices.checkboxIds);
  if (!input.ok) return renderNew(c, input.form, choices, 422);
  try {
    const slug = await createBrief(requestDeps(c), viewer, input.data);
    return c.redirect(afterSave(slug, input.data, 'ny'), 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, 422);
  }
});

briefEditRoutes.get('/behovsbanken/:slug/andra', requireSignIn(), async (c) => {
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  if (!saved.success) throw new AppError('BAD_REQUEST', 'query parameter sparat');
  const editor = await loadBriefEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const t = c.var.t;
  const { brief } = editor;
  const created = saved.data === 'ny';
  const why =
    brief.publishedAt === null
      ? created
        ? t.needs.edit.createdDraft
        : t.needs.edit.savedDraft
      : created
        ? t.needs.edit.createdInternal
        : t.needs.edit.savedInternal;
  const notice =
    saved.data === undefined ? undefined : saved.data === 'oforandrat' ? t.register.unchanged : why;
  return renderEdit(
    c,
    editor,
    { values: formValues(editor.values), errors: {} },
    brief.version,
    undefined,
    200,
    notice,
  );
});

briefEditRoutes.post('/behovsbanken/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadBriefEditor(requestDeps(c), viewer, slug);
  const ids = editor.choices.checkboxIds;
  const input = await readBriefForm(c, briefForm(ids), ids, ['version']);
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), undefined, 422);
  const version = Number(input.values.version);
  try {
    const outcome = await saveBrief(requestDeps(c), viewer, slug, input.data, version);
    return c.redirect(afterSave(slug, input.data, outcome === 'saved' ? '1' : 'oforandrat'), 303);
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
    const errors = fieldErrorsFor(c, error);
    return renderEdit(c, editor, { values: input.values, errors }, version, undefined, 422);
  }
});

briefEditRoutes.get('/behovsbanken/:slug/ta-bort', requireSignIn(), async (c) => {
  const { brief } = await loadBriefEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(brief.title),
    children: (
      <DeletePage
        name={brief.title}
        action={`/behovsbanken/${brief.slug}/ta-bort`}
        version={brief.version}
        backHref={editPath(brief.slug)}
      />
    ),
  });
});

briefEditRoutes.post('/behovsbanken/:slug/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteBrief(requestDeps(c), signedInViewer(c), c.req.param('slug'), input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

briefEditRoutes.get('/behovsbanken/:slug/historik', requireSignIn(), async (c) => {
  const { brief, entries, mayRestore } = await loadBriefHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(brief.title),
    children: (
      <HistoryPage
        title={t.register.historyTitle(brief.title)}
        backHref={brief.deletedAt ? '/arbetsyta' : editPath(brief.slug)}
        backText={brief.deletedAt ? t.workspace.title : t.needs.edit.editTitle(brief.title)}
        entries={entries}
        labels={t.needs.edit.fields}
        restorePath={
          mayRestore ? (version) => `/behovsbanken/${brief.slug}/historik/${version}/aterstall` : undefined
        }
      />
    ),
  });
});

briefEditRoutes.post('/behovsbanken/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restoreBriefVersion(requestDeps(c), signedInViewer(c), slug, version.data);
  return c.redirect(`/behovsbanken/${slug}/historik?klart=aterstalld`, 303);
});

/** Reads the form and adds the rules between fields, so every message is shown at once. */
async function readBriefForm(
  c: Context<AppEnv>,
  schema: z.ZodType,
  ids: BriefCheckboxIds,
  hidden: string[] = [],
): Promise<{ ok: true; data: BriefInput; values: Record<string, string> } | { ok: false; form: FormState }> {
  const parsed = await parseForm(c, schema, { hidden });
  const values = parsed.ok ? parsed.values : parsed.form.values;
  const cross = Object.fromEntries(
    Object.entries(briefCrossFieldErrors(values)).map(([field, key]) => [field, translate(c.var.t, key)]),
  );
  if (!parsed.ok) return { ok: false, form: { values, errors: { ...cross, ...parsed.form.errors } } };
  if (Object.keys(cross).length > 0) return { ok: false, form: { values, errors: cross } };
  return { ok: true, data: briefInputFrom(parsed.data as Record<string, unknown>, ids), values };
}

/** The saved brief as its form's fields. */
function formValues(values: BriefValues): Record<string, string> {
  return {
    kind: values.kind,
    title: values.title,
    organisationId: String(values.organisationId),
    background: values.background,
    question: values.question,
    intendedUse: values.intendedUse,
    beneficiaries: values.beneficiaries,
    offering: values.offering,
    contactName: values.contactName,
    contactEmail: values.contactEmail ?? '',
    deadline: values.deadline ?? '',
    ...Object.fromEntries(values.focusAreaIds.map((id) => [focusAreaField(id), 'ja'])),
    ...Object.fromEntries(values.goalIds.map((id) => [goalField(id), 'ja'])),
    ...Object.fromEntries(values.institutionIds.map((id) => [institutionField(id), 'ja'])),
    visibility: values.visibility,
    internalReason: values.internalReason ?? '',
    ...(values.published ? { published: 'ja' } : {}),
    ...(values.closed ? { closed: 'ja' } : {}),
  };
}

function renderNew(c: Context<AppEnv>, form: FormState, choices: BriefChoices, status: 200 | 422) {
  const heading = c.var.t.needs.edit.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <BriefForm
        heading={heading}
        action="/behovsbanken/ny"
        form={form}
        choices={choices}
        backHref="/arbetsyta"
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  editor: Awaited<ReturnType<typeof loadBriefEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
  notice?: string,
) {
  const t = c.var.t;
  const { brief } = editor;
  const heading = t.needs.edit.editTitle(brief.title);
  const shown = brief.publishedAt !== null && brief.visibility === 'public';
  const links = [
    ...(shown ? [{ href: publicPath(brief.slug), text: t.needs.edit.viewPublic }] : []),
    { href: `/behovsbanken/${brief.slug}/historik`, text: t.register.history },
    { href: `/behovsbanken/${brief.slug}/ta-bort`, text: t.register.delete },
  ];
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <BriefForm
        heading={heading}
        action={editPath(brief.slug)}
        form={form}
        choices={editor.choices}
        version={version}
        saved={saved}
        notice={notice}
        backHref={shown ? publicPath(brief.slug) : '/arbetsyta'}
        links={links}
      />
    ),
  });
}
