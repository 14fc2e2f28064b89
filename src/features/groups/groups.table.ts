import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, isDemo, searchVector } from '../../db/columns.ts';
import { people } from '../accounts/accounts.table.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordColumns, visibilityColumns } from '../register/register.table.ts';

export const groupKinds = ['working_group', 'council', 'board', 'network'] as const;
export type GroupKind = (typeof groupKinds)[number];
export const groupKind = pgEnum('group_kind', groupKinds);

/**
 * The groups the site has a page of its own for: the council (/hogskoleradet) and the foundation's network
 * (/flemingsberg-science). A role, not a slug, names them, so renaming or re-slugging a group never breaks
 * those pages or the start page; at most one group holds each role.
 */
export const groupSiteRoles = ['council', 'foundation_network'] as const;
export type GroupSiteRole = (typeof groupSiteRoles)[number];
export const groupSiteRole = pgEnum('group_site_role', groupSiteRoles);

export const memberRoles = ['chair', 'vice_chair', 'secretary', 'member', 'co_opted', 'participant'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRole = pgEnum('member_role', memberRoles);

export const groups = pgTable(
  'groups',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: groupKind().notNull(),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    /** The organisation the group belongs to, e.g. Stiftelsen Flemingsberg Science for its network. */
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    description: text().notNull().default(''),
    siteRole: groupSiteRole('site_role').unique(),
    /** Days the adjusters have to approve a meeting's minutes (issue 10: 14 is the municipal custom). */
    adjustmentDays: integer('adjustment_days').notNull().default(14),
    /** Where the group's approved minutes are kept, e.g. "Kommunledningsförvaltningen, Huddinge kommun". */
    minutesKeptAt: text('minutes_kept_at').notNull().default(''),
    ...visibilityColumns(),
    isDemo: isDemo(),
    createdAt: createdAt(),
    ...recordColumns(),
    searchVector: searchVector(sql`name`, sql`description`),
  },
  (t) => [index().on(t.agreementId), index('groups_search_idx').using('gin', t.searchVector)],
);

/** A seat in a group: an organisation, a role, and a named person only where one is known. */
export const groupMembers = pgTable(
  'group_members',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id),
    role: memberRole().notNull(),
    /** A role held by whoever has an office, e.g. "ordförande i gymnasie- och arbetsmarknadsnämnden". */
    seatDescription: text('seat_description'),
    personName: text('person_name'),
    /** The seat's term, where known: from and to (inclusive), dates in Stockholm. */
    fromOn: date('from_on', { mode: 'string' }),
    toOn: date('to_on', { mode: 'string' }),
    position: integer().notNull().default(0),
    isDemo: isDemo(),
  },
  (t) => [
    index().on(t.organisationId),
    // One seat is listed once; the seed relies on this to be idempotent.
    unique('group_members_seat_unique')
      .on(t.groupId, t.organisationId, t.role, t.seatDescription, t.personName)
      .nullsNotDistinct(),
  ],
);

export type Group = typeof groups.$inferSelect;
export type GroupMember = typeof groupMembers.$inferSelect;

/** Members of a working group or the council: they may see the group's internal material. */
export const groupMemberships = pgTable(
  'group_memberships',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.groupId] }), index().on(t.groupId)],
);
