import type { RequestDeps } from '../../app-deps.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { languageFor, type Messages, messagesFor } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import type { ActivityKind } from '../activities/activities.table.ts';
import { findActivityLinks } from '../activities/activity-edits.queries.ts';
import { addActivity, changeActivity, valuesFromInput } from '../activities/activity-edits.service.ts';
import {
  canReviewProposals,
  canSeeInternalMatches,
  canSeeProposal,
  type Viewer,
} from '../auth/permissions.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findOrganisationChain, findSubtreeIds } from '../organisations/organisation-edits.queries.ts';
import { addOrganisation } from '../organisations/organisation-edits.service.ts';
import { OTHER_UNIVERSITY, type ProposalInput } from './proposals.forms.ts';
import {
  countProposalsByStatus,
  decideProposal,
  findActivityChoices,
  findActivityParties,
  findGoalChoices,
  findLiveActivity,
  findLiveOrganisation,
  findMunicipalityOrganisations,
  findProposal,
  findProposalsBy,
  findSimilarActivities,
  findUniversityChoices,
  findUniversityLike,
  findWaitingProposals,
  goalExists,
  insertProposal,
  lockLiveActivity,
  lockProposal,
  type ProposalRow,
} from './proposals.queries.ts';
import type { Proposal } from './proposals.table.ts';

/**
 * Registrera ett samarbete (issue 8, item 4): any signed-in person proposes, likely duplicates are shown
 * before saving, and the coordinator accepts (a new public activity), merges (parties added to an
 * activity) or declines (with a reason). Every decision is written once — the proposal is locked and
 * updated only while it is still waiting — and the proposer's mail is queued in the same transaction.
 */

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

/** At most this many likely duplicates are shown. */
const MATCH_LIMIT = 5;
/** The review queue on the workspace shows at most this many (the oldest first). */
const QUEUE_LIMIT = 100;
const MINE_LIMIT = 50;

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

/** The form's choices: universities, the municipality's organisations (a tree), the four goals. */
export async function loadProposalChoices(deps: Pick<Deps, 'db'>) {
  const [universities, organisations, goals] = await Promise.all([
    findUniversityChoices(deps.db),
    findMunicipalityOrganisations(deps.db),
    findGoalChoices(deps.db),
  ]);
  return { universities, organisations, goals };
}

export type ProposalChoices = Awaited<ReturnType<typeof loadProposalChoices>>;

/** A new form: the contact is the person themself, the organisation their own where it is a choice. */
export function initialValues(viewer: Viewer, choices: ProposalChoices): Record<string, string> {
  const own = viewer.memberships.find((membership) =>
    choices.organisations.some((organisation) => organisation.id === membership.organisationId),
  );
  return {
    contactName: viewer.name,
    contactEmail: viewer.email ?? '',
    organisationId: own ? String(own.organisationId) : '',
  };
}

export type Match = {
  id: number;
  slug: string;
  title: string;
  internal: boolean;
  parties: string[];
  startsOn: string | null;
  endsOn: string | null;
  similarTitle: boolean;
  sameParties: boolean;
};

/**
 * The förvaltning an organisation belongs to, with everything under it: a unit counts as its
 * administration (a school's collaboration is its förvaltning's), a förvaltning as itself.
 */
async function administrationScope(db: DbOrTx, organisationId: number): Promise<number[]> {
  const chain = await findOrganisationChain(db, organisationId);
  for (const id of chain) {
    const organisation = await findLiveOrganisation(db, id);
    if (organisation && (organisation.kind === 'administration' || organisation.kind === 'committee'))
      return findSubtreeIds(db, id);
  }
  return [organisationId];
}

/** Likely duplicates of what the person describes, with why each matched; only what they may see. */
async function matchesFor(
  db: DbOrTx,
  viewer: Viewer,
  described: {
    title: string;
    universityId: number | null;
    institutionName: string | null;
    organisationId: number;
  },
): Promise<Match[]> {
  const rows = await findSimilarActivities(db, {
    title: described.title,
    universityId: described.universityId,
    institutionName: described.institutionName,
    organisationIds: await administrationScope(db, described.organisationId),
    includeInternal: canSeeInternalMatches(viewer),
    limit: MATCH_LIMIT,
  });
  const parties = await findActivityParties(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    internal: row.visibility === 'internal',
    parties: parties.get(row.id) ?? [],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    similarTitle: row.similarTitle,
    sameParties: row.sameParties,
  }));
}

