import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { activities, activityOrganisations } from '../activities/activities.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { type ProposalStatus, proposals } from './proposals.table.ts';

/** The SQL behind proposals (src/features/proposals): the proposals themselves, choices, likely duplicates. */

export type NewProposal = typeof proposals.$inferInsert;

export async function insertProposal(tx: DbOrTx, values: NewProposal): Promise<number> {
  const [row] = await tx.insert(proposals).values(values).returning({ id: proposals.id });
  if (!row) throw new Error('proposals insert returned no row');
  return row.id;
}

/** The name of the proposal's university from the register (a subquery: organisations is joined already). */
const universityName = sql<
  string | null
>`(select name from organisations u where u.id = ${proposals.universityId})`;
const proposer = aliasedTable(people, 'proposer');
const joinActivity = aliasedTable(activities, 'join_activity');
const resultActivity = aliasedTable(activities, 'result_activity');

/** One proposal with the names of what it points to, for its page (the service checks who may see it). */
export async function findProposal(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      proposal: proposals,
      universityName,
      organisationName: organisations.name,
      goalTitle: goals.shortTitle,
      proposerName: proposer.name,
      proposerEmail: proposer.email,
      proposerLanguage: proposer.language,
      deciderName: sql<
        string | null
      >`(select name from people d where d.id = ${proposals.decidedByPersonId})`,
      joinActivity: {
        id: joinActivity.id,
        slug: joinActivity.slug,
        title: joinActivity.title,
        visibility: joinActivity.visibility,
        deletedAt: joinActivity.deletedAt,
      },
      resultActivity: {
        id: resultActivity.id,
        slug: resultActivity.slug,
        title: resultActivity.title,
        visibility: resultActivity.visibility,
        deletedAt: resultActivity.deletedAt,
      },
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(proposer, eq(proposer.id, proposals.proposerPersonId))
    .leftJoin(goals, eq(goals.id, proposals.goalId))
    .leftJoin(joinActivity, eq(joinActivity.id, proposals.joinActivityId))
    .leftJoin(resultActivity, eq(resultActivity.id, proposals.activityId))
    .where(eq(proposals.id, id));
  return row;
}

export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** The proposal's row, locked until the transaction ends: two decisions on one proposal queue up here. */
export async function lockProposal(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id)).for('update');
  return row;
}

/**
 * Records the decision if the proposal is still waiting; false when someone decided it first. With the
 * row lock taken before, this is the second guard: a decision can only ever be written once.
 */
export async function decideProposal(
  tx: DbOrTx,
  id: number,
  decision: {
    status: Exclude<ProposalStatus, 'submitted'>;
    decidedAt: Date;
    decidedByPersonId: number;
    activityId?: number;
    declineReason?: string;
  },
): Promise<boolean> {
  const rows = await tx
    .update(proposals)
    .set(decision)
    .where(and(eq(proposals.id, id), eq(proposals.status, 'submitted')))
    .returning({ id: proposals.id });
  return rows.length === 1;
}

