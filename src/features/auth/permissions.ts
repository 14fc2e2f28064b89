import type { Role } from '../accounts/accounts.table.ts';

/**
 * Who is asking: the signed-in person with their roles, loaded once per request. Everything in this
 * file is a pure function of a viewer and the thing asked about, so the authorisation table test can
 * check every rule without a database.
 */
export type Viewer = {
  personId: number;
  name: string;
  email: string | null;
  language: 'sv' | 'en';
  memberships: { organisationId: number; role: Role }[];
  groupIds: number[];
};

/** The organisation a thing belongs to, with the organisations above it (itself first). */
export type OrganisationChain = number[];

function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.memberships.some((membership) => membership.role === role);
}

/** The whole platform: accounts, roles, the audit log, and everything a coordinator may do. */
export function isAdministrator(viewer: Viewer | null): boolean {
  return viewer !== null && hasRole(viewer, 'administrator');
}

/** Samverkanssamordnare: the whole register and all page feedback. */
export function isCoordinator(viewer: Viewer | null): boolean {
  return viewer !== null && (hasRole(viewer, 'coordinator') || isAdministrator(viewer));
}

export function canAdministerAccounts(viewer: Viewer | null): boolean {
  return isAdministrator(viewer);
}

export function canViewAuditLog(viewer: Viewer | null): boolean {
  return isAdministrator(viewer);
}

/** Editors manage their organisation and the units under it; coordinators everything. */
export function canEditOrganisation(viewer: Viewer | null, chain: OrganisationChain): boolean {
  if (viewer === null) return false;
  if (isCoordinator(viewer)) return true;
  return viewer.memberships.some(
    (membership) => membership.role === 'editor' && chain.includes(membership.organisationId),
  );
}

