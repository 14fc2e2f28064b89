import type { Db } from '../../db/client.ts';
import { stockholmDate } from '../../lib/dates.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import type { Sheet } from '../transfer/sheets.ts';
import {
  type BriefAdministrationRow,
  type BriefInstitutionRow,
  briefsByAdministration,
  briefsByInstitution,
  type FigureGroup,
  type PlacementAdministrationRow,
  type PlacementInstitutionRow,
  placementsByAdministration,
  placementsByInstitution,
} from './overview.queries.ts';

/**
 * The overview of placements and the needs bank per term (issue 9, item 7). Public: aggregates only, no
 * person in them, counted from what the public pages show (see overview.queries.ts), so the council,
 * the institutions and residents read the same figures a coordinator does.
 */

/** A term as the institutions write it: VT (spring) or HT (autumn) and a year, 2000–2099. */
const TERM = /^(VT|HT)(20\d{2})$/;

export function parseTerm(value: string): string | null {
  const term = value.trim().toUpperCase();
  return TERM.test(term) ? term : null;
}

/** The term a Stockholm day falls in: VT January–June, HT July–December. */
export function termOn(isoDate: string): string {
  const [year, month] = isoDate.split('-');
  return `${Number(month) <= 6 ? 'VT' : 'HT'}${year}`;
}

export function currentTerm(now: Date): string {
  return termOn(stockholmDate(now));
}

/**
 * The days a term covers for the needs bank (a brief counts in the term it was published in): from its
 * first day up to, not including, `until`. Placements count by the offer's term, not by dates.
 */
export function termDays(term: string): { from: string; until: string } {
  const match = TERM.exec(term);
  if (!match) throw new Error(`not a term: ${term}`);
  const year = Number(match[2]);
  return match[1] === 'VT'
    ? { from: `${year}-01-01`, until: `${year}-07-01` }
    : { from: `${year}-07-01`, until: `${year + 1}-01-01` };
}

/** The terms to choose from: two years back to the year after this one, newest first, and the one shown. */
export function termChoices(now: Date, shown: string): string[] {
  const year = Number(stockholmDate(now).slice(0, 4));
  const terms: string[] = [];
  for (let y = year + 1; y >= year - 2; y--) terms.push(`HT${y}`, `VT${y}`);
  if (!terms.includes(shown)) terms.push(shown);
  return terms;
}

export type Overview = {
  term: string;
  placementsByAdministration: PlacementAdministrationRow[];
  placementsByInstitution: PlacementInstitutionRow[];
  briefsByAdministration: BriefAdministrationRow[];
  briefsByInstitution: BriefInstitutionRow[];
};

const byName = <Row extends FigureGroup>(rows: Row[]): Row[] =>
  // Groups without a shown organisation ("Övriga") last.
  rows.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'sv') || 0));

export async function loadOverview(db: Db, term: string): Promise<Overview> {
  const { from, until } = termDays(term);
  const [placementsAdm, placementsInst, briefsAdm, briefsInst] = await Promise.all([
    placementsByAdministration(db, term),
    placementsByInstitution(db, term),
    briefsByAdministration(db, from, until),
    briefsByInstitution(db, from, until),
  ]);
  return {
    term,
    placementsByAdministration: byName(placementsAdm),
    placementsByInstitution: byName(placementsInst),
    briefsByAdministration: byName(briefsAdm),
    briefsByInstitution: byName(briefsInst),
  };
}

/** The sum of each numeric column of a table: its totals row. */
export function totals<Key extends string>(rows: FigureGroup[], keys: Key[]): Record<Key, number> {
  const sum = {} as Record<Key, number>;
  for (const key of keys) {
    sum[key] = rows.reduce<number>(
      (total, row) => total + Number((row as Record<string, unknown>)[key] ?? 0),
      0,
    );
  }
  return sum;
}

/**
 * The same figures as one sheet for CSV and XLSX: a row per table and group, the table named in a column,
 * the measures it has filled in (numbers), the others empty. No totals rows, so that summing a column in
 * Excel gives the total.
 */
export function overviewSheet(t: Messages, overview: Overview): Sheet {
  const text = t.placementOverview;
  const columns = text.file.columns;
  const row = (
    table: string,
    group: FigureGroup,
    figures: Partial<Record<keyof typeof columns.measures, number>>,
  ): (string | number)[] => [
    overview.term,
    table,
    group.name ?? text.otherGroup,
    ...Object.keys(columns.measures).map((key) => figures[key as keyof typeof columns.measures] ?? ''),
    group.demo ? t.common.demo : '',
  ];
  return {
    name: text.file.sheetName(overview.term),
    columns: [
      columns.term,
      columns.table,
      columns.organisation,
      ...Object.values(columns.measures),
      columns.demo,
    ],
    rows: [
      ...overview.placementsByAdministration.map((group) =>
        row(text.file.tables.placementsByAdministration, group, {
          offered: group.offered,
          requested: group.requested,
          confirmed: group.confirmed,
          completed: group.completed,
        }),
      ),
      ...overview.placementsByInstitution.map((group) =>
        row(text.file.tables.placementsByInstitution, group, {
          requested: group.requested,
          confirmed: group.confirmed,
          completed: group.completed,
        }),
      ),
      ...overview.briefsByAdministration.map((group) =>
        row(text.file.tables.briefsByAdministration, group, {
          published: group.published,
          takenUp: group.takenUp,
        }),
      ),
      ...overview.briefsByInstitution.map((group) =>
        row(text.file.tables.briefsByInstitution, group, {
          published: group.published,
          takenUp: group.takenUp,
          tookUp: group.tookUp,
        }),
      ),
    ],
  };
}
