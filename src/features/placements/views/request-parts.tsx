import { useT } from '../../../web/i18n/context.ts';
import type { PlacementRequestStatus } from '../placements.table.ts';
import type { OfferRequests } from '../requests.service.ts';
import type { Ranked, Reason } from '../suggestions.ts';

/** Waiting, done, set aside: the agreement statuses' colours, never colour alone (the word is shown). */
const statusClass: Record<PlacementRequestStatus, string> = {
  submitted: 'status-draft',
  in_review: 'status-expiring',
  confirmed: 'status-active',
  completed: 'status-active',
  declined: 'status-ended',
  cancelled: 'status-ended',
};

export function RequestStatusTag({ status }: { status: PlacementRequestStatus }) {
  const t = useT();
  return <span class={`status ${statusClass[status]}`}>{t.placementRequests.statuses[status]}</span>;
}

/** A reason in words: "enheten har 3 lediga platser". */
export function reasonText(t: ReturnType<typeof useT>, reason: Reason): string {
  const words = t.placementRequests.reasons;
  return reason.code === 'freePlaces' ? words.freePlaces(reason.count) : words[reason.code];
}

/** Ranked offers, each with its reasons in words, best first. */
export function OfferSuggestionList(props: {
  suggestions: Ranked<{ id: number; name: string; programme: string; term: string; free: number }>[];
}) {
  const t = useT();
  const text = t.placementRequests.suggestions;
  if (props.suggestions.length === 0) return <p>{text.none}</p>;
  return (
    <ol class="suggestions">
      {props.suggestions.map((suggestion) => (
        <li>
          <a href={`/praktik/platser/${suggestion.item.id}`}>
            {suggestion.item.name}: {suggestion.item.programme},{' '}
            {t.placementRequests.termName(suggestion.item.term)}
          </a>
          {' · '}
          {text.score(suggestion.score)}
          <br />
          {text.why}: {suggestion.reasons.map((reason) => reasonText(t, reason)).join(', ')}
        </li>
      ))}
    </ol>
  );
}

/**
 * For an offer's page (the offers feature shows it): the open requests and needs that fit the offer,
 * best first, with reasons.
 */
export function DemandSuggestionList(props: {
  suggestions: Ranked<{ key: string; href: string; name: string; places: number; programme: string }>[];
}) {
  const t = useT();
  const text = t.placementRequests.suggestions;
  return (
    <section aria-labelledby="passande-forfragningar">
      <h2 id="passande-forfragningar">{text.forOfferHeading}</h2>
      {props.suggestions.length === 0 ? (
        <p>{text.forOfferNone}</p>
      ) : (
        <ol class="suggestions">
          {props.suggestions.map((suggestion) => (
            <li>
              <a href={suggestion.item.href}>
                {suggestion.item.key.startsWith('behov')
                  ? text.need(suggestion.item.name, suggestion.item.places)
                  : text.request(suggestion.item.name, suggestion.item.places)}
              </a>
              {' · '}
              {suggestion.item.programme}
              {' · '}
              {text.score(suggestion.score)}
              <br />
              {text.why}: {suggestion.reasons.map((reason) => reasonText(t, reason)).join(', ')}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The offer page's section: "Begär platser", the requests on it, and what fits it (for the unit side). */
export function OfferRequestsSection({ data }: { data: OfferRequests }) {
  const t = useT();
  const text = t.placementRequests.offerSection;
  return (
    <>
      <section aria-labelledby="erbjudandets-forfragningar">
        <h2 id="erbjudandets-forfragningar">{text.heading}</h2>
        {data.mayRequest ? (
          <p>
            <a href={`/praktik/platser/${data.offerId}/begar`}>{text.request}</a>
          </p>
        ) : null}
        {data.requests.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul>
            {data.requests.map((request) => (
              <li>
                <a href={`/praktik/forfragningar/${request.id}`}>
                  {text.line(request.id, request.universityName, request.places)}
                </a>{' '}
                <RequestStatusTag status={request.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.suggestions ? <DemandSuggestionList suggestions={data.suggestions} /> : null}
    </>
  );
}
