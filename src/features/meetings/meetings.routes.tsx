import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { checkFields, type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { readUpload } from '../../web/form-body.ts';
import { renderPage } from '../../web/render.tsx';
import { focusAreaField, goalField } from '../activities/activities.forms.ts';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { documentValues, uploadForm } from '../documents/documents.forms.ts';
import {
  addMeetingDocument,
  loadNewMeetingDocument,
  MAX_DOCUMENT_BYTES,
} from '../documents/documents.service.ts';
import { DocumentForm } from '../documents/views/document-form.tsx';
import { isIdText } from '../register/register.forms.ts';
import { savedNotice, savedQuery } from '../register/saved-notice.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import { documentField, itemForm, itemInputFrom, moveForm, newItemForm } from './agenda.forms.ts';
import {
  addItem,
  type ItemChoices,
  itemValues,
  loadItemEditor,
  loadNewItem,
  moveItem,
  removeItem,
  saveItem,
} from './agenda.service.ts';
import { callMeeting } from './meeting-calls.service.ts';
import { guestForm, meetingForm, newMeetingForm, versionOnly } from './meetings.forms.ts';
import {
  addGuest,
  createMeeting,
  deleteMeeting,
  loadMeetingEditor,
  loadMeetingHistory,
  loadNewMeeting,
  loadWorkingPage,
  type MeetingEditor,
  meetingLabels,
  meetingValues,
  type NewMeetingPage,
  newMeetingValues,
  removeGuest,
  saveMeeting,
} from './meetings.service.ts';
import { AgendaItemForm } from './views/agenda-form.tsx';
import { GuestForm, MeetingForm } from './views/meeting-form.tsx';
import { MeetingWorkspace } from './views/meeting-workspace.tsx';

/**
 * A meeting in the workspace (issue 10): new, working page, change, delete, history, agenda items,
 * guests and the call. Signed in; the services decide who may (meeting-access.ts, permissions.ts).
 */
export const meetingRoutes = new Hono<AppEnv>();

function idParam(value: string | undefined): number {
  if (!isIdText(value ?? '')) throw new AppError('NOT_FOUND', 'id in path');
  return Number(value);
}

const workPath = (id: number) => `/moten/${id}/arbetsyta`;

// A new meeting.

meetingRoutes.get('/grupper/:slug/moten/nytt', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const page = await loadNewMeeting(requestDeps(c), viewer, c.req.param('slug'));
  const values = newMeetingValues(c.var.t, page, viewer, c.get('deps').clock.now());
  return renderNew(c, page, { values, errors: {} }, 200);
});

meetingRoutes.post('/grupper/:slug/moten/nytt', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const slug = c.req.param('slug');
  const page = await loadNewMeeting(requestDeps(c), viewer, slug);
  const input = await parseForm(c, newMeetingForm);
  if (!input.ok) return renderNew(c, page, input.form, 422);
  try {
    const id = await createMeeting(requestDeps(c), viewer, slug, input.data);
    return c.redirect(`${workPath(id)}?sparat=ny`, 303);
  } catch (error) {
    return renderNew(c, page, { values: input.values, errors: fieldErrorsFor(c, error) }, 422);
  }
});

function renderNew(c: Context<AppEnv>, page: NewMeetingPage, form: FormState, status: 200 | 422) {
  const heading = c.var.t.meetings.newTitle(page.group.name);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <MeetingForm
        heading={heading}
        action={`/grupper/${page.group.slug}/moten/nytt`}
        form={form}
        members={page.members}
        groupInternal={page.group.visibility === 'internal'}
        backHref={`/grupper/${page.group.slug}/internt`}
        backText={page.group.name}
        submit={c.var.t.meetings.create}
      />
    ),
  });
}

// The working page.

