import type { RequestDeps } from '../../app-deps.ts';
import { stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import { canEditPages, isCoordinator, type Viewer } from '../auth/permissions.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { saveVersioned } from '../register/history.service.ts';
import {
  findPageRecord,
  findPagesForWorkspace,
  lockPage,
  type PageValues,
  updatePage,
} from './page-edits.queries.ts';
import type { PageInput } from './pages.forms.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing the public text pages (issue 8): the coordinator changes a page's title and text, with its
 * history (record type 'page') and restore, in one transaction that also empties every page cache. The
 * page's "Uppdaterad" date becomes the day (in Stockholm) of the last edit that changed something. The
 * fixed pages are never deleted here: the site's routes need every one of them.
 */

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

/** Always the same keys in the same order: saveVersioned compares values as JSON. */
function valuesOf(page: PageValues): PageValues {
  return { title: page.title, body: page.body };
}

/** The page and its values, for the coordinator. */
export async function loadPageEditor(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  if (!canEditPages(viewer)) throw notAllowed();
  const page = await findPageRecord(deps.db, slug);
  if (!page) throw new AppError('NOT_FOUND', `page ${slug}`);
  return page;
}

/** Saves the form over the version it was opened on; unchanged writes nothing (and keeps the date). */
export async function savePage(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  input: PageInput,
  expectedVersion: number,
): Promise<'saved' | 'unchanged'> {
  if (!canEditPages(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const next = valuesOf(input);
  return withPublicChange(deps, async (tx) => {
    const found = await findPageRecord(tx, slug);
    const current = found ? await lockPage(tx, found.id) : undefined;
    if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `page ${slug}`);
    return saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: valuesOf(current),
      next,
      describe: async (values) => ({ ...values }),
      write: (expected) => updatePage(tx, current.id, expected, next, stockholmDate(now), now),
    });
  });
}

/** A page's history, for the coordinator (who may also restore). */
export async function loadPageHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const page = await loadPageEditor(deps, viewer, slug);
  return { page, entries: await findHistory(deps.db, 'page', page.id), mayRestore: isCoordinator(viewer) };
}

/** Brings an earlier version's title and text back, as a new version dated today. */
export async function restorePageVersion(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  version: number,
): Promise<void> {
  if (!canEditPages(viewer)) throw notAllowed();
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const found = await findPageRecord(tx, slug);
    const current = found ? await lockPage(tx, found.id) : undefined;
    if (!current) throw new AppError('NOT_FOUND', `page ${slug}`);
    const snapshot = (await findSnapshot(tx, 'page', current.id, version)) as Partial<PageValues> | undefined;
    if (typeof snapshot?.title !== 'string' || typeof snapshot.body !== 'string')
      throw new AppError('NOT_FOUND', `page ${slug} version ${version}`);
    const values = valuesOf({ title: snapshot.title, body: snapshot.body });
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, current.version),
      current: valuesOf(current),
      next: values,
      describe: async (described) => ({ ...described }),
      write: (expected) => updatePage(tx, current.id, expected, values, stockholmDate(now), now),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
  });
}

/** The text pages with their edit links, for the coordinator's workspace; nothing for anyone else. */
export async function pagesForWorkspace(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  return canEditPages(viewer) ? findPagesForWorkspace(deps.db) : [];
}

/** Who changes which page when, from which version: what every saveVersioned call here shares. */
function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'page' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}
