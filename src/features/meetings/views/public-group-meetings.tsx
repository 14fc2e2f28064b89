import { formatDate } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { PublicMeeting } from '../meeting-pages.queries.ts';
import type { GroupMeetingsOverview } from '../meeting-pages.service.ts';
import { meetingDate, meetingTime } from './public-meeting.tsx';

function MeetingLine({ meeting }: { meeting: PublicMeeting }) {
  const t = useT().meetingPages;
  return (
    <>
      <a href={`/moten/${meeting.id}`}>
        {meetingDate(meeting)}: {meeting.title}
      </a>{' '}
      <span class="meta">
        {meetingTime(meeting)}
        {meeting.place ? `, ${meeting.place}` : null}
      </span>
      {meeting.status === 'cancelled' ? <strong> ({t.statuses.cancelled})</strong> : null}{' '}
      <DemoLabel show={meeting.isDemo} />
    </>
  );
}

/**
 * A group's meetings on its public page and on /hogskoleradet: coming meetings with the calendar feed,
 * the minutes and decisions of past ones, and the open actions. Plainly says when there are none.
 */
export function GroupMeetings({
  overview,
  groupSlug,
}: {
  overview: GroupMeetingsOverview;
  groupSlug: string;
}) {
  const t = useT().meetingPages;
  const { coming, past, decisions, actions, today } = overview;
  return (
    <>
      <h2 id="kommande-moten">{t.comingMeetings}</h2>
      {coming.length > 0 ? (
        <ul class="meeting-list">
          {coming.map((meeting) => (
            <li>
              <MeetingLine meeting={meeting} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{coming.length + past.length === 0 ? t.noMeetings : t.noComingMeetings}</p>
      )}
      <p>
        <a href={`/grupper/${groupSlug}/kalender.ics`} type="text/calendar">
          {t.groupFeed}
        </a>
      </p>
      <h2 id="protokoll-och-beslut">{t.minutesAndDecisions}</h2>
      {past.length > 0 ? (
        <ul class="meeting-list">
          {past.map((meeting) => {
            const own = decisions.filter((decision) => decision.meetingId === meeting.id);
            return (
              <li>
                <MeetingLine meeting={meeting} />
                {meeting.minutesStatus === 'approved' ? null : meeting.status === 'held' ? (
                  <span class="meta"> – {t.minutesNotApproved}</span>
                ) : null}
                {own.length > 0 ? (
                  <ul>
                    {own.map((decision) => (
                      <li>
                        {t.decision}: <a href={`/beslut/${decision.id}`}>{decision.title}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t.noMinutes}</p>
      )}
      <h2 id="uppdrag">{t.openActions}</h2>
      {actions.length > 0 ? (
        <div class="table-scroll table-stack">
          <table>
            <caption>{t.actionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.actionOwner}</th>
                <th scope="col">{t.actionStatus}</th>
                <th scope="col">{t.actionDue}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr>
                  <td data-label={t.action}>
                    <a href={`/moten/${action.meetingId}`}>{action.title}</a>{' '}
                    <DemoLabel show={action.isDemo} />
                  </td>
                  <td data-label={t.actionOwner}>{action.organisationName ?? '–'}</td>
                  <td data-label={t.actionStatus}>
                    {t.actionStatuses[action.status]}
                    {action.statusNote ? `: ${action.statusNote}` : null}
                  </td>
                  <td data-label={t.actionDue}>
                    {action.dueOn ? formatDate(action.dueOn) : '–'}
                    {action.dueOn && action.dueOn < today ? <strong> ({t.overdue})</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.noOpenActions}</p>
      )}
    </>
  );
}
