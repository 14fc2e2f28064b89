import type { AppDeps } from '../../app-deps.ts';
import { activitiesForWorkspace } from '../activities/activity-edits.service.ts';
import { loadAgreementWorkspace } from '../agreements/agreement-edits.service.ts';
import { canRequestPlaces, isCoordinator, type Viewer } from '../auth/permissions.ts';
import { loadWorkspaceGroups } from '../groups/group-edits.service.ts';
import { briefsForWorkspace } from '../needs/brief-edits.service.ts';
import { briefResponsesForWorkspace } from '../needs/brief-responses.service.ts';
import { editorOrganisations, subtreeIds } from '../organisations/organisation-edits.service.ts';
import { pagesForWorkspace } from '../pages/page-edits.service.ts';
import { placementOffersForWorkspace } from '../placements/placement-offers.service.ts';
import { placementRequestsForWorkspace } from '../placements/requests.service.ts';
import { proposalsForWorkspace } from '../proposals/proposals.service.ts';
import { findDeletedOrganisations, findLiveOrganisations } from './workspace.queries.ts';

/**
 * What the signed-in person may keep up to date, for the workspace start page: the coordinator the whole
 * register (and what was deleted, to restore); an editor their organisations and everything under them.
 * `editor` and `mayRequestPlaces` say which intro fits: someone who edits no part of the register gets
 * what they can do instead (answer briefs, register a collaboration, request placement places).
 */
export async function loadWorkspace(deps: Pick<AppDeps, 'db' | 'clock'>, viewer: Viewer) {
  const coordinator = isCoordinator(viewer);
  const [all, deleted] = await Promise.all([
    findLiveOrganisations(deps.db),
    coordinator ? findDeletedOrganisations(deps.db) : [],
  ]);
  const editorRoots = editorOrganisations(viewer);
  const editable = new Set(subtreeIds(all, editorRoots));
  // Within an editor's part of the tree, the topmost organisations are shown without their parent.
  const mine = all
    .filter((organisation) => editable.has(organisation.id))
    .map((organisation) =>
      organisation.parentId !== null && !editable.has(organisation.parentId)
        ? { ...organisation, parentId: null }
        : organisation,
    );
  const [activities, pages, agreements, groups, proposals, briefResponses] = await Promise.all([
    activitiesForWorkspace(deps, viewer, [...editable]),
    pagesForWorkspace(deps, viewer),
    loadAgreementWorkspace(deps, viewer),
    loadWorkspaceGroups(deps, viewer),
    proposalsForWorkspace(deps, viewer),
    briefResponsesForWorkspace(deps, viewer),
  ]);
  const placementOffers = await placementOffersForWorkspace(deps, viewer);
  const placementRequests = await placementRequestsForWorkspace(deps, viewer);
  const briefs = await briefsForWorkspace(deps, viewer);
  return {
    coordinator,
    editor: editorRoots.length > 0,
    mayRequestPlaces: canRequestPlaces(viewer),
    organisations: coordinator ? all : mine,
    deletedOrganisations: deleted,
    activities,
    pages,
    agreements,
    groups,
    proposals,
    placementOffers,
    placementRequests,
    briefResponses,
    briefs,
  };
}
