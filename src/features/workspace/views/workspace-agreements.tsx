import { useT } from '../../../web/i18n/context.ts';
import type { AgreementWorkspace } from '../../agreements/agreement-edits.service.ts';

type Props = { agreements: AgreementWorkspace };

/**
 * The agreements the person may edit (internal ones marked "Internt"), "Lägg till ett avtal", and for the
 * coordinator the deleted ones (to open their history and restore) and the prioritised focus areas.
 * Nothing for someone who may edit no agreement.
 */
export function WorkspaceAgreements({ agreements }: Props) {
  const t = useT();
  const text = t.agreementEdits.workspace;
  if (!agreements.mayAdd) return null;
  return (
    <>
      <section aria-labelledby="arbetsyta-avtal">
        <h2 id="arbetsyta-avtal">{text.heading}</h2>
        {agreements.agreements.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul>
            {agreements.agreements.map((agreement) => (
              <li>
                <a href={`/avtal/${agreement.slug}/andra`}>{agreement.title}</a>
                {agreement.internal ? (
                  <>
                    {' · '}
                    <strong>{text.internal}</strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/avtal/ny">{text.add}</a>
        </p>
      </section>
      {agreements.deletedAgreements.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna-avtal">
          <h2 id="arbetsyta-borttagna-avtal">{text.deletedHeading}</h2>
          <ul>
            {agreements.deletedAgreements.map((agreement) => (
              <li>
                <a href={`/avtal/${agreement.slug}/historik`}>{agreement.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {agreements.focusAreas ? <WorkspaceFocusAreas focusAreas={agreements.focusAreas} /> : null}
    </>
  );
}

/** The coordinator's list of focus areas, with "Lägg till ett område" and the deleted ones to restore. */
function WorkspaceFocusAreas({ focusAreas }: { focusAreas: NonNullable<AgreementWorkspace['focusAreas']> }) {
  const t = useT();
  const text = t.agreementEdits.focusAreas;
  return (
    <>
      <section aria-labelledby="arbetsyta-omraden">
        <h2 id="arbetsyta-omraden">{text.workspaceHeading}</h2>
        <p>{text.workspaceIntro}</p>
        {focusAreas.live.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul>
            {focusAreas.live.map((area) => (
              <li>
                <a href={`/fokusomraden/${area.slug}/andra`}>{area.name}</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/fokusomraden/ny">{text.add}</a>
        </p>
      </section>
      {focusAreas.deleted.length > 0 ? (
        <section aria-labelledby="arbetsyta-borttagna-omraden">
          <h2 id="arbetsyta-borttagna-omraden">{text.deletedHeading}</h2>
          <ul>
            {focusAreas.deleted.map((area) => (
              <li>
                <a href={`/fokusomraden/${area.slug}/historik`}>{area.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
