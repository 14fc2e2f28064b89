import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { activities } from '../activities/activities.table.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

/**
 * What a brief in the needs bank (behovsbanken) asks for: a research question, a thesis (examensarbete), a
 * course project or case, a ULF question, a guest lecture, or competence development for staff (offered
 * by an institution; staff sign up).
 */
export const briefKinds = [
  'research_question',
  'thesis',
  'course_project',
  'ulf_question',
  'guest_lecture',
  'staff_development',
] as const;
export type BriefKind = (typeof briefKinds)[number];
export const briefKind = pgEnum('brief_kind', briefKinds);

/**
 * A structured brief (issue 9, item 5): the question and what its answer will be used for, not a vague wish.
 * Public unless marked internal; its contact's e-mail is never shown (answers come through the site).
 */
export const briefs = pgTable(
  'briefs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    kind: briefKind().notNull(),
    title: text().notNull(),
    /** The förvaltning or unit asking — or, for staff development, the institution offering. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    background: text().notNull().default(''),
    question: text().notNull(),
    /** What the result will be used for. */
    intendedUse: text('intended_use').notNull(),
    /** Who gains from it. */
    beneficiaries: text().notNull().default(''),
    /** What the unit offers: data, access, supervisor time. */
    offering: text().notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email'),
    /** Last day to answer; null when open until closed. */
    deadline: date({ mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * When the e-mail alerts about this brief were queued (in the transaction that first made it published,
     * public and not deleted): never twice, also when it is unpublished and published again.
     */
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
    authorPersonId: integer('author_person_id').references(() => people.id),
    ...visibilityColumns(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`title`, sql`background || ' ' || question || ' ' || intended_use`),
  },
  (t) => [
    index('briefs_search_idx').using('gin', t.searchVector),
    index('briefs_kind_idx').on(t.kind, t.publishedAt),
    index('briefs_organisation_idx').on(t.organisationId),
  ],
);

export const briefFocusAreas = pgTable(
  'brief_focus_areas',
  {
    briefId: integer('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    focusAreaId: integer('focus_area_id')
      .notNull()
      .references(() => focusAreas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.briefId, t.focusAreaId] }), index().on(t.focusAreaId)],
);

export const briefGoals = pgTable(
  'brief_goals',
  {
    briefId: integer('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.briefId, t.goalId] }), index().on(t.goalId)],
);

/** Institutions a brief is addressed to (empty: any). Filtered on in the public list. */
export const briefInstitutions = pgTable(
  'brief_institutions',
  {
    briefId: integer('brief_id')
      .notNull()
      .references(() => briefs.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.briefId, t.organisationId] }), index().on(t.organisationId)],
);

/** inskickad → under bedömning → antagen / avböjd → genomförd. */
export const briefResponseStatuses = ['submitted', 'in_review', 'accepted', 'declined', 'completed'] as const;
export type BriefResponseStatus = (typeof briefResponseStatuses)[number];
export const briefResponseStatus = pgEnum('brief_response_status', briefResponseStatuses);

/** Who answers: a researcher, a teacher or a student; `staff` signs up for competence development. */
export const briefResponderRoles = ['researcher', 'teacher', 'student', 'staff'] as const;
export type BriefResponderRole = (typeof briefResponderRoles)[number];
export const briefResponderRole = pgEnum('brief_responder_role', briefResponderRoles);

/**
 * An answer to a brief (item 6): a researcher's, teacher's or student's short proposal, or a staff member
 * signing up for competence development. Personal data: shown to the responder, the brief's owner and
 * coordinators only. "Antagen" creates the activity in the register (`activityId`).
 */
export const briefResponses = pgTable(
  'brief_responses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    briefId: integer('brief_id')
      .notNull()
      .references(() => briefs.id),
    responderPersonId: integer('responder_person_id').references(() => people.id),
    name: text().notNull(),
    email: text().notNull(),
    /** Forskare, lärare or student; `staff` for a sign-up to competence development. */
    role: briefResponderRole().notNull().default('researcher'),
    /**
     * The responder's institution from the register, or `otherInstitution` as typed; for a staff sign-up
     * (competence development), the municipal organisation they work in.
     */
    institutionId: integer('institution_id').references(() => organisations.id),
    otherInstitution: text('other_institution'),
    /** Programme or subject (students), department or research group (researchers). */
    programme: text().notNull().default(''),
    /** How they would go about it. */
    approach: text().notNull(),
    /** When, in their words ("VT2027", "hösten 2027"). */
    timing: text().notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    status: briefResponseStatus().notNull().default('submitted'),
    /** Why it was declined, as the responder reads it in the mail. */
    reason: text(),
    /**
     * When the answer was first moved to "antagen" (kept when it later becomes "genomförd"): the day a
     * research question counts as taken up and a staff member's place as given, for the goal indicators.
     */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index('brief_responses_brief_idx').on(t.briefId, t.status),
    index('brief_responses_responder_idx').on(t.responderPersonId),
    // One answer per person per brief, also when two arrive at the same moment.
    uniqueIndex('brief_responses_one_per_person').on(t.briefId, t.responderPersonId),
  ],
);

/**
 * Alerts by e-mail about new briefs, without an account: a confirmed address (double opt-in) and what to
 * follow (a kind and/or a focus area; neither: everything). Tokens are kept as SHA-256 only; the unsubscribe
 * link is in every mail and works in one click.
 */
export const briefSubscriptions = pgTable(
  'brief_subscriptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    kind: briefKind(),
    focusAreaId: integer('focus_area_id').references(() => focusAreas.id, { onDelete: 'cascade' }),
    confirmTokenHash: text('confirm_token_hash').unique(),
    unsubscribeTokenHash: text('unsubscribe_token_hash').notNull().unique(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('brief_subscriptions_email_idx').on(sql`lower(${t.email})`)],
);

/**
 * The one-click unsubscribe link of each alert mail (SHA-256 of its token): a token per mail, since a
 * token stored only as a hash cannot be put in a later mail. Gone with its subscription.
 */
export const briefUnsubscribeTokens = pgTable(
  'brief_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => briefSubscriptions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.subscriptionId)],
);

export type Brief = typeof briefs.$inferSelect;
export type BriefResponse = typeof briefResponses.$inferSelect;
