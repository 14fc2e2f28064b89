import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, people, personIdentities, type Role } from '../accounts/accounts.table.ts';
import { activities } from '../activities/activities.table.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import {
  type BriefResponseStatus,
  briefFocusAreas,
  briefGoals,
  briefResponses,
  briefs,
} from './needs.table.ts';

/** The SQL behind answers to briefs (brief-responses.service.ts): answers, their briefs, what they became. */

const briefColumns = {
  id: briefs.id,
  slug: briefs.slug,
  kind: briefs.kind,
  title: briefs.title,
  organisationId: briefs.organisationId,
  question: briefs.question,
  intendedUse: briefs.intendedUse,
  deadline: briefs.deadline,
  publishedAt: briefs.publishedAt,
  closedAt: briefs.closedAt,
  deletedAt: briefs.deletedAt,
  visibility: briefs.visibility,
  internalReason: briefs.internalReason,
  contactName: briefs.contactName,
  contactEmail: briefs.contactEmail,
  authorPersonId: briefs.authorPersonId,
};

/** A brief by its address, whatever its state (the service says why it cannot be answered). */
export async function findBriefBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ ...briefColumns, organisationName: organisations.name })
    .from(briefs)
    .innerJoin(organisations, eq(organisations.id, briefs.organisationId))
    .where(eq(briefs.slug, slug));
  return row;
}

export type BriefRow = NonNullable<Awaited<ReturnType<typeof findBriefBySlug>>>;

/** The brief's focus areas still in the register, and its goals: what its activity is linked to. */
export async function findBriefLinks(db: DbOrTx, briefId: number) {
  const [areas, goals] = await Promise.all([
    db
      .select({ id: briefFocusAreas.focusAreaId })
      .from(briefFocusAreas)
      .innerJoin(focusAreas, eq(focusAreas.id, briefFocusAreas.focusAreaId))
      .where(and(eq(briefFocusAreas.briefId, briefId), isNull(focusAreas.deletedAt))),
    db.select({ id: briefGoals.goalId }).from(briefGoals).where(eq(briefGoals.briefId, briefId)),
  ]);
  return { focusAreaIds: areas.map((row) => row.id), goalIds: goals.map((row) => row.id) };
}

/** The person's answer to the brief, if they have answered it. */
export async function findAnswerBy(db: DbOrTx, briefId: number, personId: number) {
  const [row] = await db
    .select({ id: briefResponses.id })
    .from(briefResponses)
    .where(and(eq(briefResponses.briefId, briefId), eq(briefResponses.responderPersonId, personId)));
  return row?.id;
}

/**
 * A person who can still be mailed (not disabled or erased, with an address), with their roles: whether
 * the brief's author still stands behind it is asked of permissions.ts with these.
 */
export async function findMailablePerson(db: DbOrTx, personId: number) {
  const [person] = await db
    .select({ id: people.id, name: people.name, email: people.email, language: people.language })
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.disabledAt), isNull(people.erasedAt)));
  if (!person?.email) return undefined;
  const roles = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return { ...person, email: person.email, memberships: roles };
}

/**
 * Where the mails about a person's own answer go: the address they proved with a sign-in link (the
 * first, if they have several), else the account's address (an OIDC account's comes from its identity
 * provider), else nowhere. Never an address typed in the answer form, which could be anyone's; nothing for
 * an erased account.
 */
export async function findResponderAddress(db: DbOrTx, personId: number | null): Promise<string | null> {
  if (personId === null) return null;
  const [person] = await db
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.erasedAt)));
  if (!person) return null;
  const [proven] = await db
    .select({ subject: personIdentities.subject })
    .from(personIdentities)
    .where(and(eq(personIdentities.personId, personId), eq(personIdentities.issuer, EMAIL_LINK_ISSUER)))
    .orderBy(asc(personIdentities.createdAt), asc(personIdentities.subject))
    .limit(1);
  return proven?.subject ?? (person.email || null);
}

/**
 * People with one of the roles at any of these organisations (the coordinator role wherever it is held),
 * who can still be mailed: the owner side of a brief, to hear of a new answer.
 */
export async function findPeopleWithRoles(db: DbOrTx, organisationIds: number[], roles: Role[]) {
  const anywhere = roles.includes('coordinator');
  if (roles.length === 0 || (!anywhere && organisationIds.length === 0)) return [];
  const rows = await db
    .selectDistinct({ id: people.id, email: people.email, language: people.language })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        inArray(memberships.role, roles),
        anywhere ? undefined : inArray(memberships.organisationId, organisationIds),
        isNull(people.disabledAt),
        isNull(people.erasedAt),
        sql`${people.email} is not null`,
      ),
    )
    .orderBy(asc(people.id));
  return rows.flatMap((row) => (row.email ? [{ ...row, email: row.email }] : []));
}

