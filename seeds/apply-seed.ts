import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../src/db/client.ts';
import {
  activities,
  activityFocusAreas,
  activityGoals,
  activityOrganisations,
  agreementFocusAreas,
  agreementParties,
  agreements,
  briefFocusAreas,
  briefGoals,
  briefInstitutions,
  briefResponses,
  briefs,
  focusAreas,
  goals,
  groupMembers,
  groups,
  indicators,
  organisations,
  pages,
  placementNeeds,
  placementOffers,
  placementRequests,
  seedMarks,
} from '../src/db/schema.ts';
import { indicatorCatalogue } from '../src/features/goals/indicators/indicator-catalogue.ts';
import { applyDemoAnnualReport, removeDemoAnnualReport } from './demo-annual-report.ts';
import { demoData } from './demo-data.ts';
import { applyDemoGoals, demoGoalData, removeDemoGoals } from './demo-goals.ts';
import { applyDemoMeetings, removeDemoMeetings } from './demo-meetings.ts';
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
    await syncIndicators(tx);
    if (options.demo) {
      await applySeedSet(tx, demoData, true);
      // The goal follow-up's years of records (issue 11) link to the demo organisations and agreements.
      await applySeedSet(tx, demoGoalData, true);
      await applyDemoGoals(tx);
    } else {
      await removeDemoAnnualReport(tx);
      await removeDemoMeetings(tx);
      await removeDemoGoals(tx);
    }
    if (!options.demo) {
      await removeDemoData(tx, demoData);
      await removeDemoData(tx, demoGoalData);
    }
    await giveSiteRoles(tx, sourceFacts);
    // The council's demo meetings (issue 10) need its site role, so they come after it.
    if (options.demo) await applyDemoMeetings(tx);
    // The demo annual report (issue 11) freezes the figures of the demo data above, so it comes last.
    if (options.demo) await applyDemoAnnualReport(tx);
  });
}

/**
 * One `indicators` row per entry of the code's indicator catalogue (issue 11), with its goal, place, kind
 * and direction as the code says: the catalogue is the indicators' definition, this row what targets and
 * entered values refer to. A row whose entry left the catalogue stays (its targets and values with it).
 */
async function syncIndicators(tx: Tx): Promise<void> {
  const goalRows = await tx.select({ id: goals.id, slug: goals.slug }).from(goals);
  const goalIds = new Map(goalRows.map((goal) => [goal.slug, goal.id]));
  for (const [index, definition] of indicatorCatalogue.entries()) {
    const goalId = goalIds.get(definition.goal);
    if (goalId === undefined) continue;
    const row = { goalId, position: index + 1, kind: definition.kind, direction: definition.direction };
    await tx
      .insert(indicators)
      .values({ slug: definition.slug, ...row })
      .onConflictDoUpdate({
        target: indicators.slug,
        set: row,
        setWhere: sql`(${indicators.goalId}, ${indicators.position}, ${indicators.kind}, ${indicators.direction})
          is distinct from (excluded.goal_id, excluded.position, excluded.kind, excluded.direction)`,
      });
  }
}

type Kind =
  | 'organisation'
  | 'focus_area'
  | 'agreement'
  | 'goal'
  | 'group'
  | 'activity'
  | 'page'
  | 'member'
  | 'placement_offer'
  | 'placement_need'
  | 'placement_request'
  | 'brief'
  | 'brief_response';

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
    | typeof pages
    | typeof briefs,
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

  await applyPlacementsAndBriefs(tx, set, isDemo);
}

/** A seeded answer's day of acceptance: as given, or three days after its brief was published. */
function acceptedOn(status: string, given: string | undefined, published: string | undefined): Date | null {
  if (status !== 'accepted' && status !== 'completed') return null;
  if (given) return new Date(given);
  return published ? new Date(new Date(published).getTime() + 3 * 24 * 60 * 60 * 1000) : null;
}

/** Never found again by a slug: an offer, a need, a request or a response has none. */
const noSlug = async () => undefined;

/**
 * Placement offers, lists of needs, requests, briefs and responses (issue 9), each added once by its key.
 * A confirmed or completed request adds its places to its offer's confirmed places as it is added, so the
 * two stay in step (and the offer's CHECK refuses a seed that would over-book).
 */
