import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { ProposalsForWorkspace } from '../../proposals/proposals.service.ts';
import { ProposalStatusTag } from '../../proposals/views/proposal-status.tsx';

type Props = { mine: ProposalsForWorkspace['mine'] };

/** "Mina förslag": everyone's own proposals with their status. */
export function WorkspaceProposals({ mine }: Props) {
  const t = useT();
  const text = t.proposals.workspace;
  return (
    <section aria-labelledby="arbetsyta-mina-forslag">
      <h2 id="arbetsyta-mina-forslag">{text.mineHeading}</h2>
      {mine.length === 0 ? (
        <p>{text.mineEmpty}</p>
      ) : (
        <ul class="plain proposal-queue">
          {mine.map((proposal) => (
            <li>
              <a href={`/forslag/${proposal.id}`}>{proposal.title}</a>{' '}
              <ProposalStatusTag status={proposal.status} />
              <br />
              <span class="meta">
                {text.submittedAt}{' '}
                <time datetime={proposal.createdAt.toISOString()}>{formatDateTime(proposal.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
