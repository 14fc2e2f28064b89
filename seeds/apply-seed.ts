import { and, eq, isNull, sql } from 'drizzle-orm';
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
  seedMarks,
} from '../src/db/schema.ts';
import { demoData } from './demo-data.ts';
import type { SeedSet } from './seed-set.ts';
import { sourceFacts } from './source-facts.ts';

/**
 * Writes the source page's facts and, when asked, the demo data. Each seed item is added once, ever: its
 * mark (`seed_marks`) says it was, and which record it became, so running it again changes nothing, and a
 * record edited, renamed or deleted in the register is never added a second time. References between seed
 * items are found through the marks too, never by slug. With `demo: false` earlier demo rows are removed.
 */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    // Two processes starting at once seed one after the other; the second finds every item marked.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('samverkan:seed'))`);
    await applySeedSet(tx, sourceFacts, false);
    if (options.demo) await applySeedSet(tx, demoData, true);
    else await removeDemoData(tx, demoData);
    await giveSiteRoles(tx, sourceFacts);
  });
}

type Kind = 'organisation' | 'focus_area' | 'agreement' | 'goal' | 'group' | 'activity' | 'page' | 'member';

/** The records seed items became, by their key, for one kind. */
async function marked(tx: Tx, kind: Kind): Promise<Map<string, number>> {
  const rows = await tx.select().from(seedMarks).where(eq(seedMarks.kind, kind));
  return new Map(rows.map((row) => [row.key, row.recordId]));
}

async function mark(tx: Tx, kind: Kind, key: string, recordId: number, ids: Map<string, number>) {
  await tx.insert(seedMarks).values({ kind, key, recordId });
  ids.set(key, recordId);
}

/**
 * Adds a seed item unless it was added before. A record with the item's slug that has no mark (one
 * someone added by hand before the marks existed, say) is taken as the item rather than duplicated.
 */
async function addOnce(
  tx: Tx,
  kind: Kind,
  key: string,
  ids: Map<string, number>,
  insert: () => Promise<number | undefined>,
  findBySlug: () => Promise<number | undefined>,
): Promise<number | undefined> {
  if (ids.has(key)) return undefined;
  const id = (await insert()) ?? (await findBySlug());
  if (id === undefined) throw new Error(`seed item ${kind} ${key} could not be added`);
  await mark(tx, kind, key, id, ids);
  return id;
}

async function idBySlug(
  tx: Tx,
  table:
    | typeof organisations
    | typeof agreements
    | typeof focusAreas
    | typeof goals
    | typeof groups
    | typeof activities
    | typeof pages,
  slug: string,
): Promise<number | undefined> {
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  return row?.id;
}

