import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { Period } from '../../../web/components/period.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { CAPACITY_PATH, PARAM_OF_KIND } from '../placement-offers.list.ts';
import type { LoadedOffer } from '../placement-offers.service.ts';

export const offerPath = (id: number) => `${CAPACITY_PATH}/${id}`;

/**
 * One offer, for those who may see the capacity list: the facts, the places confirmed and free, and for
 * its editors the links to change, delete and see the history. `children` is the spot at the end where
 * the offer's requests and suggestions go (placement requests, issue 9 item 2–4).
 */
export function OfferPage(props: { loaded: LoadedOffer; notice?: string | undefined; children?: Child }) {
  const t = useT();
  const text = t.placementOffers;
  const { offer, administration, copiedFrom, mayEdit } = props.loaded;
  const free = offer.places - offer.confirmedPlaces;
  const title = text.offerTitle({ unit: offer.unitName, programme: offer.programme, term: offer.term });
  return (
    <>
      <h1>
        {title} <DemoLabel show={offer.isDemo} />
      </h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p class="lead">{text.page.placesSummary(offer.places, offer.confirmedPlaces)}</p>
      <h2>{text.page.facts}</h2>
      <dl class="facts">
        <dt>{text.page.unit}</dt>
        <dd>{offer.unitName}</dd>
        <dt>{text.page.administration}</dt>
        <dd>{administration?.name ?? t.common.notGiven}</dd>
        <dt>{text.page.term}</dt>
        <dd>{text.termName(offer.term)}</dd>
        <dt>{text.fields.kind}</dt>
        <dd>{text.kinds[offer.kind]}</dd>
        <dt>{text.fields.programme}</dt>
        <dd>{offer.programme}</dd>
        <dt>{text.fields.studyLevel}</dt>
        <dd>{offer.studyLevel || t.common.notGiven}</dd>
        <dt>{text.page.places}</dt>
        <dd>{offer.places}</dd>
        <dt>{text.page.confirmed}</dt>
        <dd>{offer.confirmedPlaces}</dd>
        <dt>{text.page.free}</dt>
        <dd>{free}</dd>
        <dt>{text.fields.supervisors}</dt>
        <dd>{offer.supervisors}</dd>
        <dt>{t.common.period}</dt>
        <dd>
          {offer.startsOn || offer.endsOn ? (
            <Period from={offer.startsOn} to={offer.endsOn} />
          ) : (
            t.common.notGiven
          )}
        </dd>
        <dt>{text.fields.address}</dt>
        <dd>{offer.address || t.common.notGiven}</dd>
        <dt>{text.fields.area}</dt>
        <dd>{offer.area || t.common.notGiven}</dd>
        <dt>{text.fields.prerequisites}</dt>
        <dd>{offer.prerequisites || t.common.notGiven}</dd>
        <dt>{text.fields.description}</dt>
        <dd>{offer.description || t.common.notGiven}</dd>
        {copiedFrom ? (
          <>
            <dt>{text.page.copiedFrom}</dt>
            <dd>
              <a href={offerPath(copiedFrom.id)}>{text.termName(copiedFrom.term)}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <ul class="plain edit-links">
        {mayEdit ? (
          <>
            <li>
              <a href={`${offerPath(offer.id)}/andra`}>{text.page.edit}</a>
            </li>
            <li>
              <a href={`${offerPath(offer.id)}/historik`}>{text.page.history}</a>
            </li>
            <li>
              <a href={`${offerPath(offer.id)}/ta-bort`}>{text.page.delete}</a>
            </li>
          </>
        ) : null}
        <li>
          <a href={`${CAPACITY_PATH}?termin=${offer.term}&typ=${PARAM_OF_KIND[offer.kind]}`}>
            {text.page.list}
          </a>
        </li>
      </ul>
      {/* Placement requests (issue 9): the offer's requests and suggestions go here, through `children`. */}
      {props.children ?? null}
    </>
  );
}
