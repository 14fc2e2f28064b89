import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ErasureOutcome } from '../account.service.ts';

type AgreementRef = ErasureOutcome['agreements'][number];

/** What erasure means, before the person confirms it; a party contact is told up front what stays. */
export function ErasurePage({
  agreements,
  error,
}: {
  agreements: AgreementRef[];
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <h1>{t.account.erasure.title}</h1>
      {error ? (
        <ErrorSummary
          title={t.account.erasure.errorSummary}
          errors={[{ field: 'bekrafta', message: error }]}
        />
      ) : null}
      <p>{t.account.erasure.intro}</p>
      <ul>
        {t.account.erasure.removed.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <p>{t.account.erasure.logNote}</p>
      {agreements.length > 0 ? (
        <>
          <p>{t.account.erasure.publicRecordIntro}</p>
          <AgreementTable agreements={agreements} />
          <p>{t.account.erasure.publicRecordKept}</p>
        </>
      ) : null}
      <form method="post" action="/mina-uppgifter/radera" novalidate>
        <fieldset
          class={error ? 'field field-error choices' : 'field choices'}
          aria-describedby={error ? 'bekrafta-error' : undefined}
        >
          <legend>{t.account.erasure.confirmLegend}</legend>
          {error ? (
            <p id="bekrafta-error" class="error-message">
              {error}
            </p>
          ) : null}
          <div class="choice">
            <input
              type="checkbox"
              id="bekrafta"
              name="bekrafta"
              value="ja"
              aria-invalid={error ? 'true' : undefined}
            />
            <label for="bekrafta">{t.account.erasure.confirmLabel}</label>
          </div>
        </fieldset>
        <button type="submit">{t.account.erasure.submit}</button>
      </form>
      <p>
        <a href="/mina-uppgifter">{t.account.erasure.cancel}</a>
      </p>
    </>
  );
}

/** After erasure: signed out, what was removed, and for a party contact why the name stays. */
export function ErasureDonePage({ outcome }: { outcome: ErasureOutcome }) {
  const t = useT();
  const text = t.account.erasure;
  if (!outcome.keptForPublicRecord) {
    return (
      <>
        <h1>{text.doneTitle}</h1>
        <p role="status">{text.doneBody}</p>
        <p>{text.doneRemovedIntro}</p>
        <ul>
          {text.removed.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
        <p>{text.logNote}</p>
        <p>
          <a href="/">{text.toStart}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{text.keptTitle}</h1>
      <p role="status">{text.keptBody}</p>
      <p>{text.doneRemovedIntro}</p>
      <ul>
        {text.keptRemoved.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <h2>{text.keptWhyHeading}</h2>
      <p>{text.publicRecordKept}</p>
      <AgreementTable agreements={outcome.agreements} />
      <p>
        <a href="/">{text.toStart}</a>
      </p>
    </>
  );
}

function AgreementTable({ agreements }: { agreements: AgreementRef[] }) {
  const t = useT();
  return (
    <section class="table-scroll" aria-labelledby="kept-agreements-caption" tabindex={0}>
      <table>
        <caption id="kept-agreements-caption">{t.account.erasure.keptAgreementsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.account.erasure.agreement}</th>
            <th scope="col">{t.account.erasure.diarienummer}</th>
            <th scope="col">{t.account.organisation}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((agreement) => (
            <tr>
              <th scope="row">{agreement.title}</th>
              <td>{agreement.diarienummer ?? t.account.notGiven}</td>
              <td>{agreement.organisation ?? t.account.notGiven}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
