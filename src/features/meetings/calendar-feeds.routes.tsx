import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../web/form.ts';
import { renderPage } from '../../web/render.tsx';
import { requireSignIn } from '../auth/guards.tsx';
import {
  calendarFeedOf,
  createCalendarFeed,
  feedPaths,
  groupFeed,
  personalFeed,
  revokeCalendarFeed,
} from './calendar-feeds.service.ts';
import { CalendarFeedPage } from './views/public-calendar-page.tsx';

/** Calendar feeds (issue 10, item 6): a group's, a person's, and where a person manages theirs. */
export const calendarFeedRoutes = new Hono<AppEnv>();

function sendCalendar(c: Context<AppEnv>, body: string, cache: string) {
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Cache-Control', cache);
  return c.body(body);
}

/** A public group's public meetings: the same for everyone, so shared caches may keep it a few minutes. */
calendarFeedRoutes.get('/grupper/:slug/kalender.ics', async (c) =>
  sendCalendar(c, await groupFeed(requestDeps(c), c.req.param('slug')), 'public, max-age=300'),
);

/** A person's feed: secret in its address, so never kept by a shared cache. */
calendarFeedRoutes.get('/kalender/:file{[^/]+\\.ics}', async (c) => {
  const token = c.req.param('file').replace(/\.ics$/, '');
  return sendCalendar(c, await personalFeed(requestDeps(c), token), 'private, no-store');
});

calendarFeedRoutes.get('/konto/kalender', requireSignIn(), async (c) => {
  const feed = await calendarFeedOf(requestDeps(c), c.get('viewer'));
  const revoked = c.req.query('klart') === 'avstangd';
  return renderPage(c, {
    title: c.var.t.meetingPages.calendarTitle,
    children: (
      <CalendarFeedPage
        feed={
          feed
            ? {
                createdAt: formatDateTime(feed.createdAt),
                lastUsedAt: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : null,
              }
            : null
        }
        revoked={revoked}
      />
    ),
  });
});

const feedAction = z.strictObject({ action: z.enum(['create', 'revoke']) });

/** Make (or replace) the feed: the address is shown in this answer only; or revoke it. */
calendarFeedRoutes.post('/konto/kalender', requireSignIn(), async (c) => {
  const input = await parseForm(c, feedAction);
  if (!input.ok) throw new AppError('BAD_REQUEST', 'calendar feed action');
  const deps = requestDeps(c);
  if (input.data.action === 'revoke') {
    await revokeCalendarFeed(deps, c.get('viewer'));
    return c.redirect('/konto/kalender?klart=avstangd', 303);
  }
  const token = await createCalendarFeed(deps, c.get('viewer'));
  const feed = await calendarFeedOf(deps, c.get('viewer'));
  c.header('Cache-Control', 'no-store');
  return renderPage(c, {
    title: c.var.t.meetingPages.calendarTitle,
    children: (
      <CalendarFeedPage
        feed={feed ? { createdAt: formatDateTime(feed.createdAt), lastUsedAt: null } : null}
        created={feedPaths(deps.config.baseUrl, token)}
        revoked={false}
      />
    ),
  });
});
