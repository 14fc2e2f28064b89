import { createHash } from 'node:crypto';
import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { stripControlCharacters } from '../../lib/text.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { findAgreementRecord, findPartyChains } from '../agreements/agreement-edits.queries.ts';
import {
  canEditAgreement,
  canRestoreVersion,
  canSeeMeetingInternals,
  type Viewer,
} from '../auth/permissions.ts';
import { groupScopeOf } from '../groups/group-edits.service.ts';
import { findMeetingRecord } from '../meetings/meeting-access.queries.ts';
import { editableMeeting, meetingIsPublic, meetingRights } from '../meetings/meeting-access.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import {
  type DocumentValues,
  findAgreementDocuments,
  findDocument,
  findDocumentBytes,
  findPublicDocuments,
  insertDocument,
  lockDocument,
  updateDocument,
} from './documents.queries.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/** The largest PDF an upload may carry (issue 8: "up to 20 MB"). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Documents (issue 8, item 6; decision 012): PDFs of an agreement kept in PostgreSQL, public or internal
 * like the agreement, uploaded and changed by whoever may edit the agreement, with history.
 */

/**
 * Whether the bytes are a PDF: they start with `%PDF-` and, as a whole file does, end with `%%EOF` (within
 * the last 1 KiB, where readers look for it). The name and the browser's content type say nothing: an
 * HTML page named avtal.pdf is refused here.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return head === '%PDF-' && tail.includes('%%EOF');
}

/**
 * The name the file is sent under: the uploaded name without folders or control characters, ending in
 * .pdf, at most 120 characters; "dokument.pdf" when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = stripControlCharacters(name.split(/[\\/]/).pop() ?? '')
    .replace(/["<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.pdf$/i, '')
    .slice(0, 116)
    .trim();
  return `${base || 'dokument'}.pdf`;
}

/** An agreement that is there (not deleted) and the viewer may edit; else 404 or 403. */
async function editableAgreement(db: DbOrTx, viewer: Viewer, slug: string) {
  const agreement = await findAgreementRecord(db, slug);
  if (!agreement || agreement.deletedAt) throw new AppError('NOT_FOUND', `agreement ${slug}`);
  if (!canEditAgreement(viewer, await findPartyChains(db, agreement.id))) throw forbidden();
  return agreement;
}

/** The upload form's agreement, for someone who may add documents to it. */
export async function loadNewDocument(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const agreement = await editableAgreement(deps.db, viewer, slug);
  return { agreement: { slug: agreement.slug, title: agreement.title, visibility: agreement.visibility } };
}

/** A new document from an uploaded file, with its first history entry, in one transaction. */
export async function addDocument(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: DocumentValues,
  file: { name: string; bytes: Uint8Array },
): Promise<number> {
  const agreement = await editableAgreement(deps.db, viewer, slug);
  // Checked again inside the transaction: the agreement may have been deleted meanwhile.
  return storeNewDocument(deps, viewer, { agreementId: agreement.id, meetingId: null }, input, file, (tx) =>
    editableAgreement(tx, viewer, slug),
  );
}

/**
 * The part of an upload an agreement's and a meeting's documents share: the bytes checked to be a PDF, the
 * name made safe, the row and its first history entry in one transaction, after `recheck` has asked again
 * inside it whether the owner is still there and editable.
 */
async function storeNewDocument(
  deps: Deps,
  viewer: Viewer,
  owner: { agreementId: number | null; meetingId: number | null },
  input: DocumentValues,
  file: { name: string; bytes: Uint8Array },
  recheck: (tx: DbOrTx) => Promise<unknown>,
): Promise<number> {
  if (!isPdf(file.bytes)) throw new Refusal('documents.notPdf', { field: 'fil' });
  const fileName = safeFileName(file.name);
  // No title given: the file's name says what it is.
  const values: DocumentValues = { ...input, title: input.title || fileName.replace(/\.pdf$/, '') };
  const bytes = Buffer.from(file.bytes);
  const facts = {
    ...owner,
    fileName,
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedBy: viewer.personId,
  };
  return withPublicChange(deps, async (tx) => {
    await recheck(tx);
    const now = deps.clock.now();
    const row = await insertDocument(tx, { ...values, ...facts }, bytes, now);
    const snapshot = snapshotOf({ ...values, ...facts });
    await recordHistory(tx, {
      type: 'document',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: describe(deps.t, snapshot),
      snapshot,
    });
    return row.id;
  });
}

