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
