import { z } from 'zod';
import { hasControlCharacter } from '../../lib/text.ts';
import { messageKey } from '../../web/i18n/message-key.ts';
import { isIdText, versionField } from '../register/register.forms.ts';
import { attendances } from './meetings.table.ts';

/**
 * The minutes form (issue 10, item 3). Its fields depend on the meeting: per item `notes-<id>` and
 * `decision-<id>`, per participant `attendance-<id>`, per possible adjuster a checkbox `adjuster-<personId>`;
 * then `keptAt`, the hidden `version`, and the button pressed (`action`: utkast or justering).
 */

/** Line breaks and tabs are kept; NUL and every other control character is refused (PostgreSQL stores no NUL). */
const noControlCharacters = (value: string) => !hasControlCharacter(value.replace(/[\r\n\t]/g, ''));

const longText = (max: number, tooLong: Parameters<typeof messageKey>[0]) =>
  z
    .string()
    .max(max, messageKey(tooLong))
    .refine(noControlCharacters, messageKey('register.controlCharacters'))
    .transform((value) => value.replace(/\r\n/g, '\n').trim());

export const MINUTES_ACTIONS = ['utkast', 'justering'] as const;

export function minutesForm(shape: {
  itemIds: number[];
  participantIds: number[];
  adjusterChoices: number[];
}) {
  const fields: Record<string, z.ZodType> = {
    keptAt: longText(300, 'minutes.form.keptAtTooLong'),
    version: versionField,
    action: z.enum(MINUTES_ACTIONS),
  };
  for (const id of shape.itemIds) {
    fields[`notes-${id}`] = longText(20_000, 'minutes.form.notesTooLong');
    fields[`decision-${id}`] = longText(4_000, 'minutes.form.decisionTooLong');
  }
  for (const id of shape.participantIds)
    fields[`attendance-${id}`] = z
      .string()
      .refine(
        (value) => value === '' || (attendances as readonly string[]).includes(value),
        messageKey('minutes.form.attendanceMissing'),
      );
  // A checkbox not ticked is not sent; parseForm fills it in as ''.
  for (const id of shape.adjusterChoices)
    fields[`adjuster-${id}`] = z.enum(['', 'ja'], {
      error: messageKey('minutes.form.adjusterNotParticipant'),
    });
  return z.strictObject(fields);
}

/** The approval page's send-back form. */
export const sendBackForm = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, messageKey('minutes.approval.reasonMissing'))
    .max(1000, messageKey('minutes.approval.reasonTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
});

/** A correction of approved minutes: the item, its new notes and decision, the reason, the version. */
export const correctionForm = z.strictObject({
  itemId: z.string().refine(isIdText, messageKey('minutes.correction.itemMissing')).transform(Number),
  notes: longText(20_000, 'minutes.form.notesTooLong'),
  decision: longText(4_000, 'minutes.form.decisionTooLong'),
  reason: z
    .string()
    .trim()
    .min(1, messageKey('minutes.correction.reasonMissing'))
    .max(1000, messageKey('minutes.correction.reasonTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
  version: versionField,
});

export type CorrectionInput = z.output<typeof correctionForm>;
