import type { AppDeps, RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canEditFocusAreas, canRestoreVersion, type Viewer } from '../auth/permissions.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import {
  type FocusAreaValues,
  findDeletedFocusAreas,
  findFocusAreaList,
  findFocusAreaRecord,
  findFocusAreaSlugsLike,
  insertFocusArea,
  lockFocusArea,
  updateFocusArea,
} from './focus-area-edits.queries.ts';
import type { FocusAreaInput } from './focus-areas.forms.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing the prioritised focus areas (issue 8): the coordinator adds, renames, describes, deletes and
 * restores them, each change with its history (record type 'focus_area'). A deleted area disappears from
 * every public page; the agreements and activities keep their links to it, so a restore brings it back
 * where it was.
 */

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

function valuesOf(row: FocusAreaValues): FocusAreaValues {
  return { name: row.name, description: row.description };
}

function valuesFromInput(input: FocusAreaInput): FocusAreaValues {
  return { name: input.name, description: input.description ?? '' };
}

const describe = async (values: FocusAreaValues): Promise<Described> => ({ ...values });

/** A focus area's record for its form, history or restore; only the coordinator opens them. */
async function findRecord(db: DbOrTx, viewer: Viewer, slug: string, deletedToo = false) {
  if (!canEditFocusAreas(viewer)) throw notAllowed();
  const area = await findFocusAreaRecord(db, slug);
  if (!area || (area.deletedAt && !deletedToo)) throw new AppError('NOT_FOUND', `focus area ${slug}`);
  return area;
}

export async function loadFocusAreaEditor(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  return findRecord(deps.db, viewer, slug);
}

export function checkMayEditFocusAreas(viewer: Viewer): void {
  if (!canEditFocusAreas(viewer)) throw notAllowed();
}

export async function createFocusArea(deps: Deps, viewer: Viewer, input: FocusAreaInput): Promise<string> {
  checkMayEditFocusAreas(viewer);
  const now = deps.clock.now();
  const values = valuesFromInput(input);
  return withPublicChange(deps, async (tx) => {
    const base = slugFrom(values.name);
    // 'ny' is the address of the form for a new focus area, never one of an area.
    const taken = new Set([...(await findFocusAreaSlugsLike(tx, base)), 'ny']);
    const { slug, row } = await insertAtFreeSlug(base, taken, (free) =>
      insertFocusArea(tx, free, values, now),
    );
    await recordHistory(tx, {
      type: 'focus_area',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describe(values),
      snapshot: values,
    });
    return slug;
  });
}

/** Saves a rename or a new description over the version the form was opened on. */
export async function saveFocusArea(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: FocusAreaInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  checkMayEditFocusAreas(viewer);
  const now = deps.clock.now();
  const next = valuesFromInput(input);
  return withPublicChange(deps, async (tx) => {
    const current = await lockLive(tx, slug);
    return saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: valuesOf(current),
      next,
      describe,
      write: (expected) => updateFocusArea(tx, current.id, expected, next, now),
    });
  });
}

/** A soft delete: gone from every public page; agreements and activities keep their link for a restore. */
export async function deleteFocusArea(deps: Deps, viewer: Viewer, slug: string, expectedVersion: number) {
  checkMayEditFocusAreas(viewer);
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const current = await lockLive(tx, slug);
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: valuesOf(current),
      next: valuesOf(current),
      describe,
      write: (expected) => updateFocusArea(tx, current.id, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
  });
}

export async function loadFocusAreaHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const area = await findRecord(deps.db, viewer, slug, true);
  return {
    area,
    entries: await findHistory(deps.db, 'focus_area', area.id),
    mayRestore: canRestoreVersion(viewer),
  };
}

/** Brings an earlier version back as a new version; a deleted area is back on the public pages. */
export async function restoreFocusAreaVersion(deps: Deps, viewer: Viewer, slug: string, version: number) {
  if (!canRestoreVersion(viewer)) throw notAllowed();
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const found = await findFocusAreaRecord(tx, slug);
    const current = found ? await lockFocusArea(tx, found.id) : undefined;
    if (!current) throw new AppError('NOT_FOUND', `focus area ${slug}`);
    const snapshot = (await findSnapshot(tx, 'focus_area', current.id, version)) as
      | Partial<FocusAreaValues>
      | undefined;
    if (!snapshot || typeof snapshot.name !== 'string')
      throw new AppError('NOT_FOUND', `focus area ${slug} version ${version}`);
    const values = { name: snapshot.name, description: snapshot.description ?? '' };
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, current.version),
      current: valuesOf(current),
      next: values,
      describe,
      write: (expected) => updateFocusArea(tx, current.id, expected, { ...values, deletedAt: null }, now),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
  });
}

/** The workspace's focus areas, for the coordinator: those in the register and the deleted ones. */
export async function loadFocusAreaWorkspace(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  if (!canEditFocusAreas(viewer)) return null;
  const [live, deleted] = await Promise.all([findFocusAreaList(deps.db), findDeletedFocusAreas(deps.db)]);
  return { live, deleted };
}

async function lockLive(tx: DbOrTx, slug: string) {
  const found = await findFocusAreaRecord(tx, slug);
  const current = found && !found.deletedAt ? await lockFocusArea(tx, found.id) : undefined;
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `focus area ${slug}`);
  return current;
}

function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'focus_area' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}
