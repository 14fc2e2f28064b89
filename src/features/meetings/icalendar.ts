import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../lib/dates.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import type { MeetingStatus } from './meetings.table.ts';

/**
 * Meetings as iCalendar (RFC 5545; issue 10, item 6), written with ical-generator and checked in tests by
 * parsing them back with ical.js. One event per meeting, whatever feed or mail it is in: the same UID, and
 * a SEQUENCE that goes up when the time, place or status changes, so a calendar updates the event it has
 * (and shows a cancelled one as cancelled) instead of adding another.
 */

export type CalendarMeeting = {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  status: MeetingStatus;
  cancelledReason: string | null;
  /** meetings.calendar_sequence */
  sequence: number;
  /** The titles of the agenda items the reader may see, in order. */
  agenda: string[];
  /** When the meeting last changed (LAST-MODIFIED). */
  updatedAt: Date;
};

/** The site's address without a trailing slash, e.g. https://samverkan.huddinge.se. */
type Site = { baseUrl: string };

export function meetingUrl(site: Site, meetingId: number): string {
  return `${site.baseUrl}/moten/${meetingId}`;
}

/** The event's UID: the meeting's id at the site's host, the same in every feed and mail, for ever. */
export function meetingUid(site: Site, meetingId: number): string {
  return `moten-${meetingId}@${new URL(site.baseUrl).hostname}`;
}

/**
 * A calendar whose VTIMEZONE components are written for the zones its events use. The calendar itself
 * names no zone: with one, ical-generator writes DTSTAMP in local time without a Z, which RFC 5545
 * (3.8.7.2) does not allow.
 */
function newCalendar(name: string, description: string, method: ICalCalendarMethod | null) {
  const calendar = ical({
    name,
    description,
    prodId: { company: 'Huddinge kommun', product: 'Samverkan med akademierna', language: 'SV' },
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  if (method) calendar.method(method);
  return calendar;
}

function description(t: Messages, site: Site, meeting: CalendarMeeting): string {
  const words = t.meetingCalendar;
  const lines = [`${words.meetingPage}: ${meetingUrl(site, meeting.id)}`];
  if (meeting.status === 'cancelled')
    lines.unshift(
      `${words.cancelledReason}${meeting.cancelledReason ? `: ${meeting.cancelledReason}` : '.'}`,
    );
  if (meeting.place) lines.push(`${words.place}: ${meeting.place}`);
  if (meeting.videoUrl) lines.push(`${words.videoLink}: ${meeting.videoUrl}`);
  if (meeting.agenda.length > 0)
    lines.push('', `${words.agenda}:`, ...meeting.agenda.map((title, index) => `${index + 1}. ${title}`));
  return lines.join('\n');
}

function addEvent(
  calendar: ReturnType<typeof newCalendar>,
  t: Messages,
  site: Site,
  meeting: CalendarMeeting,
  now: Date,
) {
  const cancelled = meeting.status === 'cancelled';
  const event = calendar.createEvent({
    id: meetingUid(site, meeting.id),
    sequence: meeting.sequence,
    stamp: DateTime.fromJSDate(now, { zone: 'UTC' }),
    lastModified: DateTime.fromJSDate(meeting.updatedAt, { zone: 'UTC' }),
    // Luxon dates in Stockholm: ical-generator then writes DTSTART;TZID=Europe/Stockholm with the wall-clock
    // time (a plain Date would be written as UTC's wall clock under the Stockholm TZID: an hour or two off).
    start: DateTime.fromJSDate(meeting.startsAt, { zone: TIME_ZONE }),
    end: DateTime.fromJSDate(meeting.endsAt, { zone: TIME_ZONE }),
    timezone: TIME_ZONE,
    summary: cancelled ? `${t.meetingCalendar.cancelled}: ${meeting.title}` : meeting.title,
    description: description(t, site, meeting),
    location: meeting.place || meeting.videoUrl || null,
    url: meetingUrl(site, meeting.id),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return event;
}

/** A feed (METHOD:PUBLISH implied): a group's meetings, or a person's. */
export function calendarFeed(
  t: Messages,
  site: Site,
  feed: { name: string; meetings: CalendarMeeting[]; now: Date },
): string {
  const calendar = newCalendar(feed.name, t.meetingCalendar.feedDescription, null);
  for (const meeting of feed.meetings) addEvent(calendar, t, site, meeting, feed.now);
  return calendar.toString();
}

export type Invitee = { name: string; email: string };

/**
 * The .ics of a call (kallelse) or of its change (METHOD:REQUEST, RFC 5546), or of a cancellation
 * (METHOD:CANCEL): one event, organised by the site's sender, with the invitee as attendee so that mail
 * clients offer to add it.
 */
export function meetingInvitation(
  t: Messages,
  site: Site,
  invitation: { meeting: CalendarMeeting; organiser: Invitee; invitee: Invitee; now: Date },
): string {
  const cancelled = invitation.meeting.status === 'cancelled';
  const calendar = newCalendar(
    invitation.meeting.title,
    t.meetingCalendar.feedDescription,
    cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  );
  const event = addEvent(calendar, t, site, invitation.meeting, invitation.now);
  event.organizer({ name: invitation.organiser.name, email: invitation.organiser.email });
  event.createAttendee({
    // CN is a quoted parameter, which cannot hold a double quote (RFC 5545 3.1; ical-generator writes \",
    // which parsers cut the name at): a guest typed as Anna "Nisse" Svensson is named with single quotes.
    name: (invitation.invitee.name || invitation.invitee.email).replaceAll('"', "'"),
    email: invitation.invitee.email,
    role: ICalAttendeeRole.REQ,
    rsvp: false,
  });
  return calendar.toString();
}
