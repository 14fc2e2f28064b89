import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { isIdText, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { parseTerm, termWindow } from './placement-terms.ts';
import { placementKinds } from './placements.table.ts';

/** 'YYYY-MM-DD', a real calendar day from 1900 to 2199 (no 30 February, no year 0). */
export function isIsoDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function optionalDate() {
  return z
    .string()
    .trim()
    .max(40, messageKey('placementOffers.dateInvalid'))
    .refine((value) => value === '' || isIsoDate(value), messageKey('placementOffers.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

/** A whole number as typed (digits only), within bounds. */
function count(min: number, max: number, message: MessageKey, empty?: number) {
  return z
    .string()
    .trim()
    .refine(
      (value) =>
        (empty !== undefined && value === '') ||
        (/^[0-9]{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max),
      message,
    )
    .transform((value) => (value === '' ? (empty ?? 0) : Number(value)));
}

export const termField = z
  .string()
  .max(20, messageKey('placementOffers.termInvalid'))
  .refine((value) => parseTerm(value) !== undefined, messageKey('placementOffers.termInvalid'))
  .transform((value) => parseTerm(value) as string);

/** The fields of an offer as its form sends them (also what a history snapshot holds, as values). */
const offerFields = {
  organisationId: z.string().refine(isIdText, messageKey('placementOffers.unitMissing')).transform(Number),
  term: termField,
  kind: z.enum(placementKinds, { error: messageKey('placementOffers.kindMissing') }),
  programme: requiredText(200),
  studyLevel: optionalText(100),
  places: count(1, 10_000, 'placementOffers.placesInvalid'),
  supervisors: count(0, 10_000, 'placementOffers.supervisorsInvalid', 0),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  address: optionalText(300),
  area: optionalText(100),
  prerequisites: optionalText(2000),
  description: optionalText(2000),
};

export const newOfferForm = z.strictObject(offerFields);
export const offerForm = z.strictObject({ ...offerFields, version: versionField });

export type OfferInput = z.output<typeof newOfferForm>;

/** The order of the form's fields: the error summary, and the history's order of changes. */
export const OFFER_FIELDS = [
  'organisationId',
  'term',
  'kind',
  'programme',
  'studyLevel',
  'places',
  'supervisors',
  'startsOn',
  'endsOn',
  'address',
  'area',
  'prerequisites',
  'description',
] as const;

/**
 * The rules between fields, on the values as typed, so that their messages come with every other one:
 * the end not before the start, and both dates within reason for the term (placement-terms.ts).
 */
export function offerCrossFieldErrors(
  values: Partial<Record<string, string>>,
): Record<string, { key: MessageKey; params?: Record<string, unknown> }> {
  const errors: Record<string, { key: MessageKey; params?: Record<string, unknown> }> = {};
  const startsOn = values.startsOn?.trim() ?? '';
  const endsOn = values.endsOn?.trim() ?? '';
  const term = parseTerm(values.term ?? '');
  if (term) {
    const window = termWindow(term);
    for (const [field, value] of [
      ['startsOn', startsOn],
      ['endsOn', endsOn],
    ] as const) {
      if (isIsoDate(value) && (value < window.from || value > window.to))
        errors[field] = { key: messageKey('placementOffers.outsideTerm'), params: window };
    }
  }
  if (!errors.endsOn && isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn)
    errors.endsOn = { key: messageKey('placementOffers.endBeforeStart') };
  return errors;
}

/** Copy a term's offers: one unit (or '' for all the viewer's units), from one term to a later one. */
export const copyForm = z.strictObject({
  organisationId: z
    .string()
    .refine((value) => value === '' || isIdText(value), messageKey('placementOffers.unitMissing'))
    .transform((value) => (value === '' ? null : Number(value))),
  from: termField,
  to: termField,
});

export type CopyInput = z.output<typeof copyForm>;

export const COPY_FIELDS = ['organisationId', 'from', 'to'] as const;
