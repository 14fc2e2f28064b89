import { and, asc, desc, eq, inArray, isNotNull, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { type BriefKind, briefFocusAreas, briefGoals, briefInstitutions, briefs } from './needs.table.ts';

/** The SQL behind writing briefs (the public reads are in needs.queries.ts). */

/** One brief by address, deleted, internal or a draft: its edit form, history and restore need it. */
export async function findBriefRecord(db: DbOrTx, slug: string) {
  const [row] = await db.select(shownColumns(briefs)).from(briefs).where(eq(briefs.slug, slug));
  return row;
}

/** The row, locked until the transaction ends, so two saves of one brief queue up. */
export async function lockBrief(tx: DbOrTx, id: number) {
  const [row] = await tx.select(shownColumns(briefs)).from(briefs).where(eq(briefs.id, id)).for('update');
  return row;
}

export type BriefLinks = { focusAreaIds: number[]; goalIds: number[]; institutionIds: number[] };

/** What a brief is linked to, each list by id ascending (deleted records too: the links are kept). */
export async function findBriefLinks(db: DbOrTx, id: number): Promise<BriefLinks> {
  // One after the other: inside a transaction the queries share one connection.
  const areaRows = await db
    .select({ id: briefFocusAreas.focusAreaId })
    .from(briefFocusAreas)
    .where(eq(briefFocusAreas.briefId, id))
    .orderBy(asc(briefFocusAreas.focusAreaId));
  const goalRows = await db
    .select({ id: briefGoals.goalId })
    .from(briefGoals)
    .where(eq(briefGoals.briefId, id))
    .orderBy(asc(briefGoals.goalId));
  const institutionRows = await db
    .select({ id: briefInstitutions.organisationId })
    .from(briefInstitutions)
    .where(eq(briefInstitutions.briefId, id))
    .orderBy(asc(briefInstitutions.organisationId));
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  return { focusAreaIds: ids(areaRows), goalIds: ids(goalRows), institutionIds: ids(institutionRows) };
}

/** What the form offers: organisations, focus areas and institutions still in the register, the goals. */
export async function findBriefChoices(db: DbOrTx) {
  const [organisationRows, focusAreaRows, goalRows, allFocusAreas, institutionRows, allInstitutions] =
    await Promise.all([
      db
        .select({ id: organisations.id, name: organisations.name, parentId: organisations.parentId })
        .from(organisations)
        .where(isNull(organisations.deletedAt))
        .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`),
      db
        .select({ id: focusAreas.id, name: focusAreas.name })
        .from(focusAreas)
        .where(isNull(focusAreas.deletedAt))
        .orderBy(sql`${focusAreas.name} collate "sv-SE-x-icu"`),
      db.select({ id: goals.id, name: goals.shortTitle }).from(goals).orderBy(asc(goals.position)),
      db.select({ id: focusAreas.id }).from(focusAreas).orderBy(asc(focusAreas.id)),
      db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(eq(organisations.kind, 'university'), isNull(organisations.deletedAt)))
        .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`),
      db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.kind, 'university'))
        .orderBy(asc(organisations.id)),
    ]);
  return {
    organisations: organisationRows,
    focusAreas: focusAreaRows,
    goals: goalRows,
    institutions: institutionRows,
    /** Every focus area's and university's id, deleted ones too: the form's checkboxes. */
    allFocusAreaIds: allFocusAreas.map((row) => row.id),
    allInstitutionIds: allInstitutions.map((row) => row.id),
  };
}

type Named = { id: number; name: string; deleted: boolean; kind?: string };

/** Names of linked records by id (deleted ones too, marked): for the history, the form and a restore. */
export async function findBriefLinkedNames(
  db: DbOrTx,
  links: { organisationId: number; focusAreaIds: number[]; goalIds: number[]; institutionIds: number[] },
) {
  const organisationIds = [links.organisationId, ...links.institutionIds];
  const organisationRows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      deletedAt: organisations.deletedAt,
      kind: organisations.kind,
    })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds));
  const focusAreaRows =
    links.focusAreaIds.length === 0
      ? []
      : await db
          .select({ id: focusAreas.id, name: focusAreas.name, deletedAt: focusAreas.deletedAt })
          .from(focusAreas)
          .where(inArray(focusAreas.id, links.focusAreaIds));
  const goalRows =
    links.goalIds.length === 0
      ? []
      : await db
          .select({ id: goals.id, name: goals.shortTitle })
          .from(goals)
          .where(inArray(goals.id, links.goalIds))
          .orderBy(asc(goals.position));
  const named = (rows: { id: number; name: string; deletedAt?: Date | null; kind?: string }[]) =>
    new Map<number, Named>(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          deleted: Boolean(row.deletedAt),
          ...(row.kind ? { kind: row.kind } : {}),
        },
      ]),
    );
  return { organisations: named(organisationRows), focusAreas: named(focusAreaRows), goals: named(goalRows) };
}

