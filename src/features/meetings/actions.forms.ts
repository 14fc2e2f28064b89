import { z } from 'zod';
import { hasControlCharacter } from '../../lib/text.ts';
import { messageKey } from '../../web/i18n/message-key.ts';
import { isIsoDate } from '../activities/activities.forms.ts';
import { isIdText, versionField } from '../register/register.forms.ts';
import { actionStatuses } from './meetings.table.ts';

/** The forms of actions (uppdrag) from decisions (issue 10, item 4). */

/** Line breaks and tabs are kept; NUL and every other control character is refused (PostgreSQL stores no NUL). */
const noControlCharacters = (value: string) => !hasControlCharacter(value.replace(/[\r\n\t]/g, ''));

const optionalChoice = (missing: Parameters<typeof messageKey>[0]) =>
  z
    .string()
    .refine((value) => value === '' || isIdText(value), messageKey(missing))
    .transform((value) => (value === '' ? null : Number(value)));

export const newActionForm = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, messageKey('minutes.actions.titleMissing'))
    .max(200, messageKey('minutes.actions.titleTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
  description: z
    .string()
    .trim()
    .max(4000, messageKey('minutes.actions.descriptionTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
  ownerPersonId: optionalChoice('minutes.actions.ownerPersonNotMember'),
  ownerOrganisationId: optionalChoice('minutes.actions.ownerOrganisationMissing'),
  dueOn: z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), messageKey('minutes.actions.dueOnInvalid'))
    .transform((value) => (value === '' ? null : value)),
  visibility: z.enum(['public', 'internal'], { error: messageKey('minutes.actions.visibilityMissing') }),
  internalReason: z
    .string()
    .trim()
    .max(300, messageKey('minutes.actions.internalReasonTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
});

export type NewActionInput = z.output<typeof newActionForm>;

export const NEW_ACTION_FIELDS = [
  'title',
  'description',
  'ownerPersonId',
  'ownerOrganisationId',
  'dueOn',
  'visibility',
  'internalReason',
] as const;

export const actionStatusForm = z.strictObject({
  status: z.enum(actionStatuses, { error: messageKey('minutes.actions.statusMissing') }),
  note: z
    .string()
    .trim()
    .max(1000, messageKey('minutes.actions.noteTooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters')),
  version: versionField,
});

export type ActionStatusInput = z.output<typeof actionStatusForm>;

/** The overdue list's filter (`?grupp=`): a group's id, or nothing for all. */
export const overdueFilter = z.strictObject({
  grupp: z
    .string()
    .refine((value) => value === '' || isIdText(value), messageKey('minutes.actions.groupInvalid'))
    .transform((value) => (value === '' ? null : Number(value))),
});
