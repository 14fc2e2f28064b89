import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import { answerPath, type BriefResponsesForWorkspace } from '../../needs/brief-responses.service.ts';
import { BriefResponseStatusTag } from '../../needs/views/brief-response-status.tsx';

type Props = { responses: BriefResponsesForWorkspace };

/**
 * "Svar att bedöma" (the owner side: answers waiting on their briefs, oldest first) and "Mina svar"
 * (everyone's own answers to briefs with their stage). An empty "Mina svar" is left out for those who
 * review, so an owner's workspace does not grow a section they never use.
 */
export function WorkspaceBriefResponses({ responses }: Props) {
  const t = useT();
  const text = t.briefResponses.workspace;
  const { review, mine } = responses;
  return (
    <>
      {review ? (
        <section aria-labelledby="arbetsyta-svar-att-bedoma">
          <h2 id="arbetsyta-svar-att-bedoma">
            {text.reviewHeading} ({review.waiting})
          </h2>
          {review.queue.length === 0 ? (
            <p>{text.reviewEmpty}</p>
          ) : (
            <>
              <p>{text.reviewCounts(review.waiting)}</p>
              <ul class="plain proposal-queue">
                {review.queue.map((answer) => (
                  <li>
                    <a href={answerPath(answer.id)}>{answer.briefTitle}</a>{' '}
                    <BriefResponseStatusTag status={answer.status} />
                    <br />
                    <span class="meta">
                      {text.from(answer.name, answer.institutionName ?? '')}
                      {' · '}
                      <time datetime={answer.createdAt.toISOString()}>
                        {formatDateTime(answer.createdAt)}
                      </time>
                    </span>
                  </li>
                ))}
              </ul>
              {review.queue.length < review.waiting ? (
                <p>{text.reviewMore(review.queue.length, review.waiting)}</p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {review && mine.length === 0 ? null : (
        <section aria-labelledby="arbetsyta-mina-svar">
          <h2 id="arbetsyta-mina-svar">{text.mineHeading}</h2>
          {mine.length === 0 ? (
            <p>{text.mineEmpty}</p>
          ) : (
            <ul class="plain proposal-queue">
              {mine.map((answer) => (
                <li>
                  <a href={answerPath(answer.id)}>{answer.briefTitle}</a>{' '}
                  <BriefResponseStatusTag status={answer.status} />
                  <br />
                  <span class="meta">
                    {text.submittedAt}{' '}
                    <time datetime={answer.createdAt.toISOString()}>{formatDateTime(answer.createdAt)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
