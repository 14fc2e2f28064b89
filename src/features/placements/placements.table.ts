import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, isDemo } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns } from '../register/register.table.ts';

/**
 * Kinds of placement (see docs/glossary.md): VFU in teacher education, VIL/VFU in nursing and care, APL in
 * upper secondary vocational programmes, and praktik (any other internship, e.g. in a förvaltning).
 */
export const placementKinds = ['vfu_teacher', 'vfu_care', 'apl', 'internship'] as const;
export type PlacementKind = (typeof placementKinds)[number];
export const placementKind = pgEnum('placement_kind', placementKinds);

/**
 * A term as universities name them: "VT2027" (spring) or "HT2027" (autumn). Text, not a date range: the
 * same term has different dates at each institution; the offer's own dates say when.
 */
export const TERM_PATTERN = '^(VT|HT)[0-9]{4}$';

/**
 * Placement capacity (issue 9): what one unit offers for one term, entered once for every institution.
 * `confirmedPlaces` is kept in step with the confirmed requests in the same transaction (under a row lock on
 * the offer), and the CHECK makes over-booking impossible even for a write that forgot the rule.
 */
export const placementOffers = pgTable(
  'placement_offers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The unit (school, preschool, care home, a department of a förvaltning) that takes the students. */
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    term: text().notNull(),
    kind: placementKind().notNull(),
    /** Programme or subject, e.g. "Grundlärarprogrammet F–3" or "Sjuksköterskeprogrammet". */
    programme: text().notNull(),
    /** Level or semester of study, e.g. "termin 5", as the institutions write it. */
    studyLevel: text('study_level').notNull().default(''),
    places: integer().notNull(),
    /** Places confirmed to institutions (bekräftad or genomförd requests). */
    confirmedPlaces: integer('confirmed_places').notNull().default(0),
    /** Handledare available. */
    supervisors: integer().notNull().default(0),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    address: text().notNull().default(''),
    /** Kommundel, e.g. "Flemingsberg": for "travel: same area" in suggestions. */
    area: text().notNull().default(''),
    /** E.g. "Utdrag ur belastningsregistret", language. */
    prerequisites: text().notNull().default(''),
    description: text().notNull().default(''),
    /** The offer this one was copied from ("copy last term"). */
    copiedFromId: integer('copied_from_id'),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index('placement_offers_term_idx').on(t.term, t.kind),
    index('placement_offers_organisation_idx').on(t.organisationId, t.term),
    check('placement_offers_term_check', sql`${t.term} ~ '^(VT|HT)[0-9]{4}$'`),
    check('placement_offers_places_check', sql`${t.places} between 0 and 10000`),
    check(
      'placement_offers_confirmed_check',
      sql`${t.confirmedPlaces} >= 0 and ${t.confirmedPlaces} <= ${t.places}`,
    ),
  ],
);

/** inskickad → under behandling → bekräftad / avböjd → genomförd / inställd. */
export const placementRequestStatuses = [
  'submitted',
  'in_review',
  'confirmed',
  'declined',
  'completed',
  'cancelled',
] as const;
export type PlacementRequestStatus = (typeof placementRequestStatuses)[number];
export const placementRequestStatus = pgEnum('placement_request_status', placementRequestStatuses);

/**
 * A list of needs from an institution that units can answer ("12 sjuksköterskestudenter, termin 5,
 * v. 36–43"). A unit answers with places on one of its offers: that answer is a request (`needId` set).
 */
export const placementNeeds = pgTable(
  'placement_needs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    universityId: integer('university_id')
      .notNull()
      .references(() => organisations.id),
    authorPersonId: integer('author_person_id').references(() => people.id),
    term: text().notNull(),
    kind: placementKind().notNull(),
    programme: text().notNull(),
    studyLevel: text('study_level').notNull().default(''),
    students: integer().notNull(),
    /** As the institution writes it, e.g. "v. 36–43". */
    weeks: text().notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Where the students come from (campus), e.g. "Flemingsberg". */
    area: text().notNull().default(''),
    description: text().notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index('placement_needs_term_idx').on(t.term, t.kind),
    check('placement_needs_term_check', sql`${t.term} ~ '^(VT|HT)[0-9]{4}$'`),
    check('placement_needs_students_check', sql`${t.students} between 1 and 10000`),
  ],
);

/**
 * An institution's request for places on one offer, moved through its statuses by the unit (or the
 * coordinator) and the institution; each move is a history row and a mail to the other side.
 */
export const placementRequests = pgTable(
  'placement_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    offerId: integer('offer_id')
      .notNull()
      .references(() => placementOffers.id),
    /** The institution asking (a university or its department). */
    universityId: integer('university_id')
      .notNull()
      .references(() => organisations.id),
    requesterPersonId: integer('requester_person_id').references(() => people.id),
    /** Set when this request is a unit's answer to a list of needs. */
    needId: integer('need_id').references(() => placementNeeds.id),
    places: integer().notNull(),
    status: placementRequestStatus().notNull().default('submitted'),
    /** What the institution writes with the request. */
    message: text().notNull().default(''),
    /** Why it was declined or cancelled, as the other side reads it in the mail. */
    reason: text(),
    /** The unit's suggestion of another offer instead (with a decline). */
    proposedOfferId: integer('proposed_offer_id').references(() => placementOffers.id),
    /** 1 = first choice: the automatic term proposal takes preferences in this order. */
    preference: integer().notNull().default(1),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
  },
  (t) => [
    index('placement_requests_offer_idx').on(t.offerId, t.status),
    index('placement_requests_university_idx').on(t.universityId, t.status),
    index('placement_requests_need_idx').on(t.needId),
    check('placement_requests_places_check', sql`${t.places} between 1 and 10000`),
  ],
);

/**
 * Students named on a request: first name and programme only (data minimisation), never required, and
 * deleted by housekeeping once the offer's term is over (`removeAfter`).
 */
export const placementStudents = pgTable(
  'placement_students',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => placementRequests.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    programme: text().notNull().default(''),
    /** The day after the term (or the offer's end) in Stockholm: housekeeping deletes the row then. */
    removeAfter: date('remove_after', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('placement_students_request_idx').on(t.requestId),
    index('placement_students_remove_idx').on(t.removeAfter),
  ],
);

export type PlacementOffer = typeof placementOffers.$inferSelect;
export type PlacementRequest = typeof placementRequests.$inferSelect;
export type PlacementNeed = typeof placementNeeds.$inferSelect;
