import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../src/features/accounts/accounts.table.ts';
import { activities, activityOrganisations } from '../src/features/activities/activities.table.ts';
import { agreementParties, agreements, focusAreas } from '../src/features/agreements/agreements.table.ts';
import {
  canChooseParty,
  canDeleteAgreement,
  canEditAgreement,
  type Viewer,
} from '../src/features/auth/permissions.ts';
import { documentContents, documents } from '../src/features/documents/documents.table.ts';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { annualReports, indicators } from '../src/features/goals/goals.table.ts';
import { groupMembers, groups } from '../src/features/groups/groups.table.ts';
import { agendaItems, meetingParticipants, meetings } from '../src/features/meetings/meetings.table.ts';
import { briefResponses, briefs } from '../src/features/needs/needs.table.ts';
import { organisations } from '../src/features/organisations/organisations.table.ts';
import { pages } from '../src/features/pages/pages.table.ts';
import {
  placementNeeds,
  placementOffers,
  placementRequests,
} from '../src/features/placements/placements.table.ts';
import { proposeTerm } from '../src/features/placements/term-proposal.ts';
import { proposals } from '../src/features/proposals/proposals.table.ts';
import { recordHistory } from '../src/features/register/register.table.ts';
import { registerImports } from '../src/features/transfer/transfer.table.ts';
import { createPerson, sessionCookieFor } from './people.ts';
import { PUBLIC_PAGES } from './public-pages.ts';
import { isMiddlewareEntry, OPEN_ROUTES } from './route-catalogue.ts';
import { createTestApp, formPost, uploadPost } from './test-app.ts';

/**
 * The authorisation table (QUALITY.md, issue 3): every protected route × every role × own/other
 * organisation × signed out, with the answer each must get. A route the app has that is neither here
 * nor in OPEN_ROUTES fails the first test, so a new route cannot ship without a line in this table.
 *
 * Everyone signed in belongs to the working group for Södertörns högskola ("own" group) and not to the
 * one for Karolinska Institutet ("other"); the member and the editor belong to barn- och
 * utbildningsförvaltningen ("own" organisation), not to gymnasie- och arbetsmarknadsförvaltningen.
 */
/**
 * `placement_coordinator`: a university's placement coordinator (at Södertörns högskola, in the own group
 * like everyone). Where an entry names no rule for them they are refused and allowed exactly as a member;
 * for the placement routes "own" means a record of their own institution.
 */
const ROLES = ['member', 'editor', 'coordinator', 'administrator', 'placement_coordinator'] as const;
type Role = (typeof ROLES)[number];
type BaseRole = Exclude<Role, 'placement_coordinator'>;
type Who = Role | 'signed out';
/** `seat`: a group of the other organisation in which the own organisation holds a seat. */
type Target = 'own' | 'other' | 'any' | 'seat';

const OWN_ORGANISATION = 'barn-och-utbildningsforvaltningen';
const OTHER_ORGANISATION = 'gymnasie-och-arbetsmarknadsforvaltningen';
const OWN_GROUP = 'arbetsgrupp-sodertorns-hogskola';
/** The placement coordinator's institution ("own" for them), and one that is not theirs. */
const OWN_INSTITUTION = 'sodertorns-hogskola';
const OTHER_INSTITUTION = 'karolinska-institutet';
const OTHER_GROUP = 'arbetsgrupp-karolinska-institutet';

type Request = {
  path: string;
  form?: Record<string, string>;
  /** A file sent as multipart/form-data (with `form` as its other fields). */
  upload?: { field: string; name: string; bytes: string };
};

type Entry = {
  /** Which targets each role may reach; signed out may reach none. A placement coordinator: as a member unless named. */
  allowed: Record<BaseRole, Target[]> & { placement_coordinator?: Target[] };
  /** The targets this route has: own/other where an organisation or group decides, else any. */
  targets: Target[];
  /** The status when allowed. */
  ok: number;
  /** The request for one target (as `who`); may create what it needs (a fresh person to disable, …). */
  request: (target: Target, who: Who) => Promise<Request>;
};

const everyone: Record<BaseRole, Target[]> = {
  member: ['any'],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
};
const administratorsOnly = (targets: Target[]): Record<BaseRole, Target[]> => ({
  member: [],
  editor: [],
  coordinator: [],
  administrator: targets,
});
const feedbackViewers: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['any', 'own'],
  coordinator: ['any', 'own', 'other'],
  administrator: ['any', 'own', 'other'],
};

let subject: Awaited<ReturnType<typeof createTestApp>>;
const cookies = {} as Record<Role, string>;
const personIds = {} as Record<Role, number>;
const ids = { own: 0, other: 0, ownInstitution: 0, otherInstitution: 0 };

const db = () => subject.deps.db;

async function organisationId(slug: string): Promise<number> {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function groupId(slug: string): Promise<number> {
  const [row] = await db().select().from(groups).where(eq(groups.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
/** A person in the own or the other organisation, for the admin pages about one person. */
async function personIn(target: Target): Promise<number> {
  return createPerson(db(), {
    name: `Berörd ${target}`,
    roles: { [target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION]: 'member' },
    groups: [OWN_GROUP],
  });
}
/** A feedback answer on a page the own or the other organisation owns. */
async function feedbackOn(target: Target): Promise<string> {
  const slug = target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION;
  const [row] = await db()
    .insert(pageFeedback)
    .values({ pagePath: `/organisationer/${slug}`, helpful: false, comment: 'Saknar kontaktuppgifter' })
    .returning({ id: pageFeedback.id });
  return row!.id;
}

const ownOrOther: Target[] = ['own', 'other'];

/** A proposal: its proposer ("own": the persona asking) and the coordinators; only they decide. */
const proposalReaders: Record<BaseRole, Target[]> = {
  member: ['own'],
  editor: ['own'],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};
const proposalReviewers: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['any'],
  administrator: ['any'],
};
let proposalCount = 0;
/** A waiting proposal, made by the persona asking (`own`; signed out: the member's) or someone else. */
async function proposalFor(target: Target, who: Who): Promise<number> {
  proposalCount += 1;
  const proposerPersonId =
    target === 'own'
      ? personIds[who === 'signed out' ? 'member' : who]
      : await createPerson(db(), { name: 'Föreslår Någon' });
  const [row] = await db()
    .insert(proposals)
    .values({
      title: `Förslag ${proposalCount}`,
      universityId: await organisationId('sodertorns-hogskola'),
      organisationId: ids.own,
      contactName: 'Kontakt Person',
      contactEmail: 'kontakt@example.se',
      proposerPersonId,
    })
    .returning({ id: proposals.id });
  return row!.id;
}
/** A fresh activity to merge a proposal into. */
async function activityToMergeInto(): Promise<number> {
  proposalCount += 1;
  const [row] = await db()
    .insert(activities)
    .values({
      slug: `sammanslagning-${proposalCount}`,
      title: `Sammanslagning ${proposalCount}`,
      kind: 'event',
    })
    .returning({ id: activities.id });
  return row!.id;
}

/** Editors: their own organisation and what is under it; coordinators and administrators everything. */
const registerEditors: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['own'],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};
/** The whole register at once (export, import): coordinators and administrators. */
const registerKeepers: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['any'],
  administrator: ['any'],
};
/** An import of one new unit, checked and waiting (or, `applied`, applied with nothing left to undo). */
async function pendingImport(applied = false): Promise<string> {
  const [row] = await db()
    .insert(registerImports)
    .values({
      kind: 'organisationer',
      fileName: 'enheter.csv',
      createdBy: (await db().select({ id: people.id }).from(people).limit(1))[0]!.id,
      rows: [
        {
          line: 2,
          outcome: 'created',
          slug: null,
          label: 'Importerad enhet',
          values: {
            name: `Importerad enhet ${Math.random()}`,
            shortName: null,
            kind: 'unit',
            parentId: ids.own,
            website: null,
            description: '',
          },
        },
      ],
      ...(applied ? { appliedAt: new Date(), effects: [] } : {}),
    })
    .returning({ id: registerImports.id });
  return row!.id;
}
const coordinatorsOnly: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};
/** The goal follow-up's targets and entered values: the coordinators (canFollowUpGoals). */
const goalFollowers: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['any'],
  administrator: ['any'],
};
/** Placement offers: as the register's editors; a placement coordinator changes none (see placementOfferAt). */
const placementOfferEditors: Entry['allowed'] = { ...registerEditors, placement_coordinator: [] };

let units = 0;
/**
 * A fresh unit under the own or the other organisation, with its first version in the history, so each
 * request edits, deletes or restores an organisation of its own.
 */