async function applyPlacementsAndBriefs(tx: Tx, set: SeedSet, isDemo: boolean): Promise<void> {
  const organisationIds = await marked(tx, 'organisation');
  const offerIds = await marked(tx, 'placement_offer');
  for (const { key, unit, ...offer } of set.placementOffers ?? []) {
    await addOnce(
      tx,
      'placement_offer',
      key,
      offerIds,
      async () =>
        (
          await tx
            .insert(placementOffers)
            .values({ ...offer, organisationId: need(organisationIds, unit), isDemo })
            .returning({ id: placementOffers.id })
        )[0]?.id,
      noSlug,
    );
  }

  const needIds = await marked(tx, 'placement_need');
  for (const { key, university, ...item } of set.placementNeeds ?? []) {
    await addOnce(
      tx,
      'placement_need',
      key,
      needIds,
      async () =>
        (
          await tx
            .insert(placementNeeds)
            .values({ ...item, universityId: need(organisationIds, university), isDemo })
            .returning({ id: placementNeeds.id })
        )[0]?.id,
      noSlug,
    );
  }

  const requestIds = await marked(tx, 'placement_request');
  for (const { key, offer, university, need: needKey, ...request } of set.placementRequests ?? []) {
    await addOnce(
      tx,
      'placement_request',
      key,
      requestIds,
      async () => {
        const offerId = need(offerIds, offer);
        const [row] = await tx
          .insert(placementRequests)
          .values({
            ...request,
            offerId,
            universityId: need(organisationIds, university),
            needId: needKey ? need(needIds, needKey) : null,
            isDemo,
          })
          .returning({ id: placementRequests.id });
        if (request.status === 'confirmed' || request.status === 'completed') {
          await tx
            .update(placementOffers)
            .set({ confirmedPlaces: sql`${placementOffers.confirmedPlaces} + ${request.places}` })
            .where(eq(placementOffers.id, offerId));
        }
        return row?.id;
      },
      noSlug,
    );
  }

  const focusAreaIds = await marked(tx, 'focus_area');
  const goalIds = await marked(tx, 'goal');
  const briefIds = await marked(tx, 'brief');
  for (const {
    organisation,
    publishedAt,
    focusAreas: areas = [],
    goals: goalSlugs = [],
    institutions = [],
    ...brief
  } of set.briefs ?? []) {
    let inserted = false;
    const briefId = await addOnce(
      tx,
      'brief',
      brief.slug,
      briefIds,
      async () => {
        const [row] = await tx
          .insert(briefs)
          .values({
            ...brief,
            organisationId: need(organisationIds, organisation),
            publishedAt: publishedAt ? new Date(publishedAt) : null,
            // Announced already: seeded briefs never mail anyone's alerts, now or when edited later.
            alertedAt: publishedAt ? new Date(publishedAt) : null,
            isDemo,
          })
          .onConflictDoNothing()
          .returning({ id: briefs.id });
        inserted = row !== undefined;
        return row?.id;
      },
      () => idBySlug(tx, briefs, brief.slug),
    );
    if (briefId === undefined || !inserted) continue;
    if (areas.length > 0) {
      await tx
        .insert(briefFocusAreas)
        .values(areas.map((slug) => ({ briefId, focusAreaId: need(focusAreaIds, slug) })));
    }
    if (goalSlugs.length > 0) {
      await tx.insert(briefGoals).values(goalSlugs.map((slug) => ({ briefId, goalId: need(goalIds, slug) })));
    }
    if (institutions.length > 0) {
      await tx
        .insert(briefInstitutions)
        .values(institutions.map((slug) => ({ briefId, organisationId: need(organisationIds, slug) })));
    }
  }

  const activityIds = await marked(tx, 'activity');
  const responseIds = await marked(tx, 'brief_response');
  const briefPublished = new Map((set.briefs ?? []).map((item) => [item.slug, item.publishedAt]));
  for (const { key, brief, institution, activity, acceptedAt, ...response } of set.briefResponses ?? []) {
    await addOnce(
      tx,
      'brief_response',
      key,
      responseIds,
      async () =>
        (
          await tx
            .insert(briefResponses)
            .values({
              ...response,
              briefId: need(briefIds, brief),
              institutionId: institution ? need(organisationIds, institution) : null,
              activityId: activity ? need(activityIds, activity) : null,
              acceptedAt: acceptedOn(response.status, acceptedAt, briefPublished.get(brief)),
              isDemo,
            })
            .returning({ id: briefResponses.id })
        )[0]?.id,
      noSlug,
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
  // Answers to demo briefs and requests for demo offers or needs go with them, whoever wrote them.
  const demoBriefs = tx.select({ id: briefs.id }).from(briefs).where(eq(briefs.isDemo, true));
  const demoOffers = tx
    .select({ id: placementOffers.id })
    .from(placementOffers)
    .where(eq(placementOffers.isDemo, true));
  const demoNeeds = tx
    .select({ id: placementNeeds.id })
    .from(placementNeeds)
    .where(eq(placementNeeds.isDemo, true));
  await tx
    .delete(briefResponses)
    .where(or(eq(briefResponses.isDemo, true), inArray(briefResponses.briefId, demoBriefs)));
  await tx.delete(briefs).where(eq(briefs.isDemo, true));
  await tx
    .update(placementRequests)
    .set({ proposedOfferId: null })
    .where(inArray(placementRequests.proposedOfferId, demoOffers));
  await tx
    .delete(placementRequests)
    .where(
      or(
        eq(placementRequests.isDemo, true),
        inArray(placementRequests.offerId, demoOffers),
        inArray(placementRequests.needId, demoNeeds),
      ),
    );
  await tx.delete(placementNeeds).where(eq(placementNeeds.isDemo, true));
  await tx.delete(placementOffers).where(eq(placementOffers.isDemo, true));
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
    ...(set.placementOffers ?? []).map((item): [Kind, string] => ['placement_offer', item.key]),
    ...(set.placementNeeds ?? []).map((item): [Kind, string] => ['placement_need', item.key]),
    ...(set.placementRequests ?? []).map((item): [Kind, string] => ['placement_request', item.key]),
    ...(set.briefs ?? []).map((item): [Kind, string] => ['brief', item.slug]),
    ...(set.briefResponses ?? []).map((item): [Kind, string] => ['brief_response', item.key]),
  ];
  for (const [kind, key] of keys)
    await tx.delete(seedMarks).where(and(eq(seedMarks.kind, kind), eq(seedMarks.key, key)));
}
