import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { documents } from '../documents/documents.table.ts';
import { goals } from '../goals/goals.table.ts';
import { groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { shownToEveryone } from '../register/visibility.ts';
import {
  agendaItemDocuments,
  agendaItemFocusAreas,
  agendaItemGoals,
  agendaItems,
  meetingActions,
  meetingAdjusters,
  meetingParticipants,
  meetings,
  minutesCorrections,
} from './meetings.table.ts';

/**
 * What anyone may read of meetings (issue 10): a meeting and its group public and not deleted, items
 * public and not deleted; the minutes' part (notes, decisions, attendance, adjusters, corrections) only once
 * the minutes are approved. Every query here carries those conditions itself.
 */

const meetingOnlyColumns = {
  id: meetings.id,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  place: meetings.place,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  cancelledReason: meetings.cancelledReason,
  minutesStatus: meetings.minutesStatus,
  minutesApprovedAt: meetings.minutesApprovedAt,
  minutesKeptAt: meetings.minutesKeptAt,
  calendarSequence: meetings.calendarSequence,
  updatedAt: meetings.updatedAt,
  isDemo: meetings.isDemo,
};

const groupColumns = { id: groups.id, slug: groups.slug, name: groups.name, siteRole: groups.siteRole };

const publicMeetingColumns = { ...meetingOnlyColumns, group: groupColumns };

const shownMeeting = () => and(shownToEveryone(meetings), shownToEveryone(groups));

/** A meeting anyone may read, with its group; undefined when it is not (404). */
export async function findPublicMeeting(db: Db, id: number) {
  const [row] = await db
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(meetings.id, id), shownMeeting()));
  return row;
}

export type PublicMeeting = NonNullable<Awaited<ReturnType<typeof findPublicMeeting>>>;

/** The public items of a meeting's agenda in order; internal items are not even counted. */
export function findPublicItems(db: Db, meetingId: number) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      presenter: agendaItems.presenter,
      startTime: agendaItems.startTime,
      proposedDecision: agendaItems.proposedDecision,
      notes: agendaItems.notes,
      decision: agendaItems.decision,
      agreement: { slug: agreements.slug, title: agreements.title },
    })
    .from(agendaItems)
    .leftJoin(agreements, and(eq(agreements.id, agendaItems.agreementId), shownToEveryone(agreements)))
    .where(and(eq(agendaItems.meetingId, meetingId), shownToEveryone(agendaItems)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export type PublicItem = Awaited<ReturnType<typeof findPublicItems>>[number];

/** The focus areas, goals and public documents the given items link to, in three queries. */
export async function findItemLinks(db: Db, itemIds: number[]) {
  const ids = [-1, ...itemIds];
  const [areas, itemGoals, docs] = await Promise.all([
    db
      .select({ itemId: agendaItemFocusAreas.agendaItemId, slug: focusAreas.slug, name: focusAreas.name })
      .from(agendaItemFocusAreas)
      .innerJoin(focusAreas, eq(focusAreas.id, agendaItemFocusAreas.focusAreaId))
      .where(and(inArray(agendaItemFocusAreas.agendaItemId, ids), isNull(focusAreas.deletedAt))),
    db
      .select({ itemId: agendaItemGoals.agendaItemId, slug: goals.slug, shortTitle: goals.shortTitle })
      .from(agendaItemGoals)
      .innerJoin(goals, eq(goals.id, agendaItemGoals.goalId))
      .where(inArray(agendaItemGoals.agendaItemId, ids))
      .orderBy(asc(goals.position)),
    db
      .select({
        itemId: agendaItemDocuments.agendaItemId,
        id: documents.id,
        title: documents.title,
        fileName: documents.fileName,
      })
      .from(agendaItemDocuments)
      .innerJoin(documents, eq(documents.id, agendaItemDocuments.documentId))
      .where(and(inArray(agendaItemDocuments.agendaItemId, ids), shownToEveryone(documents))),
  ]);
  return { areas, goals: itemGoals, documents: docs };
}

export type ItemLinks = Awaited<ReturnType<typeof findItemLinks>>;

/** Attendance as the approved minutes publish it: members by their account's name, guests as typed. */
export function findAttendance(db: Db, meetingId: number) {
  return db
    .select({
      kind: meetingParticipants.kind,
      name: sql<string>`coalesce(nullif(${people.name}, ''), ${meetingParticipants.name})`,
      organisationName: meetingParticipants.organisationName,
      attendance: meetingParticipants.attendance,
    })
    .from(meetingParticipants)
    .leftJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.id));
}

export function findAdjusterNames(db: Db, meetingId: number) {
  return db
    .select({ name: people.name, approvedAt: meetingAdjusters.approvedAt })
    .from(meetingAdjusters)
    .innerJoin(people, eq(people.id, meetingAdjusters.personId))
    .where(eq(meetingAdjusters.meetingId, meetingId))
    .orderBy(asc(people.name));
}

