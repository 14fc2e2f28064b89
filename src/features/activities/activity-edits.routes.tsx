import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { isCoordinator } from '../auth/permissions.ts';
import { versionField } from '../register/register.forms.ts';
import { savedQuery } from '../register/saved-notice.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  type ActivityInput,
  activityForm,
  activityInputFrom,
  type CheckboxIds,
  crossFieldErrors,
  focusAreaField,
  goalField,
  newActivityForm,
  organisationSlot,
} from './activities.forms.ts';
import {
  type ActivityChoices,
  type ActivityValues,
  createActivity,
  deleteActivity,
  loadActivityEditor,
  loadActivityHistory,
  loadNewActivity,
  restoreActivityVersion,
  saveActivity,
} from './activity-edits.service.ts';
import { ActivityForm } from './views/activity-form.tsx';

/**
 * Adding, changing, deleting and restoring activities (issue 8). Signed in; who may do what is decided by
 * the service (permissions.ts), which refuses with 403. Registered before the public activity pages, so
 * /aktiviteter/ny is never taken for an activity's address.
 */
export const activityEditRoutes = new Hono<AppEnv>();

const publicPath = (slug: string) => `/aktiviteter/${slug}`;
const editPath = (slug: string) => `/aktiviteter/${slug}/andra`;

/** After a save: the public page, or the form again for an internal activity (it has no public page). */
function afterSave(slug: string, visibility: ActivityInput['visibility'], saved: '1' | 'ny' | 'oforandrat') {
  return `${visibility === 'internal' ? editPath(slug) : publicPath(slug)}?sparat=${saved}`;
}

activityEditRoutes.get('/aktiviteter/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const choices = await loadNewActivity(requestDeps(c), viewer);
  // An editor of one organisation starts with it chosen.
  const own = choices.ownOrganisations.length === 1 ? String(choices.ownOrganisations[0]?.id) : '';
  const values = { visibility: 'public', [organisationSlot(1)]: own };
  return renderNew(c, { values, errors: {} }, choices, 200);
});

activityEditRoutes.post('/aktiviteter/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const choices = await loadNewActivity(requestDeps(c), viewer);
  const input = await readActivityForm(c, newActivityForm(choices.checkboxIds), choices.checkboxIds);
  if (!input.ok) return renderNew(c, input.form, choices, 422);
  try {
    const slug = await createActivity(requestDeps(c), viewer, input.data);
    return c.redirect(afterSave(slug, input.data.visibility, 'ny'), 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, 422);
  }
});

activityEditRoutes.get('/aktiviteter/:slug/andra', requireSignIn(), async (c) => {
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  if (!saved.success) throw new AppError('BAD_REQUEST', 'query parameter sparat');
  const editor = await loadActivityEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const text = c.var.t;
  const notice =
    saved.data === undefined
      ? undefined
      : saved.data === 'oforandrat'
        ? text.register.unchanged
        : saved.data === 'ny'
          ? text.activityEdits.createdInternal
          : text.activityEdits.savedInternal;
  const values = formValues(editor.values, editor.choices);
  return renderEdit(c, editor, { values, errors: {} }, editor.activity.version, undefined, 200, notice);
});

activityEditRoutes.post('/aktiviteter/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadActivityEditor(requestDeps(c), viewer, slug);
  const ids = editor.choices.checkboxIds;
  const input = await readActivityForm(c, activityForm(ids), ids, ['version']);
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), undefined, 422);
  const version = Number(input.values.version);
  try {
    const outcome = await saveActivity(requestDeps(c), viewer, slug, input.data, version);
    return c.redirect(afterSave(slug, input.data.visibility, outcome === 'saved' ? '1' : 'oforandrat'), 303);
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

activityEditRoutes.get('/aktiviteter/:slug/ta-bort', requireSignIn(), async (c) => {
  const { activity } = await loadActivityEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(activity.title),
    children: (
      <DeletePage
        name={activity.title}
        action={`/aktiviteter/${activity.slug}/ta-bort`}
        version={activity.version}
        backHref={editPath(activity.slug)}
      />
    ),
  });
});

