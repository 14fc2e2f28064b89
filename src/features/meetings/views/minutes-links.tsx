import { useT } from '../../../web/i18n/context.ts';
import { approvalPath, correctionPath, minutesPath } from '../minutes.service.ts';
import { MinutesState } from './minutes-parts.tsx';

/**
 * The minutes' section of a meeting's working page (for whoever may edit it): their state (overdue after
 * the deadline, never approved by itself) and the way on — write them, see them with the approval link,
 * or correct approved ones. `isAdjuster`: the viewer is one of the adjusters (link to the approval).
 */
export function MinutesLinks(props: {
  meeting: {
    id: number;
    status: 'planned' | 'held' | 'cancelled';
    minutesStatus: 'draft' | 'ready' | 'approved';
    adjustmentDueOn: string | null;
    minutesApprovedAt: Date | null;
  };
  today: string;
  isAdjuster?: boolean;
}) {
  const text = useT().minutes.form;
  const { meeting } = props;
  if (meeting.status === 'cancelled') return null;
  return (
    <section>
      <h2>{text.heading}</h2>
      <MinutesState meeting={meeting} today={props.today} />
      <ul>
        <li>
          <a href={minutesPath(meeting.id)}>{meeting.minutesStatus === 'draft' ? text.write : text.show}</a>
        </li>
        {meeting.minutesStatus === 'ready' && props.isAdjuster ? (
          <li>
            <a href={approvalPath(meeting.id)}>{text.toApproval}</a>
          </li>
        ) : null}
        {meeting.minutesStatus === 'approved' ? (
          <li>
            <a href={correctionPath(meeting.id)}>{text.toCorrection}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
