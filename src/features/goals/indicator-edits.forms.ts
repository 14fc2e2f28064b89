import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { isIsoDate } from '../activities/activities.forms.ts';
import { optionalText, versionField } from '../register/register.forms.ts';

/**
 * The coordinator's forms for an indicator (issue 11): a target for a year, and for a manual indicator a
 * value with its source and the day it was measured. The years offered depend on today, so the schemas
 * are made per request. Numbers are typed the Swedish way ("12,5") or with a point; an empty number
 * removes the year's target or value.
 */

/** The years a target can be set for: four back (to correct the years shown) and five ahead. */
export function targetYears(thisYear: number): number[] {
  return Array.from({ length: 10 }, (_, index) => thisYear - 4 + index);
}

/** The years a value can be entered for: a value is measured, so never a year still to come. */
export function valueYears(thisYear: number): number[] {
  return Array.from({ length: 5 }, (_, index) => thisYear - 4 + index);
}

function yearField(years: number[]) {
  return z
    .string()
    .trim()
    .refine((value) => /^\d{4}$/.test(value) && years.includes(Number(value)), {
      message: messageKey('indicatorEdits.errors.yearInvalid'),
    })
    .transform(Number);
}

/** The largest number the pages need; more is a typing mistake, and keeps `numeric` small. */
const MAX_NUMBER = 1_000_000_000;

/** '' → null; '12,5' or '12.5' → '12.5' (as `numeric` stores it); anything else a message by the field. */
function optionalNumber(percent: boolean) {
  return z
    .string()
    .trim()
    .transform((typed, context) => {
      if (typed === '') return null;
      const text = typed.replace(/\s/g, '').replace(',', '.');
      const fail = (key: MessageKey) => {
        context.addIssue({ code: 'custom', message: key, input: typed });
        return z.NEVER;
      };
      if (/^-\d+(\.\d+)?$/.test(text)) return fail(messageKey('indicatorEdits.errors.negative'));
      if (!/^\d{1,10}(\.\d{1,4})?$/.test(text))
        return fail(messageKey('indicatorEdits.errors.numberInvalid'));
      const value = Number(text);
      if (percent && value > 100) return fail(messageKey('indicatorEdits.errors.percentTooLarge'));
      if (value > MAX_NUMBER) return fail(messageKey('indicatorEdits.errors.tooLarge'));
      return String(value);
    });
}

export function targetForm(thisYear: number, percent: boolean) {
  return z.strictObject({
    year: yearField(targetYears(thisYear)),
    target: optionalNumber(percent),
    version: versionField,
  });
}

export function valueForm(thisYear: number, percent: boolean) {
  return z.strictObject({
    year: yearField(valueYears(thisYear)),
    value: optionalNumber(percent),
    source: optionalText(300),
    measuredOn: z
      .string()
      .trim()
      .refine((value) => value === '' || isIsoDate(value), {
        message: messageKey('indicatorEdits.errors.measuredOnInvalid'),
      })
      .transform((value) => (value === '' ? null : value)),
    version: versionField,
  });
}

export type TargetInput = { year: number; target: string | null };
export type ValueInput = {
  year: number;
  value: string | null;
  source: string | null;
  measuredOn: string | null;
};

/**
 * The rules between a value's fields, on the values as typed so every message shows at once: a value
 * needs its source and the day it was measured (the table's check says the same), and that day is not
 * after today.
 */
export function valueCrossFieldErrors(
  values: Partial<Record<string, string>>,
  today: string,
): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  const measuredOn = values.measuredOn?.trim() ?? '';
  if (isIsoDate(measuredOn) && measuredOn > today)
    errors.measuredOn = messageKey('indicatorEdits.errors.measuredOnFuture');
  if ((values.value ?? '').trim() === '') return errors;
  if ((values.source ?? '').trim() === '') errors.source = messageKey('indicatorEdits.errors.sourceMissing');
  if (measuredOn === '') errors.measuredOn = messageKey('indicatorEdits.errors.measuredOnMissing');
  return errors;
}

/** The order of the forms' fields: for the error summary. */
export const TARGET_FIELDS = ['year', 'target'] as const;
export const VALUE_FIELDS = ['year', 'value', 'source', 'measuredOn'] as const;
