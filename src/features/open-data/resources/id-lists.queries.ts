import { type Column, Param, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1)`: the ids of a page's (or, for the downloads, every) record as one array parameter,
 * where `in ($1, $2, …)` would need one parameter each (PostgreSQL allows 65,535) and costs more to plan.
 * Every batched read of a page's children uses it.
 */
export function anyId(column: Column, ids: readonly number[]): SQL {
  return sql`${column} = any(${new Param(ids)}::int[])`;
}
