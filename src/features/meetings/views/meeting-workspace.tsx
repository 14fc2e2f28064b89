import { formatDate, formatDateTime, stockholmDate, stockholmTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import { documentPath } from '../../documents/document-path.ts';
import { actionPath, newActionPath } from '../actions.service.ts';
import type { WorkingPage } from '../meetings.service.ts';
import { FollowUpActions } from './follow-up-actions.tsx';
import { MinutesLinks } from './minutes-links.tsx';

/** When a meeting is: "27 november 2026, 13:00–15:00". */
export function meetingWhen(meeting: { startsAt: Date; endsAt: Date }): string {
  return `${formatDate(stockholmDate(meeting.startsAt))}, ${stockholmTime(meeting.startsAt)}–${stockholmTime(meeting.endsAt)}`;
}

/** A button posting to `action` with no other field (a move, a removal). */
function PostButton(props: { action: string; label: string; name?: string; value?: string; text: string }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      {props.name ? <input type="hidden" name={props.name} value={props.value ?? ''} /> : null}
      <button type="submit" class="link-button" aria-label={props.label}>
        {props.text}
      </button>
    </form>
  );
}

/** The working page of a meeting: details, what is missing before the call, participants, agenda, documents. */
export function MeetingWorkspace(props: { page: WorkingPage; notice?: string | undefined }) {
  const t = useT();
  const text = t.meetings.workspace;
  const { page } = props;
  const { meeting, group } = page.access;
  const base = `/moten/${meeting.id}`;
  const documentsById = new Map(page.documents.map((document) => [document.id, document]));
  return (
    <>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <h1>{t.meetings.workspaceTitle(meeting.title)}</h1>
      <p>
        <a href={`/grupper/${group.slug}/internt`}>{group.name}</a>
      </p>
      {meeting.status === 'cancelled' ? (
        <p class="notice">{text.cancelled(meeting.cancelledReason ?? '')}</p>
      ) : null}
      <h2>{text.details}</h2>
      <dl class="facts">
        <dt>{text.when}</dt>
        <dd>{meetingWhen(meeting)}</dd>
        <dt>{text.place}</dt>
        <dd>{meeting.place || '–'}</dd>
        <dt>{text.video}</dt>
        <dd>{meeting.videoUrl ? <a href={meeting.videoUrl}>{meeting.videoUrl}</a> : '–'}</dd>
        <dt>{text.status}</dt>
        <dd>{t.meetings.statuses[meeting.status]}</dd>
        <dt>{text.secretary}</dt>
        <dd>{page.secretaryName || '–'}</dd>
        <dt>{text.visibility}</dt>
        <dd>
          {meeting.visibility === 'internal'
            ? text.internal(meeting.internalReason ?? '')
            : t.meetings.visibilities.public}
        </dd>
      </dl>
      <p>{meeting.calledAt ? text.called(formatDateTime(meeting.calledAt)) : text.notCalled}</p>
      <ul class="plain edit-links">
        {page.mayEdit ? (
          <>
            <li>
              <a href={`${base}/andra`}>{text.edit}</a>
            </li>
            <li>
              <a href={`${base}/historik`}>{text.history}</a>
            </li>
            <li>
              <a href={`${base}/ta-bort`}>{text.delete}</a>
            </li>
          </>
        ) : null}
        {page.isPublic ? (
          <li>
            <a href={base}>{text.publicPage}</a>
          </li>
        ) : null}
      </ul>
      {page.mayEdit ? (
        <MinutesLinks meeting={meeting} today={page.today} isAdjuster={page.isAdjuster} />
      ) : page.isAdjuster && meeting.minutesStatus === 'ready' ? (
        <p>
          <a href={`${base}/justera`}>{t.minutes.form.toApproval}</a>
        </p>
      ) : null}

      {page.mayEdit && page.mayCall ? (
        <section aria-labelledby="kallelse">
          <h2 id="kallelse">{text.missingHeading}</h2>
          {page.missing.items || page.missing.place ? (
            <ul>
              {page.missing.items ? <li>{text.missingItems}</li> : null}
              {page.missing.place ? <li>{text.missingPlace}</li> : null}
            </ul>
          ) : (
            <p>{text.readyToCall}</p>
          )}
          {page.mayCall ? (
            <form method="post" action={`${base}/kalla`}>
              <p class="hint">{text.callHint}</p>
              <button type="submit">{meeting.calledAt ? text.callAgain : text.call}</button>
            </form>
          ) : (
            <p>{text.cannotCall}</p>
          )}
        </section>
      ) : null}

      <h2>{text.agenda}</h2>
      {page.agenda.length === 0 ? <p>{text.noAgenda}</p> : null}
      <ol class="plain agenda">
        {page.agenda.map((item, index) => (
          <li>
            <h3>
              § {item.position}. {item.title}
            </h3>
            {item.visibility === 'internal' ? (
              <p class="tag">{text.internal(item.internalReason ?? '')}</p>
            ) : null}
            {item.startTime ? <p>{item.startTime.slice(0, 5)}</p> : null}
            {item.presenter ? <p>{text.presenter(item.presenter)}</p> : null}
            {item.proposedDecision ? <p>{text.proposal(item.proposedDecision)}</p> : null}
            {item.decision ? (
              <p class="minutes-text">
                <strong>{t.minutes.form.decision}:</strong> {item.decision}
              </p>
            ) : null}
            {item.standingKind === 'action_follow_up' ? (
              <FollowUpActions
                actions={page.followUp}
                today={page.today}
                publicOnly={false}
                headingLevel="h4"
              />
            ) : null}
            {item.documentIds.length > 0 ? (
              <ul>
                {item.documentIds.flatMap((id) => {
                  const document = documentsById.get(id);
                  return document
                    ? [
                        <li>
                          <a href={documentPath(document)}>{document.title}</a>
                        </li>,
                      ]
                    : [];
                })}
              </ul>
            ) : null}
            {page.mayEdit && item.decision && meeting.minutesStatus !== 'draft' ? (
              <p>
                <a href={newActionPath(item.id)}>{text.newAction(`§ ${item.position} ${item.title}`)}</a>
              </p>
            ) : null}
            {page.mayEdit && meeting.minutesStatus === 'draft' ? (
              <div class="button-row">
                <a href={`/arenden/${item.id}/andra`} aria-label={text.editItem(item.title)}>
                  {t.register.edit}
                </a>
                {index > 0 ? (
                  <PostButton
                    action={`/arenden/${item.id}/flytta`}
                    name="direction"
                    value="upp"
                    label={text.moveUp(item.title)}
                    text="↑"
                  />
                ) : null}
                {index < page.agenda.length - 1 ? (
                  <PostButton
                    action={`/arenden/${item.id}/flytta`}
                    name="direction"
                    value="ned"
                    label={text.moveDown(item.title)}
                    text="↓"
                  />
                ) : null}
                <PostButton
                  action={`/arenden/${item.id}/ta-bort`}
                  label={text.removeItem(item.title)}
                  text={t.register.delete}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {page.mayEdit && meeting.minutesStatus === 'draft' ? (
        <p>
          <a href={`${base}/arenden/nytt`}>{text.addItem}</a>
        </p>
      ) : null}

      {page.actions.length > 0 || meeting.minutesStatus !== 'draft' ? (
        <section aria-labelledby="uppdrag">
          <h2 id="uppdrag">{text.actions}</h2>
          {page.actions.length === 0 ? (
            <p>{text.noActions}</p>
          ) : (
            <ul>
              {page.actions.map((action) => (
                <li>
                  <a href={actionPath(action.id)}>{action.title}</a> (
                  {t.minutes.actions.statuses[action.status]}
                  {action.dueOn ? `, ${t.minutes.actions.due.toLowerCase()} ${formatDate(action.dueOn)}` : ''}
                  )
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <h2>{text.participants}</h2>
      {page.participants.length === 0 ? (
        <p>{text.noParticipants}</p>
      ) : (
        <ul>
          {page.participants.map((participant) => (
            <li>
              {participant.name || participant.email || '–'}
              {participant.organisationName ? `, ${participant.organisationName}` : ''} (
              {participant.kind === 'guest' ? text.guest : text.member}
              {participant.attendance ? `, ${text.attendance[participant.attendance]}` : ''})
              {page.mayEdit && participant.kind === 'guest' ? (
                <PostButton
                  action={`${base}/gaster/${participant.id}/ta-bort`}
                  label={text.removeGuest(participant.name)}
                  text={t.register.delete}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.mayEdit ? (
        <p>
          <a href={`${base}/gaster`}>{text.addGuest}</a>
        </p>
      ) : null}

      <h2>{text.documents}</h2>
      {page.documents.length === 0 ? (
        <p>{text.noDocuments}</p>
      ) : (
        <ul>
          {page.documents.map((document) => (
            <li>
              <a href={documentPath(document)}>{document.title}</a>
              {document.visibility === 'internal' ? ` (${text.internal(document.internalReason ?? '')})` : ''}
              {page.mayEdit ? (
                <>
                  {' '}
                  <a href={`/dokument/${document.id}/andra`}>{t.register.edit}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.mayEdit ? (
        <p>
          <a href={`${base}/dokument/ny`}>{text.addDocument}</a>
        </p>
      ) : null}
    </>
  );
}

/** The group's meetings on its internal page: coming and past, each to its working page. */
export function GroupMeetings(props: {
  upcoming: { id: number; title: string; startsAt: Date; status: 'planned' | 'held' | 'cancelled' }[];
  past: { id: number; title: string; startsAt: Date; status: 'planned' | 'held' | 'cancelled' }[];
  addHref: string | null;
}) {
  const t = useT();
  const text = t.meetings.groupSection;
  const list = (rows: typeof props.upcoming) =>
    rows.length === 0 ? (
      <p>{text.none}</p>
    ) : (
      <ul>
        {rows.map((row) => (
          <li>
            <a href={`/moten/${row.id}/arbetsyta`}>{row.title}</a>, {formatDateTime(row.startsAt)} (
            {t.meetings.statuses[row.status]})
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <h2>{text.heading}</h2>
      {props.addHref ? (
        <p>
          <a href={props.addHref}>{text.add}</a>
        </p>
      ) : null}
      <h3>{text.upcoming}</h3>
      {list(props.upcoming)}
      <h3>{text.past}</h3>
      {list(props.past)}
    </>
  );
}