/** Exporting the whole register (internal records too) and importing into it: the coordinator's job. */
export function canTransferRegister(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/**
 * An activity: coordinators all; an editor those linked to their organisation or one under it (`linked`:
 * the chain of each organisation the activity is linked to). Members propose instead.
 */
export function canEditActivity(viewer: Viewer | null, linked: OrganisationChain[]): boolean {
  if (isCoordinator(viewer)) return true;
  return linked.some((chain) => canEditOrganisation(viewer, chain));
}

/** Adding an activity: coordinators, and editors (linked to their own organisation, canEditActivity). */
export function canAddActivity(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/** The public text pages (start, lärosäten, samarbetsformer, …): the coordinator, who speaks for the site. */
export function canEditPages(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/**
 * An agreement: coordinators every one; an editor those their organisation (or one under it) is a party
 * to (`parties`: each party's chain). Members none.
 */
export function canEditAgreement(viewer: Viewer | null, parties: OrganisationChain[]): boolean {
  if (isCoordinator(viewer)) return true;
  return parties.some((chain) => canEditOrganisation(viewer, chain));
}

/** The form for a new agreement: coordinators, and editors (with their organisation as a party). */
export function canAddAgreement(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/**
 * Which organisations a person may name as a party: coordinators any; an editor their organisation and
 * the units under it, and any organisation outside their own tree (a university, the region, another
 * municipality) — not another administration of their municipality, or the municipality itself, which
 * only the coordinator commits. `homeTops`: the top of the tree each of the editor's organisations is in.
 */
export function canChooseParty(viewer: Viewer | null, party: OrganisationChain, homeTops: number[]): boolean {
  if (viewer === null) return false;
  if (isCoordinator(viewer)) return true;
  if (!hasRole(viewer, 'editor')) return false;
  if (canEditOrganisation(viewer, party)) return true;
  const top = party[party.length - 1];
  return top !== undefined && !homeTops.includes(top);
}

/**
 * Deleting an agreement: coordinators; an editor who may edit it when every party is one they may name
 * (so an editor cannot remove an agreement another administration is a party to).
 */
export function canDeleteAgreement(
  viewer: Viewer | null,
  parties: OrganisationChain[],
  homeTops: number[],
): boolean {
  if (isCoordinator(viewer)) return true;
  return (
    canEditAgreement(viewer, parties) && parties.every((chain) => canChooseParty(viewer, chain, homeTops))
  );
}

/** The prioritised focus areas (add, rename, describe, delete): the coordinator, who runs the agreements. */
export function canEditFocusAreas(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/** Restoring an earlier version of a register record from its history: the coordinator. */
export function canRestoreVersion(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/** The feedback viewer opens for administrators, coordinators and editors (page owners). */
export function canOpenFeedbackViewer(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/**
 * Feedback on one page: coordinators see all pages; an editor the pages their organisations own
 * (`owner` is the owning organisation's chain, null when the municipality's coordinators own the page).
 */
export function canSeeFeedbackFor(viewer: Viewer | null, owner: OrganisationChain | null): boolean {
  if (isCoordinator(viewer)) return true;
  return owner !== null && canEditOrganisation(viewer, owner);
}

/** A group's internal material: its members, and the coordinators who run the collaboration. */
export function canViewGroupInternals(viewer: Viewer | null, groupId: number): boolean {
  if (viewer === null) return false;
  return isCoordinator(viewer) || viewer.groupIds.includes(groupId);
}

/**
 * Who may change a group: the chain of the organisation it belongs to (null: none) and the chain of each
 * organisation that holds a seat in it.
 */
export type GroupScope = { organisation: OrganisationChain | null; seats: OrganisationChain[] };

/**
 * Changing a group and its seats: coordinators every group; an editor the groups of their organisation
 * (or one under it) and the groups their organisation (or one under it) has a seat in. Members none.
 */
export function canEditGroup(viewer: Viewer | null, scope: GroupScope): boolean {
  if (isCoordinator(viewer)) return true;
  return [...(scope.organisation ? [scope.organisation] : []), ...scope.seats].some((chain) =>
    canEditOrganisation(viewer, chain),
  );
}

/**
 * Adding a group under an organisation, or deleting one: coordinators, and an editor of the organisation
 * it belongs to (or one above it). A seat in a group lets an editor change it, not delete it.
 */
export function canOwnGroup(viewer: Viewer | null, organisation: OrganisationChain | null): boolean {
  if (isCoordinator(viewer)) return true;
  return organisation !== null && canEditOrganisation(viewer, organisation);
}

/** The form for a new group: coordinators, and editors (for a group of their own organisation). */
export function canAddGroup(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/** Which group the site shows as Högskolerådet or the foundation's network: the coordinator's choice. */
export function canAssignSiteRole(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/** Mina uppgifter: anyone signed in, about themselves only. */
export function canManageOwnDetails(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Registrera ett samarbete (proposals): anyone signed in may propose a collaboration. */
export function canPropose(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** The review queue of proposals (accept, merge, decline): the coordinators. */
export function canReviewProposals(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/** One proposal, with its contact's name and e-mail: the person who proposed it, and the reviewers. */
export function canSeeProposal(viewer: Viewer | null, proposal: { proposerPersonId: number }): boolean {
  return viewer !== null && (viewer.personId === proposal.proposerPersonId || canReviewProposals(viewer));
}

/**
 * Internal activities among a proposal's likely duplicates: only for those who may see every activity
 * (the coordinators). Everyone else is shown public activities only; deleted ones are shown to nobody.
 */
export function canSeeInternalMatches(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/**
 * Placement capacity (issue 9): the form for offering places and "copy last term" open to those who
 * offer places for units: coordinators (every unit) and editors (their units, canEditPlacementOffer).
 */
export function canOfferPlacements(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/** One offer: coordinators every one; an editor the offers of their organisation and the units under it. */
export function canEditPlacementOffer(viewer: Viewer | null, unit: OrganisationChain): boolean {
  return canEditOrganisation(viewer, unit);
}

/**
 * The capacity list and each offer's page: those who offer places (coordinators, editors) and those who
 * ask for them (a university's placement coordinator). Not plain members: the list is a working tool
 * between units and institutions, and a member has nothing to offer or request there.
 */
export function canSeePlacementCapacity(viewer: Viewer | null): boolean {
  return (
    viewer !== null &&
    (isCoordinator(viewer) || hasRole(viewer, 'editor') || hasRole(viewer, 'placement_coordinator'))
  );
}

/**
 * The feedback lists, seen from the viewer's side, for filtering in SQL: 'all' pages (coordinators), or
 * the pages owned by these organisations and the units under them (an editor's organisations) — the
 * same rule as canSeeFeedbackFor, which checks one page's owner chain.
 */
export function feedbackOrganisationScope(viewer: Viewer | null): 'all' | number[] {
  if (isCoordinator(viewer)) return 'all';
  if (viewer === null) return [];
  return viewer.memberships
    .filter((membership) => membership.role === 'editor')
    .map((membership) => membership.organisationId);
}

/**
 * Placement requests and needs lists (issue 9): the institution side is a placement coordinator of the
 * institution (a membership with role placement_coordinator at it or an organisation above it, `chain`),
 * the unit side an editor of the offer's unit chain; the coordinator acts for both.
 */
export function isPlacementCoordinatorOf(viewer: Viewer | null, chain: OrganisationChain): boolean {
  if (viewer === null) return false;
  if (isCoordinator(viewer)) return true;
  return viewer.memberships.some(
    (membership) => membership.role === 'placement_coordinator' && chain.includes(membership.organisationId),
  );
}

/** Requesting places and posting a list of needs: placement coordinators (for their institution) and coordinators. */
export function canRequestPlaces(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'placement_coordinator'));
}

/** The list of requests and of needs: both sides (editors, placement coordinators) and the coordinator. */
export function canListPlacementRequests(viewer: Viewer | null): boolean {
  return canRequestPlaces(viewer) || (viewer !== null && hasRole(viewer, 'editor'));
}

/** One request: the institution that asked and the unit asked (their chains), and the coordinator. */
export function canSeePlacementRequest(
  viewer: Viewer | null,
  request: { unit: OrganisationChain; institution: OrganisationChain },
): boolean {
  return canEditOrganisation(viewer, request.unit) || isPlacementCoordinatorOf(viewer, request.institution);
}

/** Answering a list of needs with places on an offer: editors (of the offer's unit) and the coordinator. */
export function canAnswerNeeds(viewer: Viewer | null): boolean {
  return viewer !== null && (isCoordinator(viewer) || hasRole(viewer, 'editor'));
}

/** The automatic proposal for a whole term, and confirming it: the coordinator. */
export function canAllocateTerm(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/**
 * The needs bank (issue 9, item 5): writing briefs. Editors (for their organisation's chain), placement
 * coordinators (competence development their institution offers) and the coordinator.
 */
export function canAddBrief(viewer: Viewer | null): boolean {
  return (
    viewer !== null &&
    (isCoordinator(viewer) || hasRole(viewer, 'editor') || hasRole(viewer, 'placement_coordinator'))
  );
}

/**
 * One brief (`organisation`: the chain of the förvaltning or unit asking, or of the institution offering):
 * the coordinator every one; an editor those of their organisation or one under it; a placement coordinator
 * the competence development (`staff_development`) their institution (or one under it) offers.
 */
export function canEditBrief(
  viewer: Viewer | null,
  brief: { kind: string; organisation: OrganisationChain },
): boolean {
  if (viewer === null) return false;
  if (isCoordinator(viewer)) return true;
  if (canEditOrganisation(viewer, brief.organisation)) return true;
  return (
    brief.kind === 'staff_development' &&
    viewer.memberships.some(
      (membership) =>
        membership.role === 'placement_coordinator' && brief.organisation.includes(membership.organisationId),
    )
  );
}

/** The kinds of brief a person may write: a placement coordinator only competence development. */
export function briefKindsFor<K extends string>(viewer: Viewer | null, kinds: readonly K[]): K[] {
  if (viewer === null) return [];
  if (isCoordinator(viewer) || hasRole(viewer, 'editor')) return [...kinds];
  return hasRole(viewer, 'placement_coordinator') ? kinds.filter((kind) => kind === 'staff_development') : [];
}

/**
 * Answering briefs in the needs bank (issue 9, item 6): anyone signed in (an account is one e-mail link
 * away). Which brief is then asked of `canAnswerBrief`.
 */
export function canAnswerBriefs(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/**
 * One brief: a public one anyone signed in; an internal one the coordinator and those who work in the
 * brief's organisation or one above it (a membership of any role; `chain`: the brief organisation's).
 */
export function canAnswerBrief(
  viewer: Viewer | null,
  brief: { internal: boolean; chain: OrganisationChain },
): boolean {
  if (viewer === null) return false;
  if (!brief.internal || isCoordinator(viewer)) return true;
  return viewer.memberships.some((membership) => brief.chain.includes(membership.organisationId));
}

/**
 * Moving an answer to a brief through its stages (brief-response-status.ts): the brief's owner side, who
 * may edit the brief (canEditBrief: an editor of its organisation's chain, the institution's placement
 * coordinator for competence development, the coordinator). The responder moves nothing.
 */
export function canReviewBriefResponse(
  viewer: Viewer | null,
  brief: { kind: string; organisation: OrganisationChain },
): boolean {
  return canEditBrief(viewer, brief);
}

/** One answer, with the responder's name and e-mail: the responder, and those who review it. */
export function canSeeBriefResponse(
  viewer: Viewer | null,
  response: { responderPersonId: number | null },
  brief: { kind: string; organisation: OrganisationChain },
): boolean {
  if (viewer === null) return false;
  return viewer.personId === response.responderPersonId || canReviewBriefResponse(viewer, brief);
}

/**
 * Meetings (issue 10). Calling a meeting and writing its agenda: whoever may change the group
 * (canEditGroup: coordinators, editors of the group's organisation or of a seat in it).
 */
export function canAddMeeting(viewer: Viewer | null, group: GroupScope): boolean {
  return canEditGroup(viewer, group);
}

/**
 * One meeting's details, agenda, call and minutes: those who may change its group, and the secretary
 * named for the meeting (an account, who may be a plain member) while they are still a member of the
 * group: a secretary who has left the group loses the meeting with it.
 */
export function canEditMeeting(
  viewer: Viewer | null,
  meeting: { groupId: number; group: GroupScope; secretaryPersonId: number | null },
): boolean {
  if (viewer === null) return false;
  return (
    canEditGroup(viewer, meeting.group) ||
    (viewer.personId === meeting.secretaryPersonId && viewer.groupIds.includes(meeting.groupId))
  );
}

/**
 * A meeting's internal items and draft minutes (and an internal meeting at all): the group's members and
 * the coordinators (canViewGroupInternals), and whoever may edit the meeting.
 */
export function canSeeMeetingInternals(
  viewer: Viewer | null,
  meeting: { groupId: number; group: GroupScope; secretaryPersonId: number | null },
): boolean {
  return canViewGroupInternals(viewer, meeting.groupId) || canEditMeeting(viewer, meeting);
}

/** Approving (justera) minutes marked ready: each adjuster chosen for the meeting, signed in, for themselves. */
export function canApproveMinutes(viewer: Viewer | null, adjusterPersonIds: number[]): boolean {
  return viewer !== null && adjusterPersonIds.includes(viewer.personId);
}

/**
 * Following up an action (status and a short update): those who may edit the meeting it came from, the
 * group's members, and the person who owns it.
 */
export function canFollowUpAction(
  viewer: Viewer | null,
  action: {
    groupId: number;
    group: GroupScope;
    secretaryPersonId: number | null;
    ownerPersonId: number | null;
  },
): boolean {
  if (viewer === null) return false;
  return (
    canEditMeeting(viewer, action) ||
    viewer.groupIds.includes(action.groupId) ||
    viewer.personId === action.ownerPersonId
  );
}

/** Every group's overdue actions in one list: the coordinators, who run the collaboration. */
export function canSeeAllOverdueActions(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}

/** A personal calendar feed (make, replace, revoke): anyone signed in, for themselves. */
export function canManageCalendarFeed(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/**
 * The goal follow-up (issue 11): targets per year, entered values with their source, and the annual report
 * to Högskolerådet (drafts, publishing). The coordinators, who report to the council.
 */
export function canFollowUpGoals(viewer: Viewer | null): boolean {
  return isCoordinator(viewer);
}
