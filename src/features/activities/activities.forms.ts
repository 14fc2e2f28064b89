import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { optionalId, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import { activityKinds } from './activities.table.ts';

/**
 * The activity form (issue 8). A form field is never sent twice (web/form-body.ts), so the organisations
 * are numbered selects (`organisation1` … `organisation8`: the same one chosen twice is a message by the
 * field, not a lost value) and each focus area and goal is a checkbox of its own (`omrade-<id>`,
 * `mal-<id>`): the schema is made per request from the ids that exist.
 */

/** How many organisations one activity can be linked to from the form. */
export const ORGANISATION_SLOTS = 8;
export const organisationSlot = (slot: number) => `organisation${slot}`;
export const focusAreaField = (id: number) => `omrade-${id}`;
export const goalField = (id: number) => `mal-${id}`;
const slots = Array.from({ length: ORGANISATION_SLOTS }, (_, index) => index + 1);

/** 'YYYY-MM-DD', a real calendar day between 1900 and 2199 (what a date input sends). */
export function isIsoDate(value: string | undefined): value is string {
  if (value === undefined || !/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function optionalDate() {
  return z
    .string()
    .trim()
    .refine((value) => value === '' || isIsoDate(value), messageKey('activityEdits.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

/** A ticked checkbox sends 'ja'; an unticked one nothing (checked as ''). */
const ticked = z.enum(['', 'ja']).transform((value) => value === 'ja');

/** The ids the form's checkboxes may name: every focus area (deleted ones too) and every goal. */
export type CheckboxIds = { focusAreaIds: number[]; goalIds: number[] };

function activityFields(ids: CheckboxIds) {
  return {
    kind: z.enum(activityKinds, { error: messageKey('register.choiceMissing') }),
    title: requiredText(200),
    startsOn: optionalDate(),
    endsOn: optionalDate(),
    ...Object.fromEntries(
      slots.map((slot) => [
        organisationSlot(slot),
        slot === 1
          ? optionalId().refine((id) => id !== null, messageKey('activityEdits.organisationMissing'))
          : optionalId(),
      ]),
    ),
    agreementId: optionalId(),
    ...Object.fromEntries(ids.focusAreaIds.map((id) => [focusAreaField(id), ticked])),
    ...Object.fromEntries(ids.goalIds.map((id) => [goalField(id), ticked])),
    description: optionalText(5000),
    outcomes: optionalText(5000),
    outcomesUsedOn: optionalDate(),
    visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
    internalReason: optionalText(200),
  };
}

export function newActivityForm(ids: CheckboxIds) {
  return z.strictObject(activityFields(ids));
}

export function activityForm(ids: CheckboxIds) {
  return z.strictObject({ ...activityFields(ids), version: versionField });
}

/** What the service takes: the form's fields as values (links as ids, in the order chosen). */
export type ActivityInput = {
  kind: (typeof activityKinds)[number];
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  organisationIds: number[];
  agreementId: number | null;
  focusAreaIds: number[];
  goalIds: number[];
  description: string;
  outcomes: string;
  outcomesUsedOn: string | null;
  visibility: (typeof visibilities)[number];
  internalReason: string | null;
};

/** The checked form as the service's input. */
export function activityInputFrom(data: Record<string, unknown>, ids: CheckboxIds): ActivityInput {
  const organisationIds = slots
    .map((slot) => data[organisationSlot(slot)])
    .filter((id): id is number => typeof id === 'number');
  return {
    kind: data.kind as ActivityInput['kind'],
    title: data.title as string,
    startsOn: data.startsOn as string | null,
    endsOn: data.endsOn as string | null,
    organisationIds,
    agreementId: data.agreementId as number | null,
    focusAreaIds: ids.focusAreaIds.filter((id) => data[focusAreaField(id)] === true),
    goalIds: ids.goalIds.filter((id) => data[goalField(id)] === true),
    description: (data.description as string | null) ?? '',
    outcomes: (data.outcomes as string | null) ?? '',
    outcomesUsedOn: (data.outcomesUsedOn as string | null) ?? null,
    visibility: data.visibility as ActivityInput['visibility'],
    internalReason: data.internalReason as string | null,
  };
}

/**
 * The rules between fields, on the values as typed, so that they are shown together with every other
 * message at once: the end not before the start, no organisation chosen twice, a reason when internal.
 */
export function crossFieldErrors(values: Partial<Record<string, string>>): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  const startsOn = values.startsOn?.trim();
  const endsOn = values.endsOn?.trim();
  if (isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn)
    errors.endsOn = messageKey('activityEdits.endBeforeStart');
  const chosen = new Set<string>();
  for (const slot of slots) {
    const value = values[organisationSlot(slot)] ?? '';
    if (value === '') continue;
    if (chosen.has(value)) errors[organisationSlot(slot)] = messageKey('activityEdits.organisationTwice');
    chosen.add(value);
  }
  if (values.visibility === 'internal' && (values.internalReason ?? '').trim() === '')
    errors.internalReason = messageKey('activityEdits.reasonMissing');
  return errors;
}

/** The order of the form's fields: for the error summary. */
export const ACTIVITY_FIELDS = [
  'kind',
  'title',
  'startsOn',
  'endsOn',
  ...slots.map(organisationSlot),
  'agreementId',
  'description',
  'outcomes',
  'outcomesUsedOn',
  'visibility',
  'internalReason',
] as const;

/** The fields as the history, the saved version and the history page name them, in the form's order. */
export const DESCRIBED_FIELDS = [
  'kind',
  'title',
  'startsOn',
  'endsOn',
  'organisations',
  'agreement',
  'focusAreas',
  'goals',
  'description',
  'outcomes',
  'outcomesUsedOn',
  'visibility',
  'internalReason',
] as const;
