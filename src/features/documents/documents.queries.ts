import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { documentContents, documents } from './documents.table.ts';

/** The SQL behind documents: the rows without their bytes, and the bytes alone when a file is sent. */

const documentColumns = {
  id: documents.id,
  agreementId: documents.agreementId,
  meetingId: documents.meetingId,
  title: documents.title,
  kind: documents.kind,
  fileName: documents.fileName,
  byteSize: documents.byteSize,
  sha256: documents.sha256,
  visibility: documents.visibility,
  internalReason: documents.internalReason,
  version: documents.version,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  deletedAt: documents.deletedAt,
};

export type DocumentRow = Awaited<ReturnType<typeof findDocument>> & {};

/** One document with its agreement's address and whether anyone may see the agreement; deleted or not. */
export async function findDocument(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      ...documentColumns,
      agreementSlug: agreements.slug,
      agreementTitle: agreements.title,
      agreementDeletedAt: agreements.deletedAt,
      agreementPublic: sql<boolean>`coalesce(${shownToEveryone(agreements)}, false)`,
    })
    .from(documents)
    // A meeting's document (issue 10) has no agreement: its meeting decides (documents.service.ts).
    .leftJoin(agreements, eq(agreements.id, documents.agreementId))
    .where(eq(documents.id, id));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one document queue up. */
export async function lockDocument(tx: DbOrTx, id: number) {
  const [row] = await tx.select(documentColumns).from(documents).where(eq(documents.id, id)).for('update');
  return row;
}

/** The documents everyone may see on an agreement's public page (public, not deleted), oldest first. */
export function findPublicDocuments(db: DbOrTx, agreementId: number) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      kind: documents.kind,
      fileName: documents.fileName,
      byteSize: documents.byteSize,
    })
    .from(documents)
    .where(and(eq(documents.agreementId, agreementId), shownToEveryone(documents)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** Every document of an agreement, internal and deleted ones too: its edit page lists them. */
export function findAgreementDocuments(db: DbOrTx, agreementId: number) {
  return db
    .select(documentColumns)
    .from(documents)
    .where(eq(documents.agreementId, agreementId))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

export type DocumentValues = {
  title: string;
  kind: (typeof documents.$inferInsert)['kind'];
  visibility: 'public' | 'internal';
  internalReason: string | null;
};

export async function insertDocument(
  tx: DbOrTx,
  values: DocumentValues & {
    agreementId: number | null;
    /** A meeting's document (issue 10) instead of an agreement's: exactly one of the two. */
    meetingId?: number | null;
    fileName: string;
    byteSize: number;
    sha256: string;
    uploadedBy: number;
  },
  bytes: Buffer,
  now: Date,
) {
  const [row] = await tx
    .insert(documents)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning({ id: documents.id, version: documents.version });
  if (!row) throw new Error('documents insert returned no row');
  await tx.insert(documentContents).values({ documentId: row.id, bytes });
  return row;
}

/** Updates a document if it is still at `expectedVersion`; the new version, or undefined if it moved on. */
export async function updateDocument(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<DocumentValues> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(documents)
    .set({ ...values, version: expectedVersion + 1, updatedAt: now })
    .where(and(eq(documents.id, id), eq(documents.version, expectedVersion)))
    .returning({ version: documents.version });
  return row?.version;
}

/** The file's bytes, read only to send it. */
export async function findDocumentBytes(db: DbOrTx, id: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ bytes: documentContents.bytes })
    .from(documentContents)
    .where(eq(documentContents.documentId, id));
  return row?.bytes;
}