activityEditRoutes.post('/aktiviteter/:slug/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteActivity(requestDeps(c), signedInViewer(c), c.req.param('slug'), input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

activityEditRoutes.get('/aktiviteter/:slug/historik', requireSignIn(), async (c) => {
  const { activity, entries, mayRestore } = await loadActivityHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(activity.title),
    children: (
      <HistoryPage
        title={t.register.historyTitle(activity.title)}
        backHref={activity.deletedAt ? '/arbetsyta' : editPath(activity.slug)}
        backText={activity.deletedAt ? t.workspace.title : t.activityEdits.editTitle(activity.title)}
        entries={entries}
        labels={t.activityEdits.fields}
        restorePath={
          mayRestore ? (version) => `/aktiviteter/${activity.slug}/historik/${version}/aterstall` : undefined
        }
      />
    ),
  });
});

activityEditRoutes.post('/aktiviteter/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restoreActivityVersion(requestDeps(c), signedInViewer(c), slug, version.data);
  return c.redirect(`/aktiviteter/${slug}/historik?klart=aterstalld`, 303);
});

/**
 * Reads the form (parseForm: not our form is 400/415) and adds the rules between fields, so every
 * message is shown at once; on success the values as the service takes them.
 */
async function readActivityForm(
  c: Context<AppEnv>,
  schema: z.ZodType,
  ids: CheckboxIds,
  hidden: string[] = [],
): Promise<
  { ok: true; data: ActivityInput; values: Record<string, string> } | { ok: false; form: FormState }
> {
  const parsed = await parseForm(c, schema, { hidden });
  const values = parsed.ok ? parsed.values : parsed.form.values;
  const cross = Object.fromEntries(
    Object.entries(crossFieldErrors(values)).map(([field, key]) => [field, translate(c.var.t, key)]),
  );
  if (!parsed.ok) return { ok: false, form: { values, errors: { ...cross, ...parsed.form.errors } } };
  if (Object.keys(cross).length > 0) return { ok: false, form: { values, errors: cross } };
  return { ok: true, data: activityInputFrom(parsed.data as Record<string, unknown>, ids), values };
}

/**
 * The saved activity as its form's fields. The organisations an editor may edit come first, so the first
 * select (limited to the viewer's own) holds one of them.
 */
function formValues(values: ActivityValues, choices: ActivityChoices): Record<string, string> {
  const own = new Set(choices.ownOrganisations.map((organisation) => organisation.id));
  const organisations = [
    ...values.organisationIds.filter((id) => own.has(id)),
    ...values.organisationIds.filter((id) => !own.has(id)),
  ];
  return {
    kind: values.kind,
    title: values.title,
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    ...Object.fromEntries(organisations.map((id, index) => [organisationSlot(index + 1), String(id)])),
    agreementId: values.agreementId === null ? '' : String(values.agreementId),
    ...Object.fromEntries(values.focusAreaIds.map((id) => [focusAreaField(id), 'ja'])),
    ...Object.fromEntries(values.goalIds.map((id) => [goalField(id), 'ja'])),
    description: values.description,
    outcomes: values.outcomes,
    outcomesUsedOn: values.outcomesUsedOn ?? '',
    visibility: values.visibility,
    internalReason: values.internalReason ?? '',
  };
}

function renderNew(c: Context<AppEnv>, form: FormState, choices: ActivityChoices, status: 200 | 422) {
  const heading = c.var.t.activityEdits.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <ActivityForm
        heading={heading}
        action="/aktiviteter/ny"
        form={form}
        choices={choices}
        ownFirst={!isCoordinator(c.get('viewer'))}
        backHref="/arbetsyta"
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  editor: Awaited<ReturnType<typeof loadActivityEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
  notice?: string,
) {
  const t = c.var.t;
  const { activity } = editor;
  const heading = t.activityEdits.editTitle(activity.title);
  const links = [
    { href: `/aktiviteter/${activity.slug}/historik`, text: t.register.history },
    { href: `/aktiviteter/${activity.slug}/ta-bort`, text: t.register.delete },
  ];
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <ActivityForm
        heading={heading}
        action={editPath(activity.slug)}
        form={form}
        choices={editor.choices}
        ownFirst={!isCoordinator(c.get('viewer'))}
        version={version}
        saved={saved}
        notice={notice}
        backHref={activity.visibility === 'public' ? publicPath(activity.slug) : '/arbetsyta'}
        links={links}
      />
    ),
  });
}