/** The choices a form sent, checked against the register: a tampered select is a message by its field. */
async function checkChoices(db: DbOrTx, input: ProposalInput) {
  const organisation = await findLiveOrganisation(db, input.organisationId);
  if (!organisation || !['municipality', 'administration', 'unit', 'committee'].includes(organisation.kind))
    throw new Refusal('proposals.organisationMissing', { field: 'organisationId' });
  let university: { id: number; name: string } | undefined;
  if (input.universityId !== OTHER_UNIVERSITY) {
    const found = await findLiveOrganisation(db, Number(input.universityId));
    if (found?.kind !== 'university')
      throw new Refusal('proposals.universityMissing', { field: 'universityId' });
    university = found;
  }
  if (input.goalId !== null && !(await goalExists(db, input.goalId)))
    throw new Refusal('proposals.goalMissing', { field: 'goalId' });
  return { university };
}

export type SubmitOutcome =
  | { outcome: 'matches'; matches: Match[]; unanswered: boolean }
  | { outcome: 'saved'; id: number };

/**
 * The form's two steps. Without a choice yet (`match` ''), likely duplicates are looked for: if there
 * are any, they are returned to be shown with the form (and if they were shown already, the unanswered
 * choice is a message by it). With 'new', or when nothing matches, a new proposal is saved; with an
 * activity's id, a proposal to join that activity.
 */
export async function submitProposal(
  deps: Deps,
  viewer: Viewer,
  input: ProposalInput,
): Promise<SubmitOutcome> {
  const { db, clock } = deps;
  const { university } = await checkChoices(db, input);
  let joinActivityId: number | null = null;
  if (input.match === '') {
    const matches = await matchesFor(db, viewer, {
      title: input.title,
      universityId: university?.id ?? null,
      institutionName: university?.name ?? input.otherUniversity,
      organisationId: input.organisationId,
    });
    if (matches.length > 0) return { outcome: 'matches', matches, unanswered: input.checked === '1' };
  } else if (input.match !== 'new') {
    joinActivityId = Number(input.match);
    const activity = await findLiveActivity(db, joinActivityId);
    if (!activity || (activity.visibility === 'internal' && !canSeeInternalMatches(viewer)))
      throw new Refusal('proposals.matchGone', { field: 'match' });
  }
  const id = await insertProposal(db, {
    kind: joinActivityId === null ? 'new' : 'join',
    title: input.title,
    description: input.description ?? '',
    universityId: university?.id ?? null,
    otherUniversity: university ? null : input.otherUniversity,
    organisationId: input.organisationId,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    goalId: input.goalId,
    joinActivityId,
    proposerPersonId: viewer.personId,
    createdAt: clock.now(),
  });
  return { outcome: 'saved', id };
}

/** A proposal for someone who may see it: its proposer, or a reviewer (who also gets what deciding needs). */
export async function loadProposal(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const row = await findProposal(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `proposal ${id}`);
  if (!canSeeProposal(viewer, row.proposal)) throw notAllowed();
  const review =
    canReviewProposals(viewer) && row.proposal.status === 'submitted'
      ? await reviewChoices(deps.db, viewer, row)
      : undefined;
  // An activity that is not public (internal, or deleted since) is named to reviewers only.
  return { ...row, review, mayReview: canReviewProposals(viewer) };
}

export type LoadedProposal = Awaited<ReturnType<typeof loadProposal>>;

async function reviewChoices(db: Db, viewer: Viewer, row: ProposalRow) {
  const { proposal } = row;
  const [matches, activities, universities, likeUniversity] = await Promise.all([
    matchesFor(db, viewer, {
      title: proposal.title,
      universityId: proposal.universityId,
      institutionName: row.universityName ?? proposal.otherUniversity,
      organisationId: proposal.organisationId,
    }),
    findActivityChoices(db),
    proposal.otherUniversity === null ? [] : findUniversityChoices(db),
    proposal.otherUniversity === null ? undefined : findUniversityLike(db, proposal.otherUniversity),
  ]);
  return {
    matches,
    activities,
    universities,
    /** What the merge form starts with: the activity the proposer chose, else the best match. */
    suggestedActivityId: proposal.joinActivityId ?? matches[0]?.id ?? null,
    /** For an institution outside the register: the university in it with a name most like it, if any. */
    suggestedUniversityId: likeUniversity ?? null,
  };
}

/** Refuses a decision on a proposal that is no longer waiting, naming what it became. */
export function alreadyDecided(t: Messages, id: number, status: Proposal['status']): Refusal {
  return new Refusal('proposals.review.alreadyDecided', {
    status: 409,
    title: 'proposals.review.alreadyDecidedTitle',
    params: { status: t.proposals.statuses[status].toLowerCase() },
    link: { href: `/forslag/${id}`, text: 'proposals.review.backToProposal' },
  });
}

