import { z } from 'zod';
import { type MessageKey, messageKey } from '../../web/i18n/message-key.ts';
import { isIsoDate } from '../activities/activities.forms.ts';
import { isIdText, optionalText, requiredText } from '../register/register.forms.ts';
import { briefResponseStatuses } from './needs.table.ts';

/** "Annat lärosäte" in the institution select: the responder names it in `otherInstitution`. */
export const OTHER_INSTITUTION = 'annat';

/** The roles a researcher, teacher or student answers as (staff sign up to competence development). */
export const ANSWER_ROLES = ['researcher', 'teacher', 'student'] as const;

function optionalDate() {
  return z
    .string()
    .trim()
    .max(40, messageKey('briefResponses.dateInvalid'))
    .refine((value) => value === '' || isIsoDate(value), messageKey('briefResponses.dateInvalid'))
    .transform((value) => (value === '' ? null : value));
}

function requiredId(missing: MessageKey) {
  return z.string().refine(isIdText, messageKey(missing)).transform(Number);
}

const emailAddress = z.email();
const email = z
  .string()
  .trim()
  .min(1, messageKey('briefResponses.emailInvalid'))
  .max(254, messageKey('briefResponses.emailInvalid'))
  .refine((value) => emailAddress.safeParse(value).success, messageKey('briefResponses.emailInvalid'));

/**
 * An answer to a brief: who (name, e-mail, as researcher/teacher/student), where (an institution from
 * the register or another one typed, a programme or department), how (required) and when (words and/or
 * dates).
 */
export const answerForm = z.strictObject({
  name: requiredText(100),
  email,
  role: z.enum(ANSWER_ROLES, { error: messageKey('briefResponses.roleMissing') }),
  institutionId: z
    .string()
    .refine(
      (value) => value === OTHER_INSTITUTION || isIdText(value),
      messageKey('briefResponses.institutionMissing'),
    ),
  otherInstitution: optionalText(200),
  programme: optionalText(200),
  approach: z.string().trim().min(1, messageKey('briefResponses.approachMissing')).pipe(requiredText(4000)),
  timing: optionalText(200),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
});

export type AnswerInput = z.output<typeof answerForm>;

/** A staff member signing up to competence development: who, and the municipal organisation they work in. */
export const signUpForm = z.strictObject({
  name: requiredText(100),
  email,
  organisationId: requiredId('briefResponses.organisationMissing'),
  approach: optionalText(2000),
});

export type SignUpInput = z.output<typeof signUpForm>;

/** The order of the fields, for the error summary. */
export const ANSWER_FIELDS = [
  'name',
  'email',
  'role',
  'institutionId',
  'otherInstitution',
  'organisationId',
  'programme',
  'approach',
  'timing',
  'startsOn',
  'endsOn',
] as const;

/**
 * The rules between fields, on the values as typed, so their messages come with every other one: the
 * end not before the start, a name for "Annat lärosäte", and none when one in the list was chosen.
 */
export function answerCrossFieldErrors(values: Partial<Record<string, string>>): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  const startsOn = values.startsOn?.trim() ?? '';
  const endsOn = values.endsOn?.trim() ?? '';
  if (isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn)
    errors.endsOn = messageKey('briefResponses.endBeforeStart');
  const other = values.otherInstitution?.trim() ?? '';
  if (values.institutionId === OTHER_INSTITUTION && other === '')
    errors.otherInstitution = messageKey('briefResponses.otherInstitutionMissing');
  if (isIdText(values.institutionId ?? '') && other !== '')
    errors.otherInstitution = messageKey('briefResponses.otherInstitutionNotChosen');
  return errors;
}

/** The owner's move: the next stage, a reason (required for avböjd, checked by the service), the version. */
export const moveForm = z.strictObject({
  status: z.enum(briefResponseStatuses, { error: messageKey('briefResponses.move.statusMissing') }),
  reason: optionalText(2000),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export type MoveInput = z.output<typeof moveForm>;
