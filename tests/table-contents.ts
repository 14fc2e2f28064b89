import type pg from 'pg';
import { escapeIdentifier, readTables } from '../src/db/table-catalog.ts';

export type Row = Record<string, string | null>;

/**
 * Every row of every table in `public`, in key order, each value as PostgreSQL's own text (so that
 * microseconds and long numerics compare exactly): a whole-database snapshot.
 */
export async function readAllRows(pool: pg.Pool): Promise<Record<string, Row[]>> {
  const client = await pool.connect();
  try {
    const contents: Record<string, Row[]> = {};
    for (const table of await readTables(client)) {
      const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
      const columns = table.columns.map(
        (column) => `${escapeIdentifier(column)}::text as ${escapeIdentifier(column)}`,
      );
      const result = await client.query<Row>(
        `select ${columns.join(', ')} from public.${escapeIdentifier(table.name)}
         order by ${order.map(escapeIdentifier).join(', ')}`,
      );
      contents[table.name] = result.rows;
    }
    return contents;
  } finally {
    client.release();
  }
}
