import { and, asc, desc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { agendaItems, type MeetingAction, meetingActions, meetings } from './meetings.table.ts';

/**
 * Actions (uppdrag) from decisions (issue 10, item 4): the SQL of their lists, their page and their
 * follow-up. "Open" is every status but klar and struken.
 */

const CLOSED = ['done', 'struck'] as const;

/** An action as lists show it: its owner's names, its meeting and group. */
const actionListColumns = {
  id: meetingActions.id,
  title: meetingActions.title,
  status: meetingActions.status,
  statusNote: meetingActions.statusNote,
  statusChangedAt: meetingActions.statusChangedAt,
  dueOn: meetingActions.dueOn,
  visibility: meetingActions.visibility,
  meetingId: meetingActions.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  meetingVisibility: meetings.visibility,
  meetingMinutesStatus: meetings.minutesStatus,
  groupId: meetingActions.groupId,
  groupName: groups.name,
  groupSlug: groups.slug,
  ownerPersonName: people.name,
  ownerOrganisationName: organisations.name,
  updatedAt: meetingActions.updatedAt,
};

export type ActionListRow = {
  id: number;
  title: string;
  status: MeetingAction['status'];
  statusNote: string;
  statusChangedAt: Date | null;
  dueOn: string | null;
  visibility: MeetingAction['visibility'];
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
  meetingVisibility: MeetingAction['visibility'];
  meetingMinutesStatus: 'draft' | 'ready' | 'approved';
  groupId: number;
  groupName: string;
  groupSlug: string;
  ownerPersonName: string | null;
  ownerOrganisationName: string | null;
  updatedAt: Date;
};

function listQuery(db: DbOrTx) {
  return db
    .select(actionListColumns)
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(groups, eq(groups.id, meetingActions.groupId))
    .leftJoin(people, eq(people.id, meetingActions.ownerPersonId))
    .leftJoin(organisations, eq(organisations.id, meetingActions.ownerOrganisationId));
}

const open = () => notInArray(meetingActions.status, [...CLOSED]);
const live = () =>
  and(isNull(meetingActions.deletedAt), isNull(meetings.deletedAt), isNull(groups.deletedAt));
/** Overdue first (the earliest due date first), then those without a date, then by id. */
const overdueFirst = () => [sql`${meetingActions.dueOn} asc nulls last`, asc(meetingActions.id)];

/**
 * The open actions of a group (open = not klar, not struken), overdue first. `publicOnly`: only those
 * everyone may read — the action public, its meeting public and its minutes approved, the group public.
 * `today` (Stockholm) is what the caller compares due dates with (`isOverdue`).
 */
export async function findOpenActionsOfGroup(
  db: DbOrTx,
  groupId: number,
  options: { publicOnly: boolean; today: string },
): Promise<(ActionListRow & { overdue: boolean })[]> {
  const rows = await listQuery(db)
    .where(
      and(
        eq(meetingActions.groupId, groupId),
        open(),
        live(),
        options.publicOnly
          ? and(
              eq(meetingActions.visibility, 'public'),
              eq(meetings.visibility, 'public'),
              eq(meetings.minutesStatus, 'approved'),
              eq(groups.visibility, 'public'),
            )
          : undefined,
      ),
    )
    .orderBy(...overdueFirst());
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, options.today) }));
}

/** An open action whose due date is before today (Stockholm). */
export function isOverdue(action: { status: string; dueOn: string | null }, today: string): boolean {
  return (
    action.dueOn !== null && action.dueOn < today && !(CLOSED as readonly string[]).includes(action.status)
  );
}

/**
 * The actions a meeting's "Uppföljning av uppdrag" item lists: the group's open actions from its earlier
 * meetings (started before this one), overdue first. Internal ones too; a public page filters with
 * `visibility === 'public'` (see views/follow-up-actions.tsx).
 */
export function findActionsForFollowUp(
  db: DbOrTx,
  groupId: number,
  beforeMeetingStartsAt: Date,
): Promise<ActionListRow[]> {
  return listQuery(db)
    .where(
      and(eq(meetingActions.groupId, groupId), open(), live(), lt(meetings.startsAt, beforeMeetingStartsAt)),
    )
    .orderBy(...overdueFirst());
}