async function unitUnder(target: Target): Promise<{ slug: string; id: number; parentId: number }> {
  units += 1;
  const parentId = await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION);
  const values = { name: `Enhet ${units}`, kind: 'unit' as const, parentId };
  const [row] = await db()
    .insert(organisations)
    .values({ slug: `enhet-${units}`, ...values })
    .returning({ id: organisations.id, slug: organisations.slug });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'organisation',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: { ...values, shortName: null, website: null, description: '' },
    });
  return { ...row!, parentId };
}
const unitForm = (name: string, parentId: number) => ({
  name,
  shortName: '',
  kind: 'unit',
  parentId: String(parentId),
  website: '',
  description: '',
});

/** Groups: own, other, and one of the other organisation where the own organisation holds a seat. */
const ownOtherSeat: Target[] = ['own', 'other', 'seat'];
/** Changing a group: an editor the groups of their organisation and those it holds a seat in. */
const groupEditors: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['own', 'seat'],
  coordinator: ownOtherSeat,
  administrator: ownOtherSeat,
};
/** Deleting a group: a seat is not enough, the group must be the editor's organisation's. */
const groupOwners: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['own'],
  coordinator: ownOtherSeat,
  administrator: ownOtherSeat,
};
const groupRestorers: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ownOtherSeat,
  administrator: ownOtherSeat,
};
const groupAdders: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
};

let freshGroups = 0;
/**
 * A fresh group for one request, with one seat and its first version in the history: `own` belongs to the
 * own organisation, `other` and `seat` to the other one; the seat is the own organisation's in `seat`,
 * else the other's.
 */
async function groupFor(target: Target): Promise<{ slug: string; seatId: number }> {
  freshGroups += 1;
  const values = {
    kind: 'working_group' as const,
    name: `Grupp ${freshGroups}`,
    description: '',
    agreementId: null,
    organisationId: target === 'own' ? ids.own : ids.other,
    visibility: 'public' as const,
    internalReason: null,
    siteRole: null,
  };
  const [row] = await db()
    .insert(groups)
    .values({ slug: `grupp-${freshGroups}`, ...values })
    .returning({ id: groups.id, slug: groups.slug });
  const seat = {
    role: 'member' as const,
    organisationId: target === 'seat' ? ids.own : ids.other,
    seatDescription: null,
    personName: 'Sittande Ledamot',
    fromOn: null,
    toOn: null,
    position: 1,
  };
  const [seatRow] = await db()
    .insert(groupMembers)
    .values({ groupId: row!.id, ...seat })
    .returning({ id: groupMembers.id });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'group',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: { ...values, members: [{ id: seatRow!.id, ...seat }] },
    });
  return { slug: row!.slug, seatId: seatRow!.id };
}
/**
 * A fresh meeting (issue 10) of a fresh group (as groupFor), planned after the test clock's day, with one
 * agenda item and one guest: for the meeting workspace routes, which follow the group's editors (its
 * members none: a fresh group has none).
 */
async function meetingFor(target: Target): Promise<{ id: number; itemId: number; guestId: number }> {
  const group = await groupFor(target);
  const [found] = await db().select({ id: groups.id }).from(groups).where(eq(groups.slug, group.slug));
  const [meeting] = await db()
    .insert(meetings)
    .values({
      groupId: found!.id,
      title: `Möte i ${group.slug}`,
      startsAt: new Date('2026-12-10T09:00:00Z'),
      endsAt: new Date('2026-12-10T11:00:00Z'),
      place: 'Kommunhuset',
    })
    .returning({ id: meetings.id });
  const [item] = await db()
    .insert(agendaItems)
    .values({ meetingId: meeting!.id, position: 1, title: 'Ärende' })
    .returning({ id: agendaItems.id });
  const [guest] = await db()
    .insert(meetingParticipants)
    .values({ meetingId: meeting!.id, kind: 'guest', name: 'Gäst', email: 'gast@example.se' })
    .returning({ id: meetingParticipants.id });
  return { id: meeting!.id, itemId: item!.id, guestId: guest!.id };
}
const meetingForm = (version?: string) => ({
  title: 'Möte',
  date: '2026-12-11',
  startTime: '10:00',
  endTime: '11:00',
  place: 'Kommunhuset',
  videoUrl: '',
  secretaryPersonId: '',
  visibility: 'public',
  internalReason: '',
  ...(version ? { status: 'planned', cancelledReason: '', version } : {}),
});
const agendaItemForm = (version?: string) => ({
  title: 'Nytt ärende',
  presenter: '',
  startTime: '',
  proposedDecision: '',
  agreementId: '',
  visibility: 'public',
  internalReason: '',
  ...(version ? { version } : {}),
});
/**
 * Minutes and actions (issue 10): a fresh meeting (meetingFor) with its minutes in the given state; for
 * approval, the adjuster is the persona asking ("own") or someone else ("other").
 */
async function minutesMeetingFor(
  target: Target,
  minutesStatus: 'ready' | 'approved',
  adjuster?: number,
): Promise<{ id: number; itemId: number }> {
  const { meetingAdjusters } = await import('../src/features/meetings/meetings.table.ts');
  const meeting = await meetingFor(target === 'other' && adjuster !== undefined ? 'own' : target);
  await db()
    .update(meetings)
    .set({ minutesStatus, status: 'held', adjustmentDueOn: '2026-12-11' })
    .where(eq(meetings.id, meeting.id));
  if (adjuster !== undefined)
    await db().insert(meetingAdjusters).values({ meetingId: meeting.id, personId: adjuster });
  return meeting;
}
async function adjusterFor(target: Target, who: Who): Promise<number> {
  return target === 'own'
    ? personIds[who === 'signed out' ? 'member' : who]
    : createPerson(db(), { name: 'Annan justerare' });
}
async function actionFor(target: Target): Promise<number> {
  const { meetingActions } = await import('../src/features/meetings/meetings.table.ts');
  const meeting = await meetingFor(target);
  const [row] = await db()
    .select({ groupId: meetings.groupId })
    .from(meetings)
    .where(eq(meetings.id, meeting.id));
  const [action] = await db()
    .insert(meetingActions)
    .values({
      groupId: row!.groupId,
      meetingId: meeting.id,
      agendaItemId: meeting.itemId,
      title: 'Uppdrag',
      dueOn: '2026-11-01',
    })
    .returning({ id: meetingActions.id });
  return action!.id;
}
const adjusterOnly: Record<BaseRole, Target[]> = {
  member: ['own'],
  editor: ['own'],
  coordinator: ['own'],
  administrator: ['own'],
};
/** A group's fields as an editor's form sends them (the coordinator's form adds the site role). */
const groupForm = (name: string, organisationId: number) => ({
  kind: 'working_group',
  name,
  description: '',
  agreementId: '',
  organisationId: String(organisationId),
  visibility: 'public',
  internalReason: '',
});
const seatForm = (personName: string) => ({
  personName,
  seatDescription: '',
  role: 'member',
  organisationId: '',
  fromOn: '',
  toOn: '',
  position: '',
  version: '1',
});

/** Adding an activity: the form opens for editors and coordinators; saving needs an own organisation. */
const activityAdders: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
};
/** The public text pages: the coordinator (and the administrator, who may do all a coordinator may). */
const pageEditors: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['any'],
  administrator: ['any'],
};

let freshActivities = 0;
/**
 * A fresh activity linked to the own or the other organisation, with its first version in the history, so
 * each request edits, deletes or restores an activity of its own.
 */
async function activityFor(target: Target): Promise<{ slug: string; organisationId: number }> {
  freshActivities += 1;
  const organisationId = target === 'other' ? ids.other : ids.own;
  const values = {
    kind: 'event' as const,
    title: `Aktivitet ${freshActivities}`,
    startsOn: null,
    endsOn: null,
    agreementId: null,
    description: '',
    outcomes: '',
    visibility: 'public' as const,
    internalReason: null,
  };
  const [row] = await db()
    .insert(activities)
    .values({ slug: `aktivitet-${freshActivities}`, ...values })
    .returning({ id: activities.id, slug: activities.slug });
  await db().insert(activityOrganisations).values({ activityId: row!.id, organisationId });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'activity',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: { ...values, organisationIds: [organisationId], focusAreaIds: [], goalIds: [] },
    });
  return { slug: row!.slug, organisationId };
}
const activityForm = (title: string, organisationId: number) => ({
  kind: 'event',
  title,
  startsOn: '',
  endsOn: '',
  organisation1: String(organisationId),
  agreementId: '',
  description: '',
  outcomes: '',
  visibility: 'public',
  internalReason: '',
});