type Snapshot = DocumentValues & { fileName: string; byteSize: number };

function snapshotOf(row: Snapshot): Snapshot {
  const { title, kind, visibility, internalReason, fileName, byteSize } = row;
  return { title, kind, visibility, internalReason, fileName, byteSize };
}

/** The fields as the history shows them: the kind and visibility in words, the size in MB. */
function describe(t: Messages, values: Snapshot): Described {
  return {
    title: values.title,
    kind: t.documents.kinds[values.kind],
    visibility: t.documents.visibilities[values.visibility],
    internalReason: values.internalReason ?? '',
    fileName: values.fileName,
    byteSize: t.documents.size(values.byteSize),
  };
}

/**
 * A document for someone who may edit its agreement: 404 when it (or its agreement) is deleted and
 * `deleted` is not allowed, 403 when the viewer may not edit the agreement.
 */
async function editableDocument(db: DbOrTx, viewer: Viewer, id: number, { deleted = false } = {}) {
  const document = await findDocument(db, id);
  if (!document || (document.deletedAt && !deleted)) throw new AppError('NOT_FOUND', `document ${id}`);
  if (document.meetingId !== null) {
    // A meeting's document (issue 10): whoever may edit the meeting (404 when the meeting is deleted).
    const access = await editableMeeting(db, viewer, document.meetingId);
    return {
      ...document,
      agreementPublic: meetingIsPublic(access),
      backPath: `/moten/${document.meetingId}/arbetsyta`,
    };
  }
  if (document.agreementId === null || document.agreementDeletedAt)
    throw new AppError('NOT_FOUND', `document ${id}`);
  if (!canEditAgreement(viewer, await findPartyChains(db, document.agreementId))) throw forbidden();
  return { ...document, backPath: `/avtal/${document.agreementSlug}/andra` };
}

export async function loadDocumentEditor(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  return editableDocument(deps.db, viewer, id);
}

/** Changes a document's title, kind or visibility from the version the form was opened on. */
export async function saveDocument(
  deps: Deps,
  viewer: Viewer,
  id: number,
  next: DocumentValues,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  await editableDocument(deps.db, viewer, id);
  return withPublicChange(deps, async (tx) => {
    const current = await lockLive(tx, id);
    await editableDocument(tx, viewer, id);
    return saveVersioned(tx, {
      ...changeOf(current, viewer, deps.clock.now(), expectedVersion),
      current: snapshotOf(current),
      next: { ...snapshotOf(current), ...next },
      describe: async (values) => describe(deps.t, values),
      write: (expected) => updateDocument(tx, id, expected, next, deps.clock.now()),
    });
  });
}

/** A soft delete: the file stays in the database, so the history can bring it back. */
export async function deleteDocument(deps: Deps, viewer: Viewer, id: number, expectedVersion: number) {
  const document = await editableDocument(deps.db, viewer, id);
  await withPublicChange(deps, async (tx) => {
    const current = await lockLive(tx, id);
    await saveVersioned(tx, {
      ...changeOf(current, viewer, deps.clock.now(), expectedVersion),
      current: snapshotOf(current),
      next: snapshotOf(current),
      describe: async (values) => describe(deps.t, values),
      write: (expected) =>
        updateDocument(tx, id, expected, { deletedAt: deps.clock.now() }, deps.clock.now()),
      action: 'deleted',
    });
  });
  return document.backPath;
}

export async function loadDocumentHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const document = await editableDocument(deps.db, viewer, id, { deleted: true });
  const entries = await findHistory(deps.db, 'document', id);
  return { document, entries, mayRestore: canRestoreVersion(viewer) };
}

