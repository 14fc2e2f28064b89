import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { REQUEST_FIELDS } from '../requests.forms.ts';
import type { RequestFormData } from '../requests.service.ts';

export const requestPath = (offerId: number) => `/praktik/platser/${offerId}/begar`;

/** "Begär platser": the offer in short, and the request's fields. */
export function RequestForm(props: { data: RequestFormData; form: FormState }) {
  const t = useT();
  const text = t.placementRequests;
  const { offer } = props.data;
  const { values, errors } = props.form;
  const only = props.data.institutions.length === 1 ? props.data.institutions[0] : undefined;
  return (
    <>
      <h1>{text.request.title(props.data.unitName)}</h1>
      <p>{text.request.intro}</p>
      <ErrorSummary title={text.errorSummary} errors={errorList(errors, REQUEST_FIELDS)} />
      <h2>{text.request.offerHeading}</h2>
      <dl class="facts">
        <dt>{text.fields.programme}</dt>
        <dd>
          <a href={`/praktik/platser/${offer.id}`}>{offer.programme}</a>
          {offer.studyLevel ? `, ${offer.studyLevel}` : ''}
        </dd>
        <dt>{text.fields.kind}</dt>
        <dd>{text.kinds[offer.kind]}</dd>
        <dt>{text.fields.term}</dt>
        <dd>{text.termName(offer.term)}</dd>
        <dt>{text.list.places}</dt>
        <dd>{text.request.free(props.data.free, offer.places)}</dd>
      </dl>
      {props.data.institutions.length === 0 ? (
        <p>{text.request.noInstitution}</p>
      ) : (
        <form method="post" action={requestPath(offer.id)} novalidate>
          <SelectField
            id="universityId"
            name="universityId"
            label={text.fields.universityId}
            error={errors.universityId}
          >
            {only ? null : <option value="">{text.chooseInstitution}</option>}
            <OrganisationOptions organisations={props.data.institutions} selected={values.universityId} />
          </SelectField>
          <TextField
            id="places"
            name="places"
            label={text.fields.places}
            value={values.places ?? '1'}
            error={errors.places}
            maxlength={6}
          />
          <TextField
            id="preference"
            name="preference"
            label={text.fields.preference}
            hint={text.hints.preference}
            value={values.preference ?? '1'}
            error={errors.preference}
            maxlength={2}
          />
          <TextField
            id="message"
            name="message"
            label={text.fields.message}
            value={values.message ?? ''}
            error={errors.message}
            maxlength={2000}
            multiline
          />
          <TextField
            id="students"
            name="students"
            label={text.fields.students}
            hint={text.hints.students}
            value={values.students ?? ''}
            error={errors.students}
            multiline
          />
          <button type="submit">{text.request.submit}</button>
        </form>
      )}
    </>
  );
}
