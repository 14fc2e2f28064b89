import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { ChoiceFieldset } from '../../../web/components/field.tsx';
import { Period } from '../../../web/components/period.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { needsReason } from '../brief-response-status.ts';
import { answerPath, briefPath, isSignUp, type LoadedAnswer } from '../brief-responses.service.ts';
import { BriefResponseStatusTag } from './brief-response-status.tsx';

/** What the move form was sent with, and its messages. */
export type MoveFormState = FormState;

const moveIds: Record<string, string> = { status: 'steg-val', reason: 'steg-skal' };

/**
 * One answer to a brief, as its responder and the brief's owner side see it: what was answered (with the
 * name and address, which only they see), its stage and stages so far, the activity it became; for the
 * owner side while it can move, the form for the next stage.
 */
export function AnswerPage(props: {
  loaded: LoadedAnswer;
  notice?: string | undefined;
  move?: MoveFormState | undefined;
}) {
  const t = useT();
  const text = t.briefResponses;
  const { response, brief, institution, activity } = props.loaded;
  const signUp = isSignUp(brief);
  const briefLive = !brief.deletedAt && (brief.visibility === 'public' || props.loaded.mayReview);
  return (
    <>
      <h1>{signUp ? text.page.signUpTitle(brief.title) : text.page.title(brief.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="/arbetsyta">{text.page.backToWorkspace}</a>
      </p>
      <dl class="facts">
        <dt>{text.page.brief}</dt>
        <dd>
          {briefLive ? <a href={briefPath(brief.slug)}>{brief.title}</a> : brief.title}
          {`, ${brief.organisationName}`}
        </dd>
        <dt>{text.page.status}</dt>
        <dd>
          <BriefResponseStatusTag status={response.status} />
        </dd>
        <dt>{text.page.responder}</dt>
        <dd>
          {response.name}, {response.email}
        </dd>
        {signUp ? (
          <>
            <dt>{text.page.organisation}</dt>
            <dd>{institution?.name ?? t.common.notGiven}</dd>
          </>
        ) : (
          <>
            <dt>{text.page.role}</dt>
            <dd>{text.roles[response.role]}</dd>
            <dt>{text.page.institution}</dt>
            <dd>{institution?.name ?? response.otherInstitution ?? t.common.notGiven}</dd>
            <dt>{text.page.programme}</dt>
            <dd>{response.programme || t.common.notGiven}</dd>
          </>
        )}
        {response.approach || !signUp ? (
          <>
            <dt>{signUp ? text.page.motivation : text.page.approach}</dt>
            <dd class="proposal-text">{response.approach}</dd>
          </>
        ) : null}
        {signUp ? null : (
          <>
            <dt>{text.page.timing}</dt>
            <dd>{response.timing || t.common.notGiven}</dd>
            <dt>{text.page.period}</dt>
            <dd>
              <Period from={response.startsOn} to={response.endsOn} />
            </dd>
          </>
        )}
        <dt>{text.page.submittedAt}</dt>
        <dd>
          <time datetime={response.createdAt.toISOString()}>{formatDateTime(response.createdAt)}</time>
        </dd>
        {response.reason && response.status === 'declined' ? (
          <>
            <dt>{text.page.reason}</dt>
            <dd class="proposal-text">{response.reason}</dd>
          </>
        ) : null}
        {activity?.id ? (
          <>
            <dt>{text.page.activity}</dt>
            <dd>
              {activity.visibility === 'public' && !activity.deletedAt ? (
                <a href={`/aktiviteter/${activity.slug}`}>{activity.title}</a>
              ) : props.loaded.mayReview ? (
                `${activity.title} (${text.page.notPublic})`
              ) : (
                text.page.hiddenActivity
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="svar-steg">
        <h2 id="svar-steg">{text.page.stagesHeading}</h2>
        <ol>
          {props.loaded.stages.map((stage) => (
            <li>
              {text.statuses[stage.status]}
              {', '}
              <time datetime={stage.at.toISOString()}>{formatDateTime(stage.at)}</time>
              {stage.actorName ? `, ${stage.actorName}` : ''}
            </li>
          ))}
        </ol>
      </section>
      {props.loaded.mayReview ? (
        <MoveForm loaded={props.loaded} form={props.move} />
      ) : (
        <p>{text.page.responderNote(response.status)}</p>
      )}
    </>
  );
}

/**
 * The owner's form for the next stage: one radio per allowed move, the version opened on, and a reason
 * only while declining is one of the moves (the only one that takes a reason).
 */
function MoveForm(props: { loaded: LoadedAnswer; form: MoveFormState | undefined }) {
  const t = useT();
  const text = t.briefResponses;
  const { response } = props.loaded;
  const values = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  const summary = errorList(errors, ['status', 'reason']).map((error) => ({
    field: moveIds[error.field] ?? error.field,
    message: error.message,
  }));
  if (props.loaded.moves.length === 0) return <p>{text.page.noMoves}</p>;
  const first = props.loaded.moves[0];
  const mayDecline = props.loaded.moves.some(needsReason);
  return (
    <section aria-labelledby="nasta-steg">
      <h2 id="nasta-steg">{text.move.heading}</h2>
      <p>
        {text.move.intro}
        {props.loaded.moves.includes('accepted') ? ` ${text.move.acceptedNote}` : ''}
      </p>
      <ErrorSummary title={text.move.errorSummary} errors={summary} />
      <form method="post" action={`${answerPath(response.id)}/status`} novalidate>
        <input type="hidden" name="version" value={String(response.version)} />
        <ChoiceFieldset id="steg" legend={text.move.status} error={errors.status}>
          {props.loaded.moves.map((status) => (
            <div class="choice">
              <input
                type="radio"
                id={status === first ? moveIds.status : `steg-val-${status}`}
                name="status"
                value={status}
                checked={values.status === status}
              />
              <label for={status === first ? moveIds.status : `steg-val-${status}`}>
                {text.statuses[status]}
              </label>
            </div>
          ))}
        </ChoiceFieldset>
        {mayDecline ? (
          <TextField
            id={moveIds.reason!}
            name="reason"
            label={text.move.reason}
            hint={text.move.reasonHint}
            value={values.reason}
            error={errors.reason}
            maxlength={2000}
            multiline
          />
        ) : null}
        <button type="submit">{text.move.submit}</button>
      </form>
    </section>
  );
}
