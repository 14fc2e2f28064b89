import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { ProposalsForWorkspace } from '../../proposals/proposals.service.ts';

type Props = { review: ProposalsForWorkspace['review'] };

/**
 * "Att granska": the proposals waiting for the coordinator, oldest first, with how many there are in each
 * status. Nothing for someone who does not review.
 */
export function WorkspaceReview({ review }: Props) {
  const t = useT();
  const text = t.proposals.workspace;
  if (!review) return null;
  const { queue, counts } = review;
  return (
    <section aria-labelledby="arbetsyta-granska">
      <h2 id="arbetsyta-granska">
        {text.reviewHeading} ({counts.submitted})
      </h2>
      <p>{text.reviewCounts(counts.submitted, counts.accepted, counts.merged, counts.declined)}</p>
      {queue.length === 0 ? (
        <p>{text.reviewEmpty}</p>
      ) : (
        <ul class="plain proposal-queue">
          {queue.map((proposal) => (
            <li>
              <a href={`/forslag/${proposal.id}`}>{proposal.title}</a>
              {proposal.kind === 'join' ? ` (${t.proposals.kinds.join.toLowerCase()})` : ''}
              <br />
              <span class="meta">
                {text.from(proposal.proposerName, proposal.organisationName)}
                {' · '}
                {proposal.universityName ?? proposal.otherUniversity ?? ''}
                {' · '}
                <time datetime={proposal.createdAt.toISOString()}>{formatDateTime(proposal.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {queue.length < counts.submitted ? <p>{text.reviewMore(queue.length, counts.submitted)}</p> : null}
    </section>
  );
}