/** The proposal, locked, if still waiting: the first of two decisions at once gets it, the second a 409. */
async function lockWaiting(tx: DbOrTx, t: Messages, id: number): Promise<ProposalRow> {
  const locked = await lockProposal(tx, id);
  if (!locked) throw new AppError('NOT_FOUND', `proposal ${id}`);
  if (locked.status !== 'submitted') throw alreadyDecided(t, id, locked.status);
  const row = await findProposal(tx, id);
  if (!row) throw new AppError('NOT_FOUND', `proposal ${id}`);
  return row;
}

/** Writes the decision; someone else's decision in between (never, with the lock) is refused all the same. */
async function decide(
  tx: DbOrTx,
  t: Messages,
  id: number,
  decision: Parameters<typeof decideProposal>[2],
): Promise<void> {
  if (!(await decideProposal(tx, id, decision))) {
    const current = await lockProposal(tx, id);
    throw alreadyDecided(t, id, current?.status ?? 'submitted');
  }
}

/**
 * The institution a decision adds to the activity: the proposal's university from the register, or for
 * one the proposer named, the coordinator's choice — a university in the register, or `new`: it is added
 * to the register (with its history) as a university of its own.
 */
async function resolveUniversity(
  tx: DbOrTx,
  deps: Deps,
  viewer: Viewer,
  row: ProposalRow,
  choice: string,
  now: Date,
): Promise<number> {
  const { proposal } = row;
  if (proposal.universityId !== null) {
    if (!(await findLiveOrganisation(tx, proposal.universityId)))
      throw new Refusal('proposals.review.universityGone', { status: 409 });
    return proposal.universityId;
  }
  const name = proposal.otherUniversity ?? '';
  if (choice === 'new') return addUniversity(tx, deps.t, viewer, name, now);
  const found = choice === '' ? undefined : await findLiveOrganisation(tx, Number(choice));
  if (found?.kind !== 'university')
    throw new Refusal('proposals.review.universityChoiceMissing', { field: 'university' });
  return found.id;
}

/**
 * A university the proposer named, added to the register as a new organisation through the organisations'
 * own service (its rules, a free address, its history), in the decision's transaction.
 */
async function addUniversity(tx: DbOrTx, t: Messages, viewer: Viewer, name: string, now: Date) {
  const values = {
    name,
    shortName: null,
    kind: 'university' as const,
    parentId: null,
    website: null,
    description: '',
  };
  const added = await addOrganisation(tx, { clock: { now: () => now }, t }, viewer, values);
  return added.id;
}

/** The municipality's organisation in the proposal, if it is still in the register. */
async function liveOrganisation(tx: DbOrTx, row: ProposalRow): Promise<number> {
  if (!(await findLiveOrganisation(tx, row.proposal.organisationId)))
    throw new Refusal('proposals.review.organisationGone', { status: 409 });
  return row.proposal.organisationId;
}

const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/**
 * Accepts a proposal: it becomes a public activity of the kind the coordinator chose, with the
 * proposal's title, description, period, organisation, institution and goal; the activity's history
 * starts with 'created' by the coordinator, noting the proposal and its proposer. Returns its address.
 */
