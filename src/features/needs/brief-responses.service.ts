import type { RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { formatDate, stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { forbidden, Refusal } from '../../lib/refusal.ts';
import { languageFor, type Messages, messagesFor } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import type { Role } from '../accounts/accounts.table.ts';
import type { ActivityKind } from '../activities/activities.table.ts';
import { findActivityLinks } from '../activities/activity-edits.queries.ts';
import { addActivity, changeActivity, valuesFromInput } from '../activities/activity-edits.service.ts';
import {
  canAnswerBrief,
  canReviewBriefResponse,
  canSeeBriefResponse,
  isCoordinator,
  type Viewer,
} from '../auth/permissions.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findOrganisationChain } from '../organisations/organisation-edits.queries.ts';
import {
  findLiveOrganisation,
  findMunicipalityOrganisations,
  findUniversityChoices,
  lockLiveActivity,
} from '../proposals/proposals.queries.ts';
import { recordHistory } from '../register/history.service.ts';
import { isAllowedMove, needsReason, nextStatuses } from './brief-response-status.ts';
import {
  type AnswerInput,
  type MoveInput,
  OTHER_INSTITUTION,
  type SignUpInput,
} from './brief-responses.forms.ts';
import {
  type AnswerRow,
  type BriefRow,
  countWaitingAnswers,
  findActivitiesFromBrief,
  findAnswer,
  findAnswerBy,
  findAnswerHistory,
  findAnswersBy,
  findBriefBySlug,
  findBriefLinks,
  findMailablePerson,
  findPeopleWithRoles,
  findResponderAddress,
  findSignUpActivity,
  findWaitingAnswers,
  insertAnswer,
  lockAnswer,
  lockBrief,
  updateAnswerStatus,
} from './brief-responses.queries.ts';
import type { BriefKind, BriefResponseStatus } from './needs.table.ts';

/**
 * Answers to the needs bank's briefs (issue 9, item 6). Anyone signed in answers a brief that is open
 * (published, not closed, not past its deadline, not deleted; an internal one only from inside its
 * organisation), once. The brief's owner moves the answer through its stages (brief-response-status.ts),
 * under a row lock and a version check, with a history row and a mail to the responder in the same
 * transaction; "antagen" adds the activity to the register in that transaction too.
 */

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't' | 'config'>;

export const briefPath = (slug: string) => `/behovsbanken/${slug}`;
export const answerPath = (id: number) => `/behovsbanken/svar/${id}`;

/** What an accepted answer becomes in the register, by the brief's kind. */
export const ACTIVITY_KIND: Record<BriefKind, ActivityKind> = {
  research_question: 'research_project',
  thesis: 'thesis_project',
  ulf_question: 'ulf_project',
  course_project: 'course',
  guest_lecture: 'event',
  staff_development: 'course',
};

const MINE_LIMIT = 50;
const QUEUE_LIMIT = 100;
/** An activity's title is at most this long (its form's limit). */
const TITLE_MAX = 200;

/** A sign-up to competence development (staff), not an answer to a question. */
export const isSignUp = (brief: { kind: BriefKind }) => brief.kind === 'staff_development';

/** Why a brief takes no answer from this person now, if it does not; checked again when the answer is saved. */
async function checkAnswerable(db: DbOrTx, now: Date, viewer: Viewer, brief: BriefRow): Promise<void> {
  const refused = (reason: Parameters<typeof messageOf>[0], status: 403 | 409, params = {}) =>
    new Refusal(messageOf(reason), {
      status,
      params,
      title: 'briefResponses.refused.title',
      link: { href: '/behovsbanken', text: 'briefResponses.refused.backToBank' },
    });
  if (brief.deletedAt) throw refused('deleted', 409);
  const chain = await findOrganisationChain(db, brief.organisationId);
  if (!canAnswerBrief(viewer, { internal: brief.visibility === 'internal', chain }))
    throw refused('internal', 403);
  if (!brief.publishedAt || brief.publishedAt > now) throw refused('unpublished', 409);
  if (brief.closedAt && brief.closedAt <= now) throw refused('closed', 409);
  if (brief.deadline && brief.deadline < stockholmDate(now))
    throw refused('pastDeadline', 409, { deadline: formatDate(brief.deadline) });
}

function messageOf(reason: 'deleted' | 'internal' | 'unpublished' | 'closed' | 'pastDeadline') {
  return `briefResponses.refused.${reason}` as const;
}

/** One answer per person per brief: the second is refused with a link to the first. */
function alreadyAnswered(id: number): Refusal {
  return new Refusal('briefResponses.refused.duplicate', {
    status: 409,
    title: 'briefResponses.refused.duplicateTitle',
    link: { href: answerPath(id), text: 'briefResponses.refused.toYourAnswer' },
  });
}

async function briefFor(db: DbOrTx, slug: string): Promise<BriefRow> {
  const brief = await findBriefBySlug(db, slug);
  if (!brief) throw new AppError('NOT_FOUND', `brief ${slug}`);
  return brief;
}

/** The form's choices: universities for an answer, the municipality's organisations for a sign-up. */
async function choicesFor(db: DbOrTx, brief: BriefRow) {
  return isSignUp(brief)
    ? { institutions: [], organisations: await findMunicipalityOrganisations(db) }
    : { institutions: await findUniversityChoices(db), organisations: [] };
}

export type AnswerChoices = Awaited<ReturnType<typeof choicesFor>>;

/**
 * The answer form for a brief the person may answer now: the brief, the choices, the values it starts
 * with (their name and address; their institution or organisation where it is a choice), and the
 * account's address the mails about the answer go to (the form names it).
 */
export async function loadAnswerForm(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, slug: string) {
  const brief = await briefFor(deps.db, slug);
  await checkAnswerable(deps.db, deps.clock.now(), viewer, brief);
  const existing = await findAnswerBy(deps.db, brief.id, viewer.personId);
  if (existing !== undefined) throw alreadyAnswered(existing);
  const choices = await choicesFor(deps.db, brief);
  const own = (list: { id: number }[]) =>
    viewer.memberships.find((membership) => list.some((choice) => choice.id === membership.organisationId));
  const institution = own(choices.institutions);
  const organisation = own(choices.organisations);
  const values: Record<string, string> = {
    name: viewer.name,
    email: viewer.email ?? '',
    ...(institution ? { institutionId: String(institution.organisationId) } : {}),
    ...(organisation ? { organisationId: String(organisation.organisationId) } : {}),
  };
  return { brief, choices, values, mailTo: await findResponderAddress(deps.db, viewer.personId) };
}

export type LoadedAnswerForm = Awaited<ReturnType<typeof loadAnswerForm>>;

/**
 * The brief and choices, to show the form again with messages. Checked again like the form itself: a
 * post is no proof the person ever saw the form, and the page shows the brief's title and question (a
 * draft's, an internal or deleted one's would reach anyone signed in).
 */
export async function loadAnswerFormAgain(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, slug: string) {
  const brief = await briefFor(deps.db, slug);
  await checkAnswerable(deps.db, deps.clock.now(), viewer, brief);
  const [choices, mailTo] = await Promise.all([
    choicesFor(deps.db, brief),
    findResponderAddress(deps.db, viewer.personId),
  ]);
  return { brief, choices, mailTo };
}

export type AnswerSubmission = { kind: 'answer'; data: AnswerInput } | { kind: 'signUp'; data: SignUpInput };

/**
 * Saves an answer (or a sign-up) and queues the mails: a receipt to the responder's account address
 * (findResponderAddress; the address typed in the form is the contact the brief's owner sees, never where
 * mail goes) and a notice to the brief's contact and those who may take it on (answerReviewers). Everything is checked again inside the transaction: the brief may have closed while
 * the form was open, and two answers from one person at once meet the unique index.
 */
export async function submitAnswer(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  submission: AnswerSubmission,
): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const brief = await briefFor(tx, slug);
    await checkAnswerable(tx, now, viewer, brief);
    const existing = await findAnswerBy(tx, brief.id, viewer.personId);
    if (existing !== undefined) throw alreadyAnswered(existing);
    if ((submission.kind === 'signUp') !== isSignUp(brief))
      throw new AppError('BAD_REQUEST', 'a form of the other kind of brief');
    const values =
      submission.kind === 'signUp'
        ? await signUpValues(tx, submission.data)
        : await answerValues(tx, submission.data);
    const saved = await insertAnswer(tx, {
      ...values,
      briefId: brief.id,
      responderPersonId: viewer.personId,
      name: submission.data.name,
      email: submission.data.email,
      createdAt: now,
      updatedAt: now,
    });
    if (!saved) {
      const first = await findAnswerBy(tx, brief.id, viewer.personId);
      throw alreadyAnswered(first ?? 0);
    }
    await recordHistory(tx, {
      type: 'brief_response',
      id: saved.id,
      version: saved.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: describe(deps.t, { status: 'submitted', reason: null, activityTitle: null }),
      snapshot: { status: 'submitted', reason: null, activityId: null },
    });
    const url = `${deps.config.baseUrl}${answerPath(saved.id)}`;
    const m = messagesFor(languageFor(viewer.language));
    const responderAddress = await findResponderAddress(tx, viewer.personId);
    if (responderAddress)
      await queueMail(
        tx,
        {
          to: responderAddress,
          subject: m.briefResponses.mail.receivedSubject(brief.title),
          text: m.briefResponses.mail.receivedBody(brief.title, url),
        },
        deps.clock,
      );
    // The brief's contact (if it names one) and those who may take the answer on, each address once.
    const owners = [
      ...(brief.contactEmail ? [{ email: brief.contactEmail, language: null }] : []),
      ...(await answerReviewers(tx, brief)),
    ];
    const mailed = new Set<string>();
    for (const owner of owners) {
      const address = owner.email.trim().toLowerCase();
      if (mailed.has(address)) continue;
      mailed.add(address);
      const text = messagesFor(languageFor(owner.language)).briefResponses.mail;
      await queueMail(
        tx,
        {
          to: owner.email,
          subject: text.newAnswerSubject(brief.title),
          text: text.newAnswerBody(brief.title, submission.data.name, url),
        },
        deps.clock,
      );
    }
    return saved.id;
  });
}