/** The text page the table edits, as it is now (each allowed save moves its version on). */
const TEXT_PAGE = 'personuppgifter';
async function textPage() {
  const [row] = await db().select().from(pages).where(eq(pages.slug, TEXT_PAGE));
  if (!row) throw new Error(TEXT_PAGE);
  return row;
}
/** A version of the text page with its history entry, for a restore to bring back. */
async function textPageVersion(): Promise<number> {
  const page = await textPage();
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'page',
      recordId: page.id,
      version: page.version,
      action: 'changed',
      changes: {},
      snapshot: { title: page.title, body: page.body },
    });
  return page.version;
}

/** A new agreement: coordinators, and editors (with a party of their own, checked per target below). */
const agreementAdders: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
};
/** The focus areas: the coordinator (and administrators) only. */
const focusAreaKeepers: Record<BaseRole, Target[]> = {
  member: [],
  editor: [],
  coordinator: ['any'],
  administrator: ['any'],
};

let freshAgreements = 0;
/**
 * A fresh agreement between the own or the other organisation and Södertörns högskola, with its first
 * version in the history, so each request edits, deletes or restores an agreement of its own.
 */
async function agreementFor(target: Target): Promise<string> {
  freshAgreements += 1;
  const party = target === 'other' ? ids.other : ids.own;
  const university = await organisationId('sodertorns-hogskola');
  const values = {
    kind: 'collaboration' as const,
    title: `Avtal ${freshAgreements}`,
    diarienummer: null,
    signedOn: null,
    validFrom: null,
    validTo: null,
    description: '',
    visibility: 'public' as const,
    internalReason: null,
  };
  const [row] = await db()
    .insert(agreements)
    .values({ slug: `avtal-${freshAgreements}`, ...values })
    .returning({ id: agreements.id, slug: agreements.slug });
  await db()
    .insert(agreementParties)
    .values([party, university].map((organisationId) => ({ agreementId: row!.id, organisationId })));
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'agreement',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: {
        ...values,
        parties: [party, university].sort((a, b) => a - b),
        focusAreas: [],
        contacts: [],
      },
    });
  return row!.slug;
}
/** A small whole PDF, as text (the upload's bytes). */
const TINY_PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A document on a fresh agreement of the own or the other organisation, with its first history row. */
async function documentFor(target: Target): Promise<number> {
  const [agreement] = await db()
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.slug, await agreementFor(target)));
  const values = {
    title: 'Avtalet',
    kind: 'agreement' as const,
    visibility: 'public' as const,
    internalReason: null,
  };
  const [row] = await db()
    .insert(documents)
    .values({
      ...values,
      agreementId: agreement!.id,
      fileName: 'avtalet.pdf',
      byteSize: TINY_PDF.length,
      sha256: 'x',
    })
    .returning({ id: documents.id });
  await db()
    .insert(documentContents)
    .values({ documentId: row!.id, bytes: Buffer.from(TINY_PDF) });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'document',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: { ...values, fileName: 'avtalet.pdf', byteSize: TINY_PDF.length },
    });
  return row!.id;
}
const documentForm = { title: 'Bilagan', kind: 'appendix', visibility: 'public', internalReason: '' };

/** An agreement's form naming the own or the other organisation and Södertörns högskola as parties. */
async function agreementForm(title: string, target: Target) {
  return {
    kind: 'collaboration',
    title,
    diarienummer: '',
    signedOn: '',
    validFrom: '',
    validTo: '',
    description: '',
    visibility: 'public',
    internalReason: '',
    party1: String(target === 'other' ? ids.other : ids.own),
    party2: String(await organisationId('sodertorns-hogskola')),
  };
}

/** An indicator's version now, so an allowed save is a save (303), not one from an old version (409). */
async function indicatorVersion(slug: string): Promise<string> {
  const [row] = await db()
    .select({ version: indicators.version })
    .from(indicators)
    .where(eq(indicators.slug, slug));
  if (!row) throw new Error(slug);
  return String(row.version);
}

/** A fresh draft annual report for a past year (any earlier report for it removed): its year. */
async function freshAnnualReportDraft(year: number): Promise<number> {
  await db().delete(annualReports).where(eq(annualReports.year, year));
  await db().insert(annualReports).values({ year, summary: 'Utkast' });
  return year;
}

let freshAreas = 0;
/** A fresh focus area with its first version in the history. */
async function focusAreaFor(): Promise<string> {
  freshAreas += 1;
  const values = { name: `Område ${freshAreas}`, description: '' };
  const [row] = await db()
    .insert(focusAreas)
    .values({ slug: `omrade-${freshAreas}`, ...values })
    .returning({ id: focusAreas.id, slug: focusAreas.slug });
  await db().insert(recordHistory).values({
    recordType: 'focus_area',
    recordId: row!.id,
    version: 1,
    action: 'created',
    changes: {},
    snapshot: values,
  });
  return row!.slug;
}

/**
 * The needs bank's briefs (issue 9, item 5): an editor those of their organisation, a placement
 * coordinator the competence development their institution offers, the coordinator all.
 */
const briefEditors: Record<BaseRole, Target[]> & { placement_coordinator: Target[] } = {
  member: [],
  editor: ['own'],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
  placement_coordinator: ['own'],
};
const briefAdders: Record<BaseRole, Target[]> & { placement_coordinator: Target[] } = {
  member: [],
  editor: ['any'],
  coordinator: ['any'],
  administrator: ['any'],
  placement_coordinator: ['any'],
};
let freshBriefs = 0;
/**
 * What a brief of the target is for the persona asking: for a placement coordinator competence
 * development offered by their own institution or another; for everyone else a research question of the
 * own or the other organisation.
 */
function briefOwner(target: Target, who: Who) {
  if (who === 'placement_coordinator')
    return {
      kind: 'staff_development' as const,
      organisationId: target === 'other' ? ids.otherInstitution : ids.ownInstitution,
    };
  return { kind: 'research_question' as const, organisationId: target === 'other' ? ids.other : ids.own };
}
/** A fresh published brief with its first version in the history, so each request has one of its own. */
async function briefFor(target: Target, who: Who): Promise<{ slug: string; organisationId: number }> {
  freshBriefs += 1;
  const owner = briefOwner(target, who);
  const values = {
    ...owner,
    title: `Behov ${freshBriefs}`,
    background: '',
    question: 'Hur kan vi göra läxhjälpen bättre för eleverna?',
    intendedUse: 'Underlag för nämndens beslut om läxhjälpen.',
    beneficiaries: '',
    offering: '',
    contactName: '',
    contactEmail: null,
    deadline: null,
    visibility: 'public' as const,
    internalReason: null,
  };
  const [row] = await db()
    .insert(briefs)
    .values({ slug: `behov-${freshBriefs}`, ...values, publishedAt: new Date() })
    .returning({ id: briefs.id, slug: briefs.slug });
  await db()
    .insert(recordHistory)
    .values({
      recordType: 'brief',
      recordId: row!.id,
      version: 1,
      action: 'created',
      changes: {},
      snapshot: {
        ...values,
        published: true,
        closed: false,
        focusAreaIds: [],
        goalIds: [],
        institutionIds: [],
      },
    });
  return { slug: row!.slug, organisationId: owner.organisationId };
}
const briefForm = (title: string, owner: { kind: string; organisationId: number }) => ({
  kind: owner.kind,
  title,
  organisationId: String(owner.organisationId),
  background: '',
  question: 'Hur kan vi göra läxhjälpen bättre för eleverna?',
  intendedUse: 'Underlag för nämndens beslut om läxhjälpen.',
  beneficiaries: '',
  offering: '',
  contactName: '',
  contactEmail: '',
  deadline: '',
  visibility: 'public',
  internalReason: '',
  published: 'ja',
  closed: '',
});

/** An answer to a brief (issue 9, item 6): its responder, and the brief's owner side (as briefEditors). */
const briefAnswerReaders: Record<BaseRole, Target[]> = {
  member: ['own'],
  editor: ['own', 'other'],
  coordinator: ['own', 'other'],
  administrator: ['own', 'other'],
};
/** Moving an answer on: the owner side of its brief only ("own": a brief of the own organisation). */
const briefAnswerMovers: Record<BaseRole, Target[]> = {
  member: [],
  editor: ['own'],
  coordinator: ownOrOther,
  administrator: ownOrOther,
};
/**
 * A fresh answer, inskickad, to a fresh brief of the own or the other organisation, by `responderId`
 * (a fresh person when not given).
 */
