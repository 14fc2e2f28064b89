import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { activities } from '../activities/activities.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

/** A new collaboration, or a request to be added to one already in the register. */
export const proposalKinds = ['new', 'join'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalKind = pgEnum('proposal_kind', proposalKinds);

/** inskickad → antagen (a new activity) / sammanslagen (added to an activity) / avböjd (with a reason). */
export const proposalStatuses = ['submitted', 'accepted', 'merged', 'declined'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalStatus = pgEnum('proposal_status', proposalStatuses);

/**
 * "Registrera ett samarbete" (issue 8, item 4): a collaboration any signed-in employee describes, waiting
 * for the coordinator's review. Not a register record itself: what it becomes (an activity, or a party
 * added to one) is saved with the activity's history. The contact's name and e-mail are personal data,
 * shown to the proposer and the coordinators only.
 *
 * Register rows are only ever soft-deleted, except demo data when DEMO_DATA is turned off: a proposal
 * about a removed demo organisation goes with it, and a link to a removed demo activity is cleared, so
 * that removing the demo data is never blocked.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: proposalKind().notNull().default('new'),
    status: proposalStatus().notNull().default('submitted'),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** The university from the register; null when the proposer named another one (`otherUniversity`). */
    universityId: integer('university_id').references(() => organisations.id, { onDelete: 'cascade' }),
    otherUniversity: text('other_university'),
    /** The förvaltning or unit of the municipality that takes part. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    goalId: integer('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    /** A proposal to join: the activity the proposer said it is the same as. */
    joinActivityId: integer('join_activity_id').references(() => activities.id, { onDelete: 'set null' }),
    proposerPersonId: integer('proposer_person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    /** Once decided, never again: the decision is a conditional update on status 'submitted'. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByPersonId: integer('decided_by_person_id').references(() => people.id),
    /** The activity it became (accepted) or was merged into. */
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    /** Why it was declined (required then), as the proposer reads it in the mail. */
    declineReason: text('decline_reason'),
  },
  (t) => [
    // The review queue: what waits, oldest first.
    index('proposals_waiting_idx').on(t.createdAt).where(sql`${t.status} = 'submitted'`),
    index('proposals_proposer_idx').on(t.proposerPersonId),
  ],
);

export type Proposal = typeof proposals.$inferSelect;
