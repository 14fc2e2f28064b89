import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { people } from '../accounts/accounts.table.ts';
import { documents } from '../documents/documents.table.ts';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import {
  agendaItemDocuments,
  agendaItems,
  type MeetingStatus,
  meetingParticipants,
  meetings,
  type StandingItemKind,
} from './meetings.table.ts';

/** The meeting's columns that its form and history hold. */
export type MeetingColumns = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  status: MeetingStatus;
  cancelledReason: string | null;
  secretaryPersonId: number | null;
  visibility: 'public' | 'internal';
  internalReason: string | null;
};

/** A live group by its address, with what a meeting's rights and form need. */
export async function findLiveGroupBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      organisationId: groups.organisationId,
      visibility: groups.visibility,
    })
    .from(groups)
    .where(and(eq(groups.slug, slug), isNull(groups.deletedAt)));
  return row;
}

/** The group's members with accounts that can sign in, by name, with the account's address. */
export function findGroupMembers(db: DbOrTx, groupId: number) {
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(groupMemberships)
    .innerJoin(people, eq(people.id, groupMemberships.personId))
    .where(and(eq(groupMemberships.groupId, groupId), isNull(people.disabledAt), isNull(people.erasedAt)))
    .orderBy(sql`${people.name} collate "sv-SE-x-icu"`, asc(people.id));
}

export async function insertMeeting(
  tx: DbOrTx,
  values: MeetingColumns & { groupId: number; createdAt: Date },
): Promise<number> {
  const [row] = await tx
    .insert(meetings)
    .values({ ...values, updatedAt: values.createdAt })
    .returning({ id: meetings.id });
  if (!row) throw new Error('meetings insert returned no row');
  return row.id;
}

/** Writes the meeting if it is still at `expected`; the new version, or undefined. */
export async function updateMeeting(
  tx: DbOrTx,
  id: number,
  expected: number,
  values: Partial<typeof meetings.$inferInsert>,
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(meetings)
    .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: now })
    .where(and(eq(meetings.id, id), eq(meetings.version, expected)))
    .returning({ version: meetings.version });
  return row?.version;
}

export async function setCalledAt(tx: DbOrTx, id: number, at: Date) {
  await tx.update(meetings).set({ calledAt: at }).where(eq(meetings.id, id));
}

export function findParticipants(db: DbOrTx, meetingId: number) {
  return db
    .select({
      id: meetingParticipants.id,
      kind: meetingParticipants.kind,
      personId: meetingParticipants.personId,
      name: sql<string>`coalesce(nullif(${people.name}, ''), ${meetingParticipants.name})`,
      organisationName: meetingParticipants.organisationName,
      email: sql<
        string | null
      >`case when ${meetingParticipants.kind} = 'member' then ${people.email} else ${meetingParticipants.email} end`,
      attendance: meetingParticipants.attendance,
    })
    .from(meetingParticipants)
    .leftJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.kind), sql`2`, asc(meetingParticipants.id));
}

export type Participant = Awaited<ReturnType<typeof findParticipants>>[number];

export async function insertParticipants(
  tx: DbOrTx,
  rows: {
    meetingId: number;
    kind: 'member' | 'guest';
    personId: number | null;
    name: string;
    organisationName: string;
    email: string | null;
  }[],
) {
  if (rows.length === 0) return;
  await tx.insert(meetingParticipants).values(rows).onConflictDoNothing();
}

export async function deleteGuest(tx: DbOrTx, meetingId: number, participantId: number) {
  const rows = await tx
    .delete(meetingParticipants)
    .where(
      and(
        eq(meetingParticipants.id, participantId),
        eq(meetingParticipants.meetingId, meetingId),
        eq(meetingParticipants.kind, 'guest'),
      ),
    )
    .returning({ name: meetingParticipants.name });
  return rows[0];
}

/** The agenda in order, internal items too. */
export function findAgenda(db: DbOrTx, meetingId: number) {
  return db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.deletedAt)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export async function insertStandingItems(
  tx: DbOrTx,
  meetingId: number,
  items: { kind: StandingItemKind; title: string }[],
  now: Date,
) {
  return tx
    .insert(agendaItems)
    .values(
      items.map((item, index) => ({
        meetingId,
        position: index + 1,
        standingKind: item.kind,
        title: item.title,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
}

/** The meeting's documents that are not deleted, by title. */
export function findMeetingDocuments(db: DbOrTx, meetingId: number) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      fileName: documents.fileName,
      visibility: documents.visibility,
      internalReason: documents.internalReason,
    })
    .from(documents)
    .where(and(eq(documents.meetingId, meetingId), isNull(documents.deletedAt)))
    .orderBy(sql`${documents.title} collate "sv-SE-x-icu"`, asc(documents.id));
}

/** Which documents each item links, for the agenda. */
export async function findItemDocumentIds(db: DbOrTx, itemIds: number[]) {
  if (itemIds.length === 0) return new Map<number, number[]>();
  const rows = await db
    .select()
    .from(agendaItemDocuments)
    .where(inArray(agendaItemDocuments.agendaItemId, itemIds));
  const map = new Map<number, number[]>();
  for (const row of rows) map.set(row.agendaItemId, [...(map.get(row.agendaItemId) ?? []), row.documentId]);
  return map;
}

/** A group's meetings that are not deleted: the coming ones first in time, then the past ones latest first. */
export async function findGroupMeetings(db: DbOrTx, groupId: number, now: Date) {
  const columns = {
    id: meetings.id,
    title: meetings.title,
    startsAt: meetings.startsAt,
    status: meetings.status,
    visibility: meetings.visibility,
  };
  const live = and(eq(meetings.groupId, groupId), isNull(meetings.deletedAt));
  const [upcoming, past] = await Promise.all([
    db
      .select(columns)
      .from(meetings)
      .where(and(live, gte(meetings.endsAt, now), ne(meetings.status, 'held')))
      .orderBy(asc(meetings.startsAt)),
    db
      .select(columns)
      .from(meetings)
      .where(and(live, or(lt(meetings.endsAt, now), eq(meetings.status, 'held'))))
      .orderBy(desc(meetings.startsAt))
      .limit(50),
  ]);
  return { upcoming, past };
}

/** A person's name (for the secretary shown). */
export async function findPersonName(db: DbOrTx, personId: number) {
  const [row] = await db
    .select({ name: people.name, email: people.email })
    .from(people)
    .where(eq(people.id, personId));
  return row;
}