/**
 * The corrections of approved minutes anyone may read: of the minutes as a whole or of a public item (a
 * correction of an internal item is not shown, nor counted).
 */
export function findPublicCorrections(db: Db, meetingId: number) {
  return db
    .select({
      id: minutesCorrections.id,
      at: minutesCorrections.at,
      reason: minutesCorrections.reason,
      changes: minutesCorrections.changes,
      agendaItemId: minutesCorrections.agendaItemId,
    })
    .from(minutesCorrections)
    .leftJoin(agendaItems, eq(agendaItems.id, minutesCorrections.agendaItemId))
    .where(
      and(
        eq(minutesCorrections.meetingId, meetingId),
        sql`(${minutesCorrections.agendaItemId} is null or (${agendaItems.deletedAt} is null and ${agendaItems.visibility} = 'public'))`,
      ),
    )
    .orderBy(asc(minutesCorrections.at), asc(minutesCorrections.id));
}

/** A decision anyone may read: a public item of a public meeting whose minutes are approved. */
export async function findPublicDecision(db: Db, itemId: number) {
  const [row] = await db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      decision: agendaItems.decision,
      notes: agendaItems.notes,
      /** The item's number among the meeting's public items (internal items are not counted publicly). */
      number: sql<number>`(select count(*)::int from agenda_items other
        where other.meeting_id = ${agendaItems.meetingId} and other.deleted_at is null
          and other.visibility = 'public'
          and (other.position, other.id) <= (${agendaItems.position}, ${agendaItems.id}))`,
      meeting: meetingOnlyColumns,
      group: groupColumns,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(agendaItems.id, itemId),
        shownToEveryone(agendaItems),
        shownMeeting(),
        eq(meetings.minutesStatus, 'approved'),
      ),
    );
  return row ? { ...row, meeting: { ...row.meeting, group: row.group } } : undefined;
}

/**
 * A group's public meetings from `since` on (coming ones first by date, then the past newest first is the
 * caller's split), at most `limit`.
 */
export function findGroupMeetings(db: Db, groupId: number, since: Date, limit = 50) {
  // A meeting marked held (its minutes written) is past even before its end time.
  return db
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(meetings.groupId, groupId),
        shownMeeting(),
        gte(meetings.endsAt, since),
        ne(meetings.status, 'held'),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/** A group's past public meetings, newest first. */
export function findPastGroupMeetings(db: Db, groupId: number, before: Date, limit = 20) {
  return db
    .select(publicMeetingColumns)
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(meetings.groupId, groupId),
        shownMeeting(),
        or(lt(meetings.endsAt, before), eq(meetings.status, 'held')),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
}

/** The group's published decisions (approved minutes, public items with a decision), newest first. */
export function findGroupDecisions(db: Db, groupId: number, limit = 50) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      decision: agendaItems.decision,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      isDemo: agendaItems.isDemo,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(meetings.groupId, groupId),
        shownMeeting(),
        eq(meetings.minutesStatus, 'approved'),
        shownToEveryone(agendaItems),
        ne(agendaItems.decision, ''),
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(agendaItems.position))
    .limit(limit);
}

export type GroupDecision = Awaited<ReturnType<typeof findGroupDecisions>>[number];

/**
 * An action whose decision (its agenda item) was later made internal or deleted is no longer public either:
 * its visibility was copied from the item when it was given, and the item decides now.
 */
export function givenByShownItem(): SQL {
  return sql`(${meetingActions.agendaItemId} is null or exists (select 1 from agenda_items ai
    where ai.id = ${meetingActions.agendaItemId} and ai.deleted_at is null and ai.visibility = 'public'))`;
}

/**
 * A group's open public actions (not done, not struck) from meetings anyone may read with approved
 * minutes, soonest due first. (The minutes helper's findOpenActionsOfGroup is the members' list.)
 */
export function findPublicOpenActions(db: Db, groupId: number) {
  return db
    .select({
      id: meetingActions.id,
      title: meetingActions.title,
      status: meetingActions.status,
      dueOn: meetingActions.dueOn,
      statusNote: meetingActions.statusNote,
      organisationName: organisations.name,
      meetingId: meetings.id,
      isDemo: meetingActions.isDemo,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .leftJoin(
      organisations,
      and(eq(organisations.id, meetingActions.ownerOrganisationId), shownToEveryone(organisations)),
    )
    .where(
      and(
        eq(meetingActions.groupId, groupId),
        shownToEveryone(meetingActions),
        shownMeeting(),
        eq(meetings.minutesStatus, 'approved'),
        inArray(meetingActions.status, ['not_started', 'in_progress']),
        givenByShownItem(),
      ),
    )
    .orderBy(sql`${meetingActions.dueOn} asc nulls last`, asc(meetingActions.id));
}

export type PublicAction = Awaited<ReturnType<typeof findPublicOpenActions>>[number];
