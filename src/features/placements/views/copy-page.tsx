import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { COPY_FIELDS } from '../placement-offers.forms.ts';
import { CAPACITY_PATH } from '../placement-offers.list.ts';
import type { CopyOutcome, UnitChoice } from '../placement-offers.service.ts';
import { offerPath } from './offer-page.tsx';

export const COPY_PATH = `${CAPACITY_PATH}/kopiera`;

const ids: Record<string, string> = {
  organisationId: 'kopiera-enhet',
  from: 'kopiera-fran',
  to: 'kopiera-till',
};

/** "Kopiera förra terminens erbjudanden": the form, and after a copy what was copied. */
export function CopyPage(props: {
  form: FormState;
  choices: UnitChoice[];
  outcome?: { result: CopyOutcome; from: string; to: string } | undefined;
}) {
  const t = useT();
  const text = t.placementOffers.copy;
  const { values, errors } = props.form;
  const summary = errorList(errors, COPY_FIELDS).map((error) => ({
    field: ids[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <h1>{text.title}</h1>
      <ErrorSummary title={text.errorSummary} errors={summary} />
      {props.outcome ? <Outcome {...props.outcome} /> : null}
      <p>{text.intro}</p>
      <form method="post" action={COPY_PATH} novalidate>
        <SelectField
          id={ids.organisationId!}
          name="organisationId"
          label={text.unit}
          error={errors.organisationId}
        >
          <option value="">{text.allUnits}</option>
          <OrganisationOptions organisations={props.choices} selected={values.organisationId} />
        </SelectField>
        <TextField
          id={ids.from!}
          name="from"
          label={text.from}
          hint={t.placementOffers.hints.term}
          value={values.from}
          error={errors.from}
          maxlength={20}
          required
        />
        <TextField
          id={ids.to!}
          name="to"
          label={text.to}
          hint={t.placementOffers.hints.term}
          value={values.to}
          error={errors.to}
          maxlength={20}
          required
        />
        <div class="button-row">
          <button type="submit">{text.submit}</button>
          <a href={CAPACITY_PATH}>{t.register.cancel}</a>
        </div>
      </form>
    </>
  );
}

function Outcome({ result, from, to }: { result: CopyOutcome; from: string; to: string }) {
  const t = useT();
  const text = t.placementOffers.copy;
  const nothing = result.copied.length === 0 && result.skipped === 0;
  return (
    <section class="notice" role="status" aria-labelledby="kopiera-resultat">
      <h2 id="kopiera-resultat">{text.resultHeading}</h2>
      {nothing ? (
        <p>{text.nothingToCopy(from)}</p>
      ) : (
        <>
          <p>{text.copied(result.copied.length)}</p>
          {result.copied.length > 0 ? (
            <ul>
              {result.copied.map((offer) => (
                <li>
                  <a href={offerPath(offer.id)}>
                    {t.placementOffers.offerTitle({
                      unit: offer.unitName,
                      programme: offer.programme,
                      term: to,
                    })}
                  </a>
                  {' · '}
                  {t.placementOffers.kinds[offer.kind]}
                </li>
              ))}
            </ul>
          ) : null}
          {result.skipped > 0 ? <p>{text.skipped(result.skipped)}</p> : null}
        </>
      )}
    </section>
  );
}
