import type { BriefResponseStatus } from './needs.table.ts';

/**
 * The stages of an answer to a brief, and who may move it (issue 9, item 6). Pure: the service asks this
 * before it writes, and brief-response-status.test.ts checks every pair of stages.
 *
 *   inskickad ──→ under bedömning ──→ antagen ──→ genomförd
 *        │                │
 *        └──→ avböjd ←────┘
 *
 * - Only the owner side moves an answer: an editor of the brief's organisation (or one above it) and the
 *   coordinator (`canReviewBriefResponse` in permissions.ts). The responder moves nothing.
 * - Decided: the responder cannot withdraw an answer in the service. The stages in the issue have no
 *   "återkallad", and a withdrawal the owner never hears of would leave them waiting on a promise; the
 *   answer's page tells the responder to write to the brief's contact, who declines it (the reason then
 *   says it was withdrawn). A stage of its own can be added later without changing these rules.
 * - Nothing goes back: avböjd and genomförd are final, an antagen answer can only be carried out (its
 *   activity is in the register; undoing it is an edit of the activity, not of the answer).
 * - An answer may be declined straight from inskickad (plainly off the mark), but it is accepted only
 *   after it has been under bedömning, so the responder has heard it is being looked at.
 * - Avböjd needs a reason: it goes to the responder in the mail.
 */
export const BRIEF_RESPONSE_MOVES: Readonly<Record<BriefResponseStatus, readonly BriefResponseStatus[]>> = {
  submitted: ['in_review', 'declined'],
  in_review: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};

/** The stages an answer at `from` may move to, in the order the form offers them. */
export function nextStatuses(from: BriefResponseStatus): readonly BriefResponseStatus[] {
  return BRIEF_RESPONSE_MOVES[from];
}

/** Whether `from` → `to` is a move of the machine at all (staying put is none). */
export function isAllowedMove(from: BriefResponseStatus, to: BriefResponseStatus): boolean {
  return BRIEF_RESPONSE_MOVES[from].includes(to);
}

/** A move that needs a reason (the responder reads it in the mail). */
export function needsReason(to: BriefResponseStatus): boolean {
  return to === 'declined';
}

/** Whether the answer is still waiting for a decision (for the workspace's "Svar att bedöma"). */
export function isOpen(status: BriefResponseStatus): boolean {
  return status === 'submitted' || status === 'in_review';
}