export async function acceptProposal(
  deps: Deps,
  viewer: Viewer,
  id: number,
  input: { kind: ActivityKind; university: string },
): Promise<string> {
  if (!canReviewProposals(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const { t } = deps;
  return withPublicChange(deps, async (tx) => {
    const row = await lockWaiting(tx, t, id);
    const { proposal } = row;
    const organisationIds = sorted([
      await liveOrganisation(tx, row),
      await resolveUniversity(tx, deps, viewer, row, input.university, now),
    ]);
    const values = valuesFromInput({
      kind: input.kind,
      title: proposal.title,
      startsOn: proposal.startsOn,
      endsOn: proposal.endsOn,
      organisationIds,
      agreementId: null,
      focusAreaIds: [],
      goalIds: proposal.goalId === null ? [] : [proposal.goalId],
      description: proposal.description,
      outcomes: '',
      outcomesUsedOn: null,
      visibility: 'public',
      internalReason: null,
    });
    // The one way an activity is added (address, links, rights, the history row 'created'), noting the proposal.
    const activity = await addActivity(tx, deps, viewer, values, {
      action: 'created',
      note: t.proposals.review.historyNote(proposal.id, row.proposerName),
    });
    await decide(tx, t, id, {
      status: 'accepted',
      decidedAt: now,
      decidedByPersonId: viewer.personId,
      activityId: activity.id,
    });
    await mailProposer(tx, deps, row, (m) => ({
      subject: m.proposals.mail.acceptedSubject,
      text: m.proposals.mail.acceptedBody(
        proposal.title,
        `${deps.config.baseUrl}/aktiviteter/${activity.slug}`,
      ),
    }));
    return activity.slug;
  });
}

/**
 * Merges a proposal into an activity already in the register: the proposal's organisation and
 * institution become parties of it (a change in the activity's history, noting the proposal), unless
 * they already are.
 */
export async function mergeProposal(
  deps: Deps,
  viewer: Viewer,
  id: number,
  input: { activityId: number; university: string },
): Promise<void> {
  if (!canReviewProposals(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const { t } = deps;
  await withPublicChange(deps, async (tx) => {
    const row = await lockWaiting(tx, t, id);
    const activity = await lockLiveActivity(tx, input.activityId);
    if (!activity) throw new Refusal('proposals.review.activityGone', { field: 'activityId' });
    const adding = [
      await liveOrganisation(tx, row),
      await resolveUniversity(tx, deps, viewer, row, input.university, now),
    ];
    const links = await findActivityLinks(tx, activity.id);
    const next = valuesFromInput({
      kind: activity.kind,
      title: activity.title,
      startsOn: activity.startsOn,
      endsOn: activity.endsOn,
      organisationIds: sorted([...links.organisationIds, ...adding]),
      agreementId: activity.agreementId,
      focusAreaIds: links.focusAreaIds,
      goalIds: links.goalIds,
      description: activity.description,
      outcomes: activity.outcomes,
      outcomesUsedOn: activity.outcomesUsedOn,
      visibility: activity.visibility,
      internalReason: activity.internalReason,
    });
    // The one way an activity is changed (rights, links, version, the history row), noting the proposal;
    // nothing is written when the parties were there already.
    await changeActivity(tx, deps, viewer, activity.slug, next, activity.version, {
      action: 'changed',
      note: t.proposals.review.historyNote(row.proposal.id, row.proposerName),
    });
    await decide(tx, t, id, {
      status: 'merged',
      decidedAt: now,
      decidedByPersonId: viewer.personId,
      activityId: activity.id,
    });
    await mailProposer(tx, deps, row, (m) => ({
      subject: m.proposals.mail.mergedSubject,
      // An internal activity's title stays with those who may see it: the mail names the proposal only.
      text:
        activity.visibility === 'public'
          ? m.proposals.mail.mergedBody(
              row.proposal.title,
              activity.title,
              `${deps.config.baseUrl}/aktiviteter/${activity.slug}`,
            )
          : m.proposals.mail.mergedInternalBody(row.proposal.title, `${deps.config.baseUrl}/forslag/${id}`),
    }));
  });
}

/** Declines a proposal with a reason, which the proposer gets in the mail. Nothing public changes. */
export async function declineProposal(deps: Deps, viewer: Viewer, id: number, reason: string): Promise<void> {
  if (!canReviewProposals(viewer)) throw notAllowed();
  const now = deps.clock.now();
  const { t } = deps;
  await deps.db.transaction(async (tx) => {
    const row = await lockWaiting(tx, t, id);
    await decide(tx, t, id, {
      status: 'declined',
      decidedAt: now,
      decidedByPersonId: viewer.personId,
      declineReason: reason,
    });
    await mailProposer(tx, deps, row, (m) => ({
      subject: m.proposals.mail.declinedSubject,
      text: m.proposals.mail.declinedBody(row.proposal.title, reason, `${deps.config.baseUrl}/forslag/${id}`),
    }));
  });
}

/**
 * The decision's mail to the proposer, in their language, queued in the decision's transaction: their
 * own address (the one on their account), or the proposal's contact address if the account has none.
 */
async function mailProposer(
  tx: DbOrTx,
  deps: Pick<Deps, 'clock'>,
  row: ProposalRow,
  write: (m: Messages) => { subject: string; text: string },
): Promise<void> {
  const m = messagesFor(languageFor(row.proposerLanguage));
  const to = row.proposerEmail || row.proposal.contactEmail;
  await queueMail(tx, { to, ...write(m) }, deps.clock);
}

/**
 * The workspace's proposal sections: for a reviewer, what waits (oldest first) and how many are in each
 * status; for everyone, their own proposals.
 */
export async function proposalsForWorkspace(deps: { db: Db }, viewer: Viewer) {
  const reviewer = canReviewProposals(viewer);
  const [queue, counts, mine] = await Promise.all([
    reviewer ? findWaitingProposals(deps.db, QUEUE_LIMIT) : undefined,
    reviewer ? countProposalsByStatus(deps.db) : undefined,
    findProposalsBy(deps.db, viewer.personId, MINE_LIMIT),
  ]);
  return { review: queue && counts ? { queue, counts } : undefined, mine };
}

export type ProposalsForWorkspace = Awaited<ReturnType<typeof proposalsForWorkspace>>;