/** Every group's overdue actions (due before `today`, open), optionally one group's, by due date. */
export function findOverdueActions(db: DbOrTx, today: string, groupId: number | null) {
  return listQuery(db)
    .where(
      and(
        open(),
        live(),
        lt(meetingActions.dueOn, today),
        groupId === null ? undefined : eq(meetingActions.groupId, groupId),
      ),
    )
    .orderBy(asc(meetingActions.dueOn), asc(groups.name), asc(meetingActions.id));
}

/** The groups that have an overdue action, for the overdue list's filter. */
export function findGroupsWithActions(db: DbOrTx) {
  return db
    .selectDistinct({ id: groups.id, name: groups.name })
    .from(meetingActions)
    .innerJoin(groups, eq(groups.id, meetingActions.groupId))
    .where(and(isNull(groups.deletedAt), isNull(meetingActions.deletedAt)))
    .orderBy(asc(groups.name));
}

/** One action, deleted or not, with the meeting it came from and the decision. */
export async function findAction(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      action: meetingActions,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      itemTitle: agendaItems.title,
      itemPosition: agendaItems.position,
      itemDecision: agendaItems.decision,
      ownerPersonName: people.name,
      ownerOrganisationName: organisations.name,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, meetingActions.agendaItemId))
    .leftJoin(people, eq(people.id, meetingActions.ownerPersonId))
    .leftJoin(organisations, eq(organisations.id, meetingActions.ownerOrganisationId))
    .where(eq(meetingActions.id, id));
  return row;
}

export async function lockAction(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(meetingActions).where(eq(meetingActions.id, id)).for('update');
  return row;
}

/** A new action; returns its id and version. */
export async function insertAction(tx: DbOrTx, values: typeof meetingActions.$inferInsert) {
  const [row] = await tx
    .insert(meetingActions)
    .values(values)
    .returning({ id: meetingActions.id, version: meetingActions.version });
  if (!row) throw new Error('meeting_actions insert returned no row');
  return row;
}

/** The follow-up, if the action is still at `version`; returns the new version. */
export async function updateActionStatus(
  tx: DbOrTx,
  id: number,
  version: number,
  values: { status: MeetingAction['status']; statusNote: string; statusChangedAt: Date },
) {
  const [row] = await tx
    .update(meetingActions)
    .set({ ...values, updatedAt: values.statusChangedAt, version: sql`${meetingActions.version} + 1` })
    .where(and(eq(meetingActions.id, id), eq(meetingActions.version, version)))
    .returning({ version: meetingActions.version });
  return row?.version;
}

/** The group's members with accounts that can sign in, to own an action or adjust the minutes. */
export function findGroupMembersWithAccounts(db: DbOrTx, groupId: number) {
  return db
    .select({ id: people.id, name: people.name })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(and(eq(groupMemberships.groupId, groupId), isNull(people.disabledAt), isNull(people.erasedAt)))
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`, asc(people.id));
}

/** The organisations an action may be owned by (not deleted), by name. */
export function findOwnerOrganisations(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(isNull(organisations.deletedAt))
    .orderBy(sql`${organisations.name} collate "sv-SE-x-icu"`, asc(organisations.id));
}

/** Count of a group's overdue open actions. */
export async function countOverdueActionsOfGroup(db: DbOrTx, groupId: number, today: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(
      and(
        eq(meetingActions.groupId, groupId),
        open(),
        isNull(meetingActions.deletedAt),
        isNull(meetings.deletedAt),
        lt(meetingActions.dueOn, today),
      ),
    );
  return row?.count ?? 0;
}

/** The actions a decision gave (internal too), newest first. */
export function findActionsOfItems(db: DbOrTx, itemIds: number[]) {
  return listQuery(db)
    .where(and(inArray(meetingActions.agendaItemId, [-1, ...itemIds]), isNull(meetingActions.deletedAt)))
    .orderBy(desc(meetingActions.id));
}

/** An agenda item by id, deleted or not, for an action from its decision. */
export async function findItemForAction(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      title: agendaItems.title,
      decision: agendaItems.decision,
      visibility: agendaItems.visibility,
      internalReason: agendaItems.internalReason,
      deletedAt: agendaItems.deletedAt,
    })
    .from(agendaItems)
    .where(eq(agendaItems.id, id));
  return row;
}

export async function findLiveOrganisationName(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.deletedAt)));
  return row;
}
