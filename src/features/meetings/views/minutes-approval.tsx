import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { TextField } from '../../../web/components/text-field.tsx';
import { errorList, type FormState } from '../../../web/form.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { LoadedApproval } from '../adjustment.service.ts';
import { approvalPath } from '../minutes.service.ts';
import { MinutesState, MinutesText } from './minutes-parts.tsx';

/**
 * The adjuster's view (issue 10, item 3): the minutes as they will be published, and while they are
 * ready and this adjuster has not approved, "Justera protokollet" and "Skicka tillbaka med kommentar".
 */
export function ApprovalPage(props: {
  loaded: LoadedApproval;
  sendBack: FormState;
  notice?: string | undefined;
}) {
  const t = useT();
  const text = t.minutes;
  const { loaded } = props;
  const { meeting } = loaded.record;
  const open = meeting.minutesStatus === 'ready' && !loaded.mine?.approvedAt;
  const { values, errors } = props.sendBack;
  return (
    <>
      <h1>{text.approval.title(meeting.title)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary title={text.errorSummary} errors={errorList(errors, ['reason'])} />
      <MinutesState meeting={meeting} today={loaded.today} />
      {meeting.minutesStatus === 'approved' ? (
        <p>
          <a href={`/moten/${meeting.id}/arbetsyta`}>{text.form.toWorkspace}</a>
        </p>
      ) : (
        <p class="lead">{text.approval.lead}</p>
      )}
      <MinutesText
        parts={loaded}
        today={loaded.today}
        keptAt={meeting.minutesKeptAt || loaded.record.group.minutesKeptAt || null}
      />
      {open ? (
        <>
          <form method="post" action={`${approvalPath(meeting.id)}`} novalidate>
            <p class="hint" id="approve-hint">
              {text.approval.approveHint}
            </p>
            <button type="submit" aria-describedby="approve-hint">
              {text.approval.approve}
            </button>
          </form>
          <h2>{text.approval.sendBack}</h2>
          <form method="post" action={`${approvalPath(meeting.id)}/tillbaka`} novalidate>
            <TextField
              id="reason"
              name="reason"
              label={text.approval.reason}
              hint={text.approval.reasonHint}
              value={values.reason}
              error={errors.reason}
              maxlength={1000}
              multiline
            />
            <button type="submit" class="secondary">
              {text.approval.sendBack}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
