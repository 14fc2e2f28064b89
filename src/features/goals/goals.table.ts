import { index, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';

export const goals = pgTable('goals', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  position: integer().notNull(),
  shortTitle: text('short_title').notNull(),
  /** The goal as the source page words it, completing "Målet med samarbetet är att det ska …". */
  statement: text().notNull(),
});

/** Ready for the goal follow-up issue: an indicator measures a goal, with a target and a value per year. */
export const indicators = pgTable(
  'indicators',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    unit: text().notNull().default(''),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.goalId)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    target: numeric(),
    value: numeric(),
  },
  (t) => [unique().on(t.indicatorId, t.year)],
);

export type Goal = typeof goals.$inferSelect;
