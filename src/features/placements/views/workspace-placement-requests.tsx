import { useT } from '../../../web/i18n/context.ts';
import type { PlacementRequestsForWorkspace } from '../requests.service.ts';
import { PlacementNav } from './placement-nav.tsx';
import { RequestStatusTag } from './request-parts.tsx';

type Row = NonNullable<PlacementRequestsForWorkspace['toAnswer']>[number];

/**
 * /arbetsyta: "Förfrågningar att besvara" (editors, the coordinator), "Lärosätets förfrågningar" (placement
 * coordinators), and for everyone who may see the capacity list the links between the placement pages.
 */
export function WorkspacePlacementRequests({ requests }: { requests: PlacementRequestsForWorkspace }) {
  const t = useT();
  const text = t.placementRequests.workspace;
  const list = (rows: Row[]) => (
    <ul>
      {rows.map((row) => (
        <li>
          <a href={`/praktik/forfragningar/${row.id}`}>
            {text.line(row.universityName, row.places, row.unitName, row.term)}
          </a>{' '}
          <RequestStatusTag status={row.status} />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {requests.toAnswer ? (
        <section aria-labelledby="arbetsyta-forfragningar-att-besvara">
          <h2 id="arbetsyta-forfragningar-att-besvara">{text.toAnswerHeading}</h2>
          {requests.toAnswer.length === 0 ? <p>{text.toAnswerNone}</p> : list(requests.toAnswer)}
          <p>
            <a href="/praktik/forfragningar">{text.allLink}</a>
          </p>
        </section>
      ) : null}
      {requests.mine ? (
        <section aria-labelledby="arbetsyta-mina-forfragningar">
          <h2 id="arbetsyta-mina-forfragningar">{text.mineHeading}</h2>
          <p>{text.mineIntro}</p>
          {requests.mine.length === 0 ? <p>{text.mineNone}</p> : list(requests.mine)}
          <p>
            <a href="/praktik/forfragningar">{text.allLink}</a>
          </p>
        </section>
      ) : null}
      {requests.maySeeCapacity ? <PlacementNav /> : null}
    </>
  );
}
