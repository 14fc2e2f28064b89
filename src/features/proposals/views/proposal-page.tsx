import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { Period } from '../../../web/components/period.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import { activityKinds } from '../../activities/activities.table.ts';
import type { LoadedProposal } from '../proposals.service.ts';
import { MatchSummary } from './match-summary.tsx';
import { ProposalStatusTag } from './proposal-status.tsx';

/** Which decision form a message belongs to, with what was typed there. */
export type DecisionForm = { decision: 'accept' | 'merge' | 'decline'; form: FormState };

/** The control each decision field's message links to from the summary. */
const ids = {
  accept: { kind: 'anta-typ', university: 'anta-larosate' },
  merge: { activityId: 'sla-ihop-aktivitet', university: 'sla-ihop-larosate' },
  decline: { reason: 'avboj-skal' },
} as const;

export const proposalPath = (id: number) => `/forslag/${id}`;

/**
 * A proposal as its proposer and the coordinators see it: what was proposed (with the contact, which
 * only they see), its status and decision; for a coordinator while it waits, the likely duplicates and
 * the three decisions.
 */
export function ProposalPage(props: {
  loaded: LoadedProposal;
  notice?: string | undefined;
  decision?: DecisionForm | undefined;
}) {
  const t = useT();
  const text = t.proposals;
  const { proposal } = props.loaded;
  const result = props.loaded.resultActivity;
  const join = props.loaded.joinActivity;
  return (
    <>
      <h1>{text.page.title(proposal.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        <a href="/arbetsyta">{text.page.backToWorkspace}</a>
      </p>
      {proposal.description ? <p class="proposal-text">{proposal.description}</p> : null}
      <dl class="facts">
        <dt>{text.page.status}</dt>
        <dd>
          <ProposalStatusTag status={proposal.status} />
        </dd>
        <dt>{text.page.kind}</dt>
        <dd>{text.kinds[proposal.kind]}</dd>
        {proposal.kind === 'join' && join?.id ? (
          <>
            <dt>{text.page.joins}</dt>
            <dd>
              <ActivityLink activity={join} named={props.loaded.mayReview} />
            </dd>
          </>
        ) : null}
        <dt>{text.page.university}</dt>
        <dd>{props.loaded.universityName ?? proposal.otherUniversity ?? t.common.notGiven}</dd>
        <dt>{text.fields.organisationId}</dt>
        <dd>{props.loaded.organisationName}</dd>
        <dt>{text.fields.contactName}</dt>
        <dd>
          {proposal.contactName}, {proposal.contactEmail}
        </dd>
        <dt>{t.common.period}</dt>
        <dd>
          <Period from={proposal.startsOn} to={proposal.endsOn} />
        </dd>
        <dt>{text.fields.goalId}</dt>
        <dd>{props.loaded.goalTitle ?? t.common.notGiven}</dd>
        <dt>{text.page.proposer}</dt>
        <dd>{props.loaded.proposerName || t.common.notGiven}</dd>
        <dt>{text.page.submittedAt}</dt>
        <dd>
          <time datetime={proposal.createdAt.toISOString()}>{formatDateTime(proposal.createdAt)}</time>
        </dd>
        {proposal.decidedAt ? (
          <>
            <dt>{text.page.decidedAt}</dt>
            <dd>
              <time datetime={proposal.decidedAt.toISOString()}>{formatDateTime(proposal.decidedAt)}</time>
              {props.loaded.deciderName ? `, ${props.loaded.deciderName}` : ''}
            </dd>
          </>
        ) : null}
        {result?.id ? (
          <>
            <dt>{text.page.activity}</dt>
            <dd>
              <ActivityLink activity={result} named={props.loaded.mayReview} />
            </dd>
          </>
        ) : null}
        {proposal.declineReason ? (
          <>
            <dt>{text.page.reason}</dt>
            <dd class="proposal-text">{proposal.declineReason}</dd>
          </>
        ) : null}
      </dl>
      {props.loaded.review ? (
        <Review loaded={props.loaded} review={props.loaded.review} decision={props.decision} />
      ) : null}
    </>
  );
}

/**
 * A link to an activity's public page. One that is not public (internal, or deleted since) has no page:
 * a reviewer sees its title, the proposer only that it is not public (its title is not theirs to read).
 */
function ActivityLink({
  activity,
  named,
}: {
  activity: { slug: string | null; title: string | null; visibility: string | null; deletedAt: Date | null };
  named: boolean;
}) {
  const t = useT();
  if (activity.visibility === 'public' && !activity.deletedAt)
    return <a href={`/aktiviteter/${activity.slug}`}>{activity.title}</a>;
  if (!named) return <>{t.proposals.page.hiddenActivity}</>;
  return (
    <>
      {activity.title} ({t.proposals.page.notPublic})
    </>
  );
}

function Review(props: {
  loaded: LoadedProposal;
  review: NonNullable<LoadedProposal['review']>;
  decision: DecisionForm | undefined;
}) {
  const t = useT();
  const text = t.proposals.review;
  const { proposal } = props.loaded;
  const { review, decision } = props;
  const formOf = (which: DecisionForm['decision']): FormState =>
    decision?.decision === which ? decision.form : { values: {}, errors: {} };
  const accept = formOf('accept');
  const merge = formOf('merge');
  const decline = formOf('decline');
  const summary = decision
    ? errorList(decision.form.errors, Object.keys(ids[decision.decision])).map((error) => ({
        field: (ids[decision.decision] as Record<string, string>)[error.field] ?? error.field,
        message: error.message,
      }))
    : [];
  const other = proposal.otherUniversity;
  const base = `/forslag/${proposal.id}`;
  const selectedActivity = merge.values.activityId ?? String(review.suggestedActivityId ?? '');
  return (
    <section aria-labelledby="granska-rubrik">
      <h2 id="granska-rubrik">{text.heading}</h2>
      <p>{text.intro}</p>
      <ErrorSummary title={text.errorSummary} errors={summary} />
      <h3>{text.matchesHeading}</h3>
      {review.matches.length === 0 ? (
        <p>{text.noMatches}</p>
      ) : (
        <>
          <p>{t.proposals.matches.how}</p>
          <ul class="plain match-list">
            {review.matches.map((match) => (
              <li>
                <MatchSummary match={match} titleId={`liknande-${match.id}`} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{text.acceptHeading}</h3>
      <p>{text.acceptIntro}</p>
      <form method="post" action={`${base}/anta`} novalidate>
        <SelectField id={ids.accept.kind} name="kind" label={text.kind} error={accept.errors.kind}>
          <option value="">{text.chooseKind}</option>
          {activityKinds.map((kind) => (
            <option value={kind} selected={accept.values.kind === kind}>
              {t.activityKinds[kind]}
            </option>
          ))}
        </SelectField>
        {other !== null ? (
          <UniversityChoice
            id={ids.accept.university}
            name={other}
            universities={review.universities}
            suggested={review.suggestedUniversityId}
            form={accept}
          />
        ) : null}
        <button type="submit">{text.accept}</button>
      </form>
      <h3>{text.mergeHeading}</h3>
      <p>{text.mergeIntro}</p>
      <form method="post" action={`${base}/sla-ihop`} novalidate>
        <SelectField
          id={ids.merge.activityId}
          name="activityId"
          label={text.activity}
          error={merge.errors.activityId}
        >
          <option value="">{text.chooseActivity}</option>
          {review.activities.map((activity) => (
            <option value={String(activity.id)} selected={selectedActivity === String(activity.id)}>
              {activity.title}
              {activity.visibility === 'internal' ? ` (${t.proposals.matches.internal.toLowerCase()})` : ''}
            </option>
          ))}
        </SelectField>
        {other !== null ? (
          <UniversityChoice
            id={ids.merge.university}
            name={other}
            universities={review.universities}
            suggested={review.suggestedUniversityId}
            form={merge}
          />
        ) : null}
        <button type="submit">{text.merge}</button>
      </form>
      <h3>{text.declineHeading}</h3>
      <form method="post" action={`${base}/avboj`} novalidate>
        <TextField
          id={ids.decline.reason}
          name="reason"
          label={text.reason}
          hint={text.reasonHint}
          value={decline.values.reason}
          error={decline.errors.reason}
          maxlength={2000}
          multiline
          required
        />
        <button type="submit" class="danger">
          {text.decline}
        </button>
      </form>
    </section>
  );
}

/** For an institution outside the register: which university in the register it is, or add it as new. */
function UniversityChoice(props: {
  id: string;
  name: string;
  universities: { id: number; name: string }[];
  /** A university in the register with a name like the one typed ("Sodertorn hogskola"), chosen at first. */
  suggested: number | null;
  form: FormState;
}) {
  const t = useT();
  const text = t.proposals.review;
  const value = props.form.values.university ?? (props.suggested === null ? '' : String(props.suggested));
  return (
    <SelectField
      id={props.id}
      name="university"
      label={text.university}
      hint={text.universityHint(props.name)}
      error={props.form.errors.university}
    >
      <option value="">{text.chooseUniversity}</option>
      <option value="new" selected={value === 'new'}>
        {text.addUniversity(props.name)}
      </option>
      {props.universities.map((university) => (
        <option value={String(university.id)} selected={value === String(university.id)}>
          {university.name}
        </option>
      ))}
    </SelectField>
  );
}
