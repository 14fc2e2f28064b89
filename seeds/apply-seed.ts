import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../src/db/client.ts';
import {
  activities,
  activityFocusAreas,
  activityGoals,
  activityOrganisations,
  agreementFocusAreas,
  agreementParties,
  agreements,
  focusAreas,
  goals,
  groupMembers,
  groups,
  organisations,
  pages,
} from '../src/db/schema.ts';
import { demoData } from './demo-data.ts';
import type { SeedSet } from './seed-set.ts';
import { sourceFacts } from './source-facts.ts';

/**
 * Writes the source page's facts and, when asked, the demo data. Idempotent: rows are found by slug
 * and never overwritten, so running it twice changes nothing and edits made in the product survive.
 * With `demo: false` earlier demo rows are removed.
 */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    // Two processes starting at once seed one after the other; the second finds every slug there.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('samverkan:seed'))`);
    await applySeedSet(tx, sourceFacts, false);
    if (options.demo) await applySeedSet(tx, demoData, true);
    else await removeDemoData(tx);
  });
}

async function applySeedSet(tx: Tx, set: SeedSet, isDemo: boolean): Promise<void> {
  const organisationIds = await idsBySlug(tx, organisations);
  for (const { parent, ...organisation } of set.organisations) {
    if (organisationIds.has(organisation.slug)) continue;
    const [row] = await tx
      .insert(organisations)
      .values({ ...organisation, parentId: parent ? need(organisationIds, parent) : null, isDemo })
      .returning({ id: organisations.id });
    organisationIds.set(organisation.slug, row!.id);
  }

  if (set.focusAreas.length > 0) {
    await tx
      .insert(focusAreas)
      .values(set.focusAreas.map((area) => ({ ...area, isDemo })))
      .onConflictDoNothing();
  }
  const focusAreaIds = await idsBySlug(tx, focusAreas);

  const agreementIds = await idsBySlug(tx, agreements);
  for (const { parties, focusAreas: areas = [], ...agreement } of set.agreements) {
    if (agreementIds.has(agreement.slug)) continue;
    const [row] = await tx
      .insert(agreements)
      .values({ ...agreement, isDemo })
      .returning({ id: agreements.id });
    const agreementId = row!.id;
    agreementIds.set(agreement.slug, agreementId);
    await tx
      .insert(agreementParties)
      .values(parties.map((slug) => ({ agreementId, organisationId: need(organisationIds, slug) })));
    if (areas.length > 0) {
      await tx
        .insert(agreementFocusAreas)
        .values(areas.map((slug) => ({ agreementId, focusAreaId: need(focusAreaIds, slug) })));
    }
  }

  if (set.goals.length > 0) await tx.insert(goals).values(set.goals).onConflictDoNothing();
  const goalIds = await idsBySlug(tx, goals);

  const groupIds = await idsBySlug(tx, groups);
  // A role another group holds now (given to it in the register) stays with that group.
  const takenRoles = new Set(
    (await tx.select({ siteRole: groups.siteRole }).from(groups)).map((row) => row.siteRole),
  );
  for (const { agreement, organisation, siteRole, ...group } of set.groups) {
    if (groupIds.has(group.slug)) continue;
    const [row] = await tx
      .insert(groups)
      .values({
        ...group,
        siteRole: siteRole && !takenRoles.has(siteRole) ? siteRole : null,
        agreementId: agreement ? need(agreementIds, agreement) : null,
        organisationId: organisation ? need(organisationIds, organisation) : null,
        isDemo,
      })
      .returning({ id: groups.id });
    groupIds.set(group.slug, row!.id);
  }
  if (set.members.length > 0) {
    await tx
      .insert(groupMembers)
      .values(
        set.members.map((member) => ({
          groupId: need(groupIds, member.group),
          organisationId: member.organisation ? need(organisationIds, member.organisation) : null,
          role: member.role,
          seatDescription: member.seat ?? null,
          personName: member.person ?? null,
          position: member.position ?? 0,
          isDemo,
        })),
      )
      .onConflictDoNothing();
  }

  const activityIds = await idsBySlug(tx, activities);
  for (const {
    organisations: orgs,
    focusAreas: areas = [],
    goals: goalSlugs = [],
    agreement,
    ...activity
  } of set.activities) {
    if (activityIds.has(activity.slug)) continue;
    const [row] = await tx
      .insert(activities)
      .values({ ...activity, agreementId: agreement ? need(agreementIds, agreement) : null, isDemo })
      .returning({ id: activities.id });
    const activityId = row!.id;
    await tx
      .insert(activityOrganisations)
      .values(orgs.map((slug) => ({ activityId, organisationId: need(organisationIds, slug) })));
    if (areas.length > 0) {
      await tx
        .insert(activityFocusAreas)
        .values(areas.map((slug) => ({ activityId, focusAreaId: need(focusAreaIds, slug) })));
    }
    if (goalSlugs.length > 0) {
      await tx
        .insert(activityGoals)
        .values(goalSlugs.map((slug) => ({ activityId, goalId: need(goalIds, slug) })));
    }
  }

  for (const { owner, ...page } of set.pages) {
    await tx
      .insert(pages)
      .values({ ...page, ownerOrganisationId: owner ? need(organisationIds, owner) : null })
      .onConflictDoNothing();
  }
}

/** Removes every demo row, children before the rows they point to. */
async function removeDemoData(tx: Tx): Promise<void> {
  await tx.delete(groupMembers).where(eq(groupMembers.isDemo, true));
  await tx.delete(activities).where(eq(activities.isDemo, true));
  await tx.delete(groups).where(eq(groups.isDemo, true));
  await tx.delete(agreements).where(eq(agreements.isDemo, true));
  await tx.delete(focusAreas).where(eq(focusAreas.isDemo, true));
  // Demo units hang under demo administrations; one statement removes both (FKs are checked at its end).
  await tx.delete(organisations).where(eq(organisations.isDemo, true));
}

async function idsBySlug(
  tx: Tx,
  table:
    | typeof organisations
    | typeof agreements
    | typeof focusAreas
    | typeof goals
    | typeof groups
    | typeof activities,
): Promise<Map<string, number>> {
  const rows = await tx.select({ id: table.id, slug: table.slug }).from(table);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function need(ids: Map<string, number>, slug: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Seed refers to unknown slug "${slug}"`);
  return id;
}
