import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { stockholmInstant } from '../../lib/dates.ts';
import { messagesFor } from '../../web/i18n/messages.ts';
import { type CalendarMeeting, calendarFeed, meetingInvitation } from './icalendar.ts';

const t = messagesFor('sv');
const site = { baseUrl: 'https://samverkan.example.se' };
const now = new Date('2026-03-01T08:00:00Z');

function at(date: string, time: string): Date {
  const instant = stockholmInstant(date, time);
  if (!instant) throw new Error(`no such time ${date} ${time}`);
  return instant;
}

function meeting(overrides: Partial<CalendarMeeting>): CalendarMeeting {
  return {
    id: 7,
    title: 'Högskolerådet',
    startsAt: at('2026-03-26', '09:00'),
    endsAt: at('2026-03-26', '11:30'),
    place: 'Huddinge kommunhus, sal Stortorp',
    videoUrl: 'https://video.example.se/rum/42',
    status: 'planned',
    cancelledReason: null,
    sequence: 0,
    agenda: ['Mötets öppnande', 'Val av justerare'],
    updatedAt: now,
    ...overrides,
  };
}

/**
 * Parses with ical.js (Mozilla's parser, independent of ical-generator that wrote it) and registers the
 * calendar's own VTIMEZONE, as a calendar client importing the file does.
 */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events };
}

describe('meetings as iCalendar', () => {
  it('imports with the right local times on both sides of the change to summer time', () => {
    // Sweden goes to summer time on 29 March 2026: 09:00 is 08:00 UTC before and 07:00 UTC after.
    const winter = meeting({ id: 1 });
    const summer = meeting({ id: 2, startsAt: at('2026-04-02', '09:00'), endsAt: at('2026-04-02', '10:00') });
    const { events } = parse(
      calendarFeed(t, site, { name: 'Högskolerådet', meetings: [winter, summer], now }),
    );
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first?.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(first?.startDate.toString()).toBe('2026-03-26T09:00:00');
    expect(first?.startDate.toJSDate().toISOString()).toBe('2026-03-26T08:00:00.000Z');
    expect(first?.endDate.toJSDate().toISOString()).toBe('2026-03-26T10:30:00.000Z');
    expect(second?.startDate.toString()).toBe('2026-04-02T09:00:00');
    expect(second?.startDate.toJSDate().toISOString()).toBe('2026-04-02T07:00:00.000Z');
  });

  it('carries the meeting’s address as URL and in the description, with place, video link and agenda', () => {
    const { events, calendar } = parse(
      calendarFeed(t, site, { name: 'Högskolerådet', meetings: [meeting({})], now }),
    );
    const event = events[0];
    expect(event?.uid).toBe('moten-7@samverkan.example.se');
    expect(event?.component.getFirstPropertyValue('url')).toBe('https://samverkan.example.se/moten/7');
    expect(event?.description).toContain('https://samverkan.example.se/moten/7');
    expect(event?.description).toContain('https://video.example.se/rum/42');
    expect(event?.description).toContain('2. Val av justerare');
    expect(event?.location).toBe('Huddinge kommunhus, sal Stortorp');
    // DTSTAMP is UTC (RFC 5545 3.8.7.2), whatever zone the events are in.
    expect(event?.component.getFirstProperty('dtstamp')?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('sends a cancellation as an update of the same event: same UID, higher SEQUENCE, CANCELLED', () => {
    const invitee = { name: 'Anna Andersson', email: 'anna@example.se' };
    const organiser = { name: 'Samverkan med akademierna', email: 'noreply@example.se' };
    const call = parse(meetingInvitation(t, site, { meeting: meeting({}), organiser, invitee, now }));
    const cancel = parse(
      meetingInvitation(t, site, {
        meeting: meeting({ status: 'cancelled', sequence: 1, cancelledReason: 'För få anmälda' }),
        organiser,
        invitee,
        now,
      }),
    );
    expect(call.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.events[0]?.uid).toBe(call.events[0]?.uid);
    expect(call.events[0]?.sequence).toBe(0);
    expect(cancel.events[0]?.sequence).toBe(1);
    expect(cancel.events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(call.events[0]?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(cancel.events[0]?.description).toContain('För få anmälda');
    expect(String(call.events[0]?.organizer).toLowerCase()).toBe('mailto:noreply@example.se');
    expect(
      call.events[0]?.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    ).toEqual(['mailto:anna@example.se']);
  });

  it('refuses a wall-clock time that the change to summer time skips', () => {
    expect(stockholmInstant('2026-03-29', '02:30')).toBeNull();
    expect(stockholmInstant('2026-03-29', '03:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholmInstant('2026-02-30', '09:00')).toBeNull();
    expect(stockholmInstant('2026-03-26', '25:00')).toBeNull();
  });
});