/** Addresses starting like this one: to find a free one for a new brief. */
export async function findBriefSlugsLike(db: DbOrTx, slug: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: briefs.slug })
    .from(briefs)
    .where(like(briefs.slug, `${slug.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((row) => row.slug));
}

/** The brief's own columns, as the service writes them. */
export type BriefColumns = {
  kind: BriefKind;
  title: string;
  organisationId: number;
  background: string;
  question: string;
  intendedUse: string;
  beneficiaries: string;
  offering: string;
  contactName: string;
  contactEmail: string | null;
  deadline: string | null;
  visibility: 'public' | 'internal';
  internalReason: string | null;
  publishedAt: Date | null;
  closedAt: Date | null;
};

/** Inserts at this address, or nothing when another save took it first (the caller tries the next one). */
export async function insertBrief(
  tx: DbOrTx,
  slug: string,
  values: BriefColumns & { authorPersonId: number },
  now: Date,
) {
  const [row] = await tx
    .insert(briefs)
    .values({ slug, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: briefs.slug })
    .returning({ id: briefs.id, version: briefs.version });
  return row;
}

/**
 * Writes new values if the row is still at `expectedVersion`; the new version, or undefined when someone
 * saved in between (the caller refuses with both versions).
 */
export async function updateBrief(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  values: Partial<BriefColumns> & { deletedAt?: Date | null },
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(briefs)
    .set({ ...values, version: sql`${briefs.version} + 1`, updatedAt: now })
    .where(and(eq(briefs.id, id), eq(briefs.version, expectedVersion)))
    .returning({ version: briefs.version });
  return row?.version;
}

/** Replaces every link of the brief with these, in the caller's transaction. */
export async function replaceBriefLinks(tx: DbOrTx, id: number, links: BriefLinks): Promise<void> {
  await tx.delete(briefFocusAreas).where(eq(briefFocusAreas.briefId, id));
  await tx.delete(briefGoals).where(eq(briefGoals.briefId, id));
  await tx.delete(briefInstitutions).where(eq(briefInstitutions.briefId, id));
  if (links.focusAreaIds.length > 0)
    await tx
      .insert(briefFocusAreas)
      .values(links.focusAreaIds.map((focusAreaId) => ({ briefId: id, focusAreaId })));
  if (links.goalIds.length > 0)
    await tx.insert(briefGoals).values(links.goalIds.map((goalId) => ({ briefId: id, goalId })));
  if (links.institutionIds.length > 0)
    await tx
      .insert(briefInstitutions)
      .values(links.institutionIds.map((organisationId) => ({ briefId: id, organisationId })));
}

/**
 * Briefs still in the register (drafts and internal ones too): for the workspace, those of these
 * organisations ('all': every brief), and the competence development of `institutions`.
 */
export async function findWorkspaceBriefs(
  db: DbOrTx,
  organisationIds: number[] | 'all',
  institutionIds: number[] = [],
) {
  if (organisationIds !== 'all' && organisationIds.length === 0 && institutionIds.length === 0) return [];
  const scope =
    organisationIds === 'all'
      ? undefined
      : sql`(${organisationIds.length > 0 ? inArray(briefs.organisationId, organisationIds) : sql`false`}
            or (${briefs.kind} = 'staff_development' and ${
              institutionIds.length > 0 ? inArray(briefs.organisationId, institutionIds) : sql`false`
            }))`;
  return db
    .select({
      slug: briefs.slug,
      title: briefs.title,
      kind: briefs.kind,
      visibility: briefs.visibility,
      publishedAt: briefs.publishedAt,
      closedAt: briefs.closedAt,
    })
    .from(briefs)
    .where(and(isNull(briefs.deletedAt), scope))
    .orderBy(desc(briefs.updatedAt))
    .limit(200);
}

/** Deleted briefs, the latest first: the coordinator can open their history and restore them. */
export function findDeletedBriefs(db: DbOrTx) {
  return db
    .select({ slug: briefs.slug, title: briefs.title, deletedAt: briefs.deletedAt })
    .from(briefs)
    .where(isNotNull(briefs.deletedAt))
    .orderBy(desc(briefs.deletedAt))
    .limit(50);
}
