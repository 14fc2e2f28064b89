import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { OrganisationOptions } from '../../../web/components/organisation-options.tsx';
import { Period } from '../../../web/components/period.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { placementKinds } from '../placements.table.ts';
import { ANSWER_FIELDS, NEED_FIELDS } from '../requests.forms.ts';
import type { NeedListRow } from '../requests.queries.ts';
import type { InstitutionChoice, LoadedNeed } from '../requests.service.ts';
import { PlacementNav } from './placement-nav.tsx';
import { OfferSuggestionList, RequestStatusTag } from './request-parts.tsx';

/** The open lists of needs, with a term filter. */
export function NeedList(props: { rows: NeedListRow[]; term: string | undefined; mayAdd: boolean }) {
  const t = useT();
  const text = t.placementRequests.needs;
  return (
    <>
      <h1>{text.title}</h1>
      <PlacementNav current="needs" />
      <p>{text.intro}</p>
      {props.mayAdd ? (
        <p>
          <a href="/praktik/behov/ny">{text.add}</a>
        </p>
      ) : null}
      <form
        method="get"
        action="/praktik/behov"
        class="inline-form"
        aria-label={t.placementRequests.filtersLabel}
      >
        <div class="field">
          <label for="termin">{t.placementRequests.fields.term}</label>
          <input id="termin" name="termin" type="text" value={props.term ?? ''} maxlength={6} />
        </div>
        <button type="submit">{t.placementRequests.filter}</button>
      </form>
      {props.rows.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="behov-caption" tabindex={0}>
          <table>
            <caption id="behov-caption">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.what}</th>
                <th scope="col">{text.institution}</th>
                <th scope="col">{t.placementRequests.fields.kind}</th>
                <th scope="col">{t.placementRequests.fields.term}</th>
                <th scope="col">{text.answered}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ need, universityName, answered }) => (
                <tr>
                  <td>
                    <a href={`/praktik/behov/${need.id}`}>
                      {text.summary(need.students, need.programme, need.studyLevel, need.weeks)}
                    </a>
                  </td>
                  <td>{universityName}</td>
                  <td>{t.placementRequests.kinds[need.kind]}</td>
                  <td>{need.term}</td>
                  <td>{answered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** "Lägg ut ett behov". */
export function NeedForm(props: { institutions: InstitutionChoice[]; form: FormState }) {
  const t = useT();
  const text = t.placementRequests;
  const { values, errors } = props.form;
  const only = props.institutions.length === 1;
  return (
    <>
      <h1>{text.needs.newTitle}</h1>
      <p>{text.needs.newIntro}</p>
      <ErrorSummary title={text.errorSummary} errors={errorList(errors, NEED_FIELDS)} />
      {props.institutions.length === 0 ? (
        <p>{text.request.noInstitution}</p>
      ) : (
        <form method="post" action="/praktik/behov/ny" novalidate>
          <SelectField
            id="universityId"
            name="universityId"
            label={text.fields.universityId}
            error={errors.universityId}
          >
            {only ? null : <option value="">{text.chooseInstitution}</option>}
            <OrganisationOptions organisations={props.institutions} selected={values.universityId} />
          </SelectField>
          <TextField
            id="term"
            name="term"
            label={text.fields.term}
            hint={text.hints.term}
            value={values.term ?? ''}
            error={errors.term}
            maxlength={6}
          />
          <SelectField id="kind" name="kind" label={text.fields.kind} error={errors.kind}>
            <option value="">{text.chooseKind}</option>
            {placementKinds.map((kind) => (
              <option value={kind} selected={values.kind === kind}>
                {text.kinds[kind]}
              </option>
            ))}
          </SelectField>
          <TextField
            id="programme"
            name="programme"
            label={text.fields.programme}
            value={values.programme ?? ''}
            error={errors.programme}
            maxlength={200}
          />
          <TextField
            id="studyLevel"
            name="studyLevel"
            label={text.fields.studyLevel}
            value={values.studyLevel ?? ''}
            error={errors.studyLevel}
            maxlength={100}
          />
          <TextField
            id="students"
            name="students"
            label={text.fields.studentsCount}
            value={values.students ?? ''}
            error={errors.students}
            maxlength={6}
          />
          <TextField
            id="weeks"
            name="weeks"
            label={text.fields.weeks}
            hint={text.hints.weeks}
            value={values.weeks ?? ''}
            error={errors.weeks}
            maxlength={100}
          />
          <TextField
            id="startsOn"
            name="startsOn"
            label={text.fields.startsOn}
            hint={text.hints.date}
            value={values.startsOn ?? ''}
            error={errors.startsOn}
            maxlength={10}
          />
          <TextField
            id="endsOn"
            name="endsOn"
            label={text.fields.endsOn}
            hint={text.hints.date}
            value={values.endsOn ?? ''}
            error={errors.endsOn}
            maxlength={10}
          />
          <TextField
            id="area"
            name="area"
            label={text.fields.area}
            hint={text.hints.area}
            value={values.area ?? ''}
            error={errors.area}
            maxlength={100}
          />
          <TextField
            id="description"
            name="description"
            label={text.fields.description}
            value={values.description ?? ''}
            error={errors.description}
            maxlength={2000}
            multiline
          />
          <button type="submit">{text.needs.submit}</button>
        </form>
      )}
    </>
  );
}

/** A list of needs: what it asks, the answers, the offers that fit, and a link to answer. */
export function NeedPage(props: { loaded: LoadedNeed; notice?: string | undefined }) {
  const t = useT();
  const text = t.placementRequests;
  const { need } = props.loaded;
  return (
    <>
      <h1>{text.needs.pageTitle(need.students, need.programme)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="/praktik/behov">{text.needs.backToNeeds}</a>
      </p>
      <dl class="facts">
        <dt>{text.fields.universityId}</dt>
        <dd>{props.loaded.universityName}</dd>
        <dt>{text.fields.kind}</dt>
        <dd>{text.kinds[need.kind]}</dd>
        <dt>{text.fields.term}</dt>
        <dd>{text.termName(need.term)}</dd>
        {need.studyLevel ? (
          <>
            <dt>{text.fields.studyLevel}</dt>
            <dd>{need.studyLevel}</dd>
          </>
        ) : null}
        {need.weeks ? (
          <>
            <dt>{text.fields.weeks}</dt>
            <dd>{need.weeks}</dd>
          </>
        ) : null}
        {need.startsOn || need.endsOn ? (
          <>
            <dt>{t.common.period}</dt>
            <dd>
              <Period from={need.startsOn} to={need.endsOn} />
            </dd>
          </>
        ) : null}
        {need.area ? (
          <>
            <dt>{text.fields.area}</dt>
            <dd>{need.area}</dd>
          </>
        ) : null}
        <dt>{text.needs.answered}</dt>
        <dd>{text.needs.answeredCount(props.loaded.answered, need.students)}</dd>
        <dt>{text.needs.status}</dt>
        <dd>{props.loaded.closed ? text.needs.closed : text.needs.open}</dd>
      </dl>
      {props.loaded.closed ? <p>{text.needs.closedIntro}</p> : null}
      {need.description ? <p class="proposal-text">{need.description}</p> : null}
      {props.loaded.mayClose ? (
        <>
          {props.loaded.closed ? null : <p>{text.needs.closeHint}</p>}
          <form method="post" action={`/praktik/behov/${need.id}/${props.loaded.closed ? 'oppna' : 'stang'}`}>
            <input type="hidden" name="version" value={String(need.version)} />
            <button type="submit">{props.loaded.closed ? text.needs.reopen : text.needs.close}</button>
          </form>
        </>
      ) : null}
      {props.loaded.mayAnswer ? (
        <p>
          <a href={`/praktik/behov/${need.id}/svara`}>{text.needs.answerLink}</a>
        </p>
      ) : null}
      <h2>{text.needs.answersHeading}</h2>
      {props.loaded.answers.length === 0 ? (
        <p>{text.needs.noAnswers}</p>
      ) : (
        <ul>
          {props.loaded.answers.map((answer) => (
            <li>
              <a href={`/praktik/forfragningar/${answer.id}`}>
                {answer.unitName}: {answer.places} ({answer.programme})
              </a>{' '}
              <RequestStatusTag status={answer.status} />
            </li>
          ))}
        </ul>
      )}
      <h2>{text.needs.suggestionsHeading}</h2>
      <OfferSuggestionList suggestions={props.loaded.suggestions} />
    </>
  );
}

/** A unit answers: one of its offers and how many places (confirmed at once). */
export function AnswerForm(props: { loaded: LoadedNeed; form: FormState }) {
  const t = useT();
  const text = t.placementRequests;
  const { need } = props.loaded;
  const { values, errors } = props.form;
  return (
    <>
      <h1>{text.needs.answerTitle}</h1>
      <p>
        <a href={`/praktik/behov/${need.id}`}>{text.needs.pageTitle(need.students, need.programme)}</a>
        {` · ${props.loaded.universityName} · ${text.termName(need.term)}`}
      </p>
      <p>{text.needs.answerIntro}</p>
      <ErrorSummary title={text.errorSummary} errors={errorList(errors, ANSWER_FIELDS)} />
      {props.loaded.ownOffers.length === 0 ? (
        <p>{text.needs.noOwnOffers}</p>
      ) : (
        <form method="post" action={`/praktik/behov/${need.id}/svara`} novalidate>
          <SelectField id="offerId" name="offerId" label={text.fields.offerId} error={errors.offerId}>
            <option value="">{text.chooseOffer}</option>
            {props.loaded.ownOffers.map((offer) => (
              <option value={String(offer.id)} selected={values.offerId === String(offer.id)}>
                {offer.name}: {offer.programme} ({text.request.free(offer.free, offer.places)})
              </option>
            ))}
          </SelectField>
          <TextField
            id="places"
            name="places"
            label={text.fields.places}
            hint={text.hints.answerPlaces}
            value={values.places ?? ''}
            error={errors.places}
            maxlength={6}
          />
          <TextField
            id="message"
            name="message"
            label={text.fields.answerMessage}
            value={values.message ?? ''}
            error={errors.message}
            maxlength={2000}
            multiline
          />
          <button type="submit">{text.needs.answerSubmit}</button>
        </form>
      )}
    </>
  );
}
