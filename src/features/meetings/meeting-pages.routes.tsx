import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-deps.ts';
import { formatDate, stockholmDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { DemoLabel } from '../../web/components/demo-label.tsx';
import { publicPage } from '../../web/public-page.ts';
import { renderPage } from '../../web/render.tsx';
import { approvedMinutes, publicDecision, publicMeetingPage } from './meeting-pages.service.ts';
import { archiveMinutesHtml } from './views/archive-minutes.tsx';
import { MeetingBody, meetingDate, meetingTime } from './views/public-meeting.tsx';

/** The public side of meetings (issue 10): a meeting's page, a decision's page, the archive copy. */
export const meetingPageRoutes = new Hono<AppEnv>();

/** A meeting's or an item's id in a path; anything else is a 404 that never reaches the database. */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const value = c.req.param(name) ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 2_147_483_647)
    throw new AppError('NOT_FOUND', `${name} ${value}`);
  return Number(value);
}

meetingPageRoutes.get('/moten/:id{[0-9]+}', publicPage({ feedback: true }), async (c) => {
  const page = await publicMeetingPage(c.get('deps').db, idParam(c));
  return renderPage(c, {
    title: `${page.meeting.title} ${meetingDate(page.meeting)}`,
    feedback: true,
    children: <MeetingBody page={page} />,
  });
});

meetingPageRoutes.get('/beslut/:id{[0-9]+}', publicPage({ feedback: true }), async (c) => {
  const t = c.var.t.meetingPages;
  const decision = await publicDecision(c.get('deps').db, idParam(c));
  const { meeting } = decision;
  const groupHref =
    meeting.group.siteRole === 'council' ? '/hogskoleradet' : `/grupper/${meeting.group.slug}`;
  return renderPage(c, {
    title: `${t.decision}: ${decision.title}`,
    feedback: true,
    children: (
      <>
        <p class="meta">
          {t.decisionOf} {meeting.group.name}, {meetingDate(meeting)}
        </p>
        <h1>
          {t.decisionTitle(decision.number, decision.title)} <DemoLabel show={meeting.isDemo} />
        </h1>
        <h2>{t.decision}</h2>
        <p class="pre-line">{decision.decision || '–'}</p>
        {decision.notes ? (
          <>
            <h2>{t.notes}</h2>
            <p class="pre-line">{decision.notes}</p>
          </>
        ) : null}
        <dl class="facts">
          <dt>{t.meeting}</dt>
          <dd>
            <a href={`/moten/${meeting.id}#paragraf-${decision.number}`}>{meeting.title}</a>
          </dd>
          <dt>{t.date}</dt>
          <dd>
            {meetingDate(meeting)}, {meetingTime(meeting)}
          </dd>
          <dt>{t.noticeApprovedOn}</dt>
          <dd>{meeting.minutesApprovedAt ? formatDate(stockholmDate(meeting.minutesApprovedAt)) : '–'}</dd>
        </dl>
        <ul class="plain">
          <li>
            <a href={`/moten/${meeting.id}`}>{t.backToMeeting}</a>
          </li>
          <li>
            <a href={groupHref}>{t.backToGroup(meeting.group.name)}</a>
          </li>
        </ul>
      </>
    ),
  });
});

/**
 * The approved minutes as a file for the archive (decision 014): sent as an attachment, never from the
 * page cache (which keeps HTML pages with their own headers), 404 until approved.
 */
meetingPageRoutes.get('/moten/:id{[0-9]+}/protokoll.html', async (c) => {
  const { db, config } = c.get('deps');
  const page = await approvedMinutes(db, idParam(c));
  const html = await archiveMinutesHtml(c.var.t, page, { baseUrl: config.baseUrl });
  const date = stockholmDate(page.meeting.startsAt);
  c.header('Content-Type', 'text/html; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="protokoll-${page.meeting.id}-${date}.html"`);
  c.header('Cache-Control', 'no-cache');
  return c.body(html);
});
