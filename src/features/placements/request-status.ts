import type { PlacementRequestStatus } from './placements.table.ts';

/**
 * The status machine of a placement request, in one place (issue 9, item 3):
 *
 *   inskickad → under behandling → bekräftad / avböjd → genomförd / inställd
 *
 * Each move belongs to one side. The unit side (an editor of the offer's unit or an organisation above it,
 * or the coordinator) takes a request under review, confirms it, declines it (with a reason, optionally
 * proposing another offer) and marks it carried out. The institution side (a placement coordinator of the
 * request's institution, or the coordinator) cancels it with a reason while it is neither carried out nor
 * declined. Pure: the service asks it, the tests ask it, the page asks it which buttons to show.
 */

export const requestMoves = ['review', 'confirm', 'decline', 'complete', 'cancel'] as const;
export type RequestMove = (typeof requestMoves)[number];

export type Side = 'unit' | 'institution';

type Transition = {
  from: readonly PlacementRequestStatus[];
  to: PlacementRequestStatus;
  side: Side;
  /** The other side reads the reason in the mail: required. */
  needsReason: boolean;
};

export const TRANSITIONS: Record<RequestMove, Transition> = {
  review: { from: ['submitted'], to: 'in_review', side: 'unit', needsReason: false },
  // A unit may confirm straight from inskickad: review is a courtesy, not a gate.
  confirm: { from: ['submitted', 'in_review'], to: 'confirmed', side: 'unit', needsReason: false },
  decline: { from: ['submitted', 'in_review'], to: 'declined', side: 'unit', needsReason: true },
  complete: { from: ['confirmed'], to: 'completed', side: 'unit', needsReason: false },
  cancel: {
    from: ['submitted', 'in_review', 'confirmed'],
    to: 'cancelled',
    side: 'institution',
    needsReason: true,
  },
};

/** Statuses that still wait for the unit's answer ("open"): what suggestions and the term proposal use. */
export const OPEN_STATUSES: readonly PlacementRequestStatus[] = ['submitted', 'in_review'];

/** Statuses whose places count in the offer's `confirmed_places`. */
export const HOLDS_PLACES: readonly PlacementRequestStatus[] = ['confirmed', 'completed'];

export type MoveCheck =
  | { ok: true; to: PlacementRequestStatus }
  | { ok: false; why: 'notYourSide' }
  | { ok: false; why: 'notFromStatus' };

/**
 * Whether someone acting for `sides` may make `move` on a request in `status`. A move from the wrong status
 * is a conflict (409: the request is no longer where the person thought), a move for the other side is not
 * allowed (403); the side is checked first, so nobody learns more than they may.
 */
export function checkMove(
  status: PlacementRequestStatus,
  move: RequestMove,
  sides: readonly Side[],
): MoveCheck {
  const transition = TRANSITIONS[move];
  if (!sides.includes(transition.side)) return { ok: false, why: 'notYourSide' };
  if (!transition.from.includes(status)) return { ok: false, why: 'notFromStatus' };
  return { ok: true, to: transition.to };
}

/** The moves someone acting for `sides` may make now, in the order the page shows them. */
export function allowedMoves(status: PlacementRequestStatus, sides: readonly Side[]): RequestMove[] {
  return requestMoves.filter((move) => checkMove(status, move, sides).ok);
}

/**
 * What a move does to the offer's confirmed places: + places when the request comes to hold them, − when
 * it stops holding them (a confirmed request cancelled), else 0.
 */
export function placesDelta(
  from: PlacementRequestStatus,
  to: PlacementRequestStatus,
  places: number,
): number {
  const before = HOLDS_PLACES.includes(from);
  const after = HOLDS_PLACES.includes(to);
  if (before === after) return 0;
  return after ? places : -places;
}

/** The side that did not make the move: who gets the mail. */
export function otherSide(move: RequestMove): Side {
  return TRANSITIONS[move].side === 'unit' ? 'institution' : 'unit';
}
