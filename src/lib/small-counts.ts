/**
 * Small counts of people (decision 015). A figure that counts people from records never published — staff
 * who signed up for competence development — could point at one person when it is small: "1 medarbetare
 * från Miljöförvaltningen tog kursen X". Such a count between 1 and SMALL_COUNT_LIMIT − 1 is withheld on
 * public pages and in exports ("färre än 3"), as Statistics Sweden does with small cells; 0 is shown, since
 * it reveals nobody. When the total is shown and the withheld cells all hold the same value (one cell, or
 * two 1s: total − the rest = 2 over two cells means 1 each), the next smallest cell is withheld too, so
 * the hidden ones cannot be worked out by subtraction.
 */
export const SMALL_COUNT_LIMIT = 3;

export function isSmallCount(value: number): boolean {
  return value > 0 && value < SMALL_COUNT_LIMIT;
}

export function withholdSmallCounts<Row extends { value: number }>(
  rows: Row[],
  totalShown: boolean,
): (Row & { withheld: boolean })[] {
  const withheld = new Set(rows.flatMap((row, index) => (isSmallCount(row.value) ? [index] : [])));
  const withheldValues = new Set([...withheld].map((index) => rows[index]?.value));
  if (withheld.size > 0 && withheldValues.size === 1 && totalShown) {
    const next = rows
      .map((row, index) => ({ value: row.value, index }))
      .filter(({ index, value }) => !withheld.has(index) && value > 0)
      .sort((a, b) => a.value - b.value)[0];
    if (next) withheld.add(next.index);
  }
  return rows.map((row, index) => ({ ...row, withheld: withheld.has(index) }));
}
