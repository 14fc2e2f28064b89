import { z } from 'zod';
import { hasControlCharacter } from '../../lib/text.ts';
import { messageKey } from '../../web/i18n/message-key.ts';

/** Line breaks and tabs are kept in long texts; every other control character is refused next to the field. */
const noControlCharacters = (value: string) => !hasControlCharacter(value.replace(/[\r\n\t]/g, ''));

/** A text that must be given: trimmed, at most `max` characters, no control characters. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1, messageKey('register.required'))
    .max(max, messageKey('register.tooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters'));
}

/** A text that may be left empty: '' is stored as null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, messageKey('register.tooLong'))
    .refine(noControlCharacters, messageKey('register.controlCharacters'))
    .transform((value) => (value === '' ? null : value));
}

/** A web address, or nothing: only http and https, so a link can never run script. */
export function optionalUrl() {
  return z
    .string()
    .trim()
    .max(500, messageKey('register.tooLong'))
    .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), messageKey('register.urlInvalid'))
    .refine((value) => value === '' || URL.canParse(value), messageKey('register.urlInvalid'))
    .transform((value) => (value === '' ? null : value));
}

/** The largest id a PostgreSQL `integer` holds: a larger one typed into a form is no record of ours. */
export const MAX_ID = 2_147_483_647;

/** An id as a form sends it: digits, 1 … MAX_ID. */
export function isIdText(value: string): boolean {
  return /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= MAX_ID;
}

/** A record chosen in a select, by id; '' is none. */
export function optionalId() {
  return z
    .string()
    .refine((value) => value === '' || isIdText(value), messageKey('register.choiceMissing'))
    .transform((value) => (value === '' ? null : Number(value)));
}

/** The version the form was opened on (hidden field), for optimistic locking. */
export const versionField = z.coerce.number().int().min(1).max(MAX_ID);
