import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shownColumns } from '../../db/columns.ts';
import { activities, activityOrganisations } from '../activities/activities.table.ts';
import { agreementParties, agreements } from '../agreements/agreements.table.ts';
import { groupMembers, groups } from '../groups/groups.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import { organisations } from './organisations.table.ts';

// Every query here is behind a public page: it reads only what anyone may read (not deleted; public
// where the table has a visibility), also through joins. A deleted organisation's page is a 404.

/** Universities and colleges, in the order the register got them (the source page's order). */
export function findInstitutions(db: Db) {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'university'), shownToEveryone(organisations)))
    .orderBy(asc(organisations.id));
}

export function findOrganisationBySlug(db: Db, slug: string) {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.slug, slug), shownToEveryone(organisations)))
    .then((rows) => rows[0]);
}

export function findOrganisationById(db: Db, id: number) {
  return db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      website: organisations.website,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), shownToEveryone(organisations)))
    .then((rows) => rows[0]);
}

export function findChildOrganisations(db: Db, parentId: number) {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.parentId, parentId), shownToEveryone(organisations)))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`);
}

/** Agreements, groups and activities that an organisation or any of its sub-organisations takes part in. */
export async function findInvolvement(db: Db, organisationIds: number[]) {
  const [agreementRows, groupRows, activityRows] = await Promise.all([
    db
      .selectDistinct({ id: agreements.id })
      .from(agreements)
      .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
      .where(and(inArray(agreementParties.organisationId, organisationIds), shownToEveryone(agreements)))
      .orderBy(agreements.id),
    db
      .selectDistinct({ group: shownColumns(groups) })
      .from(groups)
      .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .where(and(inArray(groupMembers.organisationId, organisationIds), shownToEveryone(groups)))
      .orderBy(groups.id),
    db
      .selectDistinct({ activity: shownColumns(activities) })
      .from(activities)
      .innerJoin(activityOrganisations, eq(activityOrganisations.activityId, activities.id))
      .where(and(inArray(activityOrganisations.organisationId, organisationIds), shownToEveryone(activities)))
      .orderBy(activities.startsOn),
  ]);
  return {
    agreements: agreementRows,
    groups: groupRows.map((row) => row.group),
    activities: activityRows.map((row) => row.activity),
  };
}
