import type { DbOrTx } from '../../db/client.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import type { Viewer } from '../auth/permissions.ts';
import type { ImportRow } from './transfer.table.ts';

/** A column of an import file, by the export's heading for it (t.transfer.columns). */
export type ColumnKey = keyof Messages['transfer']['columns'];

/**
 * One row's cells by column, trimmed. A column the file does not have gives, for a record already in the
 * register, its current value (a file of names and kinds only must not empty every other field), and ''
 * for a new one.
 */
export type Cells = (key: ColumnKey) => string;

/** Whether the file has the column: what `Cells` falls back on for a record in the register. */
export type ColumnPresent = (key: ColumnKey) => boolean;

/** The cells of a row, a missing column read from `current` (the record as the export would write it). */
export function cellsWithCurrent(
  cells: Cells,
  present: ColumnPresent,
  current: Partial<Record<ColumnKey, string>> | undefined,
): Cells {
  return (key) => (current && !present(key) ? (current[key] ?? '') : cells(key));
}

/** How an import's change is kept in the history: action `imported`, a note naming the file. */
export type ImportOrigin = { action: 'imported'; note: string; slug?: string };

export type ImportDeps = { clock: { now(): Date }; t: Messages };

/**
 * What a row would do, as the importer of its kind reads it: the record it names (if the address is in
 * the register), the values it would save, and what would change — or what is wrong with it.
 */
export type CheckedRow = {
  label: string;
  errors: string[];
  values?: Record<string, unknown>;
  existing?: { version: number; deleted: boolean };
  changes?: NonNullable<ImportRow['changes']>;
};

/**
 * One kind of record that can be imported (organisations, activities): how a row is checked against
 * the register — by the same rules as its form — and the edit service's functions that save, delete and
 * restore inside the import's transaction, so an import is one history entry per record, like a form's save.
 */
export type Importer = {
  /** The columns a file must have, besides the address. */
  required: ColumnKey[];
  /** Reads what rows are checked against, once per file; gives the check for one row. */
  prepare(
    db: DbOrTx,
    t: Messages,
  ): Promise<(cells: Cells, slug: string | null, present: ColumnPresent) => CheckedRow>;
  add(
    tx: DbOrTx,
    deps: ImportDeps,
    viewer: Viewer,
    values: Record<string, unknown>,
    origin: ImportOrigin,
  ): Promise<{ id: number; slug: string; version: number }>;
  change(
    tx: DbOrTx,
    deps: ImportDeps,
    viewer: Viewer,
    slug: string,
    values: Record<string, unknown>,
    expectedVersion: number,
    origin: ImportOrigin,
  ): Promise<'saved' | 'unchanged'>;
  /** The record at this address as it is now (deleted or not), for the undo's check. */
  find(tx: DbOrTx, slug: string): Promise<{ id: number; version: number; name: string } | undefined>;
  remove(
    tx: DbOrTx,
    deps: ImportDeps,
    viewer: Viewer,
    slug: string,
    version: number,
    note: string,
  ): Promise<void>;
  restore(
    tx: DbOrTx,
    deps: ImportDeps,
    viewer: Viewer,
    slug: string,
    version: number,
    note: string,
  ): Promise<void>;
};

/** Each field that differs, with the label it has in the export, the way the preview lists it. */
export function changedColumns(
  t: Messages,
  before: Partial<Record<ColumnKey, string>>,
  after: Partial<Record<ColumnKey, string>>,
): NonNullable<ImportRow['changes']> {
  return (Object.keys(after) as ColumnKey[])
    .filter((key) => (before[key] ?? '') !== (after[key] ?? ''))
    .map((key) => ({ field: t.transfer.columns[key], before: before[key] ?? '', after: after[key] ?? '' }));
}

/** The value for a word the export writes (a kind, a visibility), whatever its case; undefined if none. */
export function wordLookup<K extends string>(words: Record<K, string>): (word: string) => K | undefined {
  const byWord = new Map(
    Object.entries<string>(words).map(([key, word]) => [word.toLocaleLowerCase('sv'), key as K]),
  );
  return (word) => byWord.get(word.trim().toLocaleLowerCase('sv'));
}