export type NewBriefResponse = typeof briefResponses.$inferInsert;

/** Inserts an answer; undefined when the person has answered the brief already (the unique index). */
export async function insertAnswer(
  tx: DbOrTx,
  values: NewBriefResponse,
): Promise<{ id: number; version: number } | undefined> {
  const [row] = await tx
    .insert(briefResponses)
    .values(values)
    .onConflictDoNothing({ target: [briefResponses.briefId, briefResponses.responderPersonId] })
    .returning({ id: briefResponses.id, version: briefResponses.version });
  return row;
}

const owner = aliasedTable(organisations, 'owner');

/** One answer with its brief and the names it points to (the service checks who may see it). */
export async function findAnswer(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ response: briefResponses, brief: briefColumns, ownerName: owner.name })
    .from(briefResponses)
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .innerJoin(owner, eq(owner.id, briefs.organisationId))
    .where(eq(briefResponses.id, id));
  if (!row) return undefined;
  const { response } = row;
  const [institution] =
    response.institutionId === null
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name, deletedAt: organisations.deletedAt })
          .from(organisations)
          .where(eq(organisations.id, response.institutionId));
  const [responder] =
    response.responderPersonId === null
      ? []
      : await db
          .select({ language: people.language })
          .from(people)
          .where(eq(people.id, response.responderPersonId));
  const [activity] =
    response.activityId === null
      ? []
      : await db
          .select({
            id: activities.id,
            slug: activities.slug,
            title: activities.title,
            visibility: activities.visibility,
            deletedAt: activities.deletedAt,
          })
          .from(activities)
          .where(eq(activities.id, response.activityId));
  return {
    response,
    brief: { ...row.brief, organisationName: row.ownerName },
    institution: institution ?? null,
    responderLanguage: responder?.language ?? null,
    activity: activity ?? null,
  };
}

export type AnswerRow = NonNullable<Awaited<ReturnType<typeof findAnswer>>>;

/** The answer's row, locked until the transaction ends: two moves of one answer queue up here. */
export async function lockAnswer(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(briefResponses).where(eq(briefResponses.id, id)).for('update');
  return row;
}

/** Writes a move if the answer is still at `expectedVersion`; the new version, or undefined. */
export async function updateAnswerStatus(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: { status: BriefResponseStatus; reason: string | null; activityId: number | null; updatedAt: Date },
): Promise<number | undefined> {
  const [row] = await tx
    .update(briefResponses)
    .set({
      ...values,
      // The first move to "antagen" dates the take-up the goal indicators count; a later move keeps it.
      ...(values.status === 'accepted'
        ? {
            acceptedAt: sql`coalesce(${briefResponses.acceptedAt}, ${values.updatedAt.toISOString()}::timestamptz)`,
          }
        : {}),
      version: sql`${briefResponses.version} + 1`,
    })
    .where(and(eq(briefResponses.id, id), eq(briefResponses.version, expectedVersion)))
    .returning({ version: briefResponses.version });
  return row?.version;
}

/** The answer's stages from its history, oldest first, with who moved it. */
export function findAnswerHistory(db: DbOrTx, id: number) {
  return db
    .select({
      version: recordHistory.version,
      at: recordHistory.at,
      snapshot: recordHistory.snapshot,
      actorName: people.name,
    })
    .from(recordHistory)
    .leftJoin(people, eq(people.id, recordHistory.actorPersonId))
    .where(and(eq(recordHistory.recordType, 'brief_response'), eq(recordHistory.recordId, id)))
    .orderBy(asc(recordHistory.version), asc(recordHistory.id));
}

/** A person's own answers, the latest first. */
export function findAnswersBy(db: DbOrTx, personId: number, limit: number) {
  return db
    .select({
      id: briefResponses.id,
      status: briefResponses.status,
      createdAt: briefResponses.createdAt,
      briefTitle: briefs.title,
      briefKind: briefs.kind,
    })
    .from(briefResponses)
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .where(eq(briefResponses.responderPersonId, personId))
    .orderBy(desc(briefResponses.createdAt), desc(briefResponses.id))
    .limit(limit);
}

/**
 * Which briefs an owner reviews the answers to, as SQL on `briefs`: 'all' (the coordinator), else the
 * briefs of `editorRoots` and every organisation under them, and the competence development of
 * `staffRoots` (a placement coordinator's institutions) and every organisation under them. The same
 * rule as canEditBrief, for a list.
 */
