import type { ActionStatus } from './meetings.table.ts';

/** The follow-up rules of an action (uppdrag): struken needs a short note saying why. */
export function needsNote(status: ActionStatus): boolean {
  return status === 'struck';
}

/** Whether an action is still open (not klar, not struken). */
export function isOpen(status: ActionStatus): boolean {
  return status !== 'done' && status !== 'struck';
}

/** Whole days from `dueOn` to `today` (ISO dates, Stockholm): how late an overdue action is. */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
}
