import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import { optionalId, optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import { groupKinds, groupSiteRoles, memberRoles } from './groups.table.ts';

/** Empty, or a value the rule passed on as null. */
const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

/** The fields of a group every editor's form has. */
const groupFields = {
  kind: z.enum(groupKinds, { error: messageKey('register.choiceMissing') }),
  name: requiredText(200),
  description: optionalText(2000),
  agreementId: optionalId(),
  organisationId: optionalId(),
  visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
  internalReason: optionalText(300),
};

/** Only the coordinator's form has it: which page of its own the site shows the group on ('' none). */
const siteRoleField = {
  siteRole: z
    .enum(['', ...groupSiteRoles], { error: messageKey('register.choiceMissing') })
    .transform((value) => (value === '' ? null : value)),
};

/** An internal group needs its reason, next to the reason's field. */
function reasonWhenInternal(data: { visibility?: unknown; internalReason?: unknown }, ctx: z.RefinementCtx) {
  if (data.visibility === 'internal' && isBlank(data.internalReason))
    ctx.addIssue({
      code: 'custom',
      path: ['internalReason'],
      message: messageKey('groupEdits.internalReasonMissing'),
    });
}

/** The coordinator's forms, for a group that exists (with the version it was opened on) and a new one. */
export const coordinatorGroupForm = z
  .strictObject({ ...groupFields, ...siteRoleField, version: versionField })
  .superRefine(reasonWhenInternal);
export const newCoordinatorGroupForm = z
  .strictObject({ ...groupFields, ...siteRoleField })
  .superRefine(reasonWhenInternal);

/** An editor's forms: the same without the site role. */
export const editorGroupForm = z
  .strictObject({ ...groupFields, version: versionField })
  .superRefine(reasonWhenInternal);
export const newEditorGroupForm = z.strictObject(groupFields).superRefine(reasonWhenInternal);

/** A group's fields as a form sends them, after the rules (the site role only from the coordinator). */
export type GroupInput = z.output<typeof newEditorGroupForm> & {
  siteRole?: z.output<typeof newCoordinatorGroupForm>['siteRole'];
};

/** The order of the group form's fields: for the error summary. */
export const GROUP_FIELDS = [
  'kind',
  'name',
  'description',
  'agreementId',
  'organisationId',
  'visibility',
  'internalReason',
  'siteRole',
] as const;

/** A calendar date as a date input sends it ('YYYY-MM-DD'), or nothing; 2026-02-30 is no date. */
function optionalDate() {
  return z
    .string()
    .trim()
    .refine((value) => value === '' || isCalendarDate(value), messageKey('groupEdits.members.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

/** A real calendar day between 1900 and 2199 (PostgreSQL knows no year 0; no seat is older). */
export function isCalendarDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Where in the list a seat goes; empty: last. */
const optionalPosition = z
  .string()
  .trim()
  .regex(/^(|[0-9]{1,4})$/, messageKey('groupEdits.members.positionInvalid'))
  .transform((value) => (value === '' ? null : Number(value)));

const seatFields = {
  personName: optionalText(200),
  seatDescription: optionalText(300),
  role: z.enum(memberRoles, { error: messageKey('register.choiceMissing') }),
  organisationId: optionalId(),
  fromOn: optionalDate(),
  toOn: optionalDate(),
  position: optionalPosition,
};

/**
 * A seat needs a named person or an office (or both), next to the name; its end is not before its start,
 * next to the end. These run even when another field is wrong, so every message shows at once.
 */
function seatRules(
  data: { personName?: unknown; seatDescription?: unknown; fromOn?: unknown; toOn?: unknown },
  ctx: z.RefinementCtx,
) {
  if (isBlank(data.personName) && isBlank(data.seatDescription))
    ctx.addIssue({
      code: 'custom',
      path: ['personName'],
      message: messageKey('groupEdits.members.personOrSeatMissing'),
    });
  const from = typeof data.fromOn === 'string' ? data.fromOn.trim() : '';
  const to = typeof data.toOn === 'string' ? data.toOn.trim() : '';
  if (isCalendarDate(from) && isCalendarDate(to) && to < from)
    ctx.addIssue({ code: 'custom', path: ['toOn'], message: messageKey('groupEdits.members.toBeforeFrom') });
}

/** A seat's form: its fields and the version of the group it was opened on (the seats are the group's). */
export const seatForm = z.strictObject({ ...seatFields, version: versionField }).superRefine(seatRules);

export type SeatInput = Omit<z.output<typeof seatForm>, 'version'>;

export const SEAT_FIELDS = [
  'personName',
  'seatDescription',
  'role',
  'organisationId',
  'fromOn',
  'toOn',
  'position',
] as const;
