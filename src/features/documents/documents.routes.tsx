import { create as contentDisposition } from 'content-disposition';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { checkFields, type FormState, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { readUpload } from '../../web/form-body.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { versionField } from '../register/register.forms.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import { documentPath } from './document-path.ts';
import { documentForm, documentValues, uploadForm } from './documents.forms.ts';
import {
  addDocument,
  deleteDocument,
  loadDocumentEditor,
  loadDocumentHistory,
  loadNewDocument,
  MAX_DOCUMENT_BYTES,
  openDocument,
  restoreDocumentVersion,
  saveDocument,
} from './documents.service.ts';
import { DocumentForm } from './views/document-form.tsx';

/**
 * An agreement's PDF documents (issue 8, item 6): upload (multipart, up to 20 MB: security.ts
 * LARGE_BODIES), change, delete, history, and the file itself for readers.
 */
export const documentRoutes = new Hono<AppEnv>();

const documentId = z.coerce.number().int().min(1).max(2_147_483_647);
const editPath = (id: number) => `/dokument/${id}/andra`;

documentRoutes.get('/avtal/:slug/dokument/ny', requireSignIn(), async (c) => {
  const { agreement } = await loadNewDocument(requestDeps(c), signedInViewer(c), c.req.param('slug'));
  const values = { kind: 'agreement', visibility: agreement.visibility };
  return renderNew(c, agreement, { values, errors: {} }, 200);
});

documentRoutes.post('/avtal/:slug/dokument/ny', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const { agreement } = await loadNewDocument(requestDeps(c), viewer, c.req.param('slug'));
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
    if (!input.ok || !upload.file) return renderNew(c, agreement, { values, errors }, 422);
    const fields = documentValues({ ...input.data, title: input.data.title ?? '' });
    const id = await addDocument(requestDeps(c), viewer, agreement.slug, fields, upload.file);
    return c.redirect(`${editPath(id)}?sparat=ny`, 303);
  } catch (error) {
    const status = error instanceof Refusal && error.status === 413 ? 413 : 422;
    return renderNew(c, agreement, { values, errors: fieldErrorsFor(c, error) }, status);
  }
});

documentRoutes.get('/dokument/:id/andra', requireSignIn(), async (c) => {
  const document = await loadDocumentEditor(requestDeps(c), signedInViewer(c), idIn(c));
  const values = {
    title: document.title,
    kind: document.kind,
    visibility: document.visibility,
    internalReason: document.internalReason ?? '',
  };
  return renderEdit(c, document, { values, errors: {} }, document.version, undefined, 200);
});

documentRoutes.post('/dokument/:id/andra', requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const document = await loadDocumentEditor(requestDeps(c), viewer, idIn(c));
  const input = await parseForm(c, documentForm, { hidden: ['version'] });
  if (!input.ok)
    return renderEdit(c, document, input.form, Number(input.form.values.version), undefined, 422);
  const { version, ...fields } = input.data;
  try {
    await saveDocument(requestDeps(c), viewer, document.id, documentValues(fields), version);
    return c.redirect(`${editPath(document.id)}?sparat=1`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      const saved = error.params?.current as Record<string, string>;
      const errors = { _form: c.var.t.register.staleVersion };
      return renderEdit(
        c,
        document,
        { values: input.values, errors },
        Number(error.params?.version),
        saved,
        409,
      );
    }
    return renderEdit(
      c,
      document,
      { values: input.values, errors: fieldErrorsFor(c, error) },
      version,
      undefined,
      422,
    );
  }
});

documentRoutes.get('/dokument/:id/ta-bort', requireSignIn(), async (c) => {
  const document = await loadDocumentEditor(requestDeps(c), signedInViewer(c), idIn(c));
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(document.title),
    children: (
      <DeletePage
        name={document.title}
        action={`/dokument/${document.id}/ta-bort`}
        version={document.version}
        backHref={editPath(document.id)}
      />
    ),
  });
});

documentRoutes.post('/dokument/:id/ta-bort', requireSignIn(), async (c) => {
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  const back = await deleteDocument(requestDeps(c), signedInViewer(c), idIn(c), input.data.version);
  return c.redirect(`${back}?klart=dokument-borttaget`, 303);
});

documentRoutes.get('/dokument/:id/historik', requireSignIn(), async (c) => {
  const { document, entries, mayRestore } = await loadDocumentHistory(
    requestDeps(c),
    signedInViewer(c),
    idIn(c),
  );
  const t = c.var.t;
  return renderPage(c, {
    title: t.register.historyTitle(document.title),
    children: (
      <HistoryPage
        title={t.register.historyTitle(document.title)}
        backHref={document.deletedAt ? document.backPath : editPath(document.id)}
        backText={document.deletedAt ? t.documents.back : t.documents.editTitle(document.title)}
        entries={entries}
        labels={t.documents.fields}
        restorePath={
          mayRestore ? (version) => `/dokument/${document.id}/historik/${version}/aterstall` : undefined
        }
      />
    ),
  });
});

documentRoutes.post('/dokument/:id/historik/:version/aterstall', requireSignIn(), async (c) => {
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  const id = idIn(c);
  await restoreDocumentVersion(requestDeps(c), signedInViewer(c), id, version.data);
  return c.redirect(`/dokument/${id}/historik?klart=aterstalld`, 303);
});

/**
 * The file. Sent as an attachment, with nosniff and the site's CSP (the global headers), so a file is
 * never shown as a page of this site; a public one may be kept by caches but is checked each time
 * (`no-cache` with its SHA-256 as ETag: 304 when unchanged), an internal one is never stored.
 */
documentRoutes.get('/dokument/:id/:fil{.+\\.pdf}', async (c) => {
  const opened = await openDocument(requestDeps(c), c.get('viewer'), idIn(c));
  const { document } = opened;
  const etag = `"${document.sha256}"`;
  c.header('Cache-Control', opened.forEveryone ? 'no-cache' : 'private, no-store');
  c.header('ETag', etag);
  if (
    c.req
      .header('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return c.body(null, 304);
  const bytes = await opened.bytes();
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', contentDisposition(document.fileName));
  c.header('Content-Length', String(bytes.length));
  return c.body(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength));
});

function idIn(c: Context<AppEnv>): number {
  const id = documentId.safeParse(c.req.param('id'));
  if (!id.success) throw new AppError('NOT_FOUND', 'document id');
  return id.data;
}

function renderNew(
  c: Context<AppEnv>,
  agreement: { slug: string; title: string; visibility: string },
  form: FormState,
  status: 200 | 413 | 422,
) {
  const heading = c.var.t.documents.addTitle(agreement.title);
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <DocumentForm
        heading={heading}
        action={`/avtal/${agreement.slug}/dokument/ny`}
        form={form}
        upload
        agreementInternal={agreement.visibility === 'internal'}
        backHref={`/avtal/${agreement.slug}/andra`}
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  document: Awaited<ReturnType<typeof loadDocumentEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
) {
  const t = c.var.t;
  const heading = t.documents.editTitle(document.title);
  const notice = c.req.query('sparat') ? t.documents.saved : undefined;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <DocumentForm
        notice={status === 200 ? notice : undefined}
        heading={heading}
        action={editPath(document.id)}
        form={form}
        upload={false}
        version={version}
        saved={saved}
        agreementInternal={!document.agreementPublic}
        backHref={document.backPath}
        links={[
          { href: documentPath(document), text: t.documents.download },
          { href: `/dokument/${document.id}/historik`, text: t.register.history },
          { href: `/dokument/${document.id}/ta-bort`, text: t.register.delete },
        ]}
      />
    ),
  });
}
