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

/** Mina uppgifter: anyone signed in, about themselves only. */
export function canManageOwnDetails(viewer: Viewer | null): boolean {
  return viewer !== null;
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
