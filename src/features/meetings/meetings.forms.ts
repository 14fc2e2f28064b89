import { z } from 'zod';
import { stockholmInstant } from '../../lib/dates.ts';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { isIsoDate } from '../activities/activities.forms.ts';
import { optionalId, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import { meetingStatuses } from './meetings.table.ts';

/**
 * The meeting forms (issue 10): a new meeting, a change of one, a guest. Dates and times are typed in
 * Stockholm time; the rules between fields (end after start, a time the clocks skip, a place or a link)
 * are checked on the values as typed, so every message shows at once next to its field.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const dateField = z
  .string()
  .trim()
  .refine((value) => isIsoDate(value), messageKey('meetings.errors.dateInvalid'));
const timeField = z
  .string()
  .trim()
  .refine((value) => TIME.test(value), messageKey('meetings.errors.timeInvalid'));

/** An https address or nothing. */
const videoUrlField = z
  .string()
  .trim()
  .max(500, messageKey('register.tooLong'))
  .refine(
    (value) => value === '' || (/^https:\/\/[^\s]+$/i.test(value) && URL.canParse(value)),
    messageKey('meetings.errors.videoUrlInvalid'),
  )
  .transform((value) => (value === '' ? null : value));

const meetingFields = {
  title: requiredText(200),
  date: dateField,
  startTime: timeField,
  endTime: timeField,
  place: optionalText(300),
  videoUrl: videoUrlField,
  secretaryPersonId: optionalId(),
  visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
  internalReason: optionalText(300),
};

type Values = Partial<Record<string, unknown>>;
const blank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

function issue(ctx: z.RefinementCtx, field: string, key: MessageKey) {
  ctx.addIssue({ code: 'custom', path: [field], message: messageKey(key) });
}

/** The meeting's instants from the typed date and times, or the message by the field that is wrong. */
function checkTimes(data: Values, ctx: z.RefinementCtx) {
  const date = String(data.date ?? '');
  const startTime = String(data.startTime ?? '');
  const endTime = String(data.endTime ?? '');
  if (!isIsoDate(date)) return;
  const start = TIME.test(startTime) ? stockholmInstant(date, startTime) : undefined;
  const end = TIME.test(endTime) ? stockholmInstant(date, endTime) : undefined;
  if (start === null) issue(ctx, 'startTime', 'meetings.errors.timeSkipped');
  if (end === null) issue(ctx, 'endTime', 'meetings.errors.timeSkipped');
  if (start && end && end.getTime() <= start.getTime())
    issue(ctx, 'endTime', 'meetings.errors.endBeforeStart');
}

function meetingRules(data: Values, ctx: z.RefinementCtx) {
  checkTimes(data, ctx);
  if (blank(data.place) && blank(data.videoUrl)) issue(ctx, 'place', 'meetings.errors.placeOrVideo');
  if (data.visibility === 'internal' && blank(data.internalReason))
    issue(ctx, 'internalReason', 'meetings.errors.reasonMissing');
  if (data.status === 'cancelled' && blank(data.cancelledReason))
    issue(ctx, 'cancelledReason', 'meetings.errors.cancelledReasonMissing');
}

export const newMeetingForm = z.strictObject(meetingFields).superRefine(meetingRules);

export const meetingForm = z
  .strictObject({
    ...meetingFields,
    status: z.enum(meetingStatuses, { error: messageKey('register.choiceMissing') }),
    cancelledReason: optionalText(300),
    version: versionField,
  })
  .superRefine(meetingRules);

export type NewMeetingInput = z.output<typeof newMeetingForm>;
export type MeetingInput = z.output<typeof meetingForm>;

export const MEETING_FIELDS = [
  'title',
  'date',
  'startTime',
  'endTime',
  'place',
  'videoUrl',
  'secretaryPersonId',
  'status',
  'cancelledReason',
  'visibility',
  'internalReason',
] as const;

/** Start and end as instants (the form's rules have passed, so both exist). */
export function instantsOf(input: { date: string; startTime: string; endTime: string }) {
  const startsAt = stockholmInstant(input.date, input.startTime);
  const endsAt = stockholmInstant(input.date, input.endTime);
  if (!startsAt || !endsAt) throw new Error('meeting times passed the form but name no instant');
  return { startsAt, endsAt };
}

export const guestForm = z.strictObject({
  name: requiredText(200),
  organisationName: optionalText(200),
  email: z
    .string()
    .trim()
    .max(254, messageKey('register.tooLong'))
    .refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), messageKey('meetings.errors.emailInvalid')),
});
export type GuestInput = z.output<typeof guestForm>;

export const versionOnly = z.strictObject({ version: versionField });
