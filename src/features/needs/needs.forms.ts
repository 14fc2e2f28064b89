import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { isIsoDate } from '../activities/activities.forms.ts';
import { isIdText, optionalText, requiredText } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import { type BriefKind, briefKinds } from './needs.table.ts';

/**
 * The brief form (issue 9, item 5) and the alert form. A field is never sent twice, so each focus area,
 * goal and institution is a checkbox of its own (`omrade-<id>`, `mal-<id>`, `larosate-<id>`), the schema
 * made per request from the ids that exist (as the activity form does).
 */

export const focusAreaField = (id: number) => `omrade-${id}`;
export const goalField = (id: number) => `mal-${id}`;
export const institutionField = (id: number) => `larosate-${id}`;

/** Each kind's name in addresses (`?typ=`), Swedish and without å/ä/ö. */
export const kindSlugs: Record<BriefKind, string> = {
  research_question: 'forskningsfraga',
  thesis: 'examensarbete',
  course_project: 'kursprojekt',
  ulf_question: 'ulf-fraga',
  guest_lecture: 'gastforelasning',
  staff_development: 'kompetensutveckling',
};
export const kindBySlug = new Map(briefKinds.map((kind) => [kindSlugs[kind], kind]));

/** A kind as `?typ=` names it. */
export const kindQuery = z
  .enum(briefKinds.map((kind) => kindSlugs[kind]) as [string, ...string[]])
  .transform((slug) => kindBySlug.get(slug) as BriefKind)
  .optional();

/** A record's address in a filter (`?omrade=`, `?mal=`, `?larosate=`): checked, looked up by the page. */
export const slugQuery = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional();

export const pageQuery = z.coerce.number().int().min(1).max(10_000).default(1);

/** A ticked checkbox sends 'ja'; an unticked one nothing (checked as ''). */
const ticked = z.enum(['', 'ja']).transform((value) => value === 'ja');

function optionalDate() {
  return z
    .string()
    .trim()
    .max(40, messageKey('needs.edit.dateInvalid'))
    .refine((value) => value === '' || isIsoDate(value), messageKey('needs.edit.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

const emailAddress = z.email();

/** A text that must say something: at least `min` characters (a word or two is not a question). */
function describedText(max: number, min: number, short: MessageKey) {
  return requiredText(max).refine((value) => value.length >= min, messageKey(short));
}

export type BriefCheckboxIds = { focusAreaIds: number[]; goalIds: number[]; institutionIds: number[] };

function briefFields(ids: BriefCheckboxIds) {
  return {
    kind: z.enum(briefKinds, { error: messageKey('register.choiceMissing') }),
    title: requiredText(200),
    organisationId: z
      .string()
      .refine(isIdText, messageKey('needs.edit.organisationMissing'))
      .transform(Number),
    background: optionalText(5000),
    question: describedText(3000, 20, 'needs.edit.questionShort'),
    intendedUse: describedText(3000, 20, 'needs.edit.intendedUseShort'),
    beneficiaries: optionalText(2000),
    offering: optionalText(2000),
    contactName: optionalText(200),
    contactEmail: z
      .string()
      .trim()
      .max(254, messageKey('needs.edit.emailInvalid'))
      .refine(
        (value) => value === '' || emailAddress.safeParse(value).success,
        messageKey('needs.edit.emailInvalid'),
      )
      .transform((value) => (value === '' ? null : value)),
    deadline: optionalDate(),
    ...Object.fromEntries(ids.focusAreaIds.map((id) => [focusAreaField(id), ticked])),
    ...Object.fromEntries(ids.goalIds.map((id) => [goalField(id), ticked])),
    ...Object.fromEntries(ids.institutionIds.map((id) => [institutionField(id), ticked])),
    visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
    internalReason: optionalText(200),
    published: ticked,
    closed: ticked,
  };
}

export function newBriefForm(ids: BriefCheckboxIds) {
  return z.strictObject(briefFields(ids));
}

export function briefForm(ids: BriefCheckboxIds) {
  return z.strictObject({ ...briefFields(ids), version: z.coerce.number().int().min(1).max(2_147_483_647) });
}

/** What the service takes: the form's fields as values. */
export type BriefInput = {
  kind: BriefKind;
  title: string;
  organisationId: number;
  background: string;
  question: string;
  intendedUse: string;
  beneficiaries: string;
  offering: string;
  contactName: string;
  contactEmail: string | null;
  deadline: string | null;
  focusAreaIds: number[];
  goalIds: number[];
  institutionIds: number[];
  visibility: (typeof visibilities)[number];
  internalReason: string | null;
  published: boolean;
  closed: boolean;
};

export function briefInputFrom(data: Record<string, unknown>, ids: BriefCheckboxIds): BriefInput {
  return {
    kind: data.kind as BriefKind,
    title: data.title as string,
    organisationId: data.organisationId as number,
    background: (data.background as string | null) ?? '',
    question: data.question as string,
    intendedUse: data.intendedUse as string,
    beneficiaries: (data.beneficiaries as string | null) ?? '',
    offering: (data.offering as string | null) ?? '',
    contactName: (data.contactName as string | null) ?? '',
    contactEmail: data.contactEmail as string | null,
    deadline: data.deadline as string | null,
    focusAreaIds: ids.focusAreaIds.filter((id) => data[focusAreaField(id)] === true),
    goalIds: ids.goalIds.filter((id) => data[goalField(id)] === true),
    institutionIds: ids.institutionIds.filter((id) => data[institutionField(id)] === true),
    visibility: data.visibility as BriefInput['visibility'],
    internalReason: data.internalReason as string | null,
    published: data.published === true,
    closed: data.closed === true,
  };
}

/** The rules between fields, on the values as typed: a reason when internal. */
export function briefCrossFieldErrors(values: Partial<Record<string, string>>): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  if (values.visibility === 'internal' && (values.internalReason ?? '').trim() === '')
    errors.internalReason = messageKey('needs.edit.reasonMissing');
  return errors;
}

/** The order of the form's fields: for the error summary. */
export const BRIEF_FIELDS = [
  'kind',
  'title',
  'organisationId',
  'background',
  'question',
  'intendedUse',
  'beneficiaries',
  'offering',
  'contactName',
  'contactEmail',
  'deadline',
  'focusAreas',
  'goals',
  'institutions',
  'visibility',
  'internalReason',
  'published',
  'closed',
] as const;

/** The alert form: an address, and optionally a kind and a focus area (by id; '' is all). */
export const alertForm = z.strictObject({
  email: z
    .string()
    .trim()
    .min(1, messageKey('needs.alerts.emailMissing'))
    .max(254, messageKey('needs.alerts.emailInvalid'))
    .refine((value) => emailAddress.safeParse(value).success, messageKey('needs.alerts.emailInvalid')),
  kind: z
    .string()
    .refine((value) => value === '' || (briefKinds as readonly string[]).includes(value), {
      message: messageKey('needs.alerts.choiceMissing'),
    })
    .transform((value) => (value === '' ? null : (value as BriefKind))),
  focusAreaId: z
    .string()
    .refine((value) => value === '' || isIdText(value), messageKey('needs.alerts.choiceMissing'))
    .transform((value) => (value === '' ? null : Number(value))),
});

/** A token from a mailed link: what our tokens look like (base64url), else no token of ours. */
export const tokenText = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