async function briefAnswerTo(briefTarget: Target, responderId?: number): Promise<number> {
  const brief = await briefFor(briefTarget, 'member');
  const [found] = await db().select({ id: briefs.id }).from(briefs).where(eq(briefs.slug, brief.slug));
  const [row] = await db()
    .insert(briefResponses)
    .values({
      briefId: found!.id,
      responderPersonId: responderId ?? (await createPerson(db(), { name: 'Svarar Någon' })),
      name: 'Svarar Någon',
      email: 'svarar@example.se',
      institutionId: ids.ownInstitution,
      approach: 'Intervjuer med lärare och elever under en termin.',
    })
    .returning({ id: briefResponses.id });
  return row!.id;
}
/** A fresh brief of the other organisation, published before the test clock's day, to answer. */
async function answerableBrief(): Promise<string> {
  const { slug } = await briefFor('other', 'member');
  await db()
    .update(briefs)
    .set({ publishedAt: new Date('2026-11-01T09:00:00Z') })
    .where(eq(briefs.slug, slug));
  return slug;
}
/** An answer as the form sends it. */
const briefAnswerForm = () => ({
  name: 'Svarar Någon',
  email: 'svarar@example.se',
  role: 'researcher',
  institutionId: String(ids.ownInstitution),
  otherInstitution: '',
  programme: '',
  approach: 'Intervjuer med lärare och elever under en termin.',
  timing: '',
  startsOn: '',
  endsOn: '',
});

