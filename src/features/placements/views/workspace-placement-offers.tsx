import { useT } from '../../../web/i18n/context.ts';
import { CAPACITY_PATH } from '../placement-offers.list.ts';
import type { placementOffersForWorkspace } from '../placement-offers.service.ts';
import { COPY_PATH } from './copy-page.tsx';
import { offerPath } from './offer-page.tsx';

type Props = { placements: Awaited<ReturnType<typeof placementOffersForWorkspace>> };

/**
 * /arbetsyta's "Praktikplatser": an editor's units' offers this term and next, with links to offer
 * places, copy last term's and see the whole list; the coordinator gets the links. Nothing for others.
 */
export function WorkspacePlacementOffers({ placements }: Props) {
  const t = useT();
  const text = t.placementOffers.workspace;
  if (!placements.mayOffer) return null;
  return (
    <section aria-labelledby="arbetsyta-praktikplatser">
      <h2 id="arbetsyta-praktikplatser">{text.heading}</h2>
      {placements.offers.length > 0 ? (
        <>
          <p>{text.intro(placements.current, placements.next)}</p>
          <ul>
            {placements.offers.map((offer) => (
              <li>
                <a href={offerPath(offer.id)}>
                  {t.placementOffers.offerTitle({
                    unit: offer.unitName,
                    programme: offer.programme,
                    term: offer.term,
                  })}
                </a>
                {' · '}
                {t.placementOffers.kinds[offer.kind]}
                {' · '}
                {text.places(offer.places, offer.confirmedPlaces)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul class="plain edit-links">
        <li>
          <a href={`${CAPACITY_PATH}/ny`}>{text.add}</a>
        </li>
        <li>
          <a href={COPY_PATH}>{text.copy}</a>
        </li>
        <li>
          <a href={CAPACITY_PATH}>{text.list}</a>
        </li>
      </ul>
    </section>
  );
}
