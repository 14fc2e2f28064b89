import { describe, expect, it } from 'vitest';
import { isSmallCount, SMALL_COUNT_LIMIT, withholdSmallCounts } from './small-counts.ts';

const cells = (...values: number[]) => values.map((value, index) => ({ id: index, value }));
const withheldIds = (rows: { id: number; withheld: boolean }[]) =>
  rows.filter((row) => row.withheld).map((row) => row.id);

describe('small counts of people (decision 015)', () => {
  it('withholds 1 and 2, never 0 and never the limit or more', () => {
    expect(SMALL_COUNT_LIMIT).toBe(3);
    expect([0, 1, 2, 3, 4].map(isSmallCount)).toEqual([false, true, true, false, false]);
  });

  it('withholds the next smallest non-zero cell when exactly one is small and the total is shown', () => {
    // 1 withheld alone would be total − 4 − 7 − 5; with 4 withheld too, only 1 + 4 = 5 can be worked out.
    expect(withheldIds(withholdSmallCounts(cells(7, 1, 0, 4, 5), true))).toEqual([1, 3]);
  });

  it('takes a cell of the same value first found when two are equally small', () => {
    expect(withheldIds(withholdSmallCounts(cells(2, 6, 6), true))).toEqual([0, 1]);
  });

  it('withholds nothing more when two or more cells are already withheld', () => {
    expect(withheldIds(withholdSmallCounts(cells(1, 2, 9), true))).toEqual([0, 1]);
  });

  it('withholds one more cell when the withheld ones are all equal, so the total cannot pin each of them', () => {
    // Without it: total 11 − 9 = 2 over two cells of 1 or 2 each means both are exactly 1.
    expect(withheldIds(withholdSmallCounts(cells(1, 1, 9), true))).toEqual([0, 1, 2]);
    expect(withheldIds(withholdSmallCounts(cells(2, 5, 2, 8), true))).toEqual([0, 1, 2]);
  });

  it('withholds only the small cell when the total is not shown', () => {
    expect(withheldIds(withholdSmallCounts(cells(1, 9, 12), false))).toEqual([0]);
  });

  it('has nothing to pair with when every other cell is 0 (the total is then small and withheld itself)', () => {
    expect(withheldIds(withholdSmallCounts(cells(0, 2, 0), true))).toEqual([1]);
  });

  it('withholds nothing when no cell is small, and keeps the rows as they were', () => {
    const rows = withholdSmallCounts(cells(0, 3, 40), true);
    expect(rows).toEqual([
      { id: 0, value: 0, withheld: false },
      { id: 1, value: 3, withheld: false },
      { id: 2, value: 40, withheld: false },
    ]);
  });
});