const PROTECTED_ROUTES: Record<string, Entry> = {
  'GET /behovsbanken/ny': {
    allowed: briefAdders,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/behovsbanken/ny' }),
  },
  'POST /behovsbanken/ny': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => ({
      path: '/behovsbanken/ny',
      form: briefForm(`Nytt behov ${Math.random()}`, briefOwner(target, who)),
    }),
  },
  'GET /behovsbanken/:slug/andra': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({
      path: `/behovsbanken/${(await briefFor(target, who)).slug}/andra`,
    }),
  },
  'POST /behovsbanken/:slug/andra': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => {
      const brief = await briefFor(target, who);
      return {
        path: `/behovsbanken/${brief.slug}/andra`,
        form: { ...briefForm('Omdöpt behov', briefOwner(target, who)), version: '1' },
      };
    },
  },
  'GET /behovsbanken/:slug/ta-bort': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({
      path: `/behovsbanken/${(await briefFor(target, who)).slug}/ta-bort`,
    }),
  },
  'POST /behovsbanken/:slug/ta-bort': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => ({
      path: `/behovsbanken/${(await briefFor(target, who)).slug}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /behovsbanken/:slug/historik': {
    allowed: briefEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({
      path: `/behovsbanken/${(await briefFor(target, who)).slug}/historik`,
    }),
  },
  'POST /behovsbanken/:slug/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => ({
      path: `/behovsbanken/${(await briefFor(target, who)).slug}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /behovsbanken/:slug/svara': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/behovsbanken/${await answerableBrief()}/svara` }),
  },
  'POST /behovsbanken/:slug/svara': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: `/behovsbanken/${await answerableBrief()}/svara`,
      form: briefAnswerForm(),
    }),
  },
  // "own": the persona's own answer (to a brief of the other organisation); "other": someone else's
  // answer to a brief of the own organisation, which its editors review.
  'GET /behovsbanken/svar/:id': {
    allowed: briefAnswerReaders,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({
      path: `/behovsbanken/svar/${
        target === 'own'
          ? await briefAnswerTo('other', personIds[who === 'signed out' ? 'member' : who])
          : await briefAnswerTo('own')
      }`,
    }),
  },
  'POST /behovsbanken/svar/:id/status': {
    allowed: briefAnswerMovers,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/behovsbanken/svar/${await briefAnswerTo(target)}/status`,
      form: { status: 'in_review', reason: '', version: '1' },
    }),
  },
  'GET /mina-uppgifter': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter' }),
  },
  'POST /mina-uppgifter': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/mina-uppgifter',
      form: { name: 'Ny Namnsson', email: 'ny@example.se', keywords: 'skola, forskning', language: 'sv' },
    }),
  },
  'GET /mina-uppgifter/export': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/export' }),
  },
  'GET /mina-uppgifter/radera': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/radera' }),
  },
  // One's own calendar feed (issue 10): anyone signed in, for themselves only (canManageCalendarFeed).
  'GET /konto/kalender': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/konto/kalender' }),
  },
  'POST /konto/kalender': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: '/konto/kalender', form: { action: 'revoke' } }),
  },
  // Ending one's own sessions or erasing oneself is run with a throwaway session: see `requestAs`.
  'POST /mina-uppgifter/logga-ut-overallt': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: '/mina-uppgifter/logga-ut-overallt', form: {} }),
  },
  'POST /mina-uppgifter/radera': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mina-uppgifter/radera', form: { bekrafta: 'ja' } }),
  },
  'GET /admin': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin' }),
  },
  'GET /admin/bjud-in': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin/bjud-in' }),
  },
  'POST /admin/bjud-in': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/admin/bjud-in',
      form: {
        name: 'Inbjuden Person',
        email: `inbjuden-${Math.random().toString(36).slice(2)}@example.se`,
        organisationId: String(
          await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION),
        ),
        role: 'member',
      },
    }),
  },
  'GET /admin/logg': {
    allowed: administratorsOnly(['any']),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/admin/logg' }),
  },
  'GET /admin/personer/:id': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}` }),
  },
  'POST /admin/personer/:id/medlemskap': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/medlemskap`,
      form: { organisationId: String(await organisationId('sodertorns-hogskola')), role: 'editor' },
    }),
  },
  'POST /admin/personer/:id/medlemskap/:organisationId/ta-bort': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const slug = target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION;
      return {
        path: `/admin/personer/${await personIn(target)}/medlemskap/${await organisationId(slug)}/ta-bort`,
        form: {},
      };
    },
  },
  'POST /admin/personer/:id/grupper': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/grupper`,
      form: { groupId: String(await groupId(OTHER_GROUP)) },
    }),
  },
  'POST /admin/personer/:id/grupper/:groupId/ta-bort': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/admin/personer/${await personIn(target)}/grupper/${await groupId(OWN_GROUP)}/ta-bort`,
      form: {},
    }),
  },
  'POST /admin/personer/:id/stang-av': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}/stang-av`, form: {} }),
  },
  'POST /admin/personer/:id/aktivera': {
    allowed: administratorsOnly(ownOrOther),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({ path: `/admin/personer/${await personIn(target)}/aktivera`, form: {} }),
  },
  'GET /grupper/ny': {
    allowed: groupAdders,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/grupper/ny' }),
  },
  'POST /grupper/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/grupper/ny',
      form: groupForm(`Ny grupp ${Math.random()}`, target === 'other' ? ids.other : ids.own),
    }),
  },
  // Meetings in the workspace (issue 10): those who may change the group, and the meeting's secretary.
  'GET /grupper/:slug/moten/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${(await groupFor(target)).slug}/moten/nytt` }),
  },
  'POST /grupper/:slug/moten/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/grupper/${(await groupFor(target)).slug}/moten/nytt`,
      form: meetingForm(),
    }),
  },
  'GET /moten/:id/arbetsyta': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/arbetsyta` }),
  },
  'GET /moten/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/andra` }),
  },
  'POST /moten/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/andra`,
      form: meetingForm('1'),
    }),
  },
  'GET /moten/:id/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/ta-bort` }),
  },
  'POST /moten/:id/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /moten/:id/historik': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/historik` }),
  },
  'GET /moten/:id/gaster': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/gaster` }),
  },
  'POST /moten/:id/gaster': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/gaster`,
      form: { name: 'Greta Gäst', organisationName: '', email: 'greta@example.se' },
    }),
  },
  'POST /moten/:id/gaster/:participantId/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => {
      const meeting = await meetingFor(target);
      return { path: `/moten/${meeting.id}/gaster/${meeting.guestId}/ta-bort`, form: {} };
    },
  },
  'POST /moten/:id/kalla': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/kalla`, form: {} }),
  },
  'GET /moten/:id/arenden/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/arenden/nytt` }),
  },
  'POST /moten/:id/arenden/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/arenden/nytt`,
      form: agendaItemForm(),
    }),
  },
  'GET /arenden/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/arenden/${(await meetingFor(target)).itemId}/andra` }),
  },
  'POST /arenden/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/arenden/${(await meetingFor(target)).itemId}/andra`,
      form: agendaItemForm('1'),
    }),
  },
  'POST /arenden/:id/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({ path: `/arenden/${(await meetingFor(target)).itemId}/ta-bort`, form: {} }),
  },
  'GET /moten/:id/dokument/ny': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/dokument/ny` }),
  },
  'POST /moten/:id/dokument/ny': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/dokument/ny`,
      form: documentForm,
      upload: { field: 'fil', name: 'handling.pdf', bytes: TINY_PDF },
    }),
  },
  'POST /arenden/:id/flytta': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/arenden/${(await meetingFor(target)).itemId}/flytta`,
      form: { direction: 'ned' },
    }),
  },
  // Minutes, approval and corrections (issue 10): the meeting's editors; approval only its adjusters.
  'GET /moten/:id/protokoll': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/moten/${(await meetingFor(target)).id}/protokoll` }),
  },
  'POST /moten/:id/protokoll': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/moten/${(await meetingFor(target)).id}/protokoll`,
      form: { version: '1', action: 'utkast', keptAt: '' },
    }),
  },
  'GET /moten/:id/justera': {
    allowed: adjusterOnly,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({
      path: `/moten/${(await minutesMeetingFor(target, 'ready', await adjusterFor(target, who))).id}/justera`,
    }),
  },
  'POST /moten/:id/justera': {
    allowed: adjusterOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => ({
      path: `/moten/${(await minutesMeetingFor(target, 'ready', await adjusterFor(target, who))).id}/justera`,
      form: {},
    }),
  },
  'POST /moten/:id/justera/tillbaka': {
    allowed: adjusterOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target, who) => ({
      path: `/moten/${(await minutesMeetingFor(target, 'ready', await adjusterFor(target, who))).id}/justera/tillbaka`,
      form: { reason: 'Paragraf 1 behöver ändras.' },
    }),
  },
  'GET /moten/:id/rattelse': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({
      path: `/moten/${(await minutesMeetingFor(target, 'approved')).id}/rattelse`,
    }),
  },
  'POST /moten/:id/rattelse': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => {
      const meeting = await minutesMeetingFor(target, 'approved');
      return {
        path: `/moten/${meeting.id}/rattelse`,
        form: {
          itemId: String(meeting.itemId),
          notes: '',
          decision: 'Rättat beslut',
          reason: 'Skrivfel',
          version: '1',
        },
      };
    },
  },
  // Actions (uppdrag): made by the meeting's editors; followed up by them, the group and the owner.
  'GET /arenden/:id/uppdrag/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/arenden/${(await meetingFor(target)).itemId}/uppdrag/nytt` }),
  },
  'POST /arenden/:id/uppdrag/nytt': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/arenden/${(await meetingFor(target)).itemId}/uppdrag/nytt`,
      form: {
        title: 'Nytt uppdrag',
        description: '',
        ownerPersonId: '',
        ownerOrganisationId: String(ids.own),
        dueOn: '2027-01-31',
        visibility: 'public',
        internalReason: '',
      },
    }),
  },
  'GET /uppdrag/:id': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/uppdrag/${await actionFor(target)}` }),
  },
  'POST /uppdrag/:id/status': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/uppdrag/${await actionFor(target)}/status`,
      form: { status: 'in_progress', note: 'Påbörjat.', version: '1' },
    }),
  },
  'GET /uppdrag/forsenade': {
    allowed: { member: [], editor: [], coordinator: ['any'], administrator: ['any'] },
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/uppdrag/forsenade' }),
  },
  'GET /mal/indikatorer/:slug/malvarde': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mal/indikatorer/genomforda-praktikperioder/malvarde' }),
  },
  'POST /mal/indikatorer/:slug/malvarde': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/mal/indikatorer/genomforda-praktikperioder/malvarde',
      form: {
        year: '2027',
        target: String(Math.floor(Math.random() * 1000)),
        version: await indicatorVersion('genomforda-praktikperioder'),
      },
    }),
  },
  'GET /mal/indikatorer/:slug/varde': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mal/indikatorer/anstallda-efter-praktik/varde' }),
  },
  'POST /mal/indikatorer/:slug/varde': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/mal/indikatorer/anstallda-efter-praktik/varde',
      form: {
        year: '2025',
        value: String(Math.floor(Math.random() * 1000)),
        source: 'Uppföljning av praktikanter, HR-avdelningen',
        measuredOn: '2025-12-31',
        version: await indicatorVersion('anstallda-efter-praktik'),
      },
    }),
  },
  'GET /mal/indikatorer/:slug/historik': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mal/indikatorer/genomforda-praktikperioder/historik' }),
  },
  'GET /mal/arsrapporter/ny': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/mal/arsrapporter/ny' }),
  },
  'POST /mal/arsrapporter/ny': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 303,
    request: async () => {
      await db().delete(annualReports).where(eq(annualReports.year, 2023));
      return { path: '/mal/arsrapporter/ny', form: { year: '2023', summary: 'Ett bra år' } };
    },
  },
  'GET /mal/arsrapporter/:year{[0-9]{4}}/andra': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/mal/arsrapporter/${await freshAnnualReportDraft(2024)}/andra` }),
  },
  'POST /mal/arsrapporter/:year{[0-9]{4}}/andra': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: `/mal/arsrapporter/${await freshAnnualReportDraft(2024)}/andra`,
      form: { summary: 'Ändrad sammanfattning', version: '1' },
    }),
  },
  'GET /mal/arsrapporter/:year{[0-9]{4}}/publicera': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/mal/arsrapporter/${await freshAnnualReportDraft(2024)}/publicera` }),
  },
  'POST /mal/arsrapporter/:year{[0-9]{4}}/publicera': {
    allowed: goalFollowers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: `/mal/arsrapporter/${await freshAnnualReportDraft(2024)}/publicera`,
      form: { version: '1' },
    }),
  },
  'GET /grupper/:slug/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${(await groupFor(target)).slug}/andra` }),
  },
  'POST /grupper/:slug/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/grupper/${(await groupFor(target)).slug}/andra`,
      form: {
        ...groupForm('Omdöpt grupp', target === 'own' ? ids.own : ids.other),
        version: '1',
      },
    }),
  },
  'GET /grupper/:slug/ta-bort': {
    allowed: groupOwners,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${(await groupFor(target)).slug}/ta-bort` }),
  },
  'POST /grupper/:slug/ta-bort': {
    allowed: groupOwners,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/grupper/${(await groupFor(target)).slug}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /grupper/:slug/historik': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${(await groupFor(target)).slug}/historik` }),
  },
  'POST /grupper/:slug/historik/:version/aterstall': {
    allowed: groupRestorers,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/grupper/${(await groupFor(target)).slug}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /grupper/:slug/ledamoter/ny': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${(await groupFor(target)).slug}/ledamoter/ny` }),
  },
  'POST /grupper/:slug/ledamoter/ny': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => ({
      path: `/grupper/${(await groupFor(target)).slug}/ledamoter/ny`,
      form: seatForm('Ny Ledamot'),
    }),
  },
  'GET /grupper/:slug/ledamoter/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => {
      const group = await groupFor(target);
      return { path: `/grupper/${group.slug}/ledamoter/${group.seatId}/andra` };
    },
  },
  'POST /grupper/:slug/ledamoter/:id/andra': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => {
      const group = await groupFor(target);
      return {
        path: `/grupper/${group.slug}/ledamoter/${group.seatId}/andra`,
        form: { ...seatForm('Omdöpt Ledamot'), organisationId: String(ids.own) },
      };
    },
  },
  'GET /grupper/:slug/ledamoter/:id/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 200,
    request: async (target) => {
      const group = await groupFor(target);
      return { path: `/grupper/${group.slug}/ledamoter/${group.seatId}/ta-bort` };
    },
  },
  'POST /grupper/:slug/ledamoter/:id/ta-bort': {
    allowed: groupEditors,
    targets: ownOtherSeat,
    ok: 303,
    request: async (target) => {
      const group = await groupFor(target);
      return { path: `/grupper/${group.slug}/ledamoter/${group.seatId}/ta-bort`, form: { version: '1' } };
    },
  },
  'GET /grupper/:slug/internt': {
    allowed: {
      member: ['own'],
      editor: ['own'],
      coordinator: ['own', 'other'],
      administrator: ['own', 'other'],
    },
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/grupper/${target === 'other' ? OTHER_GROUP : OWN_GROUP}/internt` }),
  },
  'GET /arbetsyta': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/arbetsyta' }),
  },
  'GET /organisationer/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({
      path: `/organisationer/ny?under=${target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION}`,
    }),
  },
  'POST /organisationer/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const parentId = await organisationId(target === 'other' ? OTHER_ORGANISATION : OWN_ORGANISATION);
      return { path: '/organisationer/ny', form: unitForm(`Ny enhet ${Math.random()}`, parentId) };
    },
  },
  'GET /organisationer/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/andra` }),
  },
  'POST /organisationer/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const unit = await unitUnder(target);
      return {
        path: `/organisationer/${unit.slug}/andra`,
        form: { ...unitForm('Omdöpt enhet', unit.parentId), version: '1' },
      };
    },
  },
  'GET /organisationer/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/ta-bort` }),
  },
  'POST /organisationer/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/organisationer/${(await unitUnder(target)).slug}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /organisationer/:slug/historik': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/organisationer/${(await unitUnder(target)).slug}/historik` }),
  },
  'POST /organisationer/:slug/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/organisationer/${(await unitUnder(target)).slug}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /avtal/:slug/dokument/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/avtal/${await agreementFor(target)}/dokument/ny` }),
  },
  'POST /avtal/:slug/dokument/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/avtal/${await agreementFor(target)}/dokument/ny`,
      form: documentForm,
      upload: { field: 'fil', name: 'bilaga.pdf', bytes: TINY_PDF },
    }),
  },
  'GET /dokument/:id/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/dokument/${await documentFor(target)}/andra` }),
  },
  'POST /dokument/:id/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/dokument/${await documentFor(target)}/andra`,
      form: { ...documentForm, version: '1' },
    }),
  },
  'GET /dokument/:id/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/dokument/${await documentFor(target)}/ta-bort` }),
  },
  'POST /dokument/:id/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/dokument/${await documentFor(target)}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /dokument/:id/historik': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/dokument/${await documentFor(target)}/historik` }),
  },
  'POST /dokument/:id/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/dokument/${await documentFor(target)}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /arbetsyta/export': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/arbetsyta/export' }),
  },
  'GET /arbetsyta/export/:fil': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/arbetsyta/export/avtal.csv' }),
  },
  'POST /arbetsyta/import': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/arbetsyta/import',
      form: { vad: 'organisationer' },
      upload: { field: 'fil', name: 'enheter.csv', bytes: 'Namn;Typ;Ingår i (adress)\nEn enhet;Enhet;' },
    }),
  },
  'GET /arbetsyta/import/:id': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/arbetsyta/import/${await pendingImport()}` }),
  },
  'POST /arbetsyta/import/:id/genomfor': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: `/arbetsyta/import/${await pendingImport()}/genomfor`, form: {} }),
  },
  'POST /arbetsyta/import/:id/angra': {
    allowed: registerKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: `/arbetsyta/import/${await pendingImport(true)}/angra`, form: {} }),
  },
  'GET /aktiviteter/ny': {
    allowed: activityAdders,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/aktiviteter/ny' }),
  },
  'POST /aktiviteter/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/aktiviteter/ny',
      form: activityForm(`Ny aktivitet ${Math.random()}`, target === 'other' ? ids.other : ids.own),
    }),
  },
  'GET /aktiviteter/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/aktiviteter/${(await activityFor(target)).slug}/andra` }),
  },
  'POST /aktiviteter/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const activity = await activityFor(target);
      return {
        path: `/aktiviteter/${activity.slug}/andra`,
        form: { ...activityForm('Omdöpt aktivitet', activity.organisationId), version: '1' },
      };
    },
  },
  'GET /aktiviteter/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/aktiviteter/${(await activityFor(target)).slug}/ta-bort` }),
  },
  'POST /aktiviteter/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/aktiviteter/${(await activityFor(target)).slug}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /aktiviteter/:slug/historik': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/aktiviteter/${(await activityFor(target)).slug}/historik` }),
  },
  'POST /aktiviteter/:slug/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/aktiviteter/${(await activityFor(target)).slug}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /sidor/:slug/andra': {
    allowed: pageEditors,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/sidor/${TEXT_PAGE}/andra` }),
  },
  'POST /sidor/:slug/andra': {
    allowed: pageEditors,
    targets: ['any'],
    ok: 303,
    request: async () => {
      const page = await textPage();
      return {
        path: `/sidor/${TEXT_PAGE}/andra`,
        form: {
          title: page.title,
          body: `${page.body}\n\nTillägg ${Math.random()}`,
          version: String(page.version),
        },
      };
    },
  },
  'GET /sidor/:slug/historik': {
    allowed: pageEditors,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/sidor/${TEXT_PAGE}/historik` }),
  },
  'POST /sidor/:slug/historik/:version/aterstall': {
    allowed: pageEditors,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: `/sidor/${TEXT_PAGE}/historik/${await textPageVersion()}/aterstall`,
      form: {},
    }),
  },
  'GET /avtal/ny': {
    allowed: agreementAdders,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/avtal/ny' }),
  },
  'POST /avtal/ny': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/avtal/ny',
      form: await agreementForm(`Nytt avtal ${Math.random()}`, target),
    }),
  },
  'GET /avtal/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/avtal/${await agreementFor(target)}/andra` }),
  },
  'POST /avtal/:slug/andra': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/avtal/${await agreementFor(target)}/andra`,
      form: { ...(await agreementForm('Omdöpt avtal', target)), version: '1' },
    }),
  },
  'GET /avtal/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/avtal/${await agreementFor(target)}/ta-bort` }),
  },
  'POST /avtal/:slug/ta-bort': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/avtal/${await agreementFor(target)}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /avtal/:slug/historik': {
    allowed: registerEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/avtal/${await agreementFor(target)}/historik` }),
  },
  'POST /avtal/:slug/historik/:version/aterstall': {
    allowed: coordinatorsOnly,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/avtal/${await agreementFor(target)}/historik/1/aterstall`,
      form: {},
    }),
  },
  'GET /fokusomraden/ny': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/fokusomraden/ny' }),
  },
  'POST /fokusomraden/ny': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/fokusomraden/ny',
      form: { name: `Nytt område ${Math.random()}`, description: '' },
    }),
  },
  'GET /fokusomraden/:slug/andra': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/fokusomraden/${await focusAreaFor()}/andra` }),
  },
  'POST /fokusomraden/:slug/andra': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: `/fokusomraden/${await focusAreaFor()}/andra`,
      form: { name: 'Omdöpt område', description: '', version: '1' },
    }),
  },
  'GET /fokusomraden/:slug/ta-bort': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/fokusomraden/${await focusAreaFor()}/ta-bort` }),
  },
  'POST /fokusomraden/:slug/ta-bort': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: `/fokusomraden/${await focusAreaFor()}/ta-bort`, form: { version: '1' } }),
  },
  'GET /fokusomraden/:slug/historik': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/fokusomraden/${await focusAreaFor()}/historik` }),
  },
  'POST /fokusomraden/:slug/historik/:version/aterstall': {
    allowed: focusAreaKeepers,
    targets: ['any'],
    ok: 303,
    request: async () => ({ path: `/fokusomraden/${await focusAreaFor()}/historik/1/aterstall`, form: {} }),
  },
  'GET /aterkoppling/oversikt': {
    allowed: feedbackViewers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/aterkoppling/oversikt' }),
  },
  'GET /aterkoppling/oversikt.csv': {
    allowed: feedbackViewers,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/aterkoppling/oversikt.csv' }),
  },
  'POST /aterkoppling/oversikt/:id/behandlad': {
    allowed: feedbackViewers,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/aterkoppling/oversikt/${await feedbackOn(target)}/behandlad`,
      form: { handled: 'ja', tillbaka: '/aterkoppling/oversikt' },
    }),
  },
  'GET /registrera': {
    allowed: everyone,
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/registrera' }),
  },
  'POST /registrera': {
    allowed: everyone,
    targets: ['any'],
    ok: 303,
    request: async () => ({
      path: '/registrera',
      form: {
        title: 'Ett samarbete',
        description: '',
        universityId: String(await organisationId('sodertorns-hogskola')),
        otherUniversity: '',
        organisationId: String(ids.own),
        contactName: 'Kontakt Person',
        contactEmail: 'kontakt@example.se',
        startsOn: '',
        endsOn: '',
        goalId: '',
        match: 'new',
        checked: '',
      },
    }),
  },
  'GET /forslag/:id': {
    allowed: proposalReaders,
    targets: ownOrOther,
    ok: 200,
    request: async (target, who) => ({ path: `/forslag/${await proposalFor(target, who)}` }),
  },
  'POST /forslag/:id/anta': {
    allowed: proposalReviewers,
    targets: ['any'],
    ok: 303,
    request: async (target, who) => ({
      path: `/forslag/${await proposalFor(target, who)}/anta`,
      form: { kind: 'course', university: '' },
    }),
  },
  'POST /forslag/:id/sla-ihop': {
    allowed: proposalReviewers,
    targets: ['any'],
    ok: 303,
    request: async (target, who) => ({
      path: `/forslag/${await proposalFor(target, who)}/sla-ihop`,
      form: { activityId: String(await activityToMergeInto()), university: '' },
    }),
  },
  'POST /forslag/:id/avboj': {
    allowed: proposalReviewers,
    targets: ['any'],
    ok: 303,
    request: async (target, who) => ({
      path: `/forslag/${await proposalFor(target, who)}/avboj`,
      form: { reason: 'Finns redan i registret.' },
    }),
  },
  'GET /praktik/platser': {
    allowed: placementViewers('any'),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/platser?termin=VT2027&lediga=1' }),
  },
  'GET /praktik/platser/ny': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/platser/ny?enhet=${await placementUnit(target)}` }),
  },
  'POST /praktik/platser/ny': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/praktik/platser/ny',
      form: placementOfferForm(await placementUnit(target)),
    }),
  },
  'GET /praktik/platser/kopiera': {
    allowed: { ...registerEditors, editor: ['any'], coordinator: ['any'], administrator: ['any'] },
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/platser/kopiera' }),
  },
  'POST /praktik/platser/kopiera': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({
      path: '/praktik/platser/kopiera',
      form: { organisationId: String(await placementUnit(target)), from: 'VT2040', to: 'HT2040' },
    }),
  },
  'GET /praktik/platser/:id': {
    allowed: placementViewers('own', 'other'),
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/platser/${await placementOfferAt(target)}` }),
  },
  'GET /praktik/platser/:id/andra': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/platser/${await placementOfferAt(target)}/andra` }),
  },
  'POST /praktik/platser/:id/andra': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => {
      const unit = await placementUnit(target);
      return {
        path: `/praktik/platser/${await placementOfferAt(target)}/andra`,
        form: { ...placementOfferForm(unit), places: '7', version: '1' },
      };
    },
  },
  'GET /praktik/platser/:id/ta-bort': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/platser/${await placementOfferAt(target)}/ta-bort` }),
  },
  'POST /praktik/platser/:id/ta-bort': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/platser/${await placementOfferAt(target)}/ta-bort`,
      form: { version: '1' },
    }),
  },
  'GET /praktik/platser/:id/historik': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/platser/${await placementOfferAt(target)}/historik` }),
  },
  'POST /praktik/platser/:id/historik/:version/aterstall': {
    allowed: { ...coordinatorsOnly, placement_coordinator: [] },
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/platser/${await placementOfferAt(target, 2)}/historik/1/aterstall`,
      form: {},
    }),
  },
  // Placement requests, needs lists and the term proposal (src/features/placements/requests.*).
  'GET /praktik/platser/:id/begar': {
    allowed: placementRequesters('any'),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/praktik/platser/${await placementOfferAt('own')}/begar` }),
  },
  'POST /praktik/platser/:id/begar': {
    allowed: placementRequesters('own', 'other'),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/platser/${await placementOfferAt('own')}/begar`,
      form: {
        universityId: String(await placementInstitution(target)),
        places: '1',
        preference: '1',
        message: '',
        students: '',
      },
    }),
  },
  'GET /praktik/forfragningar': {
    allowed: placementListers(),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/forfragningar?termin=VT2027&status=submitted' }),
  },
  'GET /praktik/forfragningar/:id': {
    allowed: placementRequestSides(),
    targets: ownOrOther,
    ok: 200,
    request: async (target) => ({ path: `/praktik/forfragningar/${await placementRequestAt(target)}` }),
  },
  'POST /praktik/forfragningar/:id/status': {
    allowed: placementRequestSides(),
    targets: ownOrOther,
    ok: 303,
    // Each side's own move: the institution cancels, the unit (and the coordinator) confirms.
    request: async (target, who) => ({
      path: `/praktik/forfragningar/${await placementRequestAt(target)}/status`,
      form:
        who === 'placement_coordinator'
          ? { move: 'cancel', version: '1', reason: 'Behövs inte.', proposedOfferId: '' }
          : { move: 'confirm', version: '1', reason: '', proposedOfferId: '' },
    }),
  },
  'GET /praktik/behov': {
    allowed: placementListers(),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/behov?termin=VT2027' }),
  },
  'GET /praktik/behov/ny': {
    allowed: placementRequesters('any'),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/behov/ny' }),
  },
  'POST /praktik/behov/ny': {
    allowed: placementRequesters('own', 'other'),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: '/praktik/behov/ny',
      form: {
        universityId: String(await placementInstitution(target)),
        term: 'VT2027',
        kind: 'vfu_teacher',
        programme: 'Grundlärarprogrammet F–3',
        studyLevel: '',
        students: '4',
        weeks: '',
        startsOn: '',
        endsOn: '',
        area: '',
        description: '',
      },
    }),
  },
  'GET /praktik/behov/:id': {
    allowed: placementListers(),
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/praktik/behov/${await placementNeed()}` }),
  },
  'GET /praktik/behov/:id/svara': {
    allowed: { ...groupAdders, placement_coordinator: [] },
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: `/praktik/behov/${await placementNeed()}/svara` }),
  },
  'POST /praktik/behov/:id/svara': {
    allowed: placementOfferEditors,
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/behov/${await placementNeed()}/svara`,
      form: { offerId: String(await placementOfferAt(target)), places: '1', message: '' },
    }),
  },
  // Closing and reopening a need: its institution's placement coordinators, and the coordinator.
  'POST /praktik/behov/:id/stang': {
    allowed: placementRequesters('own', 'other'),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/behov/${await placementNeed(target)}/stang`,
      form: { version: '1' },
    }),
  },
  'POST /praktik/behov/:id/oppna': {
    allowed: placementRequesters('own', 'other'),
    targets: ownOrOther,
    ok: 303,
    request: async (target) => ({
      path: `/praktik/behov/${await placementNeed(target, true)}/oppna`,
      form: { version: '1' },
    }),
  },
  'GET /praktik/fordelning': {
    allowed: { ...pageEditors, placement_coordinator: [] },
    targets: ['any'],
    ok: 200,
    request: async () => ({ path: '/praktik/fordelning?termin=VT2027' }),
  },
  'POST /praktik/fordelning': {
    allowed: { ...pageEditors, placement_coordinator: [] },
    targets: ['any'],
    ok: 303,
    // A term without open requests: the proposal is empty, its fingerprint known, and confirming it is a no-op.
    request: async () => ({
      path: '/praktik/fordelning',
      form: { term: 'VT2041', hash: proposeTerm([], new Map()).hash },
    }),
  },
};