function ownedBriefs(scope: { editorRoots: number[]; staffRoots: number[] } | 'all') {
  if (scope === 'all') return sql`true`;
  const subtree = (roots: number[]) =>
    roots.length === 0
      ? sql`false`
      : sql`${briefs.organisationId} in (
          with recursive subtree(id, depth) as (
            select id, 0 from organisations where id in (${sql.join(
              roots.map((id) => sql`${id}`),
              sql`, `,
            )})
            union all
            select o.id, subtree.depth + 1 from organisations o join subtree on o.parent_id = subtree.id
             where subtree.depth < 50
          )
          select id from subtree)`;
  return sql`(${subtree(scope.editorRoots)} or (${briefs.kind} = 'staff_development' and ${subtree(scope.staffRoots)}))`;
}

/** The answers that wait for an owner (inskickad, under bedömning), oldest first. */
export function findWaitingAnswers(
  db: DbOrTx,
  scope: { editorRoots: number[]; staffRoots: number[] } | 'all',
  limit: number,
) {
  return db
    .select({
      id: briefResponses.id,
      status: briefResponses.status,
      name: briefResponses.name,
      createdAt: briefResponses.createdAt,
      institutionName: sql<
        string | null
      >`coalesce((select name from organisations i where i.id = ${briefResponses.institutionId}), ${briefResponses.otherInstitution})`,
      briefTitle: briefs.title,
    })
    .from(briefResponses)
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .where(and(inArray(briefResponses.status, ['submitted', 'in_review']), ownedBriefs(scope)))
    .orderBy(asc(briefResponses.createdAt), asc(briefResponses.id))
    .limit(limit);
}

export async function countWaitingAnswers(
  db: DbOrTx,
  scope: { editorRoots: number[]; staffRoots: number[] } | 'all',
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(briefResponses)
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .where(and(inArray(briefResponses.status, ['submitted', 'in_review']), ownedBriefs(scope)));
  return row?.n ?? 0;
}

/**
 * The public activities a brief has become (answers antagna or genomförda), for "Det här blev" on the
 * brief's public page: deleted and internal activities are left out (shownToEveryone's rule).
 */
export function findActivitiesFromBrief(db: DbOrTx, briefId: number) {
  return db
    .selectDistinct({ id: activities.id, slug: activities.slug, title: activities.title })
    .from(briefResponses)
    .innerJoin(activities, eq(activities.id, briefResponses.activityId))
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .where(
      and(
        eq(briefResponses.briefId, briefId),
        inArray(briefResponses.status, ['accepted', 'completed']),
        shownToEveryone(activities),
        shownToEveryone(briefs),
      ),
    )
    .orderBy(asc(activities.id));
}

/** The activity an earlier sign-up to the same competence development became, still in the register. */
export async function findSignUpActivity(tx: DbOrTx, briefId: number, exceptId: number) {
  const [row] = await tx
    .select({ id: activities.id })
    .from(briefResponses)
    .innerJoin(activities, eq(activities.id, briefResponses.activityId))
    .where(
      and(
        eq(briefResponses.briefId, briefId),
        sql`${briefResponses.id} <> ${exceptId}`,
        isNull(activities.deletedAt),
      ),
    )
    .orderBy(asc(briefResponses.id))
    .limit(1);
  return row?.id;
}

/** Everything a person's answers hold, for Mina uppgifter's export (right of access). */
export function findAnswersForExport(db: DbOrTx, personId: number) {
  return db
    .select({
      id: briefResponses.id,
      brief: briefs.title,
      status: briefResponses.status,
      name: briefResponses.name,
      email: briefResponses.email,
      role: briefResponses.role,
      otherInstitution: briefResponses.otherInstitution,
      programme: briefResponses.programme,
      approach: briefResponses.approach,
      timing: briefResponses.timing,
      startsOn: briefResponses.startsOn,
      endsOn: briefResponses.endsOn,
      reason: briefResponses.reason,
      createdAt: briefResponses.createdAt,
    })
    .from(briefResponses)
    .innerJoin(briefs, eq(briefs.id, briefResponses.briefId))
    .where(eq(briefResponses.responderPersonId, personId))
    .orderBy(asc(briefResponses.createdAt), asc(briefResponses.id));
}

/**
 * At erasure (GDPR art. 17): the person's answers keep their stage and what they became, not who gave
 * them — the name and address typed into them are emptied.
 */
export async function eraseAnswersOf(tx: DbOrTx, personId: number): Promise<void> {
  await tx
    .update(briefResponses)
    .set({ name: '', email: '' })
    .where(eq(briefResponses.responderPersonId, personId));
}

/** Locks the brief's row: two sign-ups to one course accepted at once then share one activity. */
export async function lockBrief(tx: DbOrTx, id: number): Promise<void> {
  await tx.select({ id: briefs.id }).from(briefs).where(eq(briefs.id, id)).for('update');
}
