import type { ActivityKind } from '../src/features/activities/activities.table.ts';
import type { AgreementKind } from '../src/features/agreements/agreements.table.ts';
import type { GroupKind, GroupSiteRole, MemberRole } from '../src/features/groups/groups.table.ts';
import type {
  BriefKind,
  BriefResponderRole,
  BriefResponseStatus,
} from '../src/features/needs/needs.table.ts';
import type { OrganisationKind } from '../src/features/organisations/organisations.table.ts';
import type { PlacementKind, PlacementRequestStatus } from '../src/features/placements/placements.table.ts';

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
    /** For a research, ULF or thesis project: since when its results are used (the goal follow-up). */
    outcomesUsedOn?: string;
  }[];
  pages: {
    slug: string;
    path: string;
    title: string;
    body: string;
    updatedOn: string;
    owner?: string;
  }[];
  /** Placement capacity (issue 9): `key` names the offer for the seed's marks and the requests. */
  placementOffers?: {
    key: string;
    unit: string;
    term: string;
    kind: PlacementKind;
    programme: string;
    studyLevel?: string;
    places: number;
    supervisors?: number;
    startsOn?: string;
    endsOn?: string;
    address?: string;
    area?: string;
    prerequisites?: string;
    description?: string;
  }[];
  /** An institution's list of needs that units can answer. */
  placementNeeds?: {
    key: string;
    university: string;
    term: string;
    kind: PlacementKind;
    programme: string;
    studyLevel?: string;
    students: number;
    weeks?: string;
    startsOn?: string;
    endsOn?: string;
    area?: string;
    description?: string;
  }[];
  /** Requests for places on an offer; confirmed and completed ones add to the offer's confirmed places. */
  placementRequests?: {
    key: string;
    offer: string;
    university: string;
    places: number;
    status: PlacementRequestStatus;
    need?: string;
    message?: string;
    reason?: string;
    preference?: number;
  }[];
  /** Briefs in the needs bank; `publishedAt` an ISO instant (absent: a draft). */
  briefs?: {
    slug: string;
    kind: BriefKind;
    title: string;
    organisation: string;
    background?: string;
    question: string;
    intendedUse: string;
    beneficiaries?: string;
    offering?: string;
    contactName?: string;
    deadline?: string;
    publishedAt?: string;
    visibility?: 'public' | 'internal';
    internalReason?: string;
    focusAreas?: string[];
    goals?: string[];
    institutions?: string[];
  }[];
  /** Answers to briefs; an accepted one may name the activity it became. */
  briefResponses?: {
    key: string;
    brief: string;
    name: string;
    email: string;
    role?: BriefResponderRole;
    institution?: string;
    programme?: string;
    approach: string;
    timing?: string;
    status: BriefResponseStatus;
    activity?: string;
    /**
     * When an accepted or completed answer was accepted (an ISO instant). Without it, three days after its
     * brief was published: the goal follow-up counts accepted answers by this day.
     */
    acceptedAt?: string;
  }[];
};
