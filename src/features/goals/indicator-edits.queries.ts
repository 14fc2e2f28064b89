import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { indicators, indicatorValues } from './goals.table.ts';
import { findIndicatorYears, type IndicatorYearRow } from './indicators/indicator-figures.queries.ts';

/** An indicator's row as its edits need it; a deleted one is not found. */
export async function findIndicatorRecord(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: indicators.id, slug: indicators.slug, version: indicators.version, kind: indicators.kind })
    .from(indicators)
    .where(and(eq(indicators.slug, slug), isNull(indicators.deletedAt)));
  return row;
}

/** The same row, locked for the save's transaction (its version is the one the save checks). */
export async function lockIndicator(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select({ id: indicators.id, slug: indicators.slug, version: indicators.version, kind: indicators.kind })
    .from(indicators)
    .where(and(eq(indicators.id, id), isNull(indicators.deletedAt)))
    .for('update');
  return row;
}

/** An indicator's years as its forms show them: the same rows the figures read, of one indicator. */
export async function findIndicatorValueRows(db: DbOrTx, indicatorId: number): Promise<IndicatorValueRow[]> {
  return (await findIndicatorYears(db, [indicatorId])).map(({ indicatorId: _indicator, ...row }) => row);
}

export type IndicatorValueRow = Omit<IndicatorYearRow, 'indicatorId'>;

/** The next version of the indicator, if it is still at `expectedVersion`. */
export async function bumpIndicatorVersion(
  tx: DbOrTx,
  id: number,
  expectedVersion: number,
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(indicators)
    .set({ version: sql`${indicators.version} + 1`, updatedAt: now })
    .where(and(eq(indicators.id, id), eq(indicators.version, expectedVersion)))
    .returning({ version: indicators.version });
  return row?.version;
}

type YearFields = Partial<{
  target: string | null;
  value: string | null;
  source: string | null;
  measuredOn: string | null;
  isDemo: boolean;
}>;

/**
 * Sets the given fields of one year (one row per indicator and year), then deletes the row if it holds
 * neither a target nor a value any more.
 */
export async function writeIndicatorYear(
  tx: DbOrTx,
  indicatorId: number,
  year: number,
  fields: YearFields,
  now: Date,
): Promise<void> {
  await tx
    .insert(indicatorValues)
    .values({ indicatorId, year, ...fields, updatedAt: now })
    .onConflictDoUpdate({
      target: [indicatorValues.indicatorId, indicatorValues.year],
      set: { ...fields, updatedAt: now },
    });
  await tx
    .delete(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.year, year),
        isNull(indicatorValues.target),
        isNull(indicatorValues.value),
      ),
    );
}
