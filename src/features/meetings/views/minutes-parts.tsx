import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { MinutesParts } from '../minutes.service.ts';
import { FollowUpActions } from './follow-up-actions.tsx';

/**
 * The minutes as they read (issue 10, item 3): attendance, each item in § order with its notes and
 * decision (internal ones marked), the follow-up item's actions, the adjusters and their approvals.
 * Used by the approval view and the minutes' status page (ready, approved).
 */
export function MinutesText(props: { parts: MinutesParts; today: string; keptAt: string | null }) {
  const t = useT();
  const text = t.minutes;
  const { items, participants, adjusters, followUp } = props.parts;
  return (
    <>
      <h2>{text.approval.attendance}</h2>
      {participants.length === 0 ? (
        <p>{text.form.noParticipants}</p>
      ) : (
        <ul>
          {participants.map((participant) => (
            <li>
              {participant.name}
              {participant.organisationName ? `, ${participant.organisationName}` : ''}:{' '}
              {participant.attendance ? text.attendances[participant.attendance] : '–'}
            </li>
          ))}
        </ul>
      )}
      <h2>{text.approval.items}</h2>
      {items.length === 0 ? <p>{text.form.noItems}</p> : null}
      {items.map((item) => (
        <section class="minutes-item">
          <h3>
            § {item.position} {item.title}
            {item.visibility === 'internal' ? <span class="tag"> {text.internal}</span> : null}
          </h3>
          {item.notes ? <p class="minutes-text">{item.notes}</p> : null}
          {item.decision ? (
            <p class="minutes-text">
              <strong>{text.form.decision}:</strong> {item.decision}
            </p>
          ) : null}
          {item.standingKind === 'action_follow_up' ? (
            <FollowUpActions actions={followUp} today={props.today} publicOnly={false} headingLevel="h4" />
          ) : null}
        </section>
      ))}
      <h2>{text.approval.adjusterList}</h2>
      <ul>
        {adjusters.map((adjuster) => (
          <li>
            {adjuster.name}:{' '}
            {adjuster.approvedAt
              ? text.approval.approvedAt(formatDateTime(adjuster.approvedAt))
              : text.approval.notYet}
          </li>
        ))}
      </ul>
      {props.keptAt ? <p>{text.approval.keptAt(props.keptAt)}</p> : null}
    </>
  );
}

/** The minutes' state in one line or two: ready with its deadline (overdue after it), or approved. */
export function MinutesState(props: {
  meeting: {
    minutesStatus: 'draft' | 'ready' | 'approved';
    adjustmentDueOn: string | null;
    minutesApprovedAt: Date | null;
  };
  today: string;
}) {
  const text = useT().minutes;
  const { meeting } = props;
  const overdue =
    meeting.minutesStatus === 'ready' &&
    meeting.adjustmentDueOn !== null &&
    meeting.adjustmentDueOn < props.today;
  return (
    <>
      <p>
        {text.form.status}: <strong>{text.statuses[meeting.minutesStatus]}</strong>
      </p>
      {meeting.minutesStatus === 'ready' && meeting.adjustmentDueOn ? (
        overdue ? (
          <p class="notice" role="status">
            {text.form.overdueNotice(formatDate(meeting.adjustmentDueOn))}
          </p>
        ) : (
          <p>{text.form.dueOn(formatDate(meeting.adjustmentDueOn))}</p>
        )
      ) : null}
      {meeting.minutesStatus === 'approved' && meeting.minutesApprovedAt ? (
        <p>{text.form.approvedOn(formatDateTime(meeting.minutesApprovedAt))}</p>
      ) : null}
    </>
  );
}
