import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { groupPath } from '../../web/components/register-links.tsx';
import { type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { canAddGroup, canAssignSiteRole, type Viewer } from '../auth/permissions.ts';
import { versionField } from '../register/register.forms.ts';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import {
  coordinatorGroupForm,
  editorGroupForm,
  newCoordinatorGroupForm,
  newEditorGroupForm,
  seatForm,
} from './group-edits.forms.ts';
import {
  addSeat,
  changeSeat,
  createGroup,
  deleteGroup,
  describeSeat,
  type GroupChoices,
  type GroupEditor,
  groupLabels,
  loadGroupEditor,
  loadGroupHistory,
  loadNewGroup,
  loadSeatEditor,
  removeSeat,
  restoreGroupVersion,
  saveGroup,
} from './group-edits.service.ts';
import { GroupForm } from './views/group-form.tsx';
import { MemberForm } from './views/member-form.tsx';
import { SeatList } from './views/seat-list.tsx';

/**
 * Adding, changing, deleting and restoring groups and their seats (issue 8). Signed in; who may do what
 * is decided by the service (permissions.ts), which refuses with 403. Registered before the public group
 * pages, so /grupper/ny is never taken for a group's address.
 */
export const groupEditRoutes = new Hono<AppEnv>();

const editPath = (slug: string) => `/grupper/${slug}/andra`;
const seatsPath = (slug: string) => `/grupper/${slug}/ledamoter`;

/** A number in the path (a seat, a version): anything else is no such page. */
function idParam(value: string | undefined): number {
  // Digits only (not "1e3" or "0x1"), and within PostgreSQL's integer.
  const id = /^[1-9][0-9]{0,9}$/.test(value ?? '') ? Number(value) : Number.NaN;
  if (!(id <= 2_147_483_647)) throw new AppError('NOT_FOUND', 'id in path');
  return id;
}

/** The coordinator's form has the site role; an editor's form does not (sending one is not our form). */
const groupSchemas = (viewer: Viewer) =>
  canAssignSiteRole(viewer)
    ? { existing: coordinatorGroupForm, added: newCoordinatorGroupForm }
    : { existing: editorGroupForm, added: newEditorGroupForm };

groupEditRoutes.get('/grupper/ny', requirePermission(canAddGroup), async (c) => {
  const choices = await loadNewGroup(requestDeps(c), signedInViewer(c));
  const values: Record<string, string> = {
    kind: 'working_group',
    visibility: 'public',
    // An editor's group belongs to their organisation: the first one they may edit is chosen already.
    organisationId: choices.organisationOptional ? '' : String(choices.organisations[0]?.id ?? ''),
    siteRole: '',
  };
  return renderNew(c, { values, errors: {} }, choices, 200);
});

groupEditRoutes.post('/grupper/ny', requirePermission(canAddGroup), async (c) => {
  const viewer = signedInViewer(c);
  const choices = await loadNewGroup(requestDeps(c), viewer);
  const input = await parseForm(c, groupSchemas(viewer).added);
  if (!input.ok) return renderNew(c, input.form, choices, 422);
  try {
    const { slug } = await createGroup(requestDeps(c), viewer, input.data);
    return c.redirect(`${editPath(slug)}?sparat=ny`, 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, 422);
  }
});

/** The form's values from the group as it is saved. */
function groupValues(group: GroupEditor['group']): Record<string, string> {
  return {
    kind: group.kind,
    name: group.name,
    description: group.description,
    agreementId: group.agreementId === null ? '' : String(group.agreementId),
    organisationId: group.organisationId === null ? '' : String(group.organisationId),
    visibility: group.visibility,
    internalReason: group.internalReason ?? '',
    siteRole: group.siteRole ?? '',
  };
}

groupEditRoutes.get('/grupper/:slug/andra', requireSignIn(), async (c) => {
  const editor = await loadGroupEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  const notice = saved.success ? savedNotice(c, saved.data) : undefined;
  return renderEdit(
    c,
    editor,
    { values: groupValues(editor.group), errors: {} },
    {
      version: editor.group.version,
      notice,
      status: 200,
    },
  );
});

groupEditRoutes.post('/grupper/:slug/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadGroupEditor(requestDeps(c), viewer, slug);
  const input = await parseForm(c, groupSchemas(viewer).existing, { hidden: ['version'] });
  if (!input.ok)
    return renderEdit(c, editor, input.form, { version: Number(input.form.values.version), status: 422 });
  const { version, ...fields } = input.data;
  try {
    const { outcome, group } = await saveGroup(requestDeps(c), viewer, slug, fields, version);
    const saved = outcome === 'saved' ? 'sparat=1' : 'sparat=oforandrat';
    // An internal group has no public page: back to its edit page, where the note is shown.
    const to = group.visibility === 'public' ? groupPath(group) : editPath(group.slug);
    return c.redirect(`${to}?${saved}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      // Both versions side by side; the form now carries the saved version, so saving again overwrites.
      return renderEdit(
        c,
        editor,
        { values: input.values, errors: { _form: c.var.t.register.staleVersion } },
        { version: Number(error.params?.version), saved: staleShown(c, error), status: 409 },
      );
    }
    return renderEdit(
      c,
      editor,
      { values: input.values, errors: fieldErrorsFor(c, error) },
      { version, status: 422 },
    );
  }
});

/** The saved version a stale-version refusal carries, with the names of its fields. */
function staleShown(c: Context<AppEnv>, error: Refusal) {
  const described = error.params?.current as Record<string, string>;
  return { described, labels: groupLabels(c.var.t, Object.keys(described)) };
}

groupEditRoutes.get('/grupper/:slug/ta-bort', requireSignIn(), async (c) => {
  const { group, mayDelete } = await loadGroupEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  if (!mayDelete) throw new Refusal('auth.notAllowedBody', { status: 403 });
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(group.name),
    children: (
      <DeletePage
        name={group.name}
        action={`/grupper/${group.slug}/ta-bort`}
        version={group.version}
        backHref={editPath(group.slug)}
      />
    ),
  });
});

groupEditRoutes.post('/grupper/:slug/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteGroup(requestDeps(c), signedInViewer(c), c.req.param('slug'), input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

groupEditRoutes.get('/grupper/:slug/historik', requireSignIn(), async (c) => {
  const { group, entries, labels, mayRestore } = await loadGroupHistory(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(group.name),
    children: (
      <HistoryPage
        title={t.register.historyTitle(group.name)}
        backHref={group.deletedAt ? '/arbetsyta' : editPath(group.slug)}
        backText={group.deletedAt ? t.workspace.title : t.groupEdits.editTitle(group.name)}
        entries={entries}
        labels={labels}
        restorePath={
          mayRestore ? (version) => `/grupper/${group.slug}/historik/${version}/aterstall` : undefined
        }
      />
    ),
  });
});

groupEditRoutes.post('/grupper/:slug/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = idParam(c.req.param('version'));
  await parseForm(c, z.strictObject({}));
  const slug = c.req.param('slug');
  await restoreGroupVersion(requestDeps(c), signedInViewer(c), slug, version);
  return c.redirect(`/grupper/${slug}/historik?klart=aterstalld`, 303);
});

// The seats: each a form of its own, saved as a change of the group (its version, its history).

groupEditRoutes.get('/grupper/:slug/ledamoter/ny', requireSignIn(), async (c) => {
  const editor = await loadGroupEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const values = { role: 'member', organisationId: '' };
  return renderSeat(
    c,
    editor,
    undefined,
    { values, errors: {} },
    { version: editor.group.version, status: 200 },
  );
});

groupEditRoutes.post('/grupper/:slug/ledamoter/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const editor = await loadGroupEditor(requestDeps(c), viewer, slug);
  const input = await parseForm(c, seatForm, { hidden: ['version'] });
  if (!input.ok)
    return renderSeat(c, editor, undefined, input.form, {
      version: Number(input.form.values.version),
      status: 422,
    });
  const { version, ...fields } = input.data;
  try {
    await addSeat(requestDeps(c), viewer, slug, fields, version);
    return c.redirect(`${editPath(slug)}?sparat=1`, 303);
  } catch (error) {
    return seatRefused(c, editor, undefined, input.values, version, error);
  }
});

/** A seat's form values from the seat as saved. */
function seatValues(seat: GroupEditor['seats'][number]): Record<string, string> {
  return {
    personName: seat.personName ?? '',
    seatDescription: seat.seatDescription ?? '',
    role: seat.role,
    organisationId: seat.organisationId === null ? '' : String(seat.organisationId),
    fromOn: seat.fromOn ?? '',
    toOn: seat.toOn ?? '',
    position: String(seat.position),
  };
}

groupEditRoutes.get('/grupper/:slug/ledamoter/:id/andra', requireSignIn(), async (c) => {
  const seatId = idParam(c.req.param('id'));
  const editor = await loadSeatEditor(requestDeps(c), signedInViewer(c), c.req.param('slug'), seatId);
  return renderSeat(
    c,
    editor,
    seatId,
    { values: seatValues(editor.seat), errors: {} },
    { version: editor.group.version, status: 200 },
  );
});

groupEditRoutes.post('/grupper/:slug/ledamoter/:id/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const seatId = idParam(c.req.param('id'));
  const editor = await loadSeatEditor(requestDeps(c), viewer, slug, seatId);
  const input = await parseForm(c, seatForm, { hidden: ['version'] });
  if (!input.ok)
    return renderSeat(c, editor, seatId, input.form, {
      version: Number(input.form.values.version),
      status: 422,
    });
  const { version, ...fields } = input.data;
  try {
    const outcome = await changeSeat(requestDeps(c), viewer, slug, seatId, fields, version);
    return c.redirect(`${editPath(slug)}?sparat=${outcome === 'saved' ? '1' : 'oforandrat'}`, 303);
  } catch (error) {
    return seatRefused(c, editor, seatId, input.values, version, error);
  }
});

groupEditRoutes.get('/grupper/:slug/ledamoter/:id/ta-bort', requireSignIn(), async (c) => {
  const seatId = idParam(c.req.param('id'));
  const { group, seat } = await loadSeatEditor(
    requestDeps(c),
    signedInViewer(c),
    c.req.param('slug'),
    seatId,
  );
  const t = c.var.t;
  const line = describeSeat(t, seat);
  return renderPage(c, {
    title: t.groupEdits.members.removeTitle(line),
    children: (
      <DeletePage
        name={line}
        action={`${seatsPath(group.slug)}/${seatId}/ta-bort`}
        version={group.version}
        backHref={editPath(group.slug)}
      />
    ),
  });
});

groupEditRoutes.post('/grupper/:slug/ledamoter/:id/ta-bort', requireSignIn(), async (c) => {
  const seatId = idParam(c.req.param('id'));
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'remove form');
  const slug = c.req.param('slug');
  await removeSeat(requestDeps(c), signedInViewer(c), slug, seatId, input.data.version);
  return c.redirect(`${editPath(slug)}?sparat=1`, 303);
});

/** A refused seat save: a newer version of the group (409, both shown), or a message by its field (422). */
async function seatRefused(
  c: Context<AppEnv>,
  editor: GroupEditor,
  seatId: number | undefined,
  values: Record<string, string>,
  version: number,
  error: unknown,
) {
  if (error instanceof Refusal && error.reason === 'register.staleVersion') {
    return renderSeat(
      c,
      editor,
      seatId,
      { values, errors: { _form: c.var.t.register.staleVersion } },
      { version: Number(error.params?.version), saved: staleShown(c, error), status: 409 },
    );
  }
  return renderSeat(
    c,
    editor,
    seatId,
    { values, errors: fieldErrorsFor(c, error) },
    { version, status: 422 },
  );
}

function renderNew(c: Context<AppEnv>, form: FormState, choices: GroupChoices, status: 200 | 422) {
  const heading = c.var.t.groupEdits.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <GroupForm heading={heading} action="/grupper/ny" form={form} choices={choices} backHref="/arbetsyta" />
    ),
  });
}

type Shown = {
  version: number;
  status: 200 | 409 | 422;
  saved?: { described: Record<string, string>; labels: Record<string, string> };
  notice?: string | undefined;
};

function renderEdit(c: Context<AppEnv>, editor: GroupEditor, form: FormState, shown: Shown) {
  const t = c.var.t;
  const { group } = editor;
  const heading = t.groupEdits.editTitle(group.name);
  const links = [
    { href: `/grupper/${group.slug}/historik`, text: t.register.history },
    ...(editor.mayDelete ? [{ href: `/grupper/${group.slug}/ta-bort`, text: t.register.delete }] : []),
  ];
  return renderPage(c, {
    title: heading,
    status: shown.status,
    children: (
      <GroupForm
        heading={heading}
        action={editPath(group.slug)}
        form={form}
        choices={editor.choices}
        version={shown.version}
        saved={shown.saved}
        notice={shown.notice}
        backHref={group.visibility === 'public' ? groupPath(group) : '/arbetsyta'}
      >
        <SeatList editor={editor} today={stockholmDate(c.get('deps').clock.now())} />
        <ul class="plain edit-links">
          {links.map((link) => (
            <li>
              <a href={link.href}>{link.text}</a>
            </li>
          ))}
        </ul>
      </GroupForm>
    ),
  });
}

function renderSeat(
  c: Context<AppEnv>,
  editor: GroupEditor,
  seatId: number | undefined,
  form: FormState,
  shown: Shown,
) {
  const text = c.var.t.groupEdits.members;
  const { group } = editor;
  const heading = seatId === undefined ? text.addTitle(group.name) : text.editTitle(group.name);
  return renderPage(c, {
    title: heading,
    status: shown.status,
    children: (
      <MemberForm
        heading={heading}
        action={
          seatId === undefined ? `${seatsPath(group.slug)}/ny` : `${seatsPath(group.slug)}/${seatId}/andra`
        }
        form={form}
        organisations={editor.seatOrganisations}
        version={shown.version}
        saved={shown.saved}
        backHref={editPath(group.slug)}
        backText={text.back(group.name)}
      />
    ),
  });
}
