import { formatDate, stockholmDate, stockholmTime } from '../../../lib/dates.ts';
import { DemoLabel } from '../../../web/components/demo-label.tsx';
import { useT } from '../../../web/i18n/context.ts';
import type { ItemLinks, PublicMeeting } from '../meeting-pages.queries.ts';
import type { NumberedItem, PublicMeetingPage, PublicMinutes } from '../meeting-pages.service.ts';

/** '09:00' → '09.00', as Swedish writes the time of day. */
const clock = (time: string) => time.slice(0, 5).replace(':', '.');

/** The meeting's date in Stockholm, e.g. '26 mars 2026'. */
export function meetingDate(meeting: Pick<PublicMeeting, 'startsAt'>): string {
  return formatDate(stockholmDate(meeting.startsAt));
}

/** 'kl. 09.00–11.30' in Stockholm. */
export function meetingTime(meeting: Pick<PublicMeeting, 'startsAt' | 'endsAt'>): string {
  return `kl. ${clock(stockholmTime(meeting.startsAt))}–${clock(stockholmTime(meeting.endsAt))}`;
}

/** Links are made absolute for the archive copy (it is read away from the site). */
type Base = { base: string };

function MeetingFacts({ meeting, base }: { meeting: PublicMeeting } & Base) {
  const t = useT().meetingPages;
  return (
    <dl class="facts">
      <dt>{t.group}</dt>
      <dd>
        <a
          href={`${base}${meeting.group.siteRole === 'council' ? '/hogskoleradet' : `/grupper/${meeting.group.slug}`}`}
        >
          {meeting.group.name}
        </a>
      </dd>
      <dt>{t.date}</dt>
      <dd>{meetingDate(meeting)}</dd>
      <dt>{t.time}</dt>
      <dd>{meetingTime(meeting)}</dd>
      {meeting.place ? (
        <>
          <dt>{t.place}</dt>
          <dd>{meeting.place}</dd>
        </>
      ) : null}
      {meeting.videoUrl && meeting.status !== 'cancelled' ? (
        <>
          <dt>{t.videoLink}</dt>
          <dd>
            <a href={meeting.videoUrl} rel="external">
              {t.joinVideo}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t.status}</dt>
      <dd>{t.statuses[meeting.status]}</dd>
    </dl>
  );
}

function ItemLinksList({ item, links, base }: { item: NumberedItem; links: ItemLinks } & Base) {
  const t = useT().meetingPages;
  const areas = links.areas.filter((link) => link.itemId === item.id);
  const itemGoals = links.goals.filter((link) => link.itemId === item.id);
  const docs = links.documents.filter((link) => link.itemId === item.id);
  if (!item.agreement && areas.length === 0 && itemGoals.length === 0 && docs.length === 0) return null;
  return (
    <dl class="facts">
      {item.agreement ? (
        <>
          <dt>{t.agreement}</dt>
          <dd>
            <a href={`${base}/avtal/${item.agreement.slug}`}>{item.agreement.title}</a>
          </dd>
        </>
      ) : null}
      {areas.length > 0 ? (
        <>
          <dt>{t.focusAreas}</dt>
          <dd>{areas.map((area) => area.name).join(', ')}</dd>
        </>
      ) : null}
      {itemGoals.length > 0 ? (
        <>
          <dt>{t.goals}</dt>
          <dd>
            <ul class="plain">
              {itemGoals.map((goal) => (
                <li>
                  <a href={`${base}/mal#mal-${goal.slug}`}>{goal.shortTitle}</a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {docs.length > 0 ? (
        <>
          <dt>{t.documents}</dt>
          <dd>
            <ul class="plain">
              {docs.map((doc) => (
                <li>
                  <a href={`${base}/dokument/${doc.id}/${encodeURIComponent(doc.fileName)}`}>{doc.title}</a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** One item: the agenda part always, the minutes' part (notes, decision) only with approved minutes. */
function Item({
  item,
  links,
  approved,
  base,
}: { item: NumberedItem; links: ItemLinks; approved: boolean } & Base) {
  const t = useT().meetingPages;
  return (
    <li class="agenda-item" id={`paragraf-${item.number}`}>
      <h3>
        § {item.number} {item.title}
      </h3>
      {item.presenter || item.startTime ? (
        <p class="meta">
          {item.startTime ? `${t.itemTime} ${clock(item.startTime)}` : null}
          {item.startTime && item.presenter ? ' · ' : null}
          {item.presenter ? `${t.presenter}: ${item.presenter}` : null}
        </p>
      ) : null}
      {item.proposedDecision && !(approved && item.decision) ? (
        <p>
          <strong>{t.proposedDecision}:</strong> {item.proposedDecision}
        </p>
      ) : null}
      <ItemLinksList item={item} links={links} base={base} />
      {approved && item.notes ? (
        <div class="item-notes">
          <h4>{t.notes}</h4>
          <p class="pre-line">{item.notes}</p>
        </div>
      ) : null}
      {approved && item.decision ? (
        <div class="item-decision">
          <h4>{t.decision}</h4>
          <p class="pre-line">{item.decision}</p>
          <p class="no-print">
            <a href={`${base}/beslut/${item.id}`}>{t.decisionPage}</a>
          </p>
        </div>
      ) : null}
    </li>
  );
}

function Attendance({ minutes }: { minutes: PublicMinutes }) {
  const t = useT().meetingPages;
  if (minutes.attendance.length === 0) return null;
  return (
    <>
      <h2 id="narvaro">{t.attendance}</h2>
      <div class="table-scroll table-stack">
        <table>
          <caption>{t.attendanceCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.organisation}</th>
              <th scope="col">{t.attendance}</th>
            </tr>
          </thead>
          <tbody>
            {minutes.attendance.map((row) => (
              <tr>
                <td data-label={t.name}>
                  {row.name}
                  {row.kind === 'guest' ? ` (${t.guest})` : null}
                </td>
                <td data-label={t.organisation}>{row.organisationName}</td>
                <td data-label={t.attendance}>
                  {row.attendance ? t.attendances[row.attendance] : t.notRecorded}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Corrections({ minutes }: { minutes: PublicMinutes }) {
  const t = useT().meetingPages;
  if (minutes.corrections.length === 0) return null;
  return (
    <>
      <h2 id="rattelser">{t.corrections}</h2>
      <ol class="corrections">
        {minutes.corrections.map((correction) => (
          <li>
            <p>
              <strong>
                {formatDate(stockholmDate(correction.at))}, {t.correctionOf(correction.itemNumber)}
              </strong>
              . {t.correctionReason}: {correction.reason}
            </p>
            <dl class="facts">
              {Object.entries(correction.changes).map(([field, [before, after]]) => (
                <>
                  <dt>{t.correctionFields[field] ?? field}</dt>
                  <dd>
                    {t.correctionBefore}: <span class="pre-line">{shown(before)}</span>
                    <br />
                    {t.correctionAfter}: <span class="pre-line">{shown(after)}</span>
                  </dd>
                </>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The notice of approved minutes, as a municipality posts it (anslag om justerat protokoll). */
export function ApprovalNotice({ meeting, minutes }: { meeting: PublicMeeting; minutes: PublicMinutes }) {
  const t = useT().meetingPages;
  return (
    <section class="approval-notice" aria-labelledby="anslag">
      <h2 id="anslag">{t.notice}</h2>
      <dl class="facts">
        <dt>{t.noticeOrgan}</dt>
        <dd>{meeting.group.name}</dd>
        <dt>{t.noticeMeetingDate}</dt>
        <dd>{meetingDate(meeting)}</dd>
        <dt>{t.noticeApprovedOn}</dt>
        <dd>{formatDate(stockholmDate(minutes.approvedAt))}</dd>
        <dt>{t.noticeKeptAt}</dt>
        <dd>{meeting.minutesKeptAt || t.noticeNotGiven}</dd>
        <dt>{t.noticeAdjusters}</dt>
        <dd>
          {minutes.adjusters.length > 0
            ? minutes.adjusters
                .map((adjuster) =>
                  adjuster.approvedAt
                    ? `${adjuster.name} (${t.approvedOn(formatDate(stockholmDate(adjuster.approvedAt)))})`
                    : adjuster.name,
                )
                .join(', ')
            : t.noticeNotGiven}
        </dd>
      </dl>
    </section>
  );
}

/** The meeting and, when approved, its minutes: the page's body and the archive copy's. */
export function MeetingBody({
  page,
  base = '',
  archive = false,
}: {
  page: PublicMeetingPage;
  base?: string;
  archive?: boolean;
}) {
  const t = useT().meetingPages;
  const { meeting, items, links, minutes } = page;
  return (
    <>
      <h1>
        {minutes ? `${t.minutes}: ` : null}
        {meeting.title} <DemoLabel show={meeting.isDemo} />
      </h1>
      {meeting.status === 'cancelled' ? (
        <p class="notice notice-cancelled" role="status">
          <strong>
            {meeting.cancelledReason ? t.cancelledReason(meeting.cancelledReason) : t.cancelled}
          </strong>
        </p>
      ) : null}
      <MeetingFacts meeting={meeting} base={base} />
      {!minutes && meeting.status === 'held' ? <p class="notice">{t.minutesNotApproved}</p> : null}
      {minutes ? <Attendance minutes={minutes} /> : null}
      <h2 id="dagordning">{minutes ? t.minutes : t.agenda}</h2>
      {items.length > 0 ? (
        <ol class="agenda">
          {items.map((item) => (
            <Item item={item} links={links} approved={minutes !== null} base={base} />
          ))}
        </ol>
      ) : (
        <p>{t.noItems}</p>
      )}
      {minutes ? (
        <>
          <ApprovalNotice meeting={meeting} minutes={minutes} />
          <Corrections minutes={minutes} />
          {archive ? null : (
            <p class="no-print">
              <a href={`/moten/${meeting.id}/protokoll.html`} download>
                {t.archiveCopy}
              </a>
            </p>
          )}
        </>
      ) : null}
    </>
  );
}
