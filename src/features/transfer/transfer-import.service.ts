import type { RequestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { stripControlCharacters } from '../../lib/text.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canTransferRegister, type Viewer } from '../auth/permissions.ts';
import { activityImporter } from './activity-import.ts';
import { readTable } from './import-file.ts';
import type { ColumnKey, Importer } from './importer.ts';
import { organisationImporter } from './organisation-import.ts';
import type { ImportEffect, ImportRow } from './transfer.table.ts';
import { findImport, insertImport, markImportApplied, markImportUndone } from './transfer-imports.queries.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 2_000;

/** What a file may hold, as the import form names it. */
export const importKinds = ['organisationer', 'aktiviteter'] as const;
export type ImportKind = (typeof importKinds)[number];

const importers: Record<ImportKind, Importer> = {
  organisationer: organisationImporter,
  aktiviteter: activityImporter,
};

function importerFor(kind: string): Importer {
  const importer = importers[kind as ImportKind];
  if (!importer) throw new AppError('NOT_FOUND', `import kind ${kind}`);
  return importer;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a file row by row against the register and the rules of the record's form, and keeps the
 * outcome as an import waiting to be applied: new, changed, unchanged, or wrong (and why). Saves nothing
 * in the register. Returns the import's id (its preview's address).
 */
export async function previewImport(
  deps: Deps,
  viewer: Viewer,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
): Promise<string> {
  if (!canTransferRegister(viewer)) throw forbidden();
  const { t } = deps;
  const importer = importerFor(kind);
  const [headings = [], ...lines] = await readTable(file.bytes);
  const columnOf = new Map(headings.map((heading, index) => [heading.trim().toLocaleLowerCase('sv'), index]));
  const indexOf = (key: ColumnKey) => columnOf.get(t.transfer.columns[key].toLocaleLowerCase('sv'));
  const missing = importer.required.filter((key) => indexOf(key) === undefined);
  if (missing.length > 0) {
    throw new Refusal('transfer.headersWrong', {
      field: 'fil',
      params: { missing: missing.map((key) => t.transfer.columns[key]).join(', ') },
    });
  }
  if (lines.length > MAX_ROWS) throw new Refusal('transfer.tooManyRows', { field: 'fil' });

  const check = await importer.prepare(deps.db, t);
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  lines.forEach((line, index) => {
    if (line.every((value) => value.trim() === '')) return;
    const cells = (key: ColumnKey) => {
      const column = indexOf(key);
      return column === undefined ? '' : (line[column] ?? '').trim();
    };
    const slug = cells('slug') || null;
    const checked = check(cells, slug, (key) => indexOf(key) !== undefined);
    const errors = [...checked.errors];
    if (slug && seen.has(slug)) errors.push(t.transfer.duplicateSlug);
    if (slug) seen.add(slug);
    if (checked.existing?.deleted) errors.push(t.transfer.deletedSlug);
    if (slug && !checked.existing && !SLUG.test(slug))
      errors.push(`${t.transfer.columns.slug}: ${t.validation.invalid}`);
    const lineNumber = index + 2;
    if (errors.length > 0 || !checked.values) {
      rows.push({ line: lineNumber, outcome: 'error', slug, label: checked.label, errors });
    } else if (!checked.existing) {
      rows.push({ line: lineNumber, outcome: 'created', slug, label: checked.label, values: checked.values });
    } else {
      const changes = checked.changes ?? [];
      rows.push({
        line: lineNumber,
        outcome: changes.length === 0 ? 'unchanged' : 'changed',
        slug,
        label: checked.label,
        values: { ...checked.values, expectedVersion: checked.existing.version },
        changes,
      });
    }
  });
  // The name as the browser sent it, without control characters (NUL would not even be stored).
  const fileName = stripControlCharacters(file.name).trim().slice(0, 200) || 'fil';
  return insertImport(deps.db, { kind, fileName, rows, createdBy: viewer.personId });
}

export async function loadImport(deps: Pick<Deps, 'db'>, viewer: Viewer, id: string) {
  if (!canTransferRegister(viewer)) throw forbidden();
  const found = await findImport(deps.db, id);
  if (!found) throw new AppError('NOT_FOUND', `import ${id}`);
  return found;
}

/**
 * Applies a previewed import in one transaction, all of it or nothing: every new or changed row through
 * the edit service of its kind (the form's rules), each with a history row ('imported', naming the file).
 * A record changed in the register since the preview stops the whole import (read the file again).
 */
export async function applyImport(deps: Deps, viewer: Viewer, id: string): Promise<number> {
  const found = await loadImport(deps, viewer, id);
  if (found.appliedAt || found.undoneAt) throw new Refusal('transfer.alreadyApplied', { status: 409 });
  if (found.rows.some((row) => row.outcome === 'error')) throw new Refusal('transfer.cannotApply');
  const importer = importerFor(found.kind);
  const origin = { action: 'imported' as const, note: deps.t.transfer.note(found.fileName) };
  return withPublicChange(deps, async (tx) => {
    const effects: ImportEffect[] = [];
    for (const row of found.rows) {
      if (row.outcome === 'created') {
        const added = await importer.add(tx, deps, viewer, row.values ?? {}, {
          ...origin,
          ...(row.slug ? { slug: row.slug } : {}),
        });
        effects.push({ recordId: added.id, slug: added.slug, created: true, versionAfter: added.version });
      } else if (row.outcome === 'changed' && row.slug) {
        const { expectedVersion, ...values } = row.values as { expectedVersion: number };
        let outcome: 'saved' | 'unchanged';
        try {
          outcome = await importer.change(tx, deps, viewer, row.slug, values, expectedVersion, origin);
        } catch (error) {
          const changedSince =
            (error instanceof Refusal && error.reason === 'register.staleVersion') ||
            (error instanceof AppError && error.code === 'NOT_FOUND');
          if (changedSince)
            throw new Refusal('transfer.changedSincePreview', { status: 409, params: { name: row.label } });
          throw error;
        }
        if (outcome === 'unchanged') continue;
        const after = await importer.find(tx, row.slug);
        if (!after) throw new Error(`${found.kind} ${row.slug} gone within the import's transaction`);
        effects.push({ recordId: after.id, slug: row.slug, created: false, versionAfter: after.version });
      }
    }
    if (!(await markImportApplied(tx, id, deps.clock.now(), effects)))
      throw new Refusal('transfer.alreadyApplied', { status: 409 });
    return effects.length;
  });
}

/**
 * Undoes an applied import in one transaction: records it added are deleted (softly), those it changed
 * go back to the version before. Refused, naming them, where someone has changed a record since.
 */
export async function undoImport(deps: Deps, viewer: Viewer, id: string): Promise<void> {
  const found = await loadImport(deps, viewer, id);
  if (!found.appliedAt || found.undoneAt) throw new Refusal('transfer.alreadyApplied', { status: 409 });
  const importer = importerFor(found.kind);
  const note = deps.t.transfer.undoNote(found.fileName);
  await withPublicChange(deps, async (tx) => {
    const changedSince: string[] = [];
    for (const effect of found.effects ?? []) {
      const current = await importer.find(tx, effect.slug);
      if (!current || current.version !== effect.versionAfter)
        changedSince.push(current?.name ?? effect.slug);
    }
    if (changedSince.length > 0)
      throw new Refusal('transfer.undoChangedSince', {
        status: 409,
        params: { names: changedSince.join(', ') },
      });
    // Newest first: a unit added under an organisation the same file added goes before its parent.
    for (const effect of [...(found.effects ?? [])].reverse()) {
      if (effect.created) await importer.remove(tx, deps, viewer, effect.slug, effect.versionAfter, note);
      else await importer.restore(tx, deps, viewer, effect.slug, effect.versionAfter - 1, note);
    }
    if (!(await markImportUndone(tx, id, deps.clock.now())))
      throw new Refusal('transfer.alreadyApplied', { status: 409 });
  });
}
