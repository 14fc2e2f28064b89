import type { TestDatabase } from '../tests/database.ts';
import type { CrawlTarget } from './routes.ts';

/**
 * The public side of meetings (issue 10; src/features/meetings/meeting-pages.*, calendar-feeds.*): a
 * meeting with approved minutes (the demo data's), its decision page, a coming
 * meeting, a cancelled one, one whose minutes are not approved yet, and the 404s of an internal meeting
 * and an internal item's decision; signed in, the calendar page without a feed, with a new one (the form
 * makes it: the one state that saves), and after revoking. The calendar feeds are not HTML and the archive
 * file is an attachment: meeting-pages.routes.test.ts parses the feeds and checks the file with vnu.
 */
export async function meetingPageTargets(
  database: TestDatabase,
  people: { member: string },
): Promise<CrawlTarget[]> {
  const { pool } = database;
  const one = async (query: string, values: unknown[] = []) => {
    const id = (await pool.query<{ id: number }>(query, values)).rows[0]?.id;
    if (id === undefined) throw new Error(`no row for ${query}`);
    return id;
  };
  const council = await one(`select id from groups where site_role = 'council'`);
  const approved = await one(
    `select id from meetings where is_demo and minutes_status = 'approved' order by starts_at limit 1`,
  );
  const coming = await one(`select id from meetings where is_demo and status = 'planned' limit 1`);
  const decision = await one(
    `select id from agenda_items where meeting_id = $1 and visibility = 'public' and decision <> ''
      order by position desc limit 1`,
    [approved],
  );
  const insertMeeting = (values: string, extra: unknown[]) =>
    one(
      `insert into meetings (group_id, title, starts_at, ends_at, place, status, cancelled_reason, minutes_status,
                             visibility, internal_reason)
       values ${values} returning id`,
      [council, ...extra],
    );
  const cancelled = await insertMeeting(
    `($1, 'Högskolerådets extra möte', '2026-12-10 08:00Z', '2026-12-10 10:00Z', 'Huddinge kommunhus',
      'cancelled', $2, 'draft', 'public', null)`,
    ['För få kunde delta; frågorna tas upp i mars.'],
  );
  const notApproved = await insertMeeting(
    `($1, 'Högskolerådets möte i november', '2026-11-19 12:00Z', '2026-11-19 14:00Z', 'Huddinge kommunhus',
      'held', null, 'ready', 'public', $2)`,
    [null],
  );
  await pool.query(
    `insert into agenda_items (meeting_id, position, title, notes, decision)
     values ($1, 1, 'Lägesrapport om praktikplatser', 'Ej justerat.', 'Ej justerat beslut.')`,
    [notApproved],
  );
  const internal = await insertMeeting(
    `($1, 'Internt möte', '2026-12-17 08:00Z', '2026-12-17 10:00Z', '', 'planned', null, 'draft', 'internal', $2)`,
    ['Sekretess'],
  );
  const internalItem = await one(
    `select id from agenda_items where is_demo and visibility = 'internal' limit 1`,
  );
  return [
    { name: 'meeting with approved minutes', url: `/moten/${approved}`, status: 200 },
    { name: 'decision page', url: `/beslut/${decision}`, status: 200 },
    { name: 'coming meeting with its agenda', url: `/moten/${coming}`, status: 200 },
    { name: 'cancelled meeting', url: `/moten/${cancelled}`, status: 200 },
    { name: 'meeting with minutes not yet approved', url: `/moten/${notApproved}`, status: 200 },
    { name: 'internal meeting, signed out', url: `/moten/${internal}`, status: 404 },
    { name: 'decision of an internal item', url: `/beslut/${internalItem}`, status: 404 },
    { name: 'calendar page, no feed', url: '/konto/kalender', status: 200, cookie: people.member },
    {
      name: 'calendar page, a new feed shown once',
      url: '/konto/kalender',
      status: 200,
      cookie: people.member,
      form: { action: '/konto/kalender', fields: { action: 'create' } },
    },
    {
      name: 'calendar page, feed revoked',
      url: '/konto/kalender?klart=avstangd',
      status: 200,
      cookie: people.member,
    },
  ];
}

/** Routes of the public meeting side the crawl does not open as pages, with why. */
export const MEETING_PAGE_ROUTE_EXCLUSIONS: Record<string, string> = {
  'GET /grupper/:slug/kalender.ics':
    'an iCalendar feed, not a page; meeting-pages.routes.test.ts parses it with ical.js',
  'GET /moten/:id{[0-9]+}/protokoll.html':
    'an attachment (the archive file), not a page of the site; meeting-pages.routes.test.ts checks it with vnu',
  'GET /kalender/:file{[^/]+\\.ics}':
    'a personal iCalendar feed, not a page; meeting-pages.routes.test.ts parses it with ical.js',
};
