import { DateTime } from 'luxon';

/** All dates are shown the Swedish way and all times in Europe/Stockholm, whatever the server's zone. */
export const TIME_ZONE = 'Europe/Stockholm';

const longDate = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
const isoDay = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
});

/** '2023-08-23' → '23 augusti 2023'. Calendar dates carry no time zone, so they are formatted as UTC. */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant → '27 november 2026 17:05' in Stockholm time. */
export function formatDateTime(instant: Date): string {
  return dateTime.format(instant);
}

/** The calendar date in Stockholm for an instant, as 'YYYY-MM-DD' (sv-SE formats dates the ISO way). */
export function stockholmDate(instant: Date): string {
  return isoDay.format(instant);
}

/** Whole days from `from` to `to`, both 'YYYY-MM-DD'. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

/**
 * A date and a wall-clock time in Stockholm ('2026-03-29', '09:30') → the instant, or null when they do not
 * name one: a malformed value, or a time skipped when the clocks go forward (02:00–02:59 on the last Sunday
 * of March). An hour that occurs twice (the last Sunday of October) is taken the first time.
 */
export function stockholmInstant(isoDate: string, time: string): Date | null {
  const local = DateTime.fromISO(`${isoDate}T${time}`, { zone: TIME_ZONE });
  if (!local.isValid) return null;
  // Luxon moves a skipped time forward; a time that is not on the clock that day is refused instead.
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${isoDate} ${time.slice(0, 5)}`) return null;
  return local.toJSDate();
}

/** The wall-clock time in Stockholm for an instant, as 'HH:MM'. */
export function stockholmTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE }).toFormat('HH:mm');
}

/** 'YYYY-MM-DD' plus whole days, calendar-wise. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
