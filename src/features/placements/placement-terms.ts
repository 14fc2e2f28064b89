import { stockholmDate } from '../../lib/dates.ts';

/**
 * Terms as universities name them: "VT2027" (vårterminen, spring) and "HT2027" (höstterminen, autumn).
 * A term is text, not a date range (placements.table.ts): each institution's term has its own dates.
 * Here: reading what people type, the term of a day, the next term, and moving dates between terms.
 */
export type Term = `${'VT' | 'HT'}${number}`;

const TERM = /^(VT|HT)(\d{4})$/;

/** "ht 2027", "Ht-2027" → "HT2027"; anything that is no term between 2000 and 2099 → undefined. */
export function parseTerm(typed: string): Term | undefined {
  const normal = typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  const match = TERM.exec(normal);
  if (!match) return undefined;
  const year = Number(match[2]);
  if (year < 2000 || year > 2099) return undefined;
  return normal as Term;
}

function parts(term: string): { season: 'VT' | 'HT'; year: number } {
  return { season: term.slice(0, 2) as 'VT' | 'HT', year: Number(term.slice(2)) };
}

/** Half-years since year 0: VT2027 and HT2027 are one apart, HT2026 and HT2027 two. */
export function termIndex(term: string): number {
  const { season, year } = parts(term);
  return year * 2 + (season === 'HT' ? 1 : 0);
}

function termAt(index: number): Term {
  return `${index % 2 === 1 ? 'HT' : 'VT'}${Math.floor(index / 2)}` as Term;
}

/** The term a calendar day is in: January–June the spring term, July–December the autumn term. */
export function termOfDay(isoDate: string): Term {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return `${month <= 6 ? 'VT' : 'HT'}${year}` as Term;
}

/** The current term in Stockholm, and the one after it. */
export function currentTerm(now: Date): Term {
  return termOfDay(stockholmDate(now));
}

export function nextTerm(term: string, steps = 1): Term {
  return termAt(termIndex(term) + steps);
}

export function previousTerm(term: string): Term {
  return termAt(termIndex(term) - 1);
}

/**
 * The days an offer's dates may fall on, "within reason": the term's half-year with a month's margin
 * before and two after (an autumn placement may run into January, a spring one start in December).
 */
export function termWindow(term: string): { from: string; to: string } {
  const { season, year } = parts(term);
  return season === 'VT'
    ? { from: `${year - 1}-12-01`, to: `${year}-08-31` }
    : { from: `${year}-06-01`, to: `${year + 1}-02-28` };
}

/**
 * A date moved by whole months ('2026-08-31' + 6 → '2027-02-28': the day kept where the month has it,
 * else the month's last day). Copying an offer to a later term moves its dates by the terms between.
 */
export function shiftDate(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 + months;
  const day = Number(isoDate.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return date.toISOString().slice(0, 10);
}

/** Months between two terms (six per term), for moving an offer's dates. */
export function monthsBetween(from: string, to: string): number {
  return (termIndex(to) - termIndex(from)) * 6;
}
