import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { people } from '../accounts/accounts.table.ts';

/**
 * Who may read a record: everyone, or only those with a right to it (with the reason, e.g. "sekretess enligt
 * OSL 19 kap." or "arbetsmaterial"). Internal records and fields never reach a public page, search, the
 * page cache or an export for someone without the right.
 */
export const visibilities = ['public', 'internal'] as const;
export type Visibility = (typeof visibilities)[number];
export const visibility = pgEnum('visibility', visibilities);

/** Columns of every register record: a version for optimistic locking, the last change, a soft delete. */
export const recordColumns = () => ({
  /** Goes up by one with every change; a save names the version it was made from (optimistic locking). */
  version: integer().notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when deleted: the record is gone from every page, and the history can bring it back. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const visibilityColumns = () => ({
  visibility: visibility().notNull().default('public'),
  internalReason: text('internal_reason'),
});

export const historyActions = ['created', 'changed', 'deleted', 'restored', 'imported'] as const;
export type HistoryAction = (typeof historyActions)[number];
export const historyAction = pgEnum('history_action', historyActions);

/** The kinds of register record that keep a history, as `record_history.record_type` names them. */
export const recordTypes = [
  'organisation',
  'agreement',
  'focus_area',
  'group',
  'activity',
  'page',
  'document',
  'placement_offer',
  'placement_request',
  'placement_need',
  'brief',
  'brief_response',
  'meeting',
  'agenda_item',
  'meeting_action',
  'indicator',
  'annual_report',
] as const;
export type RecordType = (typeof recordTypes)[number];
export const recordType = pgEnum('record_type', recordTypes);

/**
 * The history of every register record (decision 011): one row per create, change, delete, restore or
 * import, written in the same transaction as the change, with who, when, the changed fields' old and new
 * values, and the whole record as it was after the change (what a restore goes back to).
 */
export const recordHistory = pgTable(
  'record_history',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordType: recordType('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    /** The record's version after this change. */
    version: integer().notNull(),
    action: historyAction().notNull(),
    /** Null for the system (the seed, a migration). Kept at erasure: a public record of who changed what. */
    actorPersonId: integer('actor_person_id').references(() => people.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** field → [old, new], as the history page shows them (names resolved, not ids). */
    changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull(),
    /** The record after the change, as its edit form holds it: a restore saves this again. */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Why, where given: a restore names the version it went back to, an import its file. */
    note: text(),
  },
  (t) => [index('record_history_record_idx').on(t.recordType, t.recordId, t.version)],
);

export type HistoryEntry = typeof recordHistory.$inferSelect;

/**
 * Which seed items (the source page's facts, the demo data) have been added, and as which record: the
 * seed adds each item once, ever, and finds it again by this mark, not by its slug — so a record renamed,
 * re-slugged or deleted in the register is never added a second time at the next start.
 */
export const seedMarks = pgTable(
  'seed_marks',
  {
    kind: text().notNull(),
    key: text().notNull(),
    recordId: integer('record_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);
