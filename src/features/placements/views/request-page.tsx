import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import type { FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { RequestMove } from '../request-status.ts';
import type { LoadedRequest } from '../requests.service.ts';
import { OfferSuggestionList, RequestStatusTag } from './request-parts.tsx';

export const requestPagePath = (id: number) => `/praktik/forfragningar/${id}`;

/** Which move's form a message belongs to, with what was typed. */
export type MoveForm = { move: RequestMove; form: FormState };

const fieldId = (move: RequestMove, field: string) => `${move}-${field}`;

/** A request: its facts, students, the moves the person may make, other offers that fit, its history. */
export function RequestPage(props: {
  loaded: LoadedRequest;
  notice?: string | undefined;
  move?: MoveForm | undefined;
}) {
  const t = useT();
  const text = t.placementRequests;
  const { request, offer } = props.loaded;
  const errors = props.move
    ? Object.entries(props.move.form.errors).map(([field, message]) => ({
        field: fieldId(props.move!.move, field),
        message: message ?? '',
      }))
    : [];
  return (
    <>
      <h1>{text.page.title(request.id)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="/praktik/forfragningar">{text.page.backToList}</a>
      </p>
      <ErrorSummary title={text.errorSummary} errors={errors} />
      <dl class="facts">
        <dt>{text.fields.status}</dt>
        <dd>
          <RequestStatusTag status={request.status} />
        </dd>
        <dt>{text.page.institution}</dt>
        <dd>{props.loaded.universityName}</dd>
        <dt>{text.page.unit}</dt>
        <dd>{props.loaded.unitName}</dd>
        <dt>{text.page.offer}</dt>
        <dd>
          <a href={`/praktik/platser/${offer.id}`}>
            {text.offerSummary(offer.programme, offer.kind, offer.term)}
          </a>
        </dd>
        <dt>{text.page.places}</dt>
        <dd>{request.places}</dd>
        <dt>{text.page.preference}</dt>
        <dd>{request.preference}</dd>
        {request.needId !== null ? (
          <>
            <dt>{text.page.need}</dt>
            <dd>
              <a href={`/praktik/behov/${request.needId}`}>{text.page.need}</a>
            </dd>
          </>
        ) : null}
        {request.message ? (
          <>
            <dt>{text.page.message}</dt>
            <dd class="proposal-text">{request.message}</dd>
          </>
        ) : null}
        {request.reason ? (
          <>
            <dt>{text.page.reason}</dt>
            <dd class="proposal-text">{request.reason}</dd>
          </>
        ) : null}
        {props.loaded.proposedOffer?.id ? (
          <>
            <dt>{text.page.proposedOffer}</dt>
            <dd>
              <a href={`/praktik/platser/${props.loaded.proposedOffer.id}`}>
                {props.loaded.proposedOffer.unitName}: {props.loaded.proposedOffer.programme},{' '}
                {text.termName(props.loaded.proposedOffer.term)}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{text.page.requester}</dt>
        <dd>{props.loaded.requesterName || t.common.notGiven}</dd>
        <dt>{text.page.sentAt}</dt>
        <dd>
          <time datetime={request.createdAt.toISOString()}>{formatDateTime(request.createdAt)}</time>
        </dd>
      </dl>
      <h2>{text.page.studentsHeading}</h2>
      {props.loaded.students.length === 0 ? (
        <p>{text.page.noStudents}</p>
      ) : (
        <>
          <ul>
            {props.loaded.students.map((student) => (
              <li>
                {student.firstName}
                {student.programme ? `, ${student.programme}` : ''}
              </li>
            ))}
          </ul>
          <p>{text.page.studentsRemoved(formatDate(props.loaded.students[0]!.removeAfter))}</p>
        </>
      )}
      <Actions loaded={props.loaded} move={props.move} />
      {props.loaded.moves.includes('decline') ? (
        <section aria-labelledby="andra-erbjudanden">
          <h2 id="andra-erbjudanden">{text.page.suggestionsHeading}</h2>
          <p>{text.page.suggestionsIntro}</p>
          <OfferSuggestionList suggestions={props.loaded.suggestions} />
        </section>
      ) : null}
      <History loaded={props.loaded} />
    </>
  );
}

function Actions(props: { loaded: LoadedRequest; move: MoveForm | undefined }) {
  const t = useT();
  const text = t.placementRequests;
  const { request } = props.loaded;
  const action = `${requestPagePath(request.id)}/status`;
  const formOf = (move: RequestMove): FormState =>
    props.move?.move === move ? props.move.form : { values: {}, errors: {} };
  return (
    <section aria-labelledby="atgarder">
      <h2 id="atgarder">{text.page.actionsHeading}</h2>
      {props.loaded.moves.length === 0 ? <p>{text.page.noActions}</p> : null}
      {props.loaded.moves.map((move) => {
        const form = formOf(move);
        const withReason = move === 'decline' || move === 'cancel';
        return (
          <form method="post" action={action} novalidate class={withReason ? undefined : 'inline-form'}>
            <input type="hidden" name="move" value={move} />
            <input type="hidden" name="version" value={String(request.version)} />
            {withReason ? (
              <TextField
                id={fieldId(move, 'reason')}
                name="reason"
                label={`${text.fields.reason} (${text.moves[move].toLowerCase()})`}
                hint={text.hints.reason}
                value={form.values.reason ?? ''}
                error={form.errors.reason}
                maxlength={2000}
                multiline
              />
            ) : null}
            {move === 'decline' ? (
              <SelectField
                id={fieldId(move, 'proposedOfferId')}
                name="proposedOfferId"
                label={text.fields.proposedOfferId}
                error={form.errors.proposedOfferId}
              >
                <option value="">{text.noProposal}</option>
                {props.loaded.suggestions.map((suggestion) => (
                  <option
                    value={String(suggestion.item.id)}
                    selected={form.values.proposedOfferId === String(suggestion.item.id)}
                  >
                    {suggestion.item.name}: {suggestion.item.programme}, {text.termName(suggestion.item.term)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <button type="submit" class={move === 'decline' || move === 'cancel' ? 'secondary' : undefined}>
              {text.moves[move]}
            </button>
          </form>
        );
      })}
    </section>
  );
}

function History(props: { loaded: LoadedRequest }) {
  const t = useT();
  const text = t.placementRequests.page;
  const labels = text.historyFields as Record<string, string>;
  return (
    <section class="table-scroll" aria-labelledby="historik-rubrik" tabindex={0}>
      <h2 id="historik-rubrik">{text.historyHeading}</h2>
      <table>
        <caption class="visually-hidden">{text.historyCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.when}</th>
            <th scope="col">{text.who}</th>
            <th scope="col">{text.what}</th>
          </tr>
        </thead>
        <tbody>
          {props.loaded.history.map((row) => (
            <tr>
              <td>
                <time datetime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
              </td>
              <td>{row.actor?.name || row.actor?.email || text.system}</td>
              <td>
                <ul class="plain">
                  {Object.entries(row.changes as Record<string, [string, string]>).map(
                    ([field, [old, now]]) => (
                      <li>
                        {labels[field] ?? field}: {old ? `${old} → ` : ''}
                        {now || '–'}
                      </li>
                    ),
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
