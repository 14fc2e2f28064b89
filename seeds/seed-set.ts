import type { ActivityKind } from '../src/features/activities/activities.table.ts';
import type { AgreementKind } from '../src/features/agreements/agreements.table.ts';
import type { GroupKind, GroupSiteRole, MemberRole } from '../src/features/groups/groups.table.ts';
import type { OrganisationKind } from '../src/features/organisations/organisations.table.ts';

/** A set of register facts, with references by slug, that `applySeedSet` writes idempotently. */
export type SeedSet = {
  organisations: {
    slug: string;
    name: string;
    shortName?: string;
    kind: OrganisationKind;
    parent?: string;
    description?: string;
    website?: string;
  }[];
  focusAreas: { slug: string; name: string; description?: string }[];
  agreements: {
    slug: string;
    title: string;
    kind: AgreementKind;
    diarienummer?: string;
    signedOn?: string;
    validFrom?: string;
    validTo?: string;
    description?: string;
    parties: string[];
    focusAreas?: string[];
  }[];
  goals: { slug: string; position: number; shortTitle: string; statement: string }[];
  groups: {
    slug: string;
    name: string;
    kind: GroupKind;
    agreement?: string;
    organisation?: string;
    description?: string;
    /** The site's page for it (the council, the foundation's network): see groupSiteRoles. */
    siteRole?: GroupSiteRole;
  }[];
  /** Seats, possibly in a group that another set created (demo members of a source working group). */
  members: {
    group: string;
    organisation?: string;
    role: MemberRole;
    seat?: string;
    person?: string;
    position?: number;
  }[];
  activities: {
    slug: string;
    title: string;
    kind: ActivityKind;
    description?: string;
    startsOn?: string;
    endsOn?: string;
    agreement?: string;
    organisations: string[];
    focusAreas?: string[];
    goals?: string[];
  }[];
  pages: {
    slug: string;
    path: string;
    title: string;
    body: string;
    updatedOn: string;
    owner?: string;
  }[];
};