/**
 * Placement offers (issue 9): "own" is a unit under the own organisation (Ekdalsskolan), "other" one
 * under the other (Flemingsbergs gymnasium). Editors their own units' offers, coordinators all; a
 * placement coordinator sees every offer and the capacity list but changes none; a member neither.
 */
function placementViewers(...targets: Target[]): Entry['allowed'] {
  return {
    member: [],
    editor: targets,
    coordinator: targets,
    administrator: targets,
    placement_coordinator: targets,
  };
}
function placementUnit(target: Target): Promise<number> {
  return organisationId(target === 'other' ? 'flemingsbergs-gymnasium' : 'ekdalsskolan');
}
function placementOfferForm(unitId: number): Record<string, string> {
  return {
    organisationId: String(unitId),
    term: 'VT2027',
    kind: 'vfu_teacher',
    programme: 'Grundlärarprogrammet F–3',
    studyLevel: '',
    places: '3',
    supervisors: '',
    startsOn: '',
    endsOn: '',
    address: '',
    area: '',
    prerequisites: '',
    description: '',
  };
}
/** A fresh offer at the own or other unit with its first version in the history (`versions`: 2 adds a change). */
async function placementOfferAt(target: Target, versions = 1): Promise<number> {
  const unitId = await placementUnit(target);
  const snapshot = {
    organisationId: unitId,
    term: 'VT2027',
    kind: 'vfu_teacher' as const,
    programme: 'Grundlärarprogrammet F–3',
    studyLevel: '',
    places: 3,
    supervisors: 0,
    startsOn: null,
    endsOn: null,
    address: '',
    area: '',
    prerequisites: '',
    description: '',
  };
  const [row] = await db()
    .insert(placementOffers)
    .values({ ...snapshot, places: versions === 1 ? 3 : 4, version: versions })
    .returning({ id: placementOffers.id });
  for (let version = 1; version <= versions; version += 1)
    await db()
      .insert(recordHistory)
      .values({
        recordType: 'placement_offer',
        recordId: row!.id,
        version,
        action: version === 1 ? 'created' : 'changed',
        changes: {},
        snapshot: { ...snapshot, places: version === 1 ? 3 : 4 },
      });
  return row!.id;
}