/**
 * Who hears of a new answer besides the brief's contact: those who may move it (canReviewBriefResponse).
 * The brief's author while they still have that right; else the owner side of the brief's organisation
 * chain (its editors; for competence development the institution's placement coordinators too); else the
 * coordinators, so an answer never waits unseen.
 */
async function answerReviewers(
  tx: DbOrTx,
  brief: BriefRow,
): Promise<{ email: string; language: Viewer['language'] | null }[]> {
  const scope = await ownerScope(tx, brief);
  const author =
    brief.authorPersonId === null ? undefined : await findMailablePerson(tx, brief.authorPersonId);
  if (author && canReviewBriefResponse({ ...author, personId: author.id, groupIds: [] }, scope))
    return [author];
  const roles: Role[] = isSignUp(brief) ? ['editor', 'placement_coordinator'] : ['editor'];
  const owners = await findPeopleWithRoles(tx, scope.organisation, roles);
  return owners.length > 0 ? owners : findPeopleWithRoles(tx, [], ['coordinator']);
}

/** An answer's own fields, its choice checked against the register (a tampered select is a message by it). */
async function answerValues(tx: DbOrTx, input: AnswerInput) {
  let institutionId: number | null = null;
  if (input.institutionId !== OTHER_INSTITUTION) {
    const found = await findLiveOrganisation(tx, Number(input.institutionId));
    if (found?.kind !== 'university')
      throw new Refusal('briefResponses.institutionMissing', { field: 'institutionId' });
    institutionId = found.id;
  }
  return {
    role: input.role,
    institutionId,
    otherInstitution: institutionId === null ? input.otherInstitution : null,
    programme: input.programme ?? '',
    approach: input.approach,
    timing: input.timing ?? '',
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
}

const MUNICIPAL_KINDS = ['municipality', 'administration', 'unit', 'committee'];

async function signUpValues(tx: DbOrTx, input: SignUpInput) {
  const found = await findLiveOrganisation(tx, input.organisationId);
  if (!found || !MUNICIPAL_KINDS.includes(found.kind))
    throw new Refusal('briefResponses.organisationMissing', { field: 'organisationId' });
  return { role: 'staff' as const, institutionId: found.id, approach: input.approach ?? '' };
}

/** The answer's stage as people read it, for its history. */
function describe(
  t: Messages,
  values: { status: BriefResponseStatus; reason: string | null; activityTitle: string | null },
) {
  return {
    status: t.briefResponses.statuses[values.status],
    reason: values.reason ?? '',
    activity: values.activityTitle ?? '',
  };
}

/** The chain of the brief's organisation with its kind: what the owner's right is checked against. */
async function ownerScope(db: DbOrTx, brief: { kind: BriefKind; organisationId: number }) {
  return { kind: brief.kind, organisation: await findOrganisationChain(db, brief.organisationId) };
}

/**
 * An answer for someone who may see it (its responder, the brief's owner side), with its stages and, for
 * the owner side, the moves it may make next.
 */
export async function loadAnswer(deps: Pick<Deps, 'db'>, viewer: Viewer, id: number) {
  const row = await findAnswer(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `brief response ${id}`);
  const scope = await ownerScope(deps.db, row.brief);
  if (!canSeeBriefResponse(viewer, row.response, scope)) throw forbidden();
  const mayReview = canReviewBriefResponse(viewer, scope);
  const history = await findAnswerHistory(deps.db, id);
  const stages = history.map((entry) => ({
    status: (entry.snapshot as { status?: BriefResponseStatus }).status ?? 'submitted',
    at: entry.at,
    actorName: entry.actorName ?? '',
  }));
  return { ...row, stages, mayReview, moves: mayReview ? nextStatuses(row.response.status) : [] };
}

export type LoadedAnswer = Awaited<ReturnType<typeof loadAnswer>>;

/** Someone moved the answer after this page was opened: the move is not saved, the page says where it is. */
function staleAnswer(id: number, status: BriefResponseStatus): Refusal {
  return new Refusal('briefResponses.move.stale', {
    status: 409,
    title: 'briefResponses.move.staleTitle',
    params: { status },
    link: { href: answerPath(id), text: 'briefResponses.move.backToAnswer' },
  });
}

function notAllowedMove(id: number, from: BriefResponseStatus, to: BriefResponseStatus) {
  return new Refusal('briefResponses.move.notAllowed', {
    status: 409,
    title: 'briefResponses.move.notAllowedTitle',
    params: { from, to },
    link: { href: answerPath(id), text: 'briefResponses.move.backToAnswer' },
  });
}

/**
 * Moves an answer to its next stage: the owner's right, the version the page was opened on, a move the
 * machine allows, a reason for avböjd; "antagen" adds the activity. One transaction with the history row
 * and the responder's mail; the row is locked first, so two moves at once are taken one after the other
 * and the second finds the version moved on.
 */
export async function moveAnswer(deps: Deps, viewer: Viewer, id: number, input: MoveInput): Promise<void> {
  const now = deps.clock.now();
  const { t } = deps;
  const run = async (tx: DbOrTx) => {
    const locked = await lockAnswer(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', `brief response ${id}`);
    const row = await findAnswer(tx, id);
    if (!row) throw new AppError('NOT_FOUND', `brief response ${id}`);
    if (!canReviewBriefResponse(viewer, await ownerScope(tx, row.brief))) throw forbidden();
    if (locked.version !== input.version) throw staleAnswer(id, locked.status);
    if (!isAllowedMove(locked.status, input.status)) throw notAllowedMove(id, locked.status, input.status);
    if (needsReason(input.status) && !input.reason)
      throw new Refusal('briefResponses.move.reasonMissing', { field: 'reason' });
    const reason = input.status === 'declined' ? input.reason : locked.reason;
    const activity =
      input.status === 'accepted' ? await activityFor(tx, deps, viewer, row) : (row.activity ?? null);
    const activityId = activity?.id ?? null;
    const version = await updateAnswerStatus(tx, id, input.version, {
      status: input.status,
      reason,
      activityId,
      updatedAt: now,
    });
    if (version === undefined) throw staleAnswer(id, locked.status);
    await recordHistory(tx, {
      type: 'brief_response',
      id,
      version,
      action: 'changed',
      actorPersonId: viewer.personId,
      at: now,
      before: describe(t, {
        status: locked.status,
        reason: locked.reason,
        activityTitle: row.activity?.title ?? null,
      }),
      after: describe(t, { status: input.status, reason, activityTitle: activity?.title ?? null }),
      snapshot: { status: input.status, reason, activityId },
    });
    await mailResponder(tx, deps, row, input.status, reason, activity);
  };
  // Only "antagen" changes what the public pages show (a new activity): only it empties the page caches.
  if (input.status === 'accepted') await withPublicChange(deps, run);
  else await deps.db.transaction(run);
}

type MadeActivity = { id: number; slug: string | null; title: string | null; visibility: string | null };

/**
 * The right to accept an answer (canReviewBriefResponse) is the right to add what it becomes: an owner
 * without an editor's role (a placement coordinator accepting a sign-up to their institution's course)
 * adds the activity as an editor of the brief's organisation would. The history names them as they are.
 */
function actingOwner(viewer: Viewer, organisationId: number): Viewer {
  if (isCoordinator(viewer)) return viewer;
  return { ...viewer, memberships: [...viewer.memberships, { organisationId, role: 'editor' }] };
}

/**
 * The activity an accepted answer becomes, added in the move's transaction through the activities' own
 * service (address, links, rights, history): of the kind the brief's kind maps to, titled after the brief
 * (and the responder's institution), described by the brief's question and the approach, linked to the
 * brief's organisation, the responder's institution (one from the register), the brief's focus areas and
 * goals, and public as the brief is. A sign-up to competence development joins the course an earlier
 * sign-up to the same brief became (their organisation added as a party), so one course is one activity.
 */
async function activityFor(tx: DbOrTx, deps: Deps, viewer: Viewer, row: AnswerRow): Promise<MadeActivity> {
  const { brief, response } = row;
  const { t } = deps;
  if (!(await findLiveOrganisation(tx, brief.organisationId)))
    throw new Refusal('briefResponses.move.organisationGone', { status: 409 });
  const acting = actingOwner(viewer, brief.organisationId);
  const institution = row.institution?.id && !row.institution.deletedAt ? row.institution : null;
  const note = t.briefResponses.move.historyNote(response.id, brief.title, response.name);
  const organisationIds = [brief.organisationId, ...(institution ? [institution.id] : [])];
  if (isSignUp(brief)) {
    // Two sign-ups accepted at the same moment: the second waits here and finds the first one's course.
    await lockBrief(tx, brief.id);
    const existingId = await findSignUpActivity(tx, brief.id, response.id);
    const existing = existingId === undefined ? undefined : await lockLiveActivity(tx, existingId);
    if (existing) {
      const links = await findActivityLinks(tx, existing.id);
      const next = valuesFromInput({
        ...existing,
        organisationIds: [...links.organisationIds, ...organisationIds],
        focusAreaIds: links.focusAreaIds,
        goalIds: links.goalIds,
      });
      await changeActivity(tx, deps, acting, existing.slug, next, existing.version, {
        action: 'changed',
        note,
      });
      return existing;
    }
  }
  const institutionName = institution?.name ?? response.otherInstitution ?? '';
  const combined = t.briefResponses.activity.title(brief.title, institutionName);
  const title = isSignUp(brief) || !institutionName || combined.length > TITLE_MAX ? brief.title : combined;
  const links = await findBriefLinks(tx, brief.id);
  const values = valuesFromInput({
    kind: ACTIVITY_KIND[brief.kind],
    title,
    startsOn: response.startsOn,
    endsOn: response.endsOn,
    organisationIds,
    agreementId: null,
    focusAreaIds: links.focusAreaIds,
    goalIds: links.goalIds,
    // The answer's "När?" in its own words: the activity's period holds only dates, so it is kept here.
    description: t.briefResponses.activity.description(
      brief.question,
      isSignUp(brief) ? '' : response.approach,
      isSignUp(brief) ? '' : response.timing,
    ),
    outcomes: '',
    outcomesUsedOn: null,
    visibility: brief.visibility,
    internalReason: brief.visibility === 'internal' ? (brief.internalReason ?? '') : null,
  });
  const added = await addActivity(tx, deps, acting, values, { action: 'created', note });
  return { id: added.id, slug: added.slug, title, visibility: brief.visibility };
}

/**
 * The move's mail to the responder, in their language, to their account's address (findResponderAddress),
 * never the address typed in the form; none when the account has no address or is erased.
 */
async function mailResponder(
  tx: DbOrTx,
  deps: Deps,
  row: AnswerRow,
  status: BriefResponseStatus,
  reason: string | null,
  activity: MadeActivity | null,
): Promise<void> {
  const to = await findResponderAddress(tx, row.response.responderPersonId);
  if (!to) return;
  const m = messagesFor(languageFor(row.responderLanguage));
  const text = m.briefResponses.mail;
  const title = row.brief.title;
  const url = `${deps.config.baseUrl}${answerPath(row.response.id)}`;
  const body =
    status === 'in_review'
      ? text.inReviewBody(title, url)
      : status === 'accepted'
        ? activity?.visibility === 'public' && activity.slug
          ? text.acceptedBody(title, `${deps.config.baseUrl}/aktiviteter/${activity.slug}`, url)
          : text.acceptedInternalBody(title, url)
        : status === 'declined'
          ? text.declinedBody(title, reason ?? '', url)
          : text.completedBody(title, url);
  await queueMail(
    tx,
    {
      to,
      subject: text.movedSubject(title, status),
      text: body,
    },
    deps.clock,
  );
}

/** "Det här blev" on a brief's public page: the public activities its answers became. */
export function briefOutcomes(deps: Pick<Deps, 'db'>, briefId: number) {
  return findActivitiesFromBrief(deps.db, briefId);
}

/**
 * The workspace's sections: everyone's own answers ("Mina svar"), and for the owner side the answers
 * waiting on their briefs ("Svar att bedöma": the coordinator all; an editor those to briefs of their
 * organisations and the ones under them; a placement coordinator those to their institution's
 * competence development).
 */
export async function briefResponsesForWorkspace(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  const roots = (role: string) =>
    viewer.memberships.filter((membership) => membership.role === role).map((m) => m.organisationId);
  const scope = isCoordinator(viewer)
    ? ('all' as const)
    : { editorRoots: roots('editor'), staffRoots: roots('placement_coordinator') };
  const reviews = scope === 'all' || scope.editorRoots.length > 0 || scope.staffRoots.length > 0;
  const [mine, queue, waiting] = await Promise.all([
    findAnswersBy(deps.db, viewer.personId, MINE_LIMIT),
    reviews ? findWaitingAnswers(deps.db, scope, QUEUE_LIMIT) : undefined,
    reviews ? countWaitingAnswers(deps.db, scope) : undefined,
  ]);
  return { mine, review: queue && waiting !== undefined ? { queue, waiting } : undefined };
}

export type BriefResponsesForWorkspace = Awaited<ReturnType<typeof briefResponsesForWorkspace>>;
