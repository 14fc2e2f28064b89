import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { checkFields, fieldErrorsFor, parseForm } from '../../web/form.ts';
import { readUpload } from '../../web/form-body.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { sheetAsCsv, sheetAsXlsx } from './sheets.ts';
import { type ExportKind, exportKinds, exportSheet, transferKinds } from './transfer.service.ts';
import {
  applyImport,
  type ImportKind,
  importKinds,
  loadImport,
  MAX_IMPORT_BYTES,
  previewImport,
  undoImport,
} from './transfer-import.service.ts';
import { ImportPreview } from './views/import-preview.tsx';
import { TransferPage } from './views/transfer-page.tsx';

/**
 * Export of the register as CSV/XLSX and import of organisations with a preview (issue 8, item 7). The
 * coordinator's; the services refuse everyone else (403).
 */
export const transferRoutes = new Hono<AppEnv>();

const FILE_NAME = new RegExp(`^(${exportKinds.join('|')})\\.(csv|xlsx)$`);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The import form's one text field: what the file holds (a radio group: always sent by our form). */
const importForm = z.strictObject({ vad: z.enum(importKinds) });
/** An import's address: anything else is a 404 before the database sees it. */
const importId = z.uuid();

transferRoutes.get('/arbetsyta/export', requireSignIn(), (c) => renderTransferPage(c, undefined, 200));

transferRoutes.get('/arbetsyta/export/:fil', requireSignIn(), async (c) => {
  const match = FILE_NAME.exec(c.req.param('fil'));
  if (!match) throw new AppError('NOT_FOUND', 'export file name');
  const [, kind, format] = match as unknown as [string, ExportKind, 'csv' | 'xlsx'];
  const sheet = await exportSheet(requestDeps(c), signedInViewer(c), kind);
  const fileName = `samverkan-${kind}-${stockholmDate(c.get('deps').clock.now())}.${format}`;
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  // Internal records are in the file: never kept by a browser's or a proxy's cache.
  c.header('Cache-Control', 'no-store');
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(sheetAsCsv(sheet));
  }
  c.header('Content-Type', XLSX_TYPE);
  return c.body(new Uint8Array(await sheetAsXlsx(sheet)));
});

transferRoutes.post('/arbetsyta/import', requireSignIn(), async (c) => {
  let kind = '';
  try {
    const upload = await readUpload(c, {
      field: 'fil',
      maxBytes: MAX_IMPORT_BYTES,
      tooLarge: 'transfer.fileTooLarge',
    });
    kind = upload.fields.vad ?? '';
    const input = checkFields(c.var.t, importForm, upload.fields);
    if (!input.ok) throw new AppError('BAD_REQUEST', 'import form');
    if (!upload.file) throw new Refusal('transfer.fileMissing', { field: 'fil' });
    const id = await previewImport(requestDeps(c), signedInViewer(c), input.data.vad, upload.file);
    return c.redirect(`/arbetsyta/import/${id}`, 303);
  } catch (error) {
    const status = error instanceof Refusal && error.status === 413 ? 413 : 422;
    return renderTransferPage(c, fieldErrorsFor(c, error).fil, status, kind);
  }
});

transferRoutes.get('/arbetsyta/import/:id', requireSignIn(), async (c) => {
  const found = await loadImport(requestDeps(c), signedInViewer(c), validImportId(c));
  const t = c.var.t;
  const done = c.req.query('klart');
  const applied = found.effects?.length ?? 0;
  const what = t.transfer.kindWords[found.kind as ImportKind] ?? '';
  const notice =
    done === 'genomford'
      ? t.transfer.applied(applied, what)
      : done === 'angrad'
        ? t.transfer.undone
        : undefined;
  return renderPreview(c, found, notice, undefined, 200);
});

transferRoutes.post('/arbetsyta/import/:id/genomfor', requireSignIn(), async (c) => {
  const id = validImportId(c);
  await parseForm(c, z.strictObject({}));
  try {
    await applyImport(requestDeps(c), signedInViewer(c), id);
  } catch (error) {
    return renderRefusedStep(c, id, error);
  }
  return c.redirect(`/arbetsyta/import/${id}?klart=genomford`, 303);
});

transferRoutes.post('/arbetsyta/import/:id/angra', requireSignIn(), async (c) => {
  const id = validImportId(c);
  await parseForm(c, z.strictObject({}));
  try {
    await undoImport(requestDeps(c), signedInViewer(c), id);
  } catch (error) {
    return renderRefusedStep(c, id, error);
  }
  return c.redirect(`/arbetsyta/import/${id}?klart=angrad`, 303);
});

function validImportId(c: Context<AppEnv>): string {
  const id = importId.safeParse(c.req.param('id'));
  if (!id.success) throw new AppError('NOT_FOUND', 'import id');
  return id.data;
}

async function renderTransferPage(
  c: Context<AppEnv>,
  error: string | undefined,
  status: 200 | 413 | 422,
  importKind = '',
) {
  const kinds = transferKinds(requestDeps(c), signedInViewer(c));
  return renderPage(c, {
    title: c.var.t.transfer.title,
    status,
    children: <TransferPage kinds={kinds} error={error} importKind={importKind} />,
  });
}

/** Applying or undoing was refused (changed since, done already): the import again, with the reason. */
async function renderRefusedStep(c: Context<AppEnv>, id: string, error: unknown) {
  if (!(error instanceof Refusal) || error.status === 403) throw error;
  const found = await loadImport(requestDeps(c), signedInViewer(c), id);
  const problem = translate(c.var.t, error.reason, { params: error.params });
  return renderPreview(c, found, undefined, problem, error.status === 409 ? 409 : 422);
}

function renderPreview(
  c: Context<AppEnv>,
  found: Awaited<ReturnType<typeof loadImport>>,
  notice: string | undefined,
  problem: string | undefined,
  status: 200 | 409 | 422,
) {
  const state = found.undoneAt ? 'undone' : found.appliedAt ? 'applied' : 'previewed';
  return renderPage(c, {
    title: c.var.t.transfer.previewTitle,
    status,
    children: (
      <ImportPreview
        id={found.id}
        fileName={found.fileName}
        rows={found.rows}
        state={state}
        notice={notice}
        problem={problem}
      />
    ),
  });
}
