import type { AppDeps } from '../../app-deps.ts';
import { activitiesForWorkspace } from '../activities/activity-edits.service.ts';
import { loadAgreementWorkspace } from '../agreements/agreement-edits.service.ts';
import { isCoordinator, type Viewer } from '../auth/permissions.ts';
import { loadWorkspaceGroups } from '../groups/group-edits.service.ts';
import { editorOrganisations, subtreeIds } from '../organisations/organisation-edits.service.ts';
import { pagesForWorkspace } from '../pages/page-edits.service.ts';
import { proposalsForWorkspace } from '../proposals/proposals.service.ts';
import { findDeletedOrganisations, findLiveOrganisations } from './workspace.queries.ts';

/**
 * What the signed-in person may keep up to date, for the workspace start page: the coordinator the whole
 * register (and what was deleted, to restore); an editor their organisations and everything under them.
 */
export async function loadWorkspace(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  const coordinator = isCoordinator(viewer);
  const [all, deleted] = await Promise.all([
    findLiveOrganisations(deps.db),
    coordinator ? findDeletedOrganisations(deps.db) : [],
  ]);
  const editable = new Set(subtreeIds(all, editorOrganisations(viewer)));
  // Within an editor's part of the tree, the topmost organisations are shown without their parent.
  const mine = all
    .filter((organisation) => editable.has(organisation.id))
    .map((organisation) =>
      organisation.parentId !== null && !editable.has(organisation.parentId)
        ? { ...organisation, parentId: null }
        : organisation,
    );
  const [activities, pages, agreements, groups, proposals] = await Promise.all([
    activitiesForWorkspace(deps, viewer, [...editable]),
    pagesForWorkspace(deps, viewer),
    loadAgreementWorkspace(deps, viewer),
    loadWorkspaceGroups(deps, viewer),
    proposalsForWorkspace(deps, viewer),
  ]);
  return {
    coordinator,
    organisations: coordinator ? all : mine,
    deletedOrganisations: deleted,
    activities,
    pages,
    agreements,
    groups,
    proposals,
  };
}