function need(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Seed refers to unknown item "${key}"`);
  return id;
}

export function memberKey(member: SeedSet['members'][number]): string {
  return [member.group, member.organisation ?? '', member.role, member.seat ?? '', member.person ?? ''].join(
    '|',
  );
}

async function applySeedSet(tx: Tx, set: SeedSet, isDemo: boolean): Promise<void> {
  const organisationIds = await marked(tx, 'organisation');
  for (const { parent, ...organisation } of set.organisations) {
    await addOnce(
      tx,
      'organisation',
      organisation.slug,
      organisationIds,
      async () =>
        (
          await tx
            .insert(organisations)
            .values({ ...organisation, parentId: parent ? need(organisationIds, parent) : null, isDemo })
            .onConflictDoNothing()
            .returning({ id: organisations.id })
        )[0]?.id,
      () => idBySlug(tx, organisations, organisation.slug),
    );
  }

  const focusAreaIds = await marked(tx, 'focus_area');
  for (const area of set.focusAreas) {
    await addOnce(
      tx,
      'focus_area',
      area.slug,
      focusAreaIds,
      async () =>
        (
          await tx
            .insert(focusAreas)
            .values({ ...area, isDemo })
            .onConflictDoNothing()
            .returning({ id: focusAreas.id })
        )[0]?.id,
      () => idBySlug(tx, focusAreas, area.slug),
    );
  }

  const agreementIds = await marked(tx, 'agreement');
  for (const { parties, focusAreas: areas = [], ...agreement } of set.agreements) {
    let inserted = false;
    const agreementId = await addOnce(
      tx,
      'agreement',
      agreement.slug,
      agreementIds,
      async () => {
        const [row] = await tx
          .insert(agreements)
          .values({ ...agreement, isDemo })
          .onConflictDoNothing()
          .returning({ id: agreements.id });
        inserted = row !== undefined;
        return row?.id;
      },
      () => idBySlug(tx, agreements, agreement.slug),
    );
    // Links are added with the record, never again: an editor may have removed them since.
    if (agreementId === undefined || !inserted) continue;
    await tx
      .insert(agreementParties)
      .values(parties.map((slug) => ({ agreementId, organisationId: need(organisationIds, slug) })));
    if (areas.length > 0) {
      await tx
        .insert(agreementFocusAreas)
        .values(areas.map((slug) => ({ agreementId, focusAreaId: need(focusAreaIds, slug) })));
    }
  }

  const goalIds = await marked(tx, 'goal');
  for (const goal of set.goals) {
    await addOnce(
      tx,
      'goal',
      goal.slug,
      goalIds,
      async () =>
        (await tx.insert(goals).values(goal).onConflictDoNothing().returning({ id: goals.id }))[0]?.id,
      () => idBySlug(tx, goals, goal.slug),
    );
  }

  const groupIds = await marked(tx, 'group');
  // A role another group holds now (given to it in the register) stays with that group.
  const takenRoles = new Set(
    (await tx.select({ siteRole: groups.siteRole }).from(groups)).map((row) => row.siteRole),
  );
  for (const { agreement, organisation, siteRole, ...group } of set.groups) {
    await addOnce(
      tx,
      'group',
      group.slug,
      groupIds,
      async () =>
        (
          await tx
            .insert(groups)
            .values({
              ...group,
              siteRole: siteRole && !takenRoles.has(siteRole) ? siteRole : null,
              agreementId: agreement ? need(agreementIds, agreement) : null,
              organisationId: organisation ? need(organisationIds, organisation) : null,
              isDemo,
            })
            .onConflictDoNothing()
            .returning({ id: groups.id })
        )[0]?.id,
      () => idBySlug(tx, groups, group.slug),
    );
  }

  const memberIds = await marked(tx, 'member');
  for (const member of set.members) {
    const key = memberKey(member);
    if (memberIds.has(key)) continue;
    const [row] = await tx
      .insert(groupMembers)
      .values({
        groupId: need(groupIds, member.group),
        organisationId: member.organisation ? need(organisationIds, member.organisation) : null,
        role: member.role,
        seatDescription: member.seat ?? null,
        personName: member.person ?? null,
        position: member.position ?? 0,
        isDemo,
      })
      .onConflictDoNothing()
      .returning({ id: groupMembers.id });
    // A seat that is there already (the same seat typed in by hand) is not added twice, and not marked.
    if (row) await mark(tx, 'member', key, row.id, memberIds);
  }

  const activityIds = await marked(tx, 'activity');
  for (const {
    organisations: orgs,
    focusAreas: areas = [],
    goals: goalSlugs = [],
    agreement,
    ...activity
  } of set.activities) {
    let inserted = false;
    const activityId = await addOnce(
      tx,
      'activity',
      activity.slug,
      activityIds,
      async () => {
        const [row] = await tx
          .insert(activities)
          .values({ ...activity, agreementId: agreement ? need(agreementIds, agreement) : null, isDemo })
          .onConflictDoNothing()
          .returning({ id: activities.id });
        inserted = row !== undefined;
        return row?.id;
      },
      () => idBySlug(tx, activities, activity.slug),
    );
    if (activityId === undefined || !inserted) continue;
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

  const pageIds = await marked(tx, 'page');
  for (const { owner, ...page } of set.pages) {
    await addOnce(
      tx,
      'page',
      page.slug,
      pageIds,
      async () =>
        (
          await tx
            .insert(pages)
            .values({ ...page, ownerOrganisationId: owner ? need(organisationIds, owner) : null })
            .onConflictDoNothing()
            .returning({ id: pages.id })
        )[0]?.id,
      () => idBySlug(tx, pages, page.slug),
    );
  }
}

/**
 * The council's and the network's pages need a group with their role. Where no group holds a role (a
 * backup from before roles existed was restored, say), the seeded group gets it back, if it is still there.
 */
async function giveSiteRoles(tx: Tx, set: SeedSet): Promise<void> {
  const groupIds = await marked(tx, 'group');
  const held = new Set(
    (await tx.select({ siteRole: groups.siteRole }).from(groups)).map((row) => row.siteRole),
  );
  for (const group of set.groups) {
    const id = groupIds.get(group.slug);
    if (!group.siteRole || held.has(group.siteRole) || id === undefined) continue;
    await tx
      .update(groups)
      .set({ siteRole: group.siteRole })
      .where(and(eq(groups.id, id), isNull(groups.deletedAt)));
  }
}

/** Removes every demo row, children before the rows they point to, and the marks of the demo set. */
async function removeDemoData(tx: Tx, set: SeedSet): Promise<void> {
  await tx.delete(groupMembers).where(eq(groupMembers.isDemo, true));
  await tx.delete(activities).where(eq(activities.isDemo, true));
  await tx.delete(groups).where(eq(groups.isDemo, true));
  await tx.delete(agreements).where(eq(agreements.isDemo, true));
  await tx.delete(focusAreas).where(eq(focusAreas.isDemo, true));
  // Demo units hang under demo administrations; one statement removes both (FKs are checked at its end).
  await tx.delete(organisations).where(eq(organisations.isDemo, true));
  // Turned on again, the demo data is added afresh.
  const keys: [Kind, string][] = [
    ...set.organisations.map((item): [Kind, string] => ['organisation', item.slug]),
    ...set.focusAreas.map((item): [Kind, string] => ['focus_area', item.slug]),
    ...set.agreements.map((item): [Kind, string] => ['agreement', item.slug]),
    ...set.groups.map((item): [Kind, string] => ['group', item.slug]),
    ...set.members.map((item): [Kind, string] => ['member', memberKey(item)]),
    ...set.activities.map((item): [Kind, string] => ['activity', item.slug]),
  ];
  for (const [kind, key] of keys)
    await tx.delete(seedMarks).where(and(eq(seedMarks.kind, kind), eq(seedMarks.key, key)));
}