/** The coordinator brings back an earlier version (a deleted document's last version brings it back). */
export async function restoreDocumentVersion(deps: Deps, viewer: Viewer, id: number, version: number) {
  if (!canRestoreVersion(viewer)) throw forbidden();
  await editableDocument(deps.db, viewer, id, { deleted: true });
  await withPublicChange(deps, async (tx) => {
    const current = await lockDocument(tx, id);
    if (!current) throw new AppError('NOT_FOUND', `document ${id}`);
    const snapshot = (await findSnapshot(tx, 'document', id, version)) as Snapshot | undefined;
    if (!snapshot) throw new AppError('NOT_FOUND', `document ${id} version ${version}`);
    const values: DocumentValues = {
      title: snapshot.title,
      kind: snapshot.kind,
      visibility: snapshot.visibility,
      internalReason: snapshot.internalReason,
    };
    await saveVersioned(tx, {
      ...changeOf(current, viewer, deps.clock.now(), current.version),
      current: snapshotOf(current),
      next: { ...snapshotOf(current), ...values },
      describe: async (described) => describe(deps.t, described),
      write: (expected) => updateDocument(tx, id, expected, { ...values, deletedAt: null }, deps.clock.now()),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
  });
}

/** The agreement's documents for its edit page (internal ones too): the caller has checked the right. */
export function listAgreementDocuments(deps: Pick<Deps, 'db'>, agreementId: number) {
  return findAgreementDocuments(deps.db, agreementId);
}

/** The documents everyone may open, for the agreement's public page (the agreement itself is public). */
export function listPublicDocuments(deps: Pick<Deps, 'db'>, agreementId: number) {
  return findPublicDocuments(deps.db, agreementId);
}

/**
 * The file, for a reader: anyone when the document and its agreement are public and not deleted; an
 * internal one only for those who may edit the agreement. Everyone else gets a 404 (not a 403), so an
 * internal document's existence is not told either.
 */
export async function openDocument(deps: Pick<Deps, 'db'>, viewer: Viewer | null, id: number) {
  const document = await findDocument(deps.db, id);
  if (document?.meetingId != null) return openMeetingDocument(deps, viewer, document);
  if (!document || document.agreementId === null || document.deletedAt || document.agreementDeletedAt)
    throw new AppError('NOT_FOUND', `document ${id}`);
  const forEveryone = document.visibility === 'public' && document.agreementPublic;
  if (!forEveryone && !canEditAgreement(viewer, await findPartyChains(deps.db, document.agreementId)))
    throw new AppError('NOT_FOUND', `document ${id}`);
  return {
    document,
    forEveryone,
    bytes: async () => {
      const bytes = await findDocumentBytes(deps.db, id);
      if (!bytes) throw new AppError('NOT_FOUND', `document ${id} bytes`);
      return bytes;
    },
  };
}

async function lockLive(tx: DbOrTx, id: number) {
  const current = await lockDocument(tx, id);
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `document ${id}`);
  return current;
}

function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'document' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}

/**
 * A meeting's document (issue 10): anyone when it is public and its meeting is public (meetingIsPublic);
 * else only those who may see the meeting's internals (canSeeMeetingInternals). Everyone else: 404.
 */
async function openMeetingDocument(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer | null,
  document: NonNullable<Awaited<ReturnType<typeof findDocument>>> & { meetingId: number | null },
) {
  const notFound = () => new AppError('NOT_FOUND', `document ${document.id}`);
  const record =
    document.meetingId === null ? undefined : await findMeetingRecord(deps.db, document.meetingId);
  if (!record || document.deletedAt || record.meeting.deletedAt || record.group.deletedAt) throw notFound();
  const forEveryone = document.visibility === 'public' && meetingIsPublic(record);
  if (!forEveryone) {
    if (viewer === null) throw notFound();
    const scope = await groupScopeOf(deps.db, viewer, record.group);
    if (!canSeeMeetingInternals(viewer, meetingRights({ ...record, scope }))) throw notFound();
  }
  return {
    document,
    forEveryone,
    bytes: async () => {
      const bytes = await findDocumentBytes(deps.db, document.id);
      if (!bytes) throw notFound();
      return bytes;
    },
  };
}

/** The upload form's meeting, for someone who may edit it (issue 10). */
export async function loadNewMeetingDocument(deps: Pick<Deps, 'db'>, viewer: Viewer, meetingId: number) {
  const { meeting } = await editableMeeting(deps.db, viewer, meetingId);
  return { meeting: { id: meeting.id, title: meeting.title, visibility: meeting.visibility } };
}

/** A new document of a meeting from an uploaded PDF, with its first history entry, in one transaction. */
export async function addMeetingDocument(
  deps: Deps,
  viewer: Viewer,
  meetingId: number,
  input: DocumentValues,
  file: { name: string; bytes: Uint8Array },
): Promise<number> {
  await editableMeeting(deps.db, viewer, meetingId);
  return storeNewDocument(deps, viewer, { agreementId: null, meetingId }, input, file, (tx) =>
    editableMeeting(tx, viewer, meetingId),
  );
}
