import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { documents } from '../documents/documents.table.ts';
import { goals } from '../goals/goals.table.ts';
import { groups } from '../groups/groups.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

/**
 * Meetings of Högskolerådet and the working groups (issue 10; decision 014): a meeting with its call
 * (kallelse), agenda (dagordning) of items (ärenden), minutes (protokoll) approved by adjusters (justerare),
 * decisions (beslut) and the actions (uppdrag) that come of them.
 */

/** planerat → genomfört, or inställt; a cancelled meeting keeps its page and its calendar event (CANCELLED). */
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatus = pgEnum('meeting_status', meetingStatuses);

/**
 * The minutes' state: written (draft) → marked ready by the secretary, with the meeting closed in the same
 * step (ready: the adjusters are asked) → approved by every adjuster (approved: published, frozen; a later
 * change is a recorded correction).
 */
export const minutesStatuses = ['draft', 'ready', 'approved'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];
export const minutesStatus = pgEnum('minutes_status', minutesStatuses);

export const meetings = pgTable(
  'meetings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    title: text().notNull(),
    /** Start and end as instants; shown and entered in Europe/Stockholm. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text().notNull().default(''),
    /** A link to the video meeting (https), where there is one. */
    videoUrl: text('video_url'),
    status: meetingStatus().notNull().default('planned'),
    /** Why a meeting was cancelled, shown with it. */
    cancelledReason: text('cancelled_reason'),
    /** Who writes the minutes (an account); besides those who may change the group (canEditMeeting). */
    secretaryPersonId: integer('secretary_person_id').references(() => people.id, { onDelete: 'set null' }),
    ...visibilityColumns(),
    minutesStatus: minutesStatus('minutes_status').notNull().default('draft'),
    /** When the secretary marked the minutes ready and closed the meeting (one step). */
    minutesReadyAt: timestamp('minutes_ready_at', { withTimezone: true }),
    /** The last day the adjusters have (the group's deadline, 14 days by municipal custom). */
    adjustmentDueOn: date('adjustment_due_on', { mode: 'string' }),
    /** When the last adjuster approved: the minutes' date of approval (justeringsdatum). */
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    /** Where the approved minutes are kept, as a notice of approved minutes says (copied from the group). */
    minutesKeptAt: text('minutes_kept_at'),
    /** The call (kallelse) was sent then; changes after it are sent as updates. */
    calledAt: timestamp('called_at', { withTimezone: true }),
    /**
     * iCalendar SEQUENCE (RFC 5545 3.8.7.4): up by one whenever the time, place or status changes, so a
     * calendar replaces the event it has instead of adding another.
     */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [index().on(t.groupId, t.startsAt), index().on(t.secretaryPersonId)],
);

/** The items a new agenda gets by default (each can be removed): opening, adjuster, last minutes, actions. */
export const standingItemKinds = ['opening', 'adjuster', 'previous_minutes', 'action_follow_up'] as const;
export type StandingItemKind = (typeof standingItemKinds)[number];
export const standingItemKind = pgEnum('standing_item_kind', standingItemKinds);

/**
 * An item (ärende) on a meeting's agenda, numbered by `position` (§ 1, § 2 …). The agenda part (title,
 * presenter, time, proposed decision, links) is written before the meeting; the minutes part (notes, the
 * decision) at it. Public unless marked internal with a reason; the decision is public only once the
 * minutes are approved.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    standingKind: standingItemKind('standing_kind'),
    title: text().notNull(),
    presenter: text().notNull().default(''),
    /** The time the item is planned to start (Stockholm), where the agenda gives one. */
    startTime: time('start_time'),
    proposedDecision: text('proposed_decision').notNull().default(''),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    ...visibilityColumns(),
    /** The minutes: what was said, and the decision as a field of its own. */
    notes: text().notNull().default(''),
    decision: text().notNull().default(''),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`title`, sql`decision`),
  },
  (t) => [
    index().on(t.meetingId, t.position),
    index().on(t.agreementId),
    index('agenda_items_search_idx').using('gin', t.searchVector),
  ],
);

export const agendaItemFocusAreas = pgTable(
  'agenda_item_focus_areas',
  {
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    focusAreaId: integer('focus_area_id')
      .notNull()
      .references(() => focusAreas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.focusAreaId] }), index().on(t.focusAreaId)],
);

export const agendaItemGoals = pgTable(
  'agenda_item_goals',
  {
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.goalId] }), index().on(t.goalId)],
);

/** The register's documents (a meeting's, with their own visibility) an item refers to. */
export const agendaItemDocuments = pgTable(
  'agenda_item_documents',
  {
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.documentId] }), index().on(t.documentId)],
);

/** Called as a member of the group (an account in it), or as a guest (a name and an address). */
export const participantKinds = ['member', 'guest'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const participantKind = pgEnum('participant_kind', participantKinds);

/** Attendance in the minutes: närvarande, frånvarande, adjungerad. */
export const attendances = ['present', 'absent', 'co_opted'] as const;
export type Attendance = (typeof attendances)[number];
export const attendance = pgEnum('attendance', attendances);

/**
 * Who is called to a meeting: the group's members (added when the meeting is made, and when one joins the
 * group before the call) and guests; their attendance is recorded in the minutes.
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: participantKind().notNull(),
    /** The member's account; null for a guest (and for a member whose account was erased). */
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** A guest's name and organisation as typed; a member's come from the account. */
    name: text().notNull().default(''),
    organisationName: text('organisation_name').notNull().default(''),
    /** Where a guest's call goes; a member's goes to the account's address. Never shown publicly. */
    email: text(),
    attendance: attendance(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.meetingId),
    index().on(t.personId),
    uniqueIndex('meeting_participants_person_unique').on(t.meetingId, t.personId),
  ],
);

/** The adjusters (justerare) chosen for a meeting's minutes, each approving signed in, with the date. */
export const meetingAdjusters = pgTable(
  'meeting_adjusters',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index().on(t.personId)],
);

/**
 * A correction (rättelse) of approved minutes: never a silent edit. Each is shown with the minutes: when,
 * by whom, why, and the fields before and after.
 */
export const minutesCorrections = pgTable(
  'minutes_corrections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The item corrected; null for the minutes as a whole (attendance, adjusters). */
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    /** field → [before, after], as the minutes show them. */
    changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull(),
    actorPersonId: integer('actor_person_id').references(() => people.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId)],
);

/** An action's state: ej påbörjad, pågår, klar, struken. */
export const actionStatuses = ['not_started', 'in_progress', 'done', 'struck'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatus = pgEnum('action_status', actionStatuses);

/**
 * An action (uppdrag) given by a decision: an owner (a person, an organisation, or both), a due date, a
 * status with a short update. Open overdue actions come up at the group's next meeting's follow-up item.
 */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The group that follows it up (the meeting's group, kept here for the group's lists). */
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** The decision that gave it. */
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id),
    dueOn: date('due_on', { mode: 'string' }),
    status: actionStatus().notNull().default('not_started'),
    statusNote: text('status_note').notNull().default(''),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    ...visibilityColumns(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index().on(t.groupId, t.status, t.dueOn),
    index().on(t.meetingId),
    index().on(t.ownerPersonId),
    index().on(t.ownerOrganisationId),
  ],
);

/**
 * A personal calendar feed (issue 10, item 6): the meetings of the groups a person is in, at an
 * unguessable address. Only the token's SHA-256 is kept; revoking one (or making a new one) ends it.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index().on(t.personId)],
);

export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type MeetingParticipant = typeof meetingParticipants.$inferSelect;
export type MeetingAction = typeof meetingActions.$inferSelect;
