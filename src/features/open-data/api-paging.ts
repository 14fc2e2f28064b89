/**
 * The rows of one page and the number of all matching rows, from a query that counts with
 * `count(*) over ()`: that count comes with every row, so only a page past the end (no rows) needs a
 * second statement to know it.
 */
export async function pageWithTotal<Row extends { total: number }>(
  rows: Row[],
  offset: number,
  count: () => Promise<number>,
): Promise<{ rows: Row[]; total: number }> {
  const first = rows[0];
  if (first) return { rows, total: first.total };
  return { rows, total: offset === 0 ? 0 : await count() };
}

/** Rows grouped by a key, keeping their order: the batched child rows of a page, per parent. */
export function groupRows<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const grouped = new Map<Key, Row[]>();
  for (const row of rows) {
    const list = grouped.get(key(row));
    if (list) list.push(row);
    else grouped.set(key(row), [row]);
  }
  return grouped;
}