meetingRoutes.get('/moten/:id/arbetsyta', requireSignIn(), async (c) => {
  const page = await loadWorkingPage(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  const saved = savedQuery.safeParse(c.req.query('sparat'));
  const called = /^\d{1,5}$/.test(c.req.query('kallade') ?? '') ? Number(c.req.query('kallade')) : undefined;
  const notice =
    called !== undefined
      ? c.var.t.meetings.workspace.calledNotice(called)
      : saved.success && saved.data === 'ny'
        ? c.var.t.meetings.workspace.createdNotice
        : saved.success
          ? savedNotice(c, saved.data)
          : undefined;
  return renderPage(c, {
    title: c.var.t.meetings.workspaceTitle(page.access.meeting.title),
    children: <MeetingWorkspace page={page} notice={notice} />,
  });
});

// Changing, deleting, history.

meetingRoutes.get('/moten/:id/andra', requireSignIn(), async (c) => {
  const editor = await loadMeetingEditor(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  const { meeting } = editor.access;
  return renderEdit(c, editor, { values: meetingValues(meeting), errors: {} }, meeting.version, 200);
});

meetingRoutes.post('/moten/:id/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const id = idParam(c.req.param('id'));
  const editor = await loadMeetingEditor(requestDeps(c), viewer, id);
  const input = await parseForm(c, meetingForm, { hidden: ['version'] });
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), 422);
  const { version, ...fields } = input.data;
  try {
    const outcome = await saveMeeting(requestDeps(c), viewer, id, fields, version);
    return c.redirect(`${workPath(id)}?sparat=${outcome === 'saved' ? '1' : 'oforandrat'}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      const described = error.params?.current as Record<string, string>;
      return renderEdit(
        c,
        editor,
        { values: input.values, errors: { _form: c.var.t.register.staleVersion } },
        Number(error.params?.version),
        409,
        { described, labels: meetingLabels(c.var.t) },
      );
    }
    return renderEdit(c, editor, { values: input.values, errors: fieldErrorsFor(c, error) }, version, 422);
  }
});

function renderEdit(
  c: Context<AppEnv>,
  editor: MeetingEditor,
  form: FormState,
  version: number,
  status: 200 | 409 | 422,
  saved?: { described: Record<string, string>; labels: Record<string, string> },
) {
  const { meeting, group } = editor.access;
  const heading = c.var.t.meetings.editTitle(meeting.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <MeetingForm
        heading={heading}
        action={`/moten/${meeting.id}/andra`}
        form={form}
        members={editor.members}
        groupInternal={group.visibility === 'internal'}
        version={version}
        saved={saved}
        backHref={workPath(meeting.id)}
        backText={c.var.t.meetings.back}
        submit={c.var.t.meetings.save}
      />
    ),
  });
}

meetingRoutes.get('/moten/:id/ta-bort', requireSignIn(), async (c) => {
  const { access } = await loadMeetingEditor(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  const { meeting } = access;
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(meeting.title),
    children: (
      <DeletePage
        name={meeting.title}
        action={`/moten/${meeting.id}/ta-bort`}
        version={meeting.version}
        backHref={workPath(meeting.id)}
      />
    ),
  });
});

meetingRoutes.post('/moten/:id/ta-bort', requireSignIn(), async (c) => {
  const id = idParam(c.req.param('id'));
  const input = await parseForm(c, versionOnly, { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  const group = await deleteMeeting(requestDeps(c), signedInViewer(c), id, input.data.version);
  return c.redirect(`/grupper/${group.slug}/internt`, 303);
});

meetingRoutes.get('/moten/:id/historik', requireSignIn(), async (c) => {
  const { access, entries, labels } = await loadMeetingHistory(
    requestDeps(c),
    signedInViewer(c),
    idParam(c.req.param('id')),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(access.meeting.title),
    children: (
      <HistoryPage
        restorable={false}
        title={t.register.historyTitle(access.meeting.title)}
        backHref={workPath(access.meeting.id)}
        backText={t.meetings.back}
        entries={entries}
        labels={labels}
      />
    ),
  });
});

// Guests.

meetingRoutes.get('/moten/:id/gaster', requireSignIn(), async (c) => {
  const { access } = await loadMeetingEditor(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  return renderGuest(c, access.meeting, { values: {}, errors: {} }, 200);
});

meetingRoutes.post('/moten/:id/gaster', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const id = idParam(c.req.param('id'));
  const { access } = await loadMeetingEditor(requestDeps(c), viewer, id);
  const input = await parseForm(c, guestForm);
  if (!input.ok) return renderGuest(c, access.meeting, input.form, 422);
  await addGuest(requestDeps(c), viewer, id, input.data);
  return c.redirect(`${workPath(id)}?sparat=1`, 303);
});

function renderGuest(
  c: Context<AppEnv>,
  meeting: { id: number; title: string },
  form: FormState,
  status: 200 | 422,
) {
  const heading = c.var.t.meetings.guests.title(meeting.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <GuestForm
        heading={heading}
        action={`/moten/${meeting.id}/gaster`}
        form={form}
        backHref={workPath(meeting.id)}
      />
    ),
  });
}

meetingRoutes.post('/moten/:id/gaster/:participantId/ta-bort', requireSignIn(), async (c) => {
  const id = idParam(c.req.param('id'));
  await parseForm(c, z.strictObject({}));
  await removeGuest(requestDeps(c), signedInViewer(c), id, idParam(c.req.param('participantId')));
  return c.redirect(`${workPath(id)}?sparat=1`, 303);
});

// The call.

meetingRoutes.post('/moten/:id/kalla', requireSignIn(), async (c) => {
  const id = idParam(c.req.param('id'));
  await parseForm(c, z.strictObject({}));
  const count = await callMeeting(requestDeps(c), signedInViewer(c), id);
  return c.redirect(`${workPath(id)}?kallade=${count}`, 303);
});

// Agenda items.

/** The form's values from an item as saved. */
function itemFormValues(editor: Awaited<ReturnType<typeof loadItemEditor>>): Record<string, string> {
  const values = itemValues(editor.item, editor.links);
  return {
    title: values.title,
    presenter: values.presenter,
    startTime: values.startTime ?? '',
    proposedDecision: values.proposedDecision,
    agreementId: values.agreementId === null ? '' : String(values.agreementId),
    visibility: values.visibility,
    internalReason: values.internalReason ?? '',
    ...Object.fromEntries(values.focusAreaIds.map((id) => [focusAreaField(id), 'ja'])),
    ...Object.fromEntries(values.goalIds.map((id) => [goalField(id), 'ja'])),
    ...Object.fromEntries(values.documentIds.map((id) => [documentField(id), 'ja'])),
  };
}

meetingRoutes.get('/moten/:id/arenden/nytt', requireSignIn(), async (c) => {
  const { access, choices } = await loadNewItem(
    requestDeps(c),
    signedInViewer(c),
    idParam(c.req.param('id')),
  );
  const values = { visibility: access.meeting.visibility };
  return renderItem(c, access.meeting, undefined, choices, { values, errors: {} }, undefined, 200);
});

meetingRoutes.post('/moten/:id/arenden/nytt', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const id = idParam(c.req.param('id'));
  const { access, choices } = await loadNewItem(requestDeps(c), viewer, id);
  const input = await parseForm(c, newItemForm(choices.ids));
  if (!input.ok) return renderItem(c, access.meeting, undefined, choices, input.form, undefined, 422);
  try {
    await addItem(requestDeps(c), viewer, id, itemInputFrom(input.data, choices.ids));
    return c.redirect(`${workPath(id)}?sparat=1`, 303);
  } catch (error) {
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderItem(c, access.meeting, undefined, choices, form, undefined, 422);
  }
});

meetingRoutes.get('/arenden/:id/andra', requireSignIn(), async (c) => {
  const editor = await loadItemEditor(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  if (editor.access.meeting.minutesStatus === 'approved')
    throw new Refusal('meetings.errors.agendaFrozen', { status: 409 });
  const form = { values: itemFormValues(editor), errors: {} };
  return renderItem(c, editor.access.meeting, editor.item, editor.choices, form, editor.item.version, 200);
});

meetingRoutes.post('/arenden/:id/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const itemId = idParam(c.req.param('id'));
  const editor = await loadItemEditor(requestDeps(c), viewer, itemId);
  const { choices } = editor;
  const meeting = editor.access.meeting;
  const input = await parseForm(c, itemForm(choices.ids), { hidden: ['version'] });
  if (!input.ok)
    return renderItem(c, meeting, editor.item, choices, input.form, Number(input.form.values.version), 422);
  const { version } = input.data as { version: number };
  try {
    const { meetingId } = await saveItem(
      requestDeps(c),
      viewer,
      itemId,
      itemInputFrom(input.data, choices.ids),
      version,
    );
    return c.redirect(`${workPath(meetingId)}?sparat=1`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      const described = error.params?.current as Record<string, string>;
      const form = { values: input.values, errors: { _form: c.var.t.register.staleVersion } };
      return renderItem(c, meeting, editor.item, choices, form, Number(error.params?.version), 409, {
        described,
        labels: { ...c.var.t.meetings.item.fields },
      });
    }
    const form = { values: input.values, errors: fieldErrorsFor(c, error) };
    return renderItem(c, meeting, editor.item, choices, form, version, 422);
  }
});

meetingRoutes.post('/arenden/:id/ta-bort', requireSignIn(), async (c) => {
  await parseForm(c, z.strictObject({}));
  const meetingId = await removeItem(requestDeps(c), signedInViewer(c), idParam(c.req.param('id')));
  return c.redirect(`${workPath(meetingId)}?sparat=1`, 303);
});

meetingRoutes.post('/arenden/:id/flytta', requireSignIn(), async (c) => {
  const input = await parseForm(c, moveForm);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'move form');
  const meetingId = await moveItem(
    requestDeps(c),
    signedInViewer(c),
    idParam(c.req.param('id')),
    input.data.direction,
  );
  return c.redirect(`${workPath(meetingId)}?sparat=1`, 303);
});

function renderItem(
  c: Context<AppEnv>,
  meeting: { id: number; title: string },
  item: { id: number; title: string } | undefined,
  choices: ItemChoices,
  form: FormState,
  version: number | undefined,
  status: 200 | 409 | 422,
  saved?: { described: Record<string, string>; labels: Record<string, string> },
) {
  const text = c.var.t.meetings.item;
  const heading = item ? text.editTitle(item.title) : text.newTitle(meeting.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <AgendaItemForm
        heading={heading}
        action={item ? `/arenden/${item.id}/andra` : `/moten/${meeting.id}/arenden/nytt`}
        form={form}
        choices={choices}
        version={version}
        saved={saved}
        backHref={workPath(meeting.id)}
      />
    ),
  });
}

// The meeting's documents: PDFs uploaded as the register's documents (documents.meeting_id).

meetingRoutes.get('/moten/:id/dokument/ny', requireSignIn(), async (c) => {
  const { meeting } = await loadNewMeetingDocument(
    requestDeps(c),
    signedInViewer(c),
    idParam(c.req.param('id')),
  );
  const values = { kind: 'other', visibility: meeting.visibility };
  return renderNewDocument(c, meeting, { values, errors: {} }, 200);
});

meetingRoutes.post('/moten/:id/dokument/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const { meeting } = await loadNewMeetingDocument(requestDeps(c), viewer, idParam(c.req.param('id')));
  let values: Record<string, string> = {};
  try {
    const upload = await readUpload(c, {
      field: 'fil',
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'documents.fileTooLarge',
    });
    values = upload.fields;
    const input = checkFields(c.var.t, uploadForm, upload.fields);
    const errors: Record<string, string | undefined> = input.ok ? {} : { ...input.form.errors };
    if (!upload.file) errors.fil = c.var.t.documents.fileMissing;
    if (!input.ok || !upload.file) return renderNewDocument(c, meeting, { values, errors }, 422);
    const fields = documentValues({ ...input.data, title: input.data.title ?? '' });
    await addMeetingDocument(requestDeps(c), viewer, meeting.id, fields, upload.file);
    return c.redirect(`${workPath(meeting.id)}?sparat=1`, 303);
  } catch (error) {
    const status = error instanceof Refusal && error.status === 413 ? 413 : 422;
    return renderNewDocument(c, meeting, { values, errors: fieldErrorsFor(c, error) }, status);
  }
});

function renderNewDocument(
  c: Context<AppEnv>,
  meeting: { id: number; title: string; visibility: string },
  form: FormState,
  status: 200 | 413 | 422,
) {
  const heading = c.var.t.documents.addTitle(meeting.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <DocumentForm
        heading={heading}
        action={`/moten/${meeting.id}/dokument/ny`}
        form={form}
        upload
        agreementInternal={meeting.visibility === 'internal'}
        backHref={workPath(meeting.id)}
      />
    ),
  });
}