/** The review queue: what waits, oldest first, at most `limit`. */
export function findWaitingProposals(db: Db, limit: number) {
  return db
    .select({
      id: proposals.id,
      kind: proposals.kind,
      title: proposals.title,
      createdAt: proposals.createdAt,
      organisationName: organisations.name,
      universityName,
      otherUniversity: proposals.otherUniversity,
      proposerName: proposer.name,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(proposer, eq(proposer.id, proposals.proposerPersonId))
    .where(eq(proposals.status, 'submitted'))
    .orderBy(asc(proposals.createdAt), asc(proposals.id))
    .limit(limit);
}

/** How many proposals there are in each status. */
export async function countProposalsByStatus(db: Db): Promise<Record<ProposalStatus, number>> {
  const rows = await db
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .groupBy(proposals.status);
  const counts: Record<ProposalStatus, number> = { submitted: 0, accepted: 0, merged: 0, declined: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** A person's own proposals, the latest first. */
export function findProposalsBy(db: Db, personId: number, limit: number) {
  return db
    .select({
      id: proposals.id,
      kind: proposals.kind,
      title: proposals.title,
      status: proposals.status,
      createdAt: proposals.createdAt,
      decidedAt: proposals.decidedAt,
    })
    .from(proposals)
    .where(eq(proposals.proposerPersonId, personId))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(limit);
}

/** Everything a person's proposals hold, for Mina uppgifter's export (right of access). */
export function findProposalsForExport(db: DbOrTx, personId: number) {
  return db
    .select({
      id: proposals.id,
      kind: proposals.kind,
      status: proposals.status,
      title: proposals.title,
      description: proposals.description,
      university: universityName,
      otherUniversity: proposals.otherUniversity,
      organisation: organisations.name,
      contactName: proposals.contactName,
      contactEmail: proposals.contactEmail,
      startsOn: proposals.startsOn,
      endsOn: proposals.endsOn,
      createdAt: proposals.createdAt,
      decidedAt: proposals.decidedAt,
      declineReason: proposals.declineReason,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(proposals.proposerPersonId, personId))
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
}

const swedishOrder = (column: typeof organisations.name) => sql`${column} collate "sv-SE-x-icu"`;

/** Universities in the register, for the form's select. */
export function findUniversityChoices(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'university'), isNull(organisations.deletedAt)))
    .orderBy(swedishOrder(organisations.name));
}

/** The municipality's side: its förvaltningar, units and committees, for the form's select (a tree). */
export function findMunicipalityOrganisations(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
    .from(organisations)
    .where(
      and(
        inArray(organisations.kind, ['municipality', 'administration', 'unit', 'committee']),
        isNull(organisations.deletedAt),
      ),
    )
    .orderBy(swedishOrder(organisations.name));
}

export function findGoalChoices(db: DbOrTx) {
  return db.select({ id: goals.id, title: goals.shortTitle }).from(goals).orderBy(asc(goals.position));
}

/** An organisation still in the register, with its kind: to check what a form sent. */
export async function findLiveOrganisation(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  return row;
}

export async function goalExists(db: DbOrTx, id: number): Promise<boolean> {
  const [row] = await db.select({ id: goals.id }).from(goals).where(eq(goals.id, id));
  return row !== undefined;
}

/** Title similarity (pg_trgm) from which a title counts as "liknande". */
export const TITLE_SIMILARITY = 0.4;
/** A name similarity from which two institutions are taken to be the same ("Sodertorn hogskola"). */
export const NAME_SIMILARITY = 0.5;

/** `unaccent(lower(x))`: what both sides of every comparison are reduced to. */
const folded = (value: unknown) => sql`unaccent(lower((${value})::text))`;

/**
 * Activities that may be the one a proposal describes, best first: a similar title (trigram similarity,
 * or a short title found whole inside a longer one), or the same institution and the same förvaltning
 * (the institution by id, by a similar name or by its short name; the förvaltning as any organisation
 * in `organisationIds`). Case and accents never matter (unaccent(lower(…)) on both sides). Deleted
 * activities are never candidates; internal ones only with `includeInternal`.
 */
export async function findSimilarActivities(
  db: DbOrTx,
  query: {
    title: string;
    universityId: number | null;
    institutionName: string | null;
    organisationIds: number[];
    includeInternal: boolean;
    limit: number;
  },
) {
  const title = folded(query.title);
  const name = query.institutionName ? folded(query.institutionName) : sql`null::text`;
  const sameInstitution = sql`exists (
      select 1 from activity_organisations ao join organisations o on o.id = ao.organisation_id
       where ao.activity_id = a.id and o.deleted_at is null and o.kind in ('university', 'department')
         and (o.id = ${query.universityId ?? 0}
              or similarity(${folded(sql`o.name`)}, ${name}) >= ${NAME_SIMILARITY}
              or (char_length(${name}) >= 5 and strict_word_similarity(${name}, ${folded(sql`o.name`)}) >= 0.7)
              or ${folded(sql`o.short_name`)} = ${name}))`;
  const sameOrganisation =
    query.organisationIds.length === 0
      ? sql`false`
      : sql`exists (
      select 1 from activity_organisations ao
       where ao.activity_id = a.id and ao.organisation_id in (${sql.join(
         query.organisationIds.map((id) => sql`${id}`),
         sql`, `,
       )}))`;
  const result = await db.execute<{
    id: number;
    slug: string;
    title: string;
    kind: (typeof activities.$inferSelect)['kind'];
    visibility: 'public' | 'internal';
    starts_on: string | null;
    ends_on: string | null;
    title_score: number;
    similar_title: boolean;
    same_parties: boolean;
  }>(sql`
    select * from (
      select a.id, a.slug, a.title, a.kind, a.visibility, a.starts_on::text, a.ends_on::text,
             similarity(${folded(sql`a.title`)}, ${title}) as title_score,
             (similarity(${folded(sql`a.title`)}, ${title}) >= ${TITLE_SIMILARITY}
              or (char_length(${title}) >= 10
                  and strict_word_similarity(${title}, ${folded(sql`a.title`)}) >= 0.7)) as similar_title,
             (${sameInstitution} and ${sameOrganisation}) as same_parties
        from activities a
       where a.deleted_at is null
         ${query.includeInternal ? sql`` : sql`and a.visibility = 'public'`}
    ) candidates
    where similar_title or same_parties
    order by (similar_title and same_parties) desc, title_score desc, id
    limit ${query.limit}`);
  return result.rows.map((row) => ({
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    visibility: row.visibility,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    similarTitle: row.similar_title,
    sameParties: row.same_parties,
  }));
}

/** The university in the register whose name is most like one typed, if any is like it at all. */
export async function findUniversityLike(db: DbOrTx, name: string): Promise<number | undefined> {
  const typed = folded(name);
  const result = await db.execute<{ id: number }>(sql`
    select id from organisations
     where kind = 'university' and deleted_at is null
       and (similarity(${folded(sql`name`)}, ${typed}) >= ${NAME_SIMILARITY}
            or ${folded(sql`short_name`)} = ${typed})
     order by similarity(${folded(sql`name`)}, ${typed}) desc, id
     limit 1`);
  const id = result.rows[0]?.id;
  return id === undefined ? undefined : Number(id);
}

/** The organisations of some activities, by activity (deleted organisations left out). */
export async function findActivityParties(db: DbOrTx, activityIds: number[]) {
  const byActivity = new Map<number, string[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .select({ activityId: activityOrganisations.activityId, name: organisations.name })
    .from(activityOrganisations)
    .innerJoin(organisations, eq(organisations.id, activityOrganisations.organisationId))
    .where(and(inArray(activityOrganisations.activityId, activityIds), isNull(organisations.deletedAt)))
    .orderBy(asc(organisations.id));
  for (const row of rows)
    byActivity.set(row.activityId, [...(byActivity.get(row.activityId) ?? []), row.name]);
  return byActivity;
}

/** Every activity still in the register, for the coordinator's merge select. */
export function findActivityChoices(db: DbOrTx) {
  return db
    .select({ id: activities.id, title: activities.title, visibility: activities.visibility })
    .from(activities)
    .where(isNull(activities.deletedAt))
    .orderBy(sql`${activities.title} collate "sv-SE-x-icu"`, asc(activities.id));
}

/** An activity still in the register (internal or not): what a proposal to join may point to. */
export async function findLiveActivity(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: activities.id, visibility: activities.visibility })
    .from(activities)
    .where(and(eq(activities.id, id), isNull(activities.deletedAt)));
  return row;
}

/** An activity that is still in the register, locked for a change (a merge adds parties to it). */
export async function lockLiveActivity(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select({
      id: activities.id,
      slug: activities.slug,
      title: activities.title,
      kind: activities.kind,
      description: activities.description,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      agreementId: activities.agreementId,
      outcomes: activities.outcomes,
      outcomesUsedOn: activities.outcomesUsedOn,
      visibility: activities.visibility,
      internalReason: activities.internalReason,
      version: activities.version,
    })
    .from(activities)
    .where(and(eq(activities.id, id), isNull(activities.deletedAt)))
    .for('update');
  return row;
}