/**
 * Placement requests and needs (issue 9, items 2–4): a placement coordinator requests for their own
 * institution ("own": Södertörns högskola, "other": Karolinska Institutet); the coordinator for any.
 */
function placementRequesters(...targets: Target[]): Entry['allowed'] {
  return {
    member: [],
    editor: [],
    coordinator: targets,
    administrator: targets,
    placement_coordinator: ['own', 'any'],
  };
}
/** The request and needs lists: both sides and the coordinator; a member neither. */
function placementListers(): Entry['allowed'] {
  return {
    member: [],
    editor: ['any'],
    coordinator: ['any'],
    administrator: ['any'],
    placement_coordinator: ['any'],
  };
}
/** One request: "own" is to the own unit from the own institution, "other" to the other from the other. */
function placementRequestSides(): Entry['allowed'] {
  return {
    member: [],
    editor: ['own'],
    coordinator: ownOrOther,
    administrator: ownOrOther,
    placement_coordinator: ['own'],
  };
}
function placementInstitution(target: Target): Promise<number> {
  return organisationId(target === 'other' ? OTHER_INSTITUTION : OWN_INSTITUTION);
}
/** A fresh request, inskickad, for one place on a fresh offer of the own or other unit. */
async function placementRequestAt(target: Target): Promise<number> {
  const [row] = await db()
    .insert(placementRequests)
    .values({
      offerId: await placementOfferAt(target),
      universityId: await placementInstitution(target),
      places: 1,
    })
    .returning({ id: placementRequests.id });
  return row!.id;
}
/**
 * A fresh list of needs (version 1) from the own or other institution, of the kind and term
 * placementOfferAt offers; open unless `closed`.
 */
