import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import { focusAreaField, goalField } from '../activities/activities.forms.ts';
import { optionalId, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';

/**
 * An agenda item's form (issue 10). As the activity form: each focus area, goal and document is a
 * checkbox of its own (`omrade-<id>`, `mal-<id>`, `dokument-<id>`), so the schema is made per request from
 * the ids that exist.
 */

export const documentField = (id: number) => `dokument-${id}`;

const ticked = z.enum(['', 'ja']).transform((value) => value === 'ja');

export type AgendaCheckboxIds = { focusAreaIds: number[]; goalIds: number[]; documentIds: number[] };

function itemFields(ids: AgendaCheckboxIds) {
  return {
    title: requiredText(300),
    presenter: optionalText(200),
    startTime: z
      .string()
      .trim()
      .refine(
        (value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
        messageKey('meetings.errors.timeInvalid'),
      )
      .transform((value) => (value === '' ? null : value)),
    proposedDecision: optionalText(5000),
    agreementId: optionalId(),
    ...Object.fromEntries(ids.focusAreaIds.map((id) => [focusAreaField(id), ticked])),
    ...Object.fromEntries(ids.goalIds.map((id) => [goalField(id), ticked])),
    ...Object.fromEntries(ids.documentIds.map((id) => [documentField(id), ticked])),
    visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
    internalReason: optionalText(300),
  };
}

function reasonWhenInternal(data: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (
    data.visibility === 'internal' &&
    (data.internalReason === null || String(data.internalReason ?? '').trim() === '')
  )
    ctx.addIssue({
      code: 'custom',
      path: ['internalReason'],
      message: messageKey('meetings.errors.reasonMissing'),
    });
}

export function newItemForm(ids: AgendaCheckboxIds) {
  return z.strictObject(itemFields(ids)).superRefine(reasonWhenInternal);
}

export function itemForm(ids: AgendaCheckboxIds) {
  return z.strictObject({ ...itemFields(ids), version: versionField }).superRefine(reasonWhenInternal);
}

export type ItemInput = {
  title: string;
  presenter: string;
  startTime: string | null;
  proposedDecision: string;
  agreementId: number | null;
  focusAreaIds: number[];
  goalIds: number[];
  documentIds: number[];
  visibility: 'public' | 'internal';
  internalReason: string | null;
};

export function itemInputFrom(data: Record<string, unknown>, ids: AgendaCheckboxIds): ItemInput {
  return {
    title: data.title as string,
    presenter: (data.presenter as string | null) ?? '',
    startTime: data.startTime as string | null,
    proposedDecision: (data.proposedDecision as string | null) ?? '',
    agreementId: data.agreementId as number | null,
    focusAreaIds: ids.focusAreaIds.filter((id) => data[focusAreaField(id)] === true),
    goalIds: ids.goalIds.filter((id) => data[goalField(id)] === true),
    documentIds: ids.documentIds.filter((id) => data[documentField(id)] === true),
    visibility: data.visibility as ItemInput['visibility'],
    internalReason: data.visibility === 'internal' ? (data.internalReason as string | null) : null,
  };
}

export const ITEM_FIELDS = [
  'title',
  'presenter',
  'startTime',
  'proposedDecision',
  'agreementId',
  'visibility',
  'internalReason',
] as const;

export const moveForm = z.strictObject({ direction: z.enum(['upp', 'ned']) });
