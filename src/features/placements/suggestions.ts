import type { PlacementKind } from './placements.table.ts';

/**
 * Suggestions with reasons (issue 9, item 4): which offers fit a request or a list of needs, and which open
 * requests and needs fit an offer — ranked by points a person can check, each with the reasons in words.
 * Pure and deterministic: the same data gives the same order (score, then free places, then name, then id).
 * No text here: a reason is a code with its values, put into words by the request's dictionary
 * (`t.placementRequests.reasons`).
 */

export type Reason =
  | { code: 'programme' }
  | { code: 'level' }
  | { code: 'freePlaces'; count: number }
  | { code: 'agreement' }
  | { code: 'area' };

/**
 * What one reason is worth. The programme weighs most: a student cannot use a place without it. The kind
 * of placement and the term are not reasons but conditions: an offer of another kind or term is never
 * suggested, since a student cannot use it at all.
 */
export const POINTS: Record<Reason['code'], number> = {
  programme: 4,
  agreement: 2,
  level: 1,
  freePlaces: 1,
  area: 1,
};

/** What is asked for: a request (by the offer it asked for) or a list of needs. */
export type Demand = {
  kind: PlacementKind;
  term: string;
  programme: string;
  studyLevel: string;
  area: string;
  places: number;
  /** The institution asking, with the organisations above it (a department's university too). */
  institutionChain: readonly number[];
  /**
   * A request already made on another offer: a weak sign of demand (the institution has asked, and the
   * other unit may well say yes), so it is suggested for an offer only when the programme matches. A list
   * of needs is the real demand and is suggested on kind and term alone.
   */
  onOtherOffer?: boolean;
};

export type Supply = {
  id: number;
  /** The unit's name, shown and used in the tie-break. */
  name: string;
  kind: PlacementKind;
  term: string;
  programme: string;
  studyLevel: string;
  area: string;
  free: number;
  /** The institutions the unit's förvaltning chain has an agreement with (agreement_parties). */
  agreementWith: readonly number[];
};

export type Ranked<T> = { item: T; score: number; reasons: Reason[] };

/** Lower case, one space, no punctuation at the ends: "Sjuksköterskeprogrammet " = "sjuksköterskeprogrammet". */
export function normalise(text: string): string {
  return text.toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

/** The same programme, or one named within the other ("Grundlärarprogrammet" in "Grundlärarprogrammet F–3"). */
export function sameProgramme(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

/** The reasons an offer fits a demand, in the order they are shown; none when it does not fit at all. */
export function reasonsFor(demand: Demand, supply: Supply): Reason[] | null {
  // Another kind of placement, another term, or no free place: not a fit, whatever else matches.
  if (supply.kind !== demand.kind || supply.term !== demand.term || supply.free <= 0) return null;
  const reasons: Reason[] = [];
  if (sameProgramme(demand.programme, supply.programme)) reasons.push({ code: 'programme' });
  if (demand.studyLevel !== '' && normalise(demand.studyLevel) === normalise(supply.studyLevel))
    reasons.push({ code: 'level' });
  reasons.push({ code: 'freePlaces', count: supply.free });
  if (supply.agreementWith.some((id) => demand.institutionChain.includes(id)))
    reasons.push({ code: 'agreement' });
  if (demand.area !== '' && normalise(demand.area) === normalise(supply.area)) reasons.push({ code: 'area' });
  return reasons;
}

function scoreOf(reasons: Reason[], demand: Demand): number {
  return reasons.reduce((sum, reason) => {
    // Free places count only when there are enough for the whole demand.
    if (reason.code === 'freePlaces') return sum + (reason.count >= demand.places ? POINTS.freePlaces : 0);
    return sum + POINTS[reason.code];
  }, 0);
}

const byName = (a: string, b: string) => a.localeCompare(b, 'sv-SE');

/** The offers that fit a demand, best first: score, then more free places, then the unit's name, then id. */
export function rankOffers<S extends Supply>(demand: Demand, offers: readonly S[], limit = 10): Ranked<S>[] {
  const ranked: Ranked<S>[] = [];
  for (const offer of offers) {
    const reasons = reasonsFor(demand, offer);
    if (reasons) ranked.push({ item: offer, score: scoreOf(reasons, demand), reasons });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.item.free - a.item.free ||
      byName(a.item.name, b.item.name) ||
      a.item.id - b.item.id,
  );
  return ranked.slice(0, limit);
}

/**
 * For an offer: the open requests and needs that fit it, best first (score, places, institution, id). A
 * request on another offer only when its programme matches (see `Demand.onOtherOffer`).
 */
export function rankDemands<D extends Demand & { id: number; name: string }>(
  offer: Supply,
  demands: readonly D[],
  limit = 10,
): Ranked<D>[] {
  const ranked: Ranked<D>[] = [];
  for (const demand of demands) {
    const reasons = reasonsFor(demand, offer);
    if (!reasons) continue;
    if (demand.onOtherOffer && !reasons.some((reason) => reason.code === 'programme')) continue;
    ranked.push({ item: demand, score: scoreOf(reasons, demand), reasons });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.item.places - a.item.places ||
      byName(a.item.name, b.item.name) ||
      a.item.id - b.item.id,
  );
  return ranked.slice(0, limit);
}
