import { createHash } from 'node:crypto';

/**
 * The automatic proposal for a whole term (issue 9, item 4), pure: the open requests (inskickad and under
 * behandling) are taken in turns across the institutions — one request per institution per round, each
 * institution's in its own preference order (1 first; then the oldest; then the lowest number) — and a
 * request is proposed for confirmation when its offer still has room for all its places after what was
 * proposed before it. Nothing is ever proposed beyond the free places. In every round the institution with
 * the fewest places proposed so far goes first (ties: by name, then number), so no institution is always
 * first because of its name or number, and one that got less catches up.
 */

export type OpenRequest = {
  id: number;
  version: number;
  universityId: number;
  universityName: string;
  offerId: number;
  places: number;
  preference: number;
  createdAt: Date;
};

export type ProposalLine = { request: OpenRequest; round: number; granted: boolean };

export type TermProposal = {
  lines: ProposalLine[];
  /** Free places per offer after the proposal. */
  freeAfter: Map<number, number>;
  /** A fingerprint of what was shown: the requests, their versions and the offers' free places. */
  hash: string;
};

export function proposeTerm(
  requests: readonly OpenRequest[],
  free: ReadonlyMap<number, number>,
): TermProposal {
  const queues = new Map<number, OpenRequest[]>();
  for (const request of requests) {
    const queue = queues.get(request.universityId) ?? [];
    queue.push(request);
    queues.set(request.universityId, queue);
  }
  for (const queue of queues.values())
    queue.sort(
      (a, b) => a.preference - b.preference || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
    );
  const institutions = [...queues.values()].map((queue) => ({
    queue,
    name: queue[0]!.universityName,
    id: queue[0]!.universityId,
    granted: 0,
  }));
  const left = new Map(free);
  const lines: ProposalLine[] = [];
  for (let round = 1; institutions.some((institution) => institution.queue.length > 0); round++) {
    // Fewest places so far first; the order is fixed for the round before anything in it is granted.
    const order = [...institutions].sort(
      (a, b) => a.granted - b.granted || a.name.localeCompare(b.name, 'sv-SE') || a.id - b.id,
    );
    for (const institution of order) {
      const request = institution.queue.shift();
      if (!request) continue;
      const room = left.get(request.offerId) ?? 0;
      const granted = room >= request.places;
      if (granted) {
        left.set(request.offerId, room - request.places);
        institution.granted += request.places;
      }
      lines.push({ request, round, granted });
    }
  }
  const fingerprint = JSON.stringify({
    lines: lines.map((line) => [line.request.id, line.request.version, line.granted]),
    free: [...free.entries()].sort((a, b) => a[0] - b[0]),
  });
  return { lines, freeAfter: left, hash: createHash('sha256').update(fingerprint).digest('hex') };
}
