import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import {
  type Attendance,
  agendaItems,
  meetingAdjusters,
  meetingParticipants,
  meetings,
  minutesCorrections,
} from './meetings.table.ts';

/** The SQL of minutes (protokoll), their approval (justering) and corrections (issue 10, item 3). */

/** A meeting's items (not deleted), in § order. */
export function findMinutesItems(db: DbOrTx, meetingId: number) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      standingKind: agendaItems.standingKind,
      title: agendaItems.title,
      visibility: agendaItems.visibility,
      proposedDecision: agendaItems.proposedDecision,
      notes: agendaItems.notes,
      decision: agendaItems.decision,
      version: agendaItems.version,
    })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.deletedAt)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export type MinutesItem = Awaited<ReturnType<typeof findMinutesItems>>[number];

/** Who was called, members by their account's name, guests by the name typed. */
export function findMinutesParticipants(db: DbOrTx, meetingId: number) {
  return db
    .select({
      id: meetingParticipants.id,
      kind: meetingParticipants.kind,
      personId: meetingParticipants.personId,
      name: sql<string>`coalesce(nullif(${people.name}, ''), nullif(${meetingParticipants.name}, ''), ${people.email}, '')`,
      organisationName: meetingParticipants.organisationName,
      attendance: meetingParticipants.attendance,
      /** An account that can sign in, of a member of the meeting's group now: who may be chosen to adjust. */
      mayAdjust: sql<boolean>`(${people.id} is not null and ${people.disabledAt} is null
        and ${people.erasedAt} is null and exists (select 1 from group_memberships gm
          join meetings m on m.group_id = gm.group_id
          where m.id = ${meetingParticipants.meetingId} and gm.person_id = ${people.id}))`,
    })
    .from(meetingParticipants)
    .leftJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.kind), sql`1`, asc(meetingParticipants.id));
}

export type MinutesParticipant = Awaited<ReturnType<typeof findMinutesParticipants>>[number];

/** The adjusters with their names, addresses and when each approved. */
export function findAdjustersWithNames(db: DbOrTx, meetingId: number) {
  return db
    .select({
      personId: meetingAdjusters.personId,
      approvedAt: meetingAdjusters.approvedAt,
      name: people.name,
      email: people.email,
      language: people.language,
    })
    .from(meetingAdjusters)
    .innerJoin(people, eq(people.id, meetingAdjusters.personId))
    .where(eq(meetingAdjusters.meetingId, meetingId))
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`, asc(people.id));
}

/** An item's minutes, its version up by one. */
export async function updateItemMinutes(
  tx: DbOrTx,
  id: number,
  values: { notes: string; decision: string },
  at: Date,
) {
  const [row] = await tx
    .update(agendaItems)
    .set({ ...values, updatedAt: at, version: sql`${agendaItems.version} + 1` })
    .where(eq(agendaItems.id, id))
    .returning({ version: agendaItems.version });
  return row?.version ?? 0;
}

export async function setAttendance(tx: DbOrTx, participantId: number, value: Attendance | null) {
  await tx
    .update(meetingParticipants)
    .set({ attendance: value })
    .where(eq(meetingParticipants.id, participantId));
}

/** The adjusters chosen now: those dropped are removed, new ones added (unapproved). */
export async function replaceAdjusters(tx: DbOrTx, meetingId: number, personIds: number[]) {
  await tx
    .delete(meetingAdjusters)
    .where(
      and(
        eq(meetingAdjusters.meetingId, meetingId),
        sql`${meetingAdjusters.personId} <> all(${`{${[-1, ...personIds].join(',')}}`}::int[])`,
      ),
    );
  if (personIds.length > 0)
    await tx
      .insert(meetingAdjusters)
      .values(personIds.map((personId) => ({ meetingId, personId })))
      .onConflictDoNothing();
}

/** The meeting's minutes fields, if it is still at `version`; returns the new version. */
export async function updateMeetingMinutes(
  tx: DbOrTx,
  id: number,
  version: number,
  values: Partial<typeof meetings.$inferInsert>,
  at: Date,
) {
  const [row] = await tx
    .update(meetings)
    .set({ ...values, updatedAt: at, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning({ version: meetings.version });
  return row?.version;
}

export async function markAdjusterApproved(tx: DbOrTx, meetingId: number, personId: number, at: Date) {
  await tx
    .update(meetingAdjusters)
    .set({ approvedAt: at })
    .where(and(eq(meetingAdjusters.meetingId, meetingId), eq(meetingAdjusters.personId, personId)));
}

export async function clearApprovals(tx: DbOrTx, meetingId: number) {
  await tx
    .update(meetingAdjusters)
    .set({ approvedAt: null })
    .where(eq(meetingAdjusters.meetingId, meetingId));
}

export async function insertCorrection(tx: DbOrTx, values: typeof minutesCorrections.$inferInsert) {
  await tx.insert(minutesCorrections).values(values);
}

/** The corrections of a meeting's minutes, oldest first, with who made them. */
export function findCorrections(db: DbOrTx, meetingId: number) {
  return db
    .select({
      id: minutesCorrections.id,
      agendaItemId: minutesCorrections.agendaItemId,
      itemPosition: agendaItems.position,
      itemTitle: agendaItems.title,
      reason: minutesCorrections.reason,
      changes: minutesCorrections.changes,
      at: minutesCorrections.at,
      actorName: people.name,
    })
    .from(minutesCorrections)
    .leftJoin(agendaItems, eq(agendaItems.id, minutesCorrections.agendaItemId))
    .leftJoin(people, eq(people.id, minutesCorrections.actorPersonId))
    .where(eq(minutesCorrections.meetingId, meetingId))
    .orderBy(asc(minutesCorrections.at), asc(minutesCorrections.id));
}

/** Addresses of people by id (signed-in accounts that can get mail). */
export async function findMailAddresses(db: DbOrTx, ids: number[]) {
  const rows = await db
    .select({ id: people.id, email: people.email, language: people.language })
    .from(people)
    .where(and(inArray(people.id, [-1, ...ids]), isNull(people.disabledAt), isNull(people.erasedAt)))
    .orderBy(desc(people.id));
  return rows.flatMap((row) => (row.email ? [{ ...row, email: row.email }] : []));
}
