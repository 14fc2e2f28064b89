import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

/** PostgreSQL `bytea`: the driver hands it over as a Buffer both ways. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The signed agreement itself, an appendix to it, or another document about it. */
export const documentKinds = ['agreement', 'appendix', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKind = pgEnum('document_kind', documentKinds);

/**
 * A PDF belonging to an agreement (decision 012: documents in the database). The row is what the pages
 * list and the history versions; the bytes are in `document_contents`, read only when the file is sent.
 * The file never changes: a new file is a new document.
 */
export const documents = pgTable(
  'documents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The document belongs to an agreement or to a meeting (exactly one: documents_owner_check). */
    agreementId: integer('agreement_id').references(() => agreements.id),
    meetingId: integer('meeting_id').references((): AnyPgColumn => meetings.id),
    title: text().notNull(),
    kind: documentKind().notNull(),
    /** The name it is sent under (as uploaded, made safe: see documents.service.ts `safeFileName`). */
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** Hex SHA-256 of the bytes: the ETag, and a check that backup and restore carried them whole. */
    sha256: text().notNull(),
    ...visibilityColumns(),
    uploadedBy: integer('uploaded_by').references(() => people.id),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index().on(t.agreementId),
    index().on(t.meetingId),
    check('documents_owner_check', sql`num_nonnulls(${t.agreementId}, ${t.meetingId}) = 1`),
  ],
);

/** The file's bytes, one row per document, apart so that listing documents never reads them. */
export const documentContents = pgTable('document_contents', {
  documentId: integer('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  bytes: bytea().notNull(),
});