async function placementNeed(target: Target = 'own', closed = false): Promise<number> {
  const [row] = await db()
    .insert(placementNeeds)
    .values({
      universityId: await placementInstitution(target),
      term: 'VT2027',
      kind: 'vfu_teacher',
      programme: 'Grundlärarprogrammet F–3',
      students: 10,
      closedAt: closed ? new Date('2026-11-01T09:00:00Z') : null,
    })
    .returning({ id: placementNeeds.id });
  return row!.id;
}

beforeAll(async () => {
  subject = await createTestApp();
  const roleAt: Record<Role, [string, string]> = {
    member: [OWN_ORGANISATION, 'member'],
    editor: [OWN_ORGANISATION, 'editor'],
    coordinator: ['huddinge-kommun', 'coordinator'],
    administrator: ['huddinge-kommun', 'administrator'],
    placement_coordinator: [OWN_INSTITUTION, 'placement_coordinator'],
  };
  for (const role of ROLES) {
    const [slug, membership] = roleAt[role];
    const personId = await createPerson(db(), {
      name: `Persona ${role}`,
      roles: { [slug]: membership as Role },
      groups: [OWN_GROUP],
    });
    cookies[role] = await sessionCookieFor(db(), personId, subject.deps.clock.now());
    personIds[role] = personId;
  }
  ids.own = await organisationId(OWN_ORGANISATION);
  ids.other = await organisationId(OTHER_ORGANISATION);
  ids.ownInstitution = await organisationId(OWN_INSTITUTION);
  ids.otherInstitution = await organisationId(OTHER_INSTITUTION);
});
afterAll(() => subject.cleanup());

/** Routes that end or erase the caller's own account run as a fresh copy of the persona. */
const SELF_ENDING = new Set(['POST /mina-uppgifter/logga-ut-overallt', 'POST /mina-uppgifter/radera']);

async function cookieFor(who: Who, route: string): Promise<string | undefined> {
  if (who === 'signed out') return undefined;
  if (!SELF_ENDING.has(route)) return cookies[who];
  const personId = await createPerson(db(), { name: `Kopia ${who}` });
  return sessionCookieFor(db(), personId, subject.deps.clock.now());
}

/** Routes neither protected nor open (missing), and lines that name no route any more (stale). */
function unlistedRoutes(appRoutes: { method: string; path: string }[]) {
  const routes = new Set(appRoutes.map((route) => `${route.method} ${route.path}`));
  const missing = [...routes].filter(
    (key) => !isMiddlewareEntry(key) && !(key in PROTECTED_ROUTES) && !(key in OPEN_ROUTES),
  );
  const stale = [...Object.keys(PROTECTED_ROUTES), ...Object.keys(OPEN_ROUTES)].filter(
    (key) => !routes.has(key),
  );
  return { missing, stale };
}

async function send(route: string, who: Who, request: Request): Promise<Response> {
  const cookie = await cookieFor(who, route);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (request.upload) return subject.request(request.path, uploadPost(request.upload, request.form, headers));
  if (request.form) return subject.request(request.path, formPost(request.form, headers));
  return subject.request(request.path, { headers });
}

function expectedStatus(route: string, who: Who, target: Target): number {
  const entry = PROTECTED_ROUTES[route]!;
  if (who === 'signed out') return route.startsWith('GET ') ? 303 : 401;
  const allowed =
    who === 'placement_coordinator' ? (entry.allowed[who] ?? entry.allowed.member) : entry.allowed[who];
  return allowed.includes(target) ? entry.ok : 403;
}

const cases = Object.entries(PROTECTED_ROUTES).flatMap(([route, entry]) =>
  (['signed out', ...ROLES] as Who[]).flatMap((who) =>
    entry.targets.map((target) => ({ route, who, target, expected: expectedStatus(route, who, target) })),
  ),
);

describe('the authorisation table', () => {
  it('names every route the app has, as protected or open', () => {
    expect(unlistedRoutes(subject.app.routes)).toEqual({ missing: [], stale: [] });
  });

  it('notices a route added without a line in the table', () => {
    const routes = [...subject.app.routes, { method: 'POST', path: '/admin/personer/:id/sla-ihop' }];
    expect(unlistedRoutes(routes).missing).toEqual(['POST /admin/personer/:id/sla-ihop']);
  });

  it.for(cases)('$route as $who, target $target → $expected', async ({ route, who, target, expected }) => {
    const response = await send(route, who, await PROTECTED_ROUTES[route]!.request(target, who));
    expect(response.status).toBe(expected);
    if (expected === 303 && who === 'signed out') {
      expect(response.headers.get('location')).toMatch(/^\/logga-in\?nasta=%2F/);
    }
    if (who !== 'signed out') expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lets every role, and nobody signed in, read every public page', async () => {
    for (const who of ['signed out', ...ROLES] as Who[]) {
      for (const path of Object.values(PUBLIC_PAGES)) {
        const response = await send('GET public', who, { path });
        expect(response.status, `${who} ${path}`).toBe(200);
      }
    }
  });
});

describe('the agreement rules, as pure functions (permissions.ts)', () => {
  // A tree: 1 the municipality > 2 an administration > 3 a school; 4 another administration under 1;
  // 5 a university (a tree of its own) > 6 its department.
  const chain = { 1: [1], 2: [2, 1], 3: [3, 2, 1], 4: [4, 1], 5: [5], 6: [6, 5] } as const;
  const viewer = (role: 'member' | 'editor' | 'coordinator', organisationId = 2): Viewer => ({
    personId: 1,
    name: 'Test',
    email: null,
    language: 'sv',
    memberships: [{ organisationId, role }],
    groupIds: [],
  });
  const homeTops = [1];

  it('lets an editor edit the agreements their organisation or one under it is a party to', () => {
    expect(canEditAgreement(viewer('editor'), [[...chain[3]], [...chain[5]]])).toBe(true);
    expect(canEditAgreement(viewer('editor'), [[...chain[4]], [...chain[5]]])).toBe(false);
    expect(canEditAgreement(viewer('member'), [[...chain[2]]])).toBe(false);
    expect(canEditAgreement(viewer('coordinator', 1), [[...chain[6]]])).toBe(true);
    expect(canEditAgreement(null, [[...chain[2]]])).toBe(false);
  });

  it('lets an editor name their own part and outside parties, not another administration', () => {
    const editor = viewer('editor');
    expect(canChooseParty(editor, [...chain[3]], homeTops)).toBe(true);
    expect(canChooseParty(editor, [...chain[6]], homeTops)).toBe(true);
    expect(canChooseParty(editor, [...chain[4]], homeTops)).toBe(false);
    expect(canChooseParty(editor, [...chain[1]], homeTops)).toBe(false);
    expect(canChooseParty(viewer('member'), [...chain[5]], homeTops)).toBe(false);
    expect(canChooseParty(viewer('coordinator', 1), [...chain[4]], [])).toBe(true);
  });

  it('lets an editor delete only an agreement whose every party they may name', () => {
    const editor = viewer('editor');
    expect(canDeleteAgreement(editor, [[...chain[2]], [...chain[5]]], homeTops)).toBe(true);
    expect(canDeleteAgreement(editor, [[...chain[2]], [...chain[4]], [...chain[5]]], homeTops)).toBe(false);
    expect(canDeleteAgreement(viewer('coordinator', 1), [[...chain[4]]], [])).toBe(true);
  });
});
