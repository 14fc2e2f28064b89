import { describe, expect, it } from 'vitest';
import {
  canAnswerBrief,
  canReviewBriefResponse,
  canSeeBriefResponse,
  type Viewer,
} from '../auth/permissions.ts';
import { BRIEF_RESPONSE_MOVES, isAllowedMove, needsReason, nextStatuses } from './brief-response-status.ts';
import { type BriefResponseStatus, briefResponseStatuses } from './needs.table.ts';

const ALLOWED: [BriefResponseStatus, BriefResponseStatus][] = [
  ['submitted', 'in_review'],
  ['submitted', 'declined'],
  ['in_review', 'accepted'],
  ['in_review', 'declined'],
  ['accepted', 'completed'],
];

const pairs = briefResponseStatuses.flatMap((from) => briefResponseStatuses.map((to) => ({ from, to })));

describe('the stages of an answer to a brief', () => {
  it.for(pairs)('$from → $to is allowed exactly when it is one of the five moves', ({ from, to }) => {
    const allowed = ALLOWED.some(([a, b]) => a === from && b === to);
    expect(isAllowedMove(from, to)).toBe(allowed);
  });

  it('has avböjd and genomförd as final stages, and never goes back', () => {
    expect(nextStatuses('declined')).toEqual([]);
    expect(nextStatuses('completed')).toEqual([]);
    const order = ['submitted', 'in_review', 'accepted', 'completed'];
    for (const [from, tos] of Object.entries(BRIEF_RESPONSE_MOVES))
      for (const to of tos)
        if (to !== 'declined') expect(order.indexOf(to)).toBeGreaterThan(order.indexOf(from));
  });

  it('asks a reason only for avböjd', () => {
    expect(briefResponseStatuses.filter(needsReason)).toEqual(['declined']);
  });
});

describe('who answers and who moves (permissions.ts)', () => {
  // 1 the municipality > 2 a förvaltning > 3 a school; 4 another förvaltning; 5 a university.
  const viewer = (
    role: 'member' | 'editor' | 'coordinator' | 'placement_coordinator',
    at: number,
  ): Viewer => ({
    personId: 10,
    name: 'Test',
    email: null,
    language: 'sv',
    memberships: [{ organisationId: at, role }],
    groupIds: [],
  });
  const research = { kind: 'research_question', organisation: [3, 2, 1] };
  const course = { kind: 'staff_development', organisation: [5] };

  it('lets anyone signed in answer a public brief, and only insiders an internal one', () => {
    expect(canAnswerBrief(viewer('member', 5), { internal: false, chain: [3, 2, 1] })).toBe(true);
    expect(canAnswerBrief(null, { internal: false, chain: [3, 2, 1] })).toBe(false);
    expect(canAnswerBrief(viewer('member', 2), { internal: true, chain: [3, 2, 1] })).toBe(true);
    expect(canAnswerBrief(viewer('member', 4), { internal: true, chain: [3, 2, 1] })).toBe(false);
    expect(canAnswerBrief(viewer('coordinator', 1), { internal: true, chain: [5] })).toBe(true);
  });

  it('lets the owner side move answers: editors of the chain, the coordinator, a course’s placement coordinator', () => {
    expect(canReviewBriefResponse(viewer('editor', 2), research)).toBe(true);
    expect(canReviewBriefResponse(viewer('editor', 4), research)).toBe(false);
    expect(canReviewBriefResponse(viewer('member', 3), research)).toBe(false);
    expect(canReviewBriefResponse(viewer('coordinator', 1), research)).toBe(true);
    expect(canReviewBriefResponse(viewer('placement_coordinator', 5), course)).toBe(true);
    expect(
      canReviewBriefResponse(viewer('placement_coordinator', 5), { ...research, organisation: [5] }),
    ).toBe(false);
  });

  it('shows an answer to its responder and the owner side only', () => {
    expect(canSeeBriefResponse(viewer('member', 4), { responderPersonId: 10 }, research)).toBe(true);
    expect(canSeeBriefResponse(viewer('member', 4), { responderPersonId: 11 }, research)).toBe(false);
    expect(canSeeBriefResponse(viewer('editor', 2), { responderPersonId: 11 }, research)).toBe(true);
    expect(canSeeBriefResponse(null, { responderPersonId: 10 }, research)).toBe(false);
  });
});
